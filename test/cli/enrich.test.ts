// SPEC §6 through the built CLI on a copy of the demo vault: the demo source
// with an enrichment, a near-duplicate and a plain claim. Undo goes through
// the core command on the file-system adapter (the CLI's own `undo` verb is
// another door).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extract as coreExtract, undo } from "../../src/core/commands/extract";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { claimIndexOfVault } from "../../src/node/claim-cache";
import { FsVault } from "../../src/node/fs-vault";
import { cleanUp, cli, copyDemoVault, snapshot } from "./run-cli";

afterAll(cleanUp);

const SOURCE = "inbox/2026-03-20-mortgage-resets-household-spending.md";
const TARGET = "domains/economics/Household inflation expectations moved twice as much as professional forecasts during the 2021–2023 inflation surge.md";
const REPEATED = "domains/economics/Household debt booms predict lower GDP growth three to five years ahead, with the effect concentrated in mortgage debt.md";
const NEW_CLAIM = "domains/economics/Households with adjustable-rate mortgages cut spending about twice as fast after a rate rise as households with fixed-rate mortgages.md";

interface Json {
  candidates: { kind: string; target: string | null; selected: boolean; similar: { path: string; title: string; score: number }[] }[];
  created: string[];
  linked: string[];
  enriched: string[];
}

const read = (vault: string, path: string) => readFileSync(join(vault, path), "utf8");
const changed = (a: Map<string, string>, b: Map<string, string>) => [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();

describe("extract with similar claims and an enrichment (demo vault)", () => {
  const vault = copyDemoVault();
  const before = snapshot(vault);

  it("previews the enrichment of the linked claim, and the near-duplicate unselected with its match", () => {
    const r = cli(["extract", SOURCE, "--vault", vault, "--dry-run", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.candidates.map((c) => [c.kind, c.selected, c.target])).toEqual([
      ["enrichment", true, TARGET],
      ["claim", false, null],
      ["claim", true, null],
    ]);
    expect(out.candidates[1]?.similar).toEqual([{ path: REPEATED, title: expect.stringMatching(/^Household debt booms/), score: expect.any(Number) }]);
    expect(out.candidates[1]?.similar[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(out.enriched).toEqual([]);
    expect(snapshot(vault)).toEqual(before);
    const text = cli(["extract", SOURCE, "--vault", vault, "--dry-run"]).stdout;
    expect(text).toContain("similar to [[Household debt booms predict lower GDP growth");
    expect(text).toContain("Dry run: would create 1, enrich 1 and link 0; nothing was written.");
  });

  it("creates one claim, adds one line to the target and lists the enrichment in the source", () => {
    const r = cli(["extract", SOURCE, "--vault", vault]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Created 1, enriched 1, linked 0; /m);
    const after = snapshot(vault);
    expect(changed(before, after)).toEqual([NEW_CLAIM, TARGET, SOURCE].sort());
    // The snapshot holds bytes as latin1; the lines are compared as text.
    const old = Buffer.from(before.get(TARGET) ?? "", "latin1").toString("utf8").split("\n");
    const now = read(vault, TARGET).split("\n");
    expect(now.length).toBe(old.length + 1);
    const added = now.filter((l) => !old.includes(l));
    // The source's own sentence, quoted, not the hint's words (SPEC §6).
    expect(added).toEqual([expect.stringMatching(/^- \[\[2026-03-20-mortgage-resets-household-spending\]\] — “In the 2024 survey wave, households' one-year inflation expectations/)]);
    const fm = parseFrontmatter(read(vault, SOURCE)).data;
    expect(fm?.enrichments).toEqual(["Household inflation expectations moved twice as much as professional forecasts during the 2021–2023 inflation surge"]);
    expect(fm?.claims_extracted).toEqual(["Households with adjustable-rate mortgages cut spending about twice as fast after a rate rise as households with fixed-rate mortgages"]);
  });

  it("a re-run changes nothing, and says the target is enriched already", () => {
    const now = snapshot(vault);
    const r = cli(["extract", SOURCE, "--vault", vault, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.created).toEqual([]);
    expect(out.enriched).toEqual([TARGET]);
    expect(changed(now, snapshot(vault))).toEqual([]);
  });

  it("undo (the core command on the file-system adapter) restores all of it byte for byte", async () => {
    const fresh = copyDemoVault();
    const start = snapshot(fresh);
    const fs = new FsVault(fresh);
    const { settings } = fs.settings();
    const out = await coreExtract(fs, { path: SOURCE }, { settings, now: new Date(), claims: claimIndexOfVault(fs, false) });
    expect(out.code).toBe(0);
    const result = await undo(fs, out.record ?? fail(), { maker: null, now: new Date() });
    expect(result).toMatchObject({ restored: [TARGET], trashed: [NEW_CLAIM], sourceRestored: true });
    expect(changed(start, snapshot(fresh))).toEqual([]);
  });
});

describe("extract --target", () => {
  it("sets the target of candidate N: the near-duplicate enriches the claim it repeats", () => {
    const vault = copyDemoVault();
    const r = cli(["extract", SOURCE, "--vault", vault, "--target", `2=${REPEATED}`, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.candidates[1]).toMatchObject({ kind: "enrichment", target: REPEATED, selected: true });
    expect(out.enriched.sort()).toEqual([REPEATED, TARGET].sort());
    expect(read(vault, REPEATED)).toContain("- [[2026-03-20-mortgage-resets-household-spending]] — “Regions where household debt had grown fastest");
  });

  it.each([
    ["a note that is not a claim", "2=inbox/2025-12-03-phage-therapy-resistance-tradeoff.md", /candidate 2: .* is not a claim note/],
    ["a path outside the vault", "2=../outside.md", /candidate 2: /],
    ["a missing note", "2=domains/economics/Nothing here.md", /candidate 2: note not found/],
    ["not N=path", "two=x.md", /is not N=text/],
  ])("refuses %s with exit 2 and one line, writing nothing", (_name, arg, message) => {
    const vault = copyDemoVault();
    const before = snapshot(vault);
    const r = cli(["extract", SOURCE, "--vault", vault, "--target", arg]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(snapshot(vault)).toEqual(before);
  });
});

function fail(): never {
  throw new Error("no record");
}
