// SPEC §3: a run that creates nothing because every selected candidate exists
// (linked) or only enriches still finishes the source, so a held source never
// stays `processing`; a run with nothing selected, linked or enriched is a
// null-result, refused without a reason.
import { describe, expect, it } from "vitest";
import { planExtraction, type CandidateChoice } from "../../../src/core/extraction/extraction";
import { applyPlan, NULL_RESULT_LINE } from "../../../src/core/commands/extract";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";
import { editFrontmatter } from "../../../src/core/note/frontmatter-edit";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { SEED_PATH, seedNote, SEED_FILE_NAMES, SEED_TITLES } from "../../fixtures/seed";
import { MemoryPort } from "../memory-port";

const TODAY = "2026-05-01";
const FOLDER = "domains/ai-alignment";

function heldSeed(): string {
  const edited = editFrontmatter(seedNote(), [
    { key: "status", set: "processing" },
    { key: "processed_by", set: "agent-a" },
    { key: "processing_until", set: "2026-05-01T12:00:00Z" },
  ]);
  if (!edited.ok) throw new Error("the seed cannot be held");
  return edited.text;
}

const plan = (port: MemoryPort, choices?: Map<number, CandidateChoice>) =>
  planExtraction({ path: SEED_PATH, text: port.files.get(SEED_PATH) ?? "", settings: { ...DEFAULT_SETTINGS, processedBy: "agent-a" }, today: TODAY, port, choices });

describe("a run that only links finishes a held source (SPEC §3)", () => {
  it("every candidate exists: the source becomes processed, dated, by its agent, the linked titles listed, the lease gone", async () => {
    const existing = Object.fromEntries(SEED_FILE_NAMES.map((n) => [`${FOLDER}/${n}.md`, "---\ntype: claim\n---\n"]));
    const port = new MemoryPort({ [SEED_PATH]: heldSeed(), ...existing });
    const p = plan(port);
    expect(p.creates).toEqual([]);
    expect(p.linked).toHaveLength(4);
    expect(p.sourceAfter).not.toBeNull();
    const outcome = await applyPlan(port, p, { writer: { agent: "agent-a" }, now: new Date(`${TODAY}T12:00:00Z`) });
    expect(outcome.code).toBe(0);
    const data = parseFrontmatter(port.files.get(SEED_PATH) ?? "").data;
    expect(data).toMatchObject({ status: "processed", processed_date: TODAY, processed_by: "agent-a", claims_extracted: SEED_TITLES });
    expect(data).not.toHaveProperty("processing_until");
    expect(Object.keys(existing).every((path) => port.files.get(path) === "---\ntype: claim\n---\n")).toBe(true);
  });

  it("nothing selected, linked or enriched is a null-result: refused in one line, nothing written", async () => {
    const port = new MemoryPort({ [SEED_PATH]: heldSeed() });
    const none = new Map<number, CandidateChoice>([1, 2, 3, 4].map((i) => [i, { selected: false }]));
    const outcome = await applyPlan(port, plan(port, none), { writer: { agent: "agent-a" }, now: new Date(`${TODAY}T12:00:00Z`) });
    expect(outcome).toMatchObject({ code: 1, errors: [NULL_RESULT_LINE] });
    expect(NULL_RESULT_LINE).not.toContain("\n");
    expect(port.log).toEqual([]);
  });
});
