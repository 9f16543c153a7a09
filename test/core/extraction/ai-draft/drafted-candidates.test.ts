// SPEC §9 "Every draft is checked": a drafted claim is a candidate with origin
// "ai" that passes the quote check, §2's title rules, rule 8 against the hint
// candidates, §6 similarity and rule 7, like any candidate.
import { describe, expect, it } from "vitest";
import { applyPlan, planExtract } from "../../../../src/core/commands/extract";
import { extractJson } from "../../../../src/core/commands/json-output";
import { DEFAULT_SETTINGS } from "../../../../src/core/note/settings";
import { claimsOf, draftOf, EXISTING, EXISTING_TITLE, GROWTH, INVENTED, NEAR_DUPLICATE, SOURCE, vault, VULNERABILITY } from "./fixture";
import type { AiDraft } from "../../../../src/core/extraction/ai-draft/response";

const NOW = new Date("2026-05-01T12:00:00Z");

async function plan(draft?: AiDraft) {
  const port = vault();
  const claims = claimsOf(port);
  const p = await planExtract(port, { path: SOURCE, draft }, { settings: DEFAULT_SETTINGS, now: NOW, claims });
  return { port, plan: p };
}

const row = (c: { index: number; origin: string; selected: boolean; coveredBy?: number | null; title: string }) => [c.index, c.origin, c.selected, c.coveredBy ?? null];

describe("a draft's claims among the hint candidates", () => {
  it("without a draft the topic hints stand as rules made them (nothing is asked)", async () => {
    const { plan: p } = await plan();
    expect(p.candidates.map((c) => c.origin)).toEqual(["hints", "hints"]);
    expect(p.draft).toBeUndefined();
  });

  it("a good draft: the drafted sentences replace the topic hints they state (rule 8), with the source's own quotes", async () => {
    const { plan: p } = await plan(draftOf([GROWTH, VULNERABILITY]));
    expect(p.candidates.map(row)).toEqual([
      [1, "hints", false, 3],
      [2, "hints", false, 4],
      [3, "ai", true, null],
      [4, "ai", true, null],
    ]);
    const growth = p.candidates[2];
    // The quote as the source writes it (its curly apostrophe), not as the model retyped it.
    expect(growth?.evidence).toEqual(["Marketplaces that cut seller fees during recessions grew their seller base by 18 percent while competitors’ seller bases shrank."]);
    expect(p.candidates[3]?.evidence[0]).toContain("median marketplace — a concentration");
    expect(growth?.ai).toMatchObject({ model: "stand-in-model", verified: true, unverified: [] });
    expect(p.candidates[0]?.why).toBe("Same claim as #3 (the drafted sentence of this topic)");
  });

  it("an invented quote is dropped and the claim flagged unverified; with no verified quote it is not selected", async () => {
    const { plan: p } = await plan(draftOf([GROWTH, INVENTED]));
    const invented = p.candidates.find((c) => c.title.startsWith("Fee cuts"));
    expect(invented).toMatchObject({ origin: "ai", selected: false, evidence: [] });
    expect(invented?.ai?.unverified).toEqual(INVENTED.evidence);
    expect(invented?.why).toMatch(/No quote of it found in the source/);
    const json = extractJson(p, true, [], []).candidates.find((c) => c.title.startsWith("Fee cuts"));
    expect(json).toMatchObject({ origin: "ai", unverified: true, model: "stand-in-model", unverifiedQuotes: INVENTED.evidence });
  });

  it("an invented quote beside a real one: the claim keeps the real one, selected, and is still flagged", async () => {
    const { plan: p } = await plan(draftOf([{ ...GROWTH, evidence: [...GROWTH.evidence, "Fee cuts were copied by every competitor within a year."] }]));
    const growth = p.candidates[2];
    expect(growth).toMatchObject({ selected: true });
    expect(growth?.evidence).toHaveLength(1);
    expect(growth?.ai?.unverified).toEqual(["Fee cuts were copied by every competitor within a year."]);
  });

  it("a near-duplicate of an existing claim is unselected with its match (§6)", async () => {
    const { plan: p } = await plan(draftOf([NEAR_DUPLICATE]));
    const dup = p.candidates[2];
    expect(dup).toMatchObject({ origin: "ai", selected: false });
    expect(dup?.similar[0]?.path).toBe(EXISTING);
    expect(dup?.why).toBe(`Similar to [[${EXISTING_TITLE}]]`);
  });

  it("an `enriches` naming an existing claim makes an enrichment of it; one naming no claim is ignored", async () => {
    const { plan: p } = await plan(draftOf([{ ...NEAR_DUPLICATE, enriches: EXISTING_TITLE }, { ...GROWTH, enriches: "A claim nobody wrote" }]));
    expect(p.candidates[2]).toMatchObject({ kind: "enrichment", selected: true, target: { path: EXISTING, certain: true } });
    expect(p.candidates[3]).toMatchObject({ kind: "claim", selected: true });
    expect(p.enrichments.map((e) => e.targetPath)).toEqual([EXISTING]);
  });

  it("'nothing new' selects nothing", async () => {
    const { plan: p } = await plan(draftOf([], "nothing new"));
    expect(p.candidates.filter((c) => c.origin === "ai")).toEqual([]);
    expect(p.draft).toEqual({ model: "stand-in-model", verdict: "nothing new" });
    const listed = await plan(draftOf([GROWTH], "nothing new"));
    expect(listed.plan.candidates[2]).toMatchObject({ selected: false, why: "The model found nothing new in this source" });
    // The hint topics a "nothing new" draft lists are left as the rules made them.
    expect(listed.plan.candidates[0]?.coveredBy ?? null).toBeNull();
  });

  it("a drafted title that names only a topic goes through the title rules: the source's sentence, or unselected", async () => {
    const { plan: p } = await plan(draftOf([{ ...VULNERABILITY, title: "Payment processor concentration" }]));
    expect(p.candidates[2]).toMatchObject({ origin: "ai", topic: true });
    expect(p.candidates[2]?.title).not.toBe("Payment processor concentration");
  });

  it("the same claim drafted twice is proposed once", async () => {
    const { plan: p } = await plan(draftOf([GROWTH, { ...GROWTH, title: `${GROWTH.title}.` }]));
    expect(p.candidates[3]).toMatchObject({ selected: false, coveredBy: 3 });
  });

  it("a drafted claim created records the model in the source's extraction_model, and its confidence", async () => {
    const { port, plan: p } = await plan(draftOf([GROWTH]));
    const outcome = await applyPlan(port, p, { writer: {}, now: new Date() });
    expect(outcome.code, outcome.errors.join()).toBe(0);
    const source = port.files.get(SOURCE) ?? "";
    expect(source).toMatch(/^extraction_model: stand-in-model$/m);
    const created = port.files.get(outcome.created.find((c) => c.includes("Counter-cyclical")) ?? "") ?? "";
    expect(created).toMatch(/^confidence: likely$/m);
    expect(created).toContain("competitors’ seller bases shrank");
  });
});
