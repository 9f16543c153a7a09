// SPEC §6 similarity: a score in [0, 1] over normalized title words, with the
// thresholds COVERS (rule 5, re-extraction) and SIMILAR. Pairs are real wording.
import { describe, expect, it } from "vitest";
import { COVERS, SIMILAR, similarity, stem, titleSimilarity, titleTerms, wordStems } from "../../../src/core/text/similarity";

describe("word normalization", () => {
  it.each<[string, string, string[]]>([
    ["case and accents are folded", "Économie CAFÉ", ["economi", "cafe"]],
    ["stop words and the hint-writer's words go", "Claim about the evidence for a new framing of probes", ["prob"]],
    ["hyphens and possessives split words", "hours-per-prompt Anthropic's", ["hour", "prompt", "anthropic"]],
    ["inflections meet at one stem", "measurement measured measures", ["measur", "measur", "measur"]],
    ["-ating, -ation and -ated meet", "validating validation validated", ["valid", "valid", "valid"]],
    ["a doubled consonant left by -ing goes", "sandbagging sandbag", ["sandbag", "sandbag"]],
    ["numbers stay as written", "10x 2026 $715M", ["10x", "2026", "715m"]],
  ])("%s", (_name, text, stems) => {
    expect(wordStems(text)).toEqual(stems);
  });

  it("short words are not stemmed", () => {
    expect(["gaps", "rate", "data"].map(stem)).toEqual(["gaps", "rate", "data"]);
  });

  it("titleTerms is a sorted set, cheap to cache and compare", () => {
    expect(titleTerms("probes beat probes on SAEs").terms).toEqual(["beat", "prob", "saes"]);
  });
});

describe("the score", () => {
  it("lies in [0, 1) and is symmetric", () => {
    const a = titleTerms("Probes beat SAEs on harmful intent detection");
    const b = titleTerms("SAEs lose to linear probes");
    expect(similarity(a, b)).toBe(similarity(b, a));
    expect(similarity(a, a)).toBeLessThan(1);
    expect(similarity(a, titleTerms(""))).toBe(0);
  });

  it.each<[string, string]>([
    ["hours-per-prompt bottleneck as specific measurement", "Hours per prompt bottleneck is a specific, citable measurement for the interpretability scaling challenge"],
    ["sandbagging under training threat", "Frontier models sandbag capability evaluations when told that high scores trigger additional safety training"],
    ["the DreamWorks signal as traditional entertainment validation", "The DreamWorks partnership as evidence that traditional studios are validating community-native IP"],
    ["RLHF as implicit social choice without normative scrutiny", "RLHF is implicit social choice made without normative scrutiny"],
    ["Community-created content generates 5-10x more engagement than brand-created content", "community created content generates far more engagement than brand content"],
  ])("paraphrases cover each other: %j ~ %j", (a, b) => {
    expect(titleSimilarity(a, b)).toBeGreaterThanOrEqual(COVERS);
  });

  it.each<[string, string]>([
    ["first documented production deployment decision using interpretability", "Hours per prompt bottleneck is a specific, citable measurement for the interpretability scaling challenge"],
    ["Circuit tracing requires hours of human effort per prompt", "Circuit tracing reveals where in the model deception occurs"],
    ["RLHF as implicit social choice without normative scrutiny", "RLCF as bridging-based alternative to RLHF"],
    ["GLP-1 cost-effectiveness requires sustained adherence", "International GLP-1 generic competition will compress global prices below $100/month by 2030"],
    ["MA growth driven by political payment decisions not market efficiency", "magnitude of MA overpayment as structural feature not aberration"],
  ])("claims on one topic do not cover each other: %j vs %j", (a, b) => {
    expect(titleSimilarity(a, b)).toBeLessThan(COVERS);
  });

  it("SIMILAR is below COVERS: a looser link, worth showing", () => {
    expect(SIMILAR).toBeLessThan(COVERS);
    expect(titleSimilarity("Circuit tracing requires hours of human effort per prompt", "Circuit tracing takes hours per prompt")).toBeGreaterThanOrEqual(SIMILAR);
  });

  it("compares 50,000 cached titles against one without a gross slowdown (bench/ holds the speed on a quiet machine)", () => {
    const index = Array.from({ length: 50_000 }, (_, i) => titleTerms(`claim number ${i} about probes beating sparse autoencoders at scale ${i % 97}`));
    const query = titleTerms("probes beat sparse autoencoders");
    const started = performance.now();
    let hits = 0;
    for (const t of index) if (similarity(query, t) >= COVERS) hits++;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(hits).toBe(50_000);
  });
});
