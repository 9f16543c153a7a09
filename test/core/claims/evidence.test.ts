// SPEC §3: up to three sentences of ## Content that best support a claim,
// chosen by BM25 over the source's sentences (see src/core/claims/evidence.ts).
import { describe, expect, it } from "vitest";
import { bestEvidence, contentSentences, evidenceIndex, scoreSentences } from "../../../src/core/claims/evidence";

const CONTENT = [
  "Mitra's analysis documents the transition of mechanistic interpretability to engineering practice.",
  "**Key observations:**",
  '- The key remaining bottleneck: "it currently takes a few hours of human effort to understand the circuits even on prompts with only tens of words"',
  "- SPAR's agent project directly targets this bottleneck",
  "- DeepMind pivoted to pragmatic interpretability after SAEs underperformed linear probes on harmful intent detection",
  "- Anthropic applied mechanistic interpretability in pre-deployment safety assessment of Claude Sonnet 4.5 for the first time",
  "| a | table |",
].join("\n");

describe("the sentences of ## Content", () => {
  it("drops list markers, bold labels on their own line and tables; keeps each sentence", () => {
    expect(contentSentences(CONTENT)).toEqual([
      "Mitra's analysis documents the transition of mechanistic interpretability to engineering practice.",
      'The key remaining bottleneck: "it currently takes a few hours of human effort to understand the circuits even on prompts with only tens of words"',
      "SPAR's agent project directly targets this bottleneck",
      "DeepMind pivoted to pragmatic interpretability after SAEs underperformed linear probes on harmful intent detection",
      "Anthropic applied mechanistic interpretability in pre-deployment safety assessment of Claude Sonnet 4.5 for the first time",
    ]);
  });
});

describe("BM25 picks the supporting sentences", () => {
  const index = evidenceIndex(CONTENT);

  it.each<[string, string, string]>([
    ["the hours-per-prompt claim", "Hours per prompt bottleneck is a citable measurement of human effort", "The key remaining bottleneck"],
    ["the probes claim", "Linear probes beat SAEs on harmful intent detection", "DeepMind pivoted"],
    ["the deployment claim", "first production deployment decision using interpretability", "Anthropic applied mechanistic interpretability"],
  ])("%s: its best sentence first", (_name, query, start) => {
    expect(bestEvidence(index, query)[0]).toMatch(new RegExp(`^${start}`));
  });

  it("quotes at most three sentences", () => {
    expect(bestEvidence(index, "interpretability bottleneck probes deployment SAEs hours mechanistic").length).toBeLessThanOrEqual(3);
  });

  it("one shared word is no support", () => {
    expect(bestEvidence(index, "interpretability")).toEqual([]);
  });

  it("ties keep the order of the source", () => {
    const tied = evidenceIndex("Alpha beta gamma here.\nAlpha beta gamma there.");
    expect(bestEvidence(tied, "alpha beta")).toEqual(["Alpha beta gamma here.", "Alpha beta gamma there."]);
  });

  it("rarer words weigh more (idf)", () => {
    const scores = scoreSentences(evidenceIndex("Probes and circuits.\nProbes and attribution graphs.\nProbes again."), "probes attribution");
    expect(scores[1]?.score).toBeGreaterThan(scores[0]?.score ?? 0);
  });

  it("a source without ## Content gives no evidence", () => {
    expect(bestEvidence(evidenceIndex(null), "anything at all")).toEqual([]);
  });

  it("indexes a 100 KB Content and scores it for ten claims quickly (bench/ holds the 20 ms target on a quiet machine)", () => {
    const big = Array.from({ length: 1000 }, (_, i) => `- Finding ${i}: probes reached ${i} percent accuracy on model family ${i % 13} in the benchmark.`).join("\n");
    const started = performance.now();
    const idx = evidenceIndex(big);
    for (let k = 0; k < 10; k++) bestEvidence(idx, `probes accuracy model family ${k}`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
