// scripts/agent-loop.mjs (issue #15 "Docs"): the example agent loop runs end
// to end with the real CLI on a temporary copy of the demo vault: next →
// claim → read → extract with a plan → processed, until the queue is empty.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { BIN, cleanUp, cli, cliEnv, copyDemoVault, read } from "./run-cli";

afterAll(cleanUp);

const SCRIPT = join(import.meta.dirname, "../../scripts/agent-loop.mjs");

describe("the example agent loop", () => {
  it("works one domain of the demo queue until nothing is left, each source processed by the agent with its model recorded", () => {
    const vault = copyDemoVault();
    // One domain (five sources) keeps the run short; the loop is the same for the whole queue.
    const free = (JSON.parse(cli(["list", "--vault", vault, "--status", "unprocessed", "--domain", "climate", "--json"]).stdout) as { sources: { path: string }[] }).sources.map((s) => s.path);
    const run = spawnSync(process.execPath, [SCRIPT, "--vault", vault, "--agent", "extractor-1", "--max", "50", "--domain", "climate", "--model", "loop-model", "--bin", BIN], { encoding: "utf8", env: cliEnv() });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("The queue has nothing left for this agent.");
    expect(run.stdout).toContain(`Done: ${free.length} sources.`);
    for (const path of free) {
      const data = parseFrontmatter(read(vault, path)).data ?? {};
      expect(["processed", "null-result"], path).toContain(data.status);
      if (data.status === "processed") {
        expect(data, path).toMatchObject({ processed_by: "extractor-1", extraction_model: "loop-model" });
        expect(data, path).not.toHaveProperty("processing_until");
      }
    }
    const next = JSON.parse(cli(["next", "--vault", vault, "--domain", "climate", "--json"]).stdout) as { source: unknown };
    expect(next.source).toBeNull();
  }, 120_000);
});
