// SPEC §2–3 end to end on the seed note: plan, apply all or nothing, re-run,
// roll back on failure, undo. The vault is the in-memory port.
import { describe, expect, it } from "vitest";
import { planExtraction, type CandidateChoice } from "../../../src/core/extraction/extraction";
import { applyExtraction, undoExtraction, type ExtractionRecord } from "../../../src/core/extraction/apply-extraction";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/note/settings";
import { SEED_PATH, seedNote, SEED_TITLES, SEED_FILE_NAMES, SEED_CITATION } from "../../fixtures/seed";
import { MemoryPort } from "../memory-port";

const TODAY = "2026-05-01";
const SEED = seedNote();
const FOLDER = "domains/ai-alignment";
const CITATION = SEED_CITATION;

const TITLES = SEED_TITLES;
const NAMES = SEED_FILE_NAMES;
const PATHS = NAMES.map((n) => `${FOLDER}/${n}.md`);
const RELEVANT = [
  "scalable oversight degrades rapidly as capability gaps grow with debate achieving only 50 percent success at moderate gaps",
  "formal verification of AI-generated proofs provides scalable oversight that human review cannot match",
  "scalable oversight degrades rapidly as capability gaps grow",
  "human-AI mathematical collaboration succeeds through role specialization",
];

function seedVault(extra: Record<string, string> = {}, options: ConstructorParameters<typeof MemoryPort>[1] = {}): MemoryPort {
  return new MemoryPort({ [SEED_PATH]: SEED, ...extra }, options);
}

function plan(port: MemoryPort, choices?: Map<number, CandidateChoice>, settings: Settings = DEFAULT_SETTINGS, text?: string) {
  return planExtraction({ path: SEED_PATH, text: text ?? port.files.get(SEED_PATH) ?? "", settings, today: TODAY, port, choices });
}

async function extractSeed(port: MemoryPort): Promise<ExtractionRecord> {
  const result = await applyExtraction(plan(port), port);
  if (!result.ok || result.record === null) throw new Error("the seed split did not apply");
  return result.record;
}

describe("planning the seed's split", () => {
  const port = seedVault();
  const p = plan(port);

  it("plans four claims in the domain folder and nothing that blocks", () => {
    expect(p.blockers).toEqual([]);
    expect(p.folder).toBe(FOLDER);
    expect(p.creates.map((c) => c.candidate.path)).toEqual(PATHS);
    expect(p.creates.map((c) => c.candidate.title)).toEqual(TITLES);
    expect(p.creates.map((c) => c.confidence)).toEqual(["experimental", "experimental", "experimental", "experimental"]);
    expect(p.linked).toEqual([]);
  });

  it("writes nothing while planning", () => {
    expect(port.log).toEqual([]);
    expect(port.paths()).toEqual([SEED_PATH]);
  });
});

describe("applying the seed's split", () => {
  it("creates exactly the four claim files, in the domain folder", async () => {
    const port = seedVault();
    const result = await applyExtraction(plan(port), port);
    expect(result).toMatchObject({ ok: true, created: PATHS, linked: [] });
    expect(port.paths()).toEqual([...PATHS, SEED_PATH].sort());
    expect([...port.folders].sort()).toEqual(["domains", FOLDER, "inbox"]);
  });

  it("gives each claim the §3 frontmatter", async () => {
    const port = seedVault();
    await extractSeed(port);
    const data = PATHS.map((p) => parseFrontmatter(port.files.get(p) ?? "").data);
    data.forEach((d, i) => {
      expect(d).toMatchObject({ type: "claim", domain: "ai-alignment", confidence: "experimental", source: CITATION, created: TODAY });
      expect(typeof d?.description).toBe("string");
      expect(String(d?.description).length).toBeGreaterThan(0);
      expect(d?.description).not.toBe(TITLES[i]);
      expect(d).not.toHaveProperty("secondary_domains");
    });
    // The title is kept in aliases only where the file name had to differ from it.
    expect(data.map((d) => d?.aliases ?? null)).toEqual([[TITLES[0]], [TITLES[1]], null, null]);
    // Each description is the claim's own: here, with no commentary beyond the quote, its best evidence sentence.
    expect(new Set(data.map((d) => d?.description)).size).toBe(4);
    expect(data[1]?.description).toBe("DeepMind: pivoted to pragmatic interpretability after SAEs underperformed linear probes on harmful intent detection");
  });

  it("gives each claim the §3 body: title (the rationale only when it says more), Evidence linking the source and quoting it, Relevant Notes", async () => {
    const port = seedVault();
    await extractSeed(port);
    const third = port.files.get(PATHS[2] ?? "") ?? "";
    const body = third.slice(third.indexOf("\n---\n") + 5);
    expect(body).toBe(
      [
        "",
        `# ${TITLES[2]}`,
        "",
        "> [!note] Curator guidance",
        "> Don't extract the whole article as one claim. Three separable claims: (1) hours-per-prompt bottleneck as specific measurement, (2) Anthropic/DeepMind complementarity framing, (3) first documented production deployment decision using interpretability.",
        "",
        "## Evidence",
        "",
        `- [[2026-04-06-circuit-tracing-production-safety-mitra]] — ${CITATION}`,
        `  > SPAR's "Automating Circuit Interpretability with Agents" project directly targets this bottleneck`,
        `  > The key remaining bottleneck: "it currently takes a few hours of human effort to understand the circuits even on prompts with only tens of words"`,
        "",
        "Relevant Notes:",
        ...RELEVANT.map((r) => `- [[${r}]]`),
        "",
      ].join("\n"),
    );
    for (const [i, path] of PATHS.entries()) expect(port.files.get(path)).toContain(`\n# ${TITLES[i]}\n`);
  });

  it("updates the source's frontmatter and adds the section, and nothing else changes", async () => {
    const port = seedVault();
    await extractSeed(port);
    const before = SEED.split("\n");
    const close = before.indexOf("---", 1);
    const expected = [
      ...before.slice(0, close).map((line) => (line === "status: unprocessed" ? "status: processed" : line)),
      "claims_extracted:",
      `  - ${JSON.stringify(TITLES[0])}`,
      `  - ${JSON.stringify(TITLES[1])}`,
      `  - ${TITLES[2]}`,
      `  - ${TITLES[3]}`,
      `processed_date: ${TODAY}`,
      ...before.slice(close),
      "",
      "## Extracted claims",
      "",
      // The link shows the title wherever the file name had to differ from it.
      ...NAMES.map((n, i) => (n === TITLES[i] ? `- [[${n}]]` : `- [[${n}|${TITLES[i]}]]`)),
    ];
    expect((port.files.get(SEED_PATH) ?? "").split("\n")).toEqual(expected);
    const data = parseFrontmatter(port.files.get(SEED_PATH) ?? "").data;
    expect(data).toMatchObject({ status: "processed", processed_date: TODAY, claims_extracted: TITLES });
    expect(data).not.toHaveProperty("processed_by");
  });

  it("writes processed_by when the setting has a name", async () => {
    const port = seedVault();
    const settings = { ...DEFAULT_SETTINGS, processedBy: "curator-1", defaultConfidence: "likely" as const };
    await applyExtraction(plan(port, undefined, settings), port);
    expect(parseFrontmatter(port.files.get(SEED_PATH) ?? "").data).toMatchObject({ processed_by: "curator-1" });
    expect(port.files.get(PATHS[0] ?? "")).toContain("\nconfidence: likely\n");
  });

  it("a second run creates nothing and leaves the source unchanged", async () => {
    const port = seedVault();
    await extractSeed(port);
    const after = port.files.get(SEED_PATH);
    const writes = port.log.length;

    const again = plan(port);
    expect(again.creates).toEqual([]);
    expect(again.sourceAfter).toBeNull();
    expect(again.candidates.map((c) => [c.existing, c.selected])).toEqual(PATHS.map((p) => [p, false]));
    expect(again.linked).toEqual(PATHS);
    expect(await applyExtraction(again, port)).toEqual({ ok: true, record: null, created: [], linked: PATHS, enriched: [] });
    expect(port.files.get(SEED_PATH)).toBe(after);
    expect(port.log).toHaveLength(writes);
  });
});

describe("all or nothing", () => {
  it("a failure on the second create leaves no claim behind and the source unchanged", async () => {
    const port = seedVault({}, { failCreate: 2 });
    const result = await applyExtraction(plan(port), port);
    expect(result).toEqual({
      ok: false,
      error: `disk full while writing ${PATHS[1]}`,
      rolledBack: [PATHS[0]],
      leftBehind: [],
    });
    expect(port.paths()).toEqual([SEED_PATH]);
    expect(port.files.get(SEED_PATH)).toBe(SEED);
    expect([...port.folders]).toEqual(["inbox"]);
  });

  it("reports a claim the rollback could not remove", async () => {
    const port = seedVault({}, { failCreate: 3, failRemove: PATHS[0] });
    const result = await applyExtraction(plan(port), port);
    expect(result).toMatchObject({ ok: false, rolledBack: [PATHS[1]], leftBehind: [PATHS[0]] });
    expect(port.files.get(SEED_PATH)).toBe(SEED);
  });

  it("a source changed between plan and apply is refused, and nothing is written", async () => {
    const port = seedVault();
    const p = plan(port);
    port.files.set(SEED_PATH, `${SEED}\nedited`);
    const result = await applyExtraction(p, port);
    expect(result).toEqual({ ok: false, error: `${SEED_PATH} changed since the preview; run extract again`, rolledBack: [], leftBehind: [] });
    expect(port.paths()).toEqual([SEED_PATH]);
    expect(port.log).toEqual([]);
  });

  it("a claim file that appears between plan and apply is never overwritten", async () => {
    const port = seedVault();
    const p = plan(port);
    port.files.set(PATHS[2] ?? "", "mine");
    const result = await applyExtraction(p, port);
    expect(result).toMatchObject({ ok: false, error: `${PATHS[2]} already exists; nothing is overwritten` });
    expect(port.files.get(PATHS[2] ?? "")).toBe("mine");
    expect(port.paths()).toEqual([PATHS[2], SEED_PATH].sort());
  });

  it("a claim that exists under another case is linked, not created", async () => {
    const mine = PATHS[2]?.toLowerCase() ?? "";
    const port = seedVault({ [mine]: "existing claim" });
    const p = plan(port);
    expect(p.candidates[2]).toMatchObject({ existing: mine, selected: false });
    const result = await applyExtraction(p, port);
    expect(result).toMatchObject({ ok: true, created: [PATHS[0], PATHS[1], PATHS[3]], linked: [mine] });
    expect(port.files.get(mine)).toBe("existing claim");
    // The section links every claim of the source, the existing one included.
    expect(port.files.get(SEED_PATH)).toContain(`\n- [[${NAMES[1]}|${TITLES[1]}]]\n- [[${NAMES[3]}]]\n- [[${NAMES[2]?.toLowerCase()}|${TITLES[2]}]]`);
  });
});

describe("undo", () => {
  it("restores the source byte for byte and removes the claims, and the folders the run created once empty", async () => {
    const port = seedVault();
    const record = await extractSeed(port);
    expect(record.folders).toEqual(["domains", FOLDER]);
    const result = await undoExtraction(record, port);
    expect(result).toEqual({ trashed: PATHS, restored: [], keptEdited: [], missing: [], sourceRestored: true, sourceNote: null, folders: [FOLDER, "domains"] });
    expect(port.files.get(SEED_PATH)).toBe(SEED);
    expect(port.paths()).toEqual([SEED_PATH]);
    expect(port.folders.has("domains")).toBe(false);
  });

  it("keeps a folder the run created that holds a claim kept since", async () => {
    const port = seedVault();
    const record = await extractSeed(port);
    port.files.set(PATHS[1] ?? "", `${port.files.get(PATHS[1] ?? "")}\nMy own note.`);
    const result = await undoExtraction(record, port);
    expect(result.folders).toEqual([]);
    expect(port.folders.has(FOLDER)).toBe(true);
  });

  it("keeps a claim edited since the split, and removes the others", async () => {
    const port = seedVault();
    const record = await extractSeed(port);
    port.files.set(PATHS[1] ?? "", `${port.files.get(PATHS[1] ?? "")}\nMy own note.`);
    const result = await undoExtraction(record, port);
    expect(result).toMatchObject({ trashed: [PATHS[0], PATHS[2], PATHS[3]], keptEdited: [PATHS[1]], sourceRestored: true });
    expect(port.paths()).toEqual([PATHS[1], SEED_PATH].sort());
  });

  it("leaves a source edited since the split as it is, and says so", async () => {
    const port = seedVault();
    const record = await extractSeed(port);
    const edited = `${port.files.get(SEED_PATH)}\nLater edit.`;
    port.files.set(SEED_PATH, edited);
    const result = await undoExtraction(record, port);
    expect(result).toEqual({
      trashed: PATHS,
      restored: [],
      keptEdited: [],
      missing: [],
      sourceRestored: false,
      sourceNote: `${SEED_PATH} was edited since the split, so it was left as it is`,
      folders: [FOLDER, "domains"],
    });
    expect(port.files.get(SEED_PATH)).toBe(edited);
  });

  it("reports claims that are already gone", async () => {
    const port = seedVault();
    const record = await extractSeed(port);
    port.files.delete(PATHS[0] ?? "");
    expect(await undoExtraction(record, port)).toMatchObject({ trashed: [PATHS[1], PATHS[2], PATHS[3]], missing: [PATHS[0]], sourceRestored: true });
  });
});

describe("the user's choices", () => {
  it("an edited title names the file and the claim; an unchecked candidate is not created", async () => {
    const port = seedVault();
    const choices = new Map<number, CandidateChoice>([
      [1, { selected: false }],
      [3, { title: "  SPAR automates   circuit tracing  ", confidence: "likely" }],
      [4, { selected: false }],
    ]);
    const p = plan(port, choices);
    expect(p.creates.map((c) => [c.candidate.title, c.candidate.path, c.confidence])).toEqual([
      [TITLES[1], PATHS[1], "experimental"],
      ["SPAR automates circuit tracing", `${FOLDER}/SPAR automates circuit tracing.md`, "likely"],
    ]);
    const result = await applyExtraction(p, port);
    expect(result).toMatchObject({ ok: true, created: [PATHS[1], `${FOLDER}/SPAR automates circuit tracing.md`] });
    expect(port.paths()).not.toContain(PATHS[0]);
    const claim = port.files.get(`${FOLDER}/SPAR automates circuit tracing.md`) ?? "";
    expect(claim).toContain("\n# SPAR automates circuit tracing\n");
    expect(claim).toContain("\nconfidence: likely\n");
    expect(parseFrontmatter(port.files.get(SEED_PATH) ?? "").data?.claims_extracted).toEqual([TITLES[1], "SPAR automates circuit tracing"]);
  });

  it("an unselected-by-default candidate can be picked", () => {
    const text = SEED.replace("- The SPAR agent-automated", "- Flag for the tooling team: the SPAR agent-automated");
    const port = seedVault({}, {});
    port.files.set(SEED_PATH, text);
    expect(plan(port).candidates[2]?.selected).toBe(false);
    expect(plan(port, new Map([[3, { selected: true }]])).creates).toHaveLength(4);
  });

  it("a title edited to one that exists becomes link-only", () => {
    const port = seedVault({ [`${FOLDER}/Known claim.md`]: "x" });
    const p = plan(port, new Map([[1, { title: "Known claim" }]]));
    expect(p.candidates[0]).toMatchObject({ title: "Known claim", existing: `${FOLDER}/Known claim.md`, selected: false });
    expect(p.creates).toHaveLength(3);
  });

  it("two candidates edited to the same file name block the plan", async () => {
    const port = seedVault();
    const p = plan(port, new Map([[1, { title: "Same claim" }], [2, { title: "same claim." }]]));
    expect(p.blockers).toEqual(['Candidates 1 and 2 would both be "same claim.md"']);
    expect(p.sourceAfter).toBeNull();
    expect(await applyExtraction(p, port)).toMatchObject({ ok: false, error: 'Candidates 1 and 2 would both be "same claim.md"' });
    expect(port.log).toEqual([]);
  });

  it("a title edited to nothing blocks the plan", () => {
    const p = plan(seedVault(), new Map([[2, { title: "   " }]]));
    expect(p.blockers).toEqual(["Candidate 2 has an empty title"]);
  });

  it("nothing selected plans nothing and leaves the source alone", async () => {
    const port = seedVault();
    const none = new Map<number, CandidateChoice>([1, 2, 3, 4].map((i) => [i, { selected: false }]));
    const p = plan(port, none);
    expect(p.creates).toEqual([]);
    expect(p.sourceAfter).toBeNull();
    expect(await applyExtraction(p, port)).toEqual({ ok: true, record: null, created: [], linked: [], enriched: [] });
    expect(port.log).toEqual([]);
  });
});
