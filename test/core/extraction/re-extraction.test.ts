// SPEC §3 re-extraction: a source already processed says so, links the claims
// it lists (by title or file name, with or without .md) instead of making
// near-copies, and keeps its processed_by/processed_date record true.
import { describe, expect, it } from "vitest";
import { planExtraction } from "../../../src/core/extraction/extraction";
import { applyExtraction } from "../../../src/core/extraction/apply-extraction";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { MemoryPort } from "../memory-port";

const PATH = "inbox/probes.md";
const FOLDER = "domains/ai-alignment";

function source(claims: string[], hints: string[]): string {
  return [
    "---",
    "type: source",
    "title: Probes",
    "domain: ai-alignment",
    "status: processed",
    "processed_by: theseus",
    "processed_date: 2026-03-01",
    "claims_extracted:",
    ...claims.map((c) => `  - ${JSON.stringify(c)}`),
    "---",
    "## Content",
    "Linear probes reached 0.95 AUROC on harmful intent where sparse autoencoders reached 0.71.",
    "Monitors lost track of the policy once the capability gap grew past two model generations.",
    "## Agent Notes",
    "**Extraction hints:**",
    ...hints.map((h) => `- ${h}`),
    "",
  ].join("\n");
}

const plan = (text: string, port: MemoryPort, processedBy = "", picked: number[] = []) =>
  planExtraction({ path: PATH, text, settings: { ...DEFAULT_SETTINGS, processedBy }, today: "2026-05-01", port, choices: new Map(picked.map((i) => [i, { selected: true }])) });

describe("extracting a source that is already processed", () => {
  const claims = ["Linear probes beat sparse autoencoders on harmful intent detection", "Monitors fail at scale.md"];
  const text = source(claims, [
    "Linear probes beat sparse autoencoders at harmful intent detection",
    "Monitors fail at scale",
    "Scheming persists after deliberative alignment training",
  ]);
  const port = new MemoryPort({
    [PATH]: text,
    [`${FOLDER}/Monitors fail at scale.md`]: "claim",
    [`${FOLDER}/Linear probes beat sparse autoencoders on harmful intent detection.md`]: "claim",
  });
  // Every listed claim exists, so nothing new is selected by default (rule 7); the curator picks the new hint.
  const p = plan(text, port, "", [3]);

  it("says when, by whom and how many claims", () => {
    expect(p.previous).toEqual({ date: "2026-03-01", by: "theseus", claims: 2 });
  });

  it("a near-copy of a listed claim is link only, not created again", () => {
    expect(p.candidates[0]).toMatchObject({ selected: false, existing: `${FOLDER}/Linear probes beat sparse autoencoders on harmful intent detection.md` });
  });

  it("an entry that is a file name with .md matches its claim", () => {
    expect(p.candidates[1]).toMatchObject({ selected: false, existing: `${FOLDER}/Monitors fail at scale.md` });
  });

  it("a new hint is listed, unselected by the re-run's verdict, and the curator can still pick it", () => {
    expect(plan(text, port).candidates[2]).toMatchObject({ selected: false, why: "Already extracted: its 2 listed claims exist" });
    expect(p.creates.map((c) => c.candidate.title)).toEqual(["Scheming persists after deliberative alignment training"]);
  });

  it("rule 9: a listed claim whose note is gone is proposed again, not taken as existing", () => {
    const gone = new MemoryPort({ [PATH]: text, [`${FOLDER}/Monitors fail at scale.md`]: "claim" });
    const again = plan(text, gone);
    expect(again.candidates[0]).toMatchObject({ selected: true, existing: null });
    expect(again.creates.map((c) => c.candidate.title)).toContain("Linear probes beat sparse autoencoders at harmful intent detection");
  });

  it("rule 7: a re-run of a processed source whose listed claims all exist selects nothing new", () => {
    const done = source(claims, ["Linear probes beat sparse autoencoders at harmful intent detection", "Sandbagging rises when evaluations carry training consequences"]);
    const again = plan(done, new MemoryPort({ ...Object.fromEntries(port.files), [PATH]: done }));
    expect(again.candidates.map((c) => [c.selected, c.why])).toEqual([
      [false, "Exists — link only"],
      [false, "Already extracted: its 2 listed claims exist"],
    ]);
    expect(again.creates).toEqual([]);
  });

  it("links the listed entries without .md, and the record names no one beside today's date", async () => {
    expect(await applyExtraction(p, port)).toMatchObject({ ok: true });
    const after = port.files.get(PATH) ?? "";
    expect(after).toContain("- [[Monitors fail at scale]]\n");
    expect(after).not.toContain(".md]]");
    const data = parseFrontmatter(after).data;
    expect(data).toMatchObject({ processed_date: "2026-05-01" });
    expect(data).not.toHaveProperty("processed_by");
  });

  it("with processed_by set, it names this run's curator", () => {
    const again = plan(text, new MemoryPort({ [PATH]: text }), "curator-1", [3]);
    expect(parseFrontmatter(again.sourceAfter ?? "").data).toMatchObject({ processed_by: "curator-1", processed_date: "2026-05-01" });
  });
});

describe("the Extracted claims section shows titles", () => {
  it("a claim whose file name differs from its title is linked [[file|title]], no 200-byte cut as link text", async () => {
    const long = `Probes beat SAEs: ${"on harmful intent detection across twelve model families ".repeat(5).trim()}`;
    const text = source([], [long]).replace("status: processed", "status: unprocessed");
    const port = new MemoryPort({ [PATH]: text });
    const p = plan(text, port);
    await applyExtraction(p, port);
    const line = (port.files.get(PATH) ?? "").split("\n").find((l) => l.startsWith("- [["));
    const fileName = p.creates[0]?.candidate.fileName ?? "";
    expect(fileName).not.toBe(long);
    expect(line).toBe(`- [[${fileName}|${long}]]`);
  });
});
