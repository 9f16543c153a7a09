// SPEC §8 with a real process: the built CLI is killed (SIGKILL, as kill -9)
// at every write step of an extraction on a copy of the demo vault, or meets
// a full disk there; the next run of any command then leaves, byte for byte,
// either the whole result of an uninterrupted run or the vault as it was,
// with no journal and no temp file left.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, cleanUp, cliEnv, copyDemoVault, snapshot } from "./run-cli";

const SOURCE = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";

afterAll(cleanUp);

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

function run(vault: string, args: string[], env: Record<string, string | undefined> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args, "--vault", vault], { encoding: "utf8", env: cliEnv(env) });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function runAsync(vault: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, "--vault", vault], { env: cliEnv(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Run `work` on every item, `width` at a time (the machine has few cores). */
async function pool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < items.length) {
      const at = next++;
      out[at] = await work(items[at] as T);
    }
  });
  await Promise.all(lanes);
  return out;
}

/** The demo vault with its claims sent to a folder that does not exist yet, so the run makes folders too. */
function vaultCopy(): string {
  const vault = copyDemoVault();
  mkdirSync(join(vault, ".obsidian/plugins/source-queue"), { recursive: true });
  writeFileSync(join(vault, ".obsidian/plugins/source-queue/data.json"), JSON.stringify({ claimFolder: "claims/{{domain}}" }));
  return vault;
}

/** Files of the vault as text by path, without the plugin's own folder (journals, locks). */
function notes(vault: string): Map<string, string> {
  const all = snapshot(vault);
  for (const path of [...all.keys()]) if (path.startsWith(".obsidian/plugins/source-queue/") && !path.endsWith("data.json")) all.delete(path);
  return all;
}

const leftovers = (vault: string): string[] => [...snapshot(vault).keys()].filter((p) => p.includes(".source-queue-") || p.includes("/journal/"));

function sameFiles(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

const untouched = vaultCopy();
const nothing = notes(untouched);
const complete = vaultCopy();
const clean = run(complete, ["extract", SOURCE]);
const whole = notes(complete);

describe("an extraction killed at any write step", () => {
  it("is a run of several claims, with folders to make, in the vault copy", () => {
    expect(clean.code).toBe(0);
    expect(whole.size - nothing.size).toBeGreaterThanOrEqual(2);
  });

  it("leaves, after the next run, the whole result or nothing, at every step", async () => {
    const traced = run(vaultCopy(), ["extract", SOURCE], { SOURCE_QUEUE_TRACE_STEPS: "1" });
    const steps = traced.stderr.split("\n").filter((l) => l.includes("write step")).length;
    // The journal (4 steps), 2 folders, each claim (4), the source (3), the journal's removal.
    expect(steps).toBeGreaterThanOrEqual(4 + 2 + 2 * 4 + 3 + 1);
    const outcomes = await pool(
      Array.from({ length: steps }, (_, i) => i + 1),
      3,
      async (step) => {
        const vault = vaultCopy();
        const killed = await runAsync(vault, ["extract", SOURCE], { SOURCE_QUEUE_FAIL_AT: String(step) });
        const next = await runAsync(vault, ["list", "--all", "--json"]);
        const after = notes(vault);
        const outcome = sameFiles(after, whole) ? "whole" : sameFiles(after, nothing) ? "nothing" : "inconsistent";
        return { step, signal: killed.signal, next: next.code, outcome, leftovers: leftovers(vault) };
      },
    );
    for (const o of outcomes) expect(o).toEqual({ step: o.step, signal: "SIGKILL", next: 0, outcome: expect.stringMatching(/^(whole|nothing)$/), leftovers: [] });
    // Both ends are reached: a kill before the source is written undoes, one after it keeps.
    expect(outcomes.map((o) => o.outcome)).toContain("nothing");
    expect(outcomes.map((o) => o.outcome)).toContain("whole");
    // One step past the last, the run is not stopped at all.
    expect(run(vaultCopy(), ["extract", SOURCE], { SOURCE_QUEUE_FAIL_AT: String(steps + 1) })).toMatchObject({ code: 0, signal: null });
  }, 120_000);

  it("says on the next run what it found and did", () => {
    const vault = vaultCopy();
    // Step 10: the journal, the folders and the first claim are written (its temp name still beside it).
    expect(run(vault, ["extract", SOURCE], { SOURCE_QUEUE_FAIL_AT: "10" }).signal).toBe("SIGKILL");
    const next = run(vault, ["validate"]);
    expect(next.stderr).toMatch(new RegExp(`^source-queue: an interrupted extraction of ${SOURCE} was rolled back \\(removed the 1 claim it had written\\)$`, "m"));
    expect(run(vault, ["validate"]).stderr).not.toMatch(/interrupted/);
  });

  it("is finished by `set` or `extract` as well, and a re-run of the extraction then creates everything", () => {
    for (const command of [["set", SOURCE, "--priority", "low"], ["extract", SOURCE, "--dry-run"]]) {
      const vault = vaultCopy();
      expect(run(vault, ["extract", SOURCE], { SOURCE_QUEUE_FAIL_AT: "9" }).signal).toBe("SIGKILL");
      expect(run(vault, command).stderr).toMatch(/interrupted extraction/);
      expect(leftovers(vault)).toEqual([]);
      const again = run(vault, ["extract", SOURCE]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/Created \d+, enriched \d+, linked 0/);
    }
  });
});

describe("an extraction that enriches a claim, killed at any write step", () => {
  // SPEC §6: the demo source with one new claim and one enrichment; the target is written after the claim, before the source.
  const ENRICHING = "inbox/2026-03-20-mortgage-resets-household-spending.md";
  const done = vaultCopy();
  const first = run(done, ["extract", ENRICHING]);
  const result = notes(done);

  it("leaves, after the next run, the whole result (claim, bullet, source) or nothing, at every step", async () => {
    expect(first.stdout).toMatch(/Created 1, enriched 1, linked 0/);
    const traced = run(vaultCopy(), ["extract", ENRICHING], { SOURCE_QUEUE_TRACE_STEPS: "1" });
    const lines = traced.stderr.split("\n").filter((l) => l.includes("write step"));
    const steps = lines.length;
    // The target's write is a step of its own, between the claim's and the source's.
    expect(lines.filter((l) => l.includes("Household inflation expectations")).length).toBeGreaterThanOrEqual(1);
    const outcomes = await pool(
      Array.from({ length: steps }, (_, i) => i + 1),
      3,
      async (step) => {
        const vault = vaultCopy();
        const killed = await runAsync(vault, ["extract", ENRICHING], { SOURCE_QUEUE_FAIL_AT: String(step) });
        const next = await runAsync(vault, ["list", "--all", "--json"]);
        const after = notes(vault);
        const outcome = sameFiles(after, result) ? "whole" : sameFiles(after, nothing) ? "nothing" : "inconsistent";
        return { step, signal: killed.signal, next: next.code, outcome, leftovers: leftovers(vault) };
      },
    );
    for (const o of outcomes) expect(o).toEqual({ step: o.step, signal: "SIGKILL", next: 0, outcome: expect.stringMatching(/^(whole|nothing)$/), leftovers: [] });
    expect(outcomes.map((o) => o.outcome)).toContain("nothing");
    expect(outcomes.map((o) => o.outcome)).toContain("whole");
  }, 120_000);
});

describe("a full disk in the middle of an extraction", () => {
  it("leaves no empty or partial claim, no temp file and no journal, and the re-run creates every claim", async () => {
    const traced = run(vaultCopy(), ["extract", SOURCE], { SOURCE_QUEUE_TRACE_STEPS: "1" });
    // Every step that needs space: removing a file never meets a full disk.
    const spaceSteps = traced.stderr
      .split("\n")
      .map((l) => /write step (\d+): (.*)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null && !m[2]?.startsWith("remove"))
      .map((m) => Number(m[1]));
    expect(spaceSteps.length).toBeGreaterThanOrEqual(10);
    const results = await pool(
      spaceSteps,
      3,
      async (step) => {
        const vault = vaultCopy();
        const failed = await runAsync(vault, ["extract", SOURCE], { SOURCE_QUEUE_FAIL_AT: `${step}:enospc` });
        const state = { nothing: sameFiles(notes(vault), nothing), leftovers: leftovers(vault) };
        const again = await runAsync(vault, ["extract", SOURCE]);
        return { step, code: failed.code, stderr: failed.stderr.trim(), ...state, again: again.stdout.trim().split("\n").at(-1), whole: sameFiles(notes(vault), whole) };
      },
    );
    for (const r of results) {
      expect(r).toEqual({
        step: r.step,
        code: 1,
        stderr: expect.stringMatching(/^source-queue: extract failed and was rolled back: ENOSPC: no space left on device/),
        nothing: true,
        leftovers: [],
        again: expect.stringMatching(/^Created \d+, enriched \d+, linked 0/),
        whole: true,
      });
      expect(r.stderr).not.toMatch(/ENOSPC: ENOSPC/);
    }
  }, 120_000);
});
