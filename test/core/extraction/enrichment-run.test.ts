// SPEC §6 through the core command: near-duplicates unselected, enrichment
// targets found, chosen and refused, one bullet appended all or nothing,
// re-runs idempotent, undo byte for byte. The vault is the in-memory port.
import { describe, expect, it } from "vitest";
import { ClaimIndex } from "../../../src/core/claims/claim-index";
import { claimInputFromText } from "../../../src/core/claims/claim-input";
import { applyPlan, extract, planExtract, undo, type ExtractRequest } from "../../../src/core/commands/extract";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { MemoryPort } from "../memory-port";

const NOW = new Date("2026-05-01T12:00:00Z");
const SOURCE = "inbox/mortgages.md";
const DEBT = "domains/economics/Household debt booms predict lower GDP growth three to five years ahead.md";
const INFL = "domains/economics/Household inflation expectations moved twice as much as professional forecasts.md";

const claim = (title: string, extra = "") => `---\ntype: claim\ndomain: economics\n${extra}---\n# ${title}\n\nWhy it holds.\n\n## Evidence\n- [[older-source]] — the first measurement\n\nRelevant Notes:\n- [[x]]\n`;

function source(hints: string[]): string {
  return `---\ntype: source\ntitle: Mortgages\ndomain: economics\nstatus: unprocessed\n---\n## Content\nAdjustable-rate households cut spending twice as fast.\n\n## Agent Notes\n**Extraction hints:**\n${hints.map((h) => `- ${h}`).join("\n")}\n`;
}

const HINTS = [
  "Enrichment: the 2024 survey gap as evidence for [[Household inflation expectations moved twice as much as professional forecasts]]",
  "Booms in household debt predict weaker GDP growth three to five years later",
  "Households with adjustable-rate mortgages cut spending twice as fast as fixed-rate households",
];

function vault(hints = HINTS, extra: Record<string, string> = {}): MemoryPort {
  return new MemoryPort({
    [SOURCE]: source(hints),
    [DEBT]: claim("Household debt booms predict lower GDP growth three to five years ahead"),
    [INFL]: claim("Household inflation expectations moved twice as much as professional forecasts"),
    ...extra,
  });
}

function claimsOf(port: MemoryPort): ClaimIndex {
  const inputs = [...port.files].map(([path, text]) => claimInputFromText(path, text)).filter((i) => i !== null);
  return ClaimIndex.build(inputs);
}

const ctx = (port: MemoryPort) => ({ settings: DEFAULT_SETTINGS, now: NOW, claims: claimsOf(port) });
const run = (port: MemoryPort, req: Partial<ExtractRequest> = {}) => extract(port, { path: SOURCE, ...req }, ctx(port));

describe("candidates against the vault's claims (SPEC §6)", () => {
  it("a near-duplicate above COVERS is not selected, and shows the claim it repeats", async () => {
    const plan = await planExtract(vault(), { path: SOURCE }, ctx(vault()));
    const dup = plan.candidates[1];
    expect(dup?.kind).toBe("claim");
    expect(dup?.selected).toBe(false);
    expect(dup?.similar[0]).toMatchObject({ path: DEBT, title: "Household debt booms predict lower GDP growth three to five years ahead" });
    expect(dup?.similar[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(plan.candidates[2]).toMatchObject({ kind: "claim", selected: true, similar: [] });
  });

  it("without a claim index nothing is looked for: no similar claims, no targets", async () => {
    const port = vault();
    const plan = await planExtract(port, { path: SOURCE }, { settings: DEFAULT_SETTINGS, now: NOW });
    expect(plan.candidates.map((c) => [c.selected, c.similar.length, c.target])).toEqual([
      [false, 0, null],
      [true, 0, null],
      [true, 0, null],
    ]);
  });

  it("without a claim index a checked enrichment is created as a claim, as before (a door with no index yet)", async () => {
    const port = vault();
    const out = await extract(port, { path: SOURCE, select: [1] }, { settings: DEFAULT_SETTINGS, now: NOW });
    expect(out.code).toBe(0);
    expect(out.created).toHaveLength(1);
    expect(out.enriched).toEqual([]);
    expect(port.files.get(INFL)).toBe(vault().files.get(INFL));
  });

  it("a claim whose title is exactly an existing claim's elsewhere is 'exists — link only'", async () => {
    const port = vault(["Household debt booms predict lower GDP growth three to five years ahead"], { [DEBT]: "" });
    port.files.delete(DEBT);
    const other = "domains/finance/Household debt booms predict lower GDP growth three to five years ahead.md";
    port.files.set(other, claim("Household debt booms predict lower GDP growth three to five years ahead"));
    const plan = await planExtract(port, { path: SOURCE }, ctx(port));
    expect(plan.candidates[0]).toMatchObject({ existing: other, selected: false });
    expect(plan.linked).toEqual([other]);
  });

  it.each([
    ["a [[link]] to a claim is a certain target, selected", HINTS[0], INFL, true, true],
    ["an exact quoted title is certain", 'Update the "Household debt booms predict lower GDP growth three to five years ahead" claim with the 2024 panel', DEBT, true, true],
    ["a target found by similarity is a guess, not selected", "Could enrich the existing claim about household inflation expectations versus professional forecasts", INFL, false, false],
  ])("%s", async (_name, hint, path, certain, selected) => {
    const port = vault([hint ?? ""]);
    const plan = await planExtract(port, { path: SOURCE }, ctx(port));
    expect(plan.candidates[0]).toMatchObject({ kind: "enrichment", target: { path, certain }, selected });
  });
});

describe("applying an enrichment", () => {
  it("creates the new claim, appends one bullet to the target (one line) and lists it in the source, in one run", async () => {
    const port = vault();
    const before = port.files.get(INFL) ?? "";
    const out = await run(port);
    expect(out.code).toBe(0);
    expect(out.created).toHaveLength(1);
    expect(out.enriched).toEqual([INFL]);
    const after = port.files.get(INFL) ?? "";
    const added = after.split("\n").filter((l) => !before.split("\n").includes(l));
    // The source's evidence, quoted, not the hint's words (SPEC §6).
    expect(added).toEqual(["- [[mortgages]] — “Adjustable-rate households cut spending twice as fast.”"]);
    expect(after.replace(`${added[0]}\n`, "")).toBe(before);
    const fm = parseFrontmatter(port.files.get(SOURCE) ?? "").data;
    expect(fm).toMatchObject({ status: "processed", enrichments: ["Household inflation expectations moved twice as much as professional forecasts"] });
    expect(port.log.indexOf(`replace ${INFL}`)).toBeLessThan(port.log.indexOf(`replace ${SOURCE}`));
  });

  it("a re-run adds no second bullet and writes nothing, and still reports the target as enriched", async () => {
    const port = vault();
    await run(port);
    const files = new Map(port.files);
    const writes = port.log.length;
    const again = await run(port);
    expect(again.code).toBe(0);
    expect(again.enriched).toEqual([INFL]);
    expect(again.record).toBeNull();
    expect(port.files).toEqual(files);
    expect(port.log).toHaveLength(writes);
  });

  it("a run with only an enrichment still updates the source: enrichments and status", async () => {
    const port = vault([HINTS[0] ?? ""]);
    const out = await run(port);
    expect(out.created).toEqual([]);
    expect(out.enriched).toEqual([INFL]);
    expect(parseFrontmatter(port.files.get(SOURCE) ?? "").data).toMatchObject({ status: "processed", enrichments: [expect.any(String)] });
    expect(parseFrontmatter(port.files.get(SOURCE) ?? "").data?.claims_extracted).toBeUndefined();
  });

  it("the source's enrichments list gets no duplicate when the target is listed already", async () => {
    const hinted = source([HINTS[0] ?? ""]).replace("status: unprocessed\n", "status: unprocessed\nenrichments:\n  - Household inflation expectations moved twice as much as professional forecasts\n");
    const port = vault();
    port.files.set(SOURCE, hinted);
    await run(port);
    expect(parseFrontmatter(port.files.get(SOURCE) ?? "").data?.enrichments).toEqual(["Household inflation expectations moved twice as much as professional forecasts"]);
  });

  it("the user's target overrides the one found, and a near-duplicate can enrich the claim it repeats", async () => {
    const port = vault();
    const out = await run(port, { targets: new Map([[1, DEBT], [2, DEBT]]) });
    expect(out.code).toBe(0);
    expect(out.enriched).toEqual([DEBT]);
    expect(port.files.get(INFL)).toBe(vault().files.get(INFL));
    expect((port.files.get(DEBT) ?? "").match(/\[\[mortgages\]\]/g)).toHaveLength(1);
  });

  it("undo restores the target and the source byte for byte and removes the new claim", async () => {
    const port = vault();
    const before = new Map(port.files);
    const out = await run(port);
    const result = await undo(port, out.record ?? fail(), { maker: null, now: new Date() });
    expect(result).toMatchObject({ restored: [INFL], keptEdited: [], sourceRestored: true });
    expect(port.files).toEqual(before);
  });

  it("undo keeps a target edited since, and says so", async () => {
    const port = vault();
    const out = await run(port);
    port.files.set(INFL, `${port.files.get(INFL) ?? ""}\nA curator's note.\n`);
    const edited = port.files.get(INFL);
    const result = await undo(port, out.record ?? fail(), { maker: null, now: new Date() });
    expect(result.keptEdited).toEqual([INFL]);
    expect(result.restored).toEqual([]);
    expect(port.files.get(INFL)).toBe(edited);
  });
});

describe("targets that cannot be enriched are refused before anything is written", () => {
  const cases: [string, Record<string, string>, Map<number, string>, RegExp][] = [
    ["a note that is not a claim", { "notes/plain.md": "---\ntype: note\n---\n# Plain\n" }, new Map([[1, "notes/plain.md"]]), /notes\/plain\.md cannot be enriched: it is not a claim/],
    ["a claim whose YAML does not parse", { "domains/economics/Broken.md": '---\ntype: claim\ntitle: "open\n---\n# Broken\n' }, new Map([[1, "domains/economics/Broken.md"]]), /Broken\.md cannot be enriched: its frontmatter cannot be read/],
    ["a file that is not Markdown", { "domains/economics/table.csv": "a,b\n" }, new Map([[1, "domains/economics/table.csv"]]), /table\.csv is not a Markdown note/],
    ["a path with no note", {}, new Map([[1, "domains/economics/Gone.md"]]), /Gone\.md is not a claim note of this vault/],
  ];
  it.each(cases)("%s", async (_name, extra, targets, message) => {
    const port = vault(HINTS, extra);
    const before = new Map(port.files);
    const out = await run(port, { targets });
    expect(out.code).toBe(1);
    expect(out.errors.join("\n")).toMatch(message);
    expect(out.errors.filter((e) => message.test(e))).toHaveLength(1);
    expect(port.files).toEqual(before);
    expect(port.log).toEqual([]);
  });

  it("a target edited, renamed or deleted between the preview and Create: the run refuses and writes nothing", async () => {
    for (const change of ["edit", "delete"] as const) {
      const port = vault();
      const plan = await planExtract(port, { path: SOURCE }, ctx(port));
      if (change === "edit") port.files.set(INFL, `${port.files.get(INFL) ?? ""}more\n`);
      else port.files.delete(INFL);
      const files = new Map(port.files);
      const out = await applyPlan(port, plan, { writer: {}, now: new Date() });
      expect(out.code).toBe(1);
      expect(out.errors[0]).toMatch(new RegExp(`${INFL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} (changed|no longer exists) since the preview`));
      expect(port.files).toEqual(files);
    }
  });

  it("a failure after the target was written gives the target back byte for byte", async () => {
    const port = vault();
    const before = new Map(port.files);
    const plan = await planExtract(port, { path: SOURCE }, ctx(port));
    // The source changes between the target's write and its own: the run fails on the source and takes everything back.
    const replace = port.replace.bind(port);
    port.replace = async (path, expected, next) => {
      if (path === SOURCE) throw new Error("disk full");
      return replace(path, expected, next);
    };
    const out = await applyPlan(port, plan, { writer: {}, now: new Date() });
    expect(out.code).toBe(1);
    port.replace = replace;
    expect(port.files).toEqual(before);
  });
});

function fail(): never {
  throw new Error("no record");
}
