// SPEC §7 `extract_claims` in the core: a claim the agent wrote keeps its
// body below the H1 (the source linked under `## Evidence` when it is not),
// `extraction_model` / `extraction_notes` are written in the split's one
// source edit, and the agent's lease ends with the split. The vault is the
// in-memory port.
import { describe, expect, it } from "vitest";
import { planExtraction, type AddedClaim } from "../../../src/core/extraction/extraction";
import { applyExtraction, undoExtraction } from "../../../src/core/extraction/apply-extraction";
import type { FieldEdit } from "../../../src/core/note/frontmatter-edit";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { SEED_PATH, seedNote } from "../../fixtures/seed";
import { MemoryPort } from "../memory-port";

const TODAY = "2026-05-01";
const FOLDER = "domains/ai-alignment";

/** The seed as an agent's claim leaves it: processing, its name, a lease. */
const claimedSeed = () => seedNote().replace(/^status: .*$/m, "status: processing\nprocessed_by: agent-a\nprocessing_until: 2026-05-01T12:00:00.000Z");

function planWith(added: AddedClaim[], sourceFields: FieldEdit[] = [], text = claimedSeed(), settings = { ...DEFAULT_SETTINGS, processedBy: "agent-a" }) {
  const port = new MemoryPort({ [SEED_PATH]: text });
  const select = new Map([1, 2, 3, 4].map((i) => [i, { selected: false }]));
  return { port, plan: planExtraction({ path: SEED_PATH, text, settings, today: TODAY, port, added, sourceFields, choices: select }) };
}

const TITLE = "Interpretability tools reached production review before their failure modes were mapped";

describe("a claim the agent wrote", () => {
  const cases: { name: string; body: string | undefined; below: string }[] = [
    { name: "keeps a body without Evidence as written and adds the section with the source link", body: "The agent's own paragraph.\n\nAnd a second.", below: "The agent's own paragraph.\n\nAnd a second.\n\n## Evidence\n\n- [[" },
    { name: "adds the source link as the last bullet of the body's own Evidence section", body: "Its claim.\n\n## Evidence\n\n- Table 2 of the paper\n\n## Notes\n\nMore.", below: "Its claim.\n\n## Evidence\n\n- Table 2 of the paper\n- [[" },
    { name: "adds nothing when the body links the source already", body: "See [[2026-04-06-circuit-tracing-production-safety-mitra]].", below: "See [[2026-04-06-circuit-tracing-production-safety-mitra]].\n" },
    { name: "drops a first line that repeats the H1", body: `# ${TITLE}\n\nBody.`, below: "Body.\n\n## Evidence" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { plan } = planWith([{ title: TITLE, body: c.body, description: "Why it matters.", confidence: "likely" }]);
      expect(plan.blockers).toEqual([]);
      const [own] = plan.creates;
      expect(own?.candidate.path).toBe(`${FOLDER}/${TITLE}.md`);
      const text = own?.text ?? "";
      expect(parseFrontmatter(text).data).toMatchObject({ type: "claim", domain: "ai-alignment", confidence: "likely", description: "Why it matters.", created: TODAY });
      expect(text).toContain(`\n# ${TITLE}\n\n${c.below}`);
      expect(text.match(/^# /gm)).toHaveLength(1);
    });
  }

  it("without a body (or a blank one) is rendered as every claim is", () => {
    const plain = planWith([{ title: TITLE, description: "Why it matters." }]).plan.creates[0]?.text;
    const blank = planWith([{ title: TITLE, description: "Why it matters.", body: "  \n" }]).plan.creates[0]?.text;
    expect(blank).toBe(plain);
    expect(plain).toContain("## Evidence");
  });

  it("is refused before anything is written when its body is over 1 MB or holds a NUL byte", () => {
    expect(planWith([{ title: TITLE, body: "x".repeat(1_000_001) }]).plan.blockers).toEqual(["Added claim 5: the body is 1,000,001 bytes; at most 1,000,000 are accepted"]);
    expect(planWith([{ title: TITLE, body: "a\u0000b" }]).plan.blockers).toEqual(["Added claim 5: the body contains a NUL byte"]);
  });
});

describe("the source after an agent's split", () => {
  const fields: FieldEdit[] = [
    { key: "extraction_model", set: "claude-test-1" },
    { key: "extraction_notes", set: "one claim of its own" },
  ];

  it("records extraction_model and extraction_notes, names the agent and ends the lease, in the one planned edit", () => {
    const { plan } = planWith([{ title: TITLE, body: "Body." }], fields);
    const data = parseFrontmatter(plan.sourceAfter ?? "").data;
    expect(data).toMatchObject({ status: "processed", processed_by: "agent-a", processed_date: TODAY, extraction_model: "claude-test-1", extraction_notes: "one claim of its own" });
    expect(data).not.toHaveProperty("processing_until");
  });

  it("applies them with the claims and undoes them with the claims, byte for byte", async () => {
    const { port, plan } = planWith([{ title: TITLE, body: "Body." }], fields);
    const result = await applyExtraction(plan, port);
    if (!result.ok || result.record === null) throw new Error("the split did not apply");
    expect(parseFrontmatter(port.files.get(SEED_PATH) ?? "").data).toMatchObject({ extraction_model: "claude-test-1" });
    expect(port.files.get(`${FOLDER}/${TITLE}.md`)).toContain("Body.");
    await undoExtraction(result.record, port);
    expect(port.files.get(SEED_PATH)).toBe(claimedSeed());
    expect(port.files.has(`${FOLDER}/${TITLE}.md`)).toBe(false);
  });

  it("changes no other line of the source than a split does", () => {
    const without = planWith([{ title: TITLE }]).plan.sourceAfter ?? "";
    const withFields = planWith([{ title: TITLE }], fields).plan.sourceAfter ?? "";
    const added = withFields.split("\n").filter((l) => !without.split("\n").includes(l));
    expect(added).toEqual(["extraction_model: claude-test-1", "extraction_notes: one claim of its own"]);
  });

  it("keeps the lease when the vault's status after extraction is processing", () => {
    const { plan } = planWith([{ title: TITLE }], [], claimedSeed(), { ...DEFAULT_SETTINGS, processedBy: "agent-a", statusAfterExtraction: "processing" });
    expect(parseFrontmatter(plan.sourceAfter ?? "").data).toMatchObject({ processing_until: "2026-05-01T12:00:00.000Z" });
  });
});
