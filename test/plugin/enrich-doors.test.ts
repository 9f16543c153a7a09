// @vitest-environment happy-dom
// SPEC §6 through two doors: the CLI (over a copy of the demo vault on disk)
// and Obsidian's command line (the plugin's handlers in the test double, with
// the live claim index) plan the demo source with an enrichment and a
// near-duplicate alike, and both take `target`.
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import { cleanUp, copyDemoVault } from "../cli/run-cli";
import { demoFiles, startPlugin } from "./plugin-harness";

afterAll(cleanUp);

const SOURCE = "inbox/2026-03-20-mortgage-resets-household-spending.md";
const TARGET = "domains/economics/Household inflation expectations moved twice as much as professional forecasts during the 2021–2023 inflation surge.md";
const REPEATED = "domains/economics/Household debt booms predict lower GDP growth three to five years ahead, with the effect concentrated in mortgage debt.md";

describe("similar claims and enrichment through the CLI and Obsidian's command line", () => {
  it("plan the same candidates, targets and similar claims, and take a target the same way", async () => {
    const vault = copyDemoVault();
    const started = await startPlugin({ files: demoFiles() });
    await started.h.settle();
    const cli = async (args: string[]) => JSON.parse((await run(["extract", SOURCE, "--vault", vault, "--json", "--dry-run", ...args])).out) as { candidates: { kind: string; target: string | null }[] };
    const obsidian = async (params: Record<string, string>) =>
      JSON.parse(await started.h.app.cli.run("source-queue:extract", { note: SOURCE, "dry-run": "true", ...params })) as { candidates: { kind: string; target: string | null }[] };

    const [a, b] = [await cli([]), await obsidian({})];
    expect(b).toEqual(a);
    expect(a.candidates.map((c) => [c.kind, c.target])).toEqual([
      ["enrichment", TARGET],
      ["claim", null],
      ["claim", null],
    ]);
    const [c, d] = [await cli(["--target", `2=${REPEATED}`]), await obsidian({ target: `2=${REPEATED}` })];
    expect(d).toEqual(c);
    expect(c.candidates[1]).toMatchObject({ kind: "enrichment", target: REPEATED });
  });

  it("Obsidian's command line refuses a target that is not a claim, naming it", async () => {
    const started = await startPlugin({ files: demoFiles() });
    await started.h.settle();
    await expect(started.h.app.cli.run("source-queue:extract", { note: SOURCE, "dry-run": "true", target: "2=inbox/2025-12-03-phage-therapy-resistance-tradeoff.md" })).rejects.toThrow(
      /^target=: candidate 2: inbox\/2025-12-03-phage-therapy-resistance-tradeoff\.md is not a claim note of this vault$/,
    );
  });
});
