// SPEC §8 for the agents' split: `extract --plan` (the CLI twin of
// extract_claims, the same command object as the MCP server's) writes its
// intent journal before the first change, as `extract` does. Killed at any
// write step, the next run of any command leaves the whole result (the
// agent's own claim and extraction_model included) or the vault as it was.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, cleanUp, cliEnv, copyDemoVault, snapshot, tempDir } from "./run-cli";

afterAll(cleanUp);

const SOURCE = "inbox/2026-03-27-sandbagging-scheming-evals.md";
const PLAN = join(tempDir("sq-agent-crash-"), "plan.json");
writeFileSync(PLAN, JSON.stringify({ select: [1], claims: [{ title: "Anti-scheming training leaves residual scheming in some models", body: "Two of six models kept scheming." }], model: "crash-model" }));
const ARGS = ["extract", SOURCE, "--plan", PLAN];

function runAsync(vault: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, "--vault", vault], { env: cliEnv(env) });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** The vault's files without the plugin's own folder (journals, locks). */
function notes(vault: string): Map<string, string> {
  const all = snapshot(vault);
  for (const path of [...all.keys()]) if (path.startsWith(".obsidian/plugins/source-queue/")) all.delete(path);
  return all;
}

const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
const leftovers = (vault: string) => [...snapshot(vault).keys()].filter((p) => p.includes(".source-queue-") || p.includes("/journal/"));

describe("an agent's split killed at any write step", () => {
  it("leaves, after the next run, the whole result or nothing", async () => {
    const nothing = notes(copyDemoVault());
    const complete = copyDemoVault();
    const clean = spawnSync(process.execPath, [BIN, ...ARGS, "--vault", complete], { encoding: "utf8", env: cliEnv({ SOURCE_QUEUE_TRACE_STEPS: "1" }) });
    expect(clean.status, clean.stderr).toBe(0);
    const whole = notes(complete);
    expect([...whole.values()].some((t) => t.includes("extraction_model: crash-model"))).toBe(true);
    const steps = clean.stderr.split("\n").filter((l) => l.includes("write step")).length;
    expect(steps).toBeGreaterThanOrEqual(8);

    const outcomes: { step: number; signal: string | null; outcome: string; leftovers: string[] }[] = [];
    for (let step = 1; step <= steps; step += 2) {
      const pair = [step, step + 1].filter((s) => s <= steps);
      outcomes.push(
        ...(await Promise.all(
          pair.map(async (s) => {
            const vault = copyDemoVault();
            const killed = await runAsync(vault, ARGS, { SOURCE_QUEUE_FAIL_AT: String(s) });
            await runAsync(vault, ["validate"]);
            const after = notes(vault);
            return { step: s, signal: killed.signal, outcome: same(after, whole) ? "whole" : same(after, nothing) ? "nothing" : "inconsistent", leftovers: leftovers(vault) };
          }),
        )),
      );
    }
    for (const o of outcomes) expect(o).toEqual({ step: o.step, signal: "SIGKILL", outcome: expect.stringMatching(/^(whole|nothing)$/), leftovers: [] });
    expect(outcomes.map((o) => o.outcome)).toContain("nothing");
    expect(outcomes.map((o) => o.outcome)).toContain("whole");
  }, 180_000);
});
