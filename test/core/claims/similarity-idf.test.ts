// Issue #24, similarity that means it: in the claim index each shared term
// weighs by its rarity across the vault's claim titles, so the generic words
// of a domain make no near-duplicate; and the source's PRIMARY CONNECTION and
// KB connections are the first enrichment targets offered. Real titles of the
// public knowledge base.
import { describe, expect, it } from "vitest";
import { ClaimIndex } from "../../../src/core/claims/claim-index";
import { enrichmentBullet, enrichmentTarget } from "../../../src/core/claims/enrichment";
import { COVERS, similarity, termWeight, titleTerms, weightedSimilarity } from "../../../src/core/text/similarity";

const TITLES = [
  "single evaluator bottleneck means review throughput scales linearly with proposer count because one agent reviewing every PR caps collective output at the evaluators context window",
  "MetaDAOs futarchy implementation shows limited trading volume in uncontested decisions",
  "MetaDAOs Autocrat program implements futarchy through conditional token markets where proposals create parallel pass and fail universes settled by time-weighted average price over a three-day window",
  "agents create dozens of proposals but only those attracting minimum stake become live futarchic decisions creating a permissionless attention market for capital formation",
  "futarchy adoption faces friction from token price psychology proposal complexity and liquidity requirements",
  "redistribution proposals are futarchys hardest unsolved problem because they can increase measured welfare while reducing productive value creation",
  "futarchy can override its own prior decisions when new evidence emerges because conditional markets re-evaluate proposals against current information not historical commitments",
  "formal verification of AI-generated proofs provides scalable oversight that human review cannot match because machine-checked correctness scales with AI capability while human verification degrades",
  "coordination protocol design produces larger capability gains than model scaling because the same AI model performed 6x better with structured exploration than with human coaching on the same problem",
  "MetaDAO ICO platform demonstrates 15x oversubscription validating futarchy-governed capital formation",
];
const index = ClaimIndex.build(TITLES.map((t) => ({ path: `domains/internet-finance/${t}.md`, title: null, aliases: [] })));

describe("rarity-weighted similarity", () => {
  it("weighs a term of one title 1, and a term of every title little", () => {
    expect(termWeight(1, 500)).toBe(1);
    expect(termWeight(500, 500)).toBeCloseTo(0.11, 2);
    expect(termWeight(0, 0)).toBe(1);
  });

  it("with every weight 1 it is the plain score", () => {
    const a = titleTerms("proposal volume scales");
    const b = titleTerms(TITLES[0] ?? "");
    expect(weightedSimilarity(a, b, () => 1)).toBe(similarity(a, b));
  });

  it("'Proposal volume scales' is no longer a near-duplicate of the single-evaluator claim: proposals and scaling are everywhere", () => {
    const plain = similarity(titleTerms("Proposal volume scales"), titleTerms(TITLES[0] ?? ""));
    expect(plain).toBeGreaterThanOrEqual(COVERS);
    const found = index.similarTo("Proposal volume scales", { min: 0.01 });
    const evaluator = found.find((f) => f.title.startsWith("single evaluator"));
    expect(evaluator?.score ?? 0).toBeLessThan(COVERS);
  });

  it("a restatement sharing its rare words still is one", () => {
    const [best] = index.similarTo("Limited trading volume in uncontested decisions");
    expect(best?.title).toBe(TITLES[1]);
    expect(best?.score).toBeGreaterThanOrEqual(COVERS);
  });
});

describe("the curator's connections are the first enrichment targets", () => {
  const PRIMARY = "MetaDAOs futarchy implementation shows limited trading volume in uncontested decisions";
  it("a hint that names no claim is offered the PRIMARY CONNECTION before any similar title", () => {
    const hint = "Q4 2025 proposal volume grew 17.5x, evidence against the limited-engagement reading";
    expect(enrichmentTarget(hint, index)?.title).not.toBe(PRIMARY);
    expect(enrichmentTarget(hint, index, { connections: [PRIMARY] })).toMatchObject({ title: PRIMARY, certain: false });
  });

  it("of several connections, the one the hint shares most rare words with", () => {
    const hint = "Enrich with the oversubscription figures of the ICO platform";
    expect(enrichmentTarget(hint, index, { connections: [PRIMARY, TITLES[9] ?? ""] })?.title).toBe(TITLES[9]);
  });

  it("a link in the hint still wins", () => {
    expect(enrichmentTarget(`Update [[${TITLES[4]}]] with the Q4 data`, index, { connections: [PRIMARY] })).toMatchObject({ title: TITLES[4], certain: true });
  });
});

describe("an enrichment bullet quotes the source's evidence, not the hint's instruction", () => {
  const HINT = "Enrich the existing limited-engagement claim with the 17.5x figure";
  it("the source's sentences, quoted, and never the instruction", () => {
    const bullet = enrichmentBullet("[[pine]]", HINT, ["Proposal volume grew 17.5x quarter over quarter.", "Revenue covered operating costs for the first time.", "A third."]);
    expect(bullet).toBe("- [[pine]] — “Proposal volume grew 17.5x quarter over quarter.” “Revenue covered operating costs for the first time.”");
  });

  it("the hint's text only when no sentence of the source matches", () => {
    expect(enrichmentBullet("[[pine]]", HINT, [])).toBe(`- [[pine]] — ${HINT}`);
  });
});
