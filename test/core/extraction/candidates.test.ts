// SPEC §2 rule 5 (which hints are split), "Not every item is a claim" (the
// default selection) and §3 "Safety" (candidates that exist are link-only).
import { describe, expect, it } from "vitest";
import { candidateKind } from "../../../src/core/extraction/candidate-kind";
import { buildCandidates, type CandidateSet } from "../../../src/core/extraction/candidates";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { readSource } from "../../../src/core/note/source-note";

interface SourceParts {
  frontmatter?: string[];
  hints?: string;
  curator?: string;
}

function sourceText(parts: SourceParts): string {
  const fm = ["---", "type: source", "title: Probes", "author: Jane Doe", "date: 2026-01-01", "domain: ai-alignment", "status: unprocessed", "priority: high", ...(parts.frontmatter ?? []), "---"];
  const body = ["## Content", "A summary.", "", "## Agent Notes", "**Why this matters:** It matters."];
  if (parts.hints !== undefined) body.push("**Extraction hints:**", parts.hints);
  body.push("**Context:** Some context.");
  if (parts.curator !== undefined) body.push("", "## Curator Notes", "PRIMARY CONNECTION: [[oversight degrades]]", `EXTRACTION HINT: ${parts.curator}`);
  return [...fm, ...body, ""].join("\n");
}

function candidatesOf(parts: SourceParts, existsAt: (path: string) => string | null = () => null): CandidateSet {
  const { note, sections } = readSource("inbox/probes.md", sourceText(parts), DEFAULT_SETTINGS);
  return buildCandidates(note, sections, DEFAULT_SETTINGS, existsAt);
}

describe("rule 5: which hints are split", () => {
  it("splits the curator hint by rules 2–4 when there are no Agent Notes hints", () => {
    const set = candidatesOf({ curator: "Three claims: (1) probes beat SAEs, (2) monitors fail at scale, (3) tracing costs hours." });
    expect(set.candidates.map((c) => [c.index, c.title, c.origin])).toEqual([
      [1, "probes beat SAEs", "curator"],
      [2, "monitors fail at scale", "curator"],
      [3, "tracing costs hours", "curator"],
    ]);
    expect(set.guidance).toBeNull();
  });

  it("does not treat a curator hint that starts with a dash as a list (rule 1 is not used)", () => {
    const set = candidatesOf({ curator: "- Probes beat SAEs on harmful intent detection." });
    expect(set.candidates.map((c) => c.title)).toEqual(["Probes beat SAEs on harmful intent detection"]);
  });

  it("splits a curator hint of claim sentences one per sentence", () => {
    const set = candidatesOf({ curator: "Claim about probes beating SAEs. Claim about monitors failing at scale." });
    // "Probes beating SAEs" names no claim; rule 10 makes its participle finite.
    expect(set.candidates.map((c) => [c.title, c.rewritten])).toEqual([
      ["Probes beat SAEs", true],
      ["Monitors fail at scale", true],
    ]);
  });

  it("when both exist, splits the Agent Notes hints, keeps the curator hint as guidance, and adds only the curator items no hint covers", () => {
    const curator = "Don't extract the whole article. (1) probes beating SAEs (2) monitors failing at scale (3) tracing costing hours of human effort.";
    const set = candidatesOf({ hints: "- Probes beat SAEs\n- Monitors fail at scale", curator });
    expect(set.candidates.map((c) => [c.title, c.origin, c.selected])).toEqual([
      ["Probes beat SAEs", "hints", true],
      ["Monitors fail at scale", "hints", true],
      ["tracing costing hours of human effort", "curator", true],
    ]);
    expect(set.guidance).toBe(curator);
  });

  it.each<[string, string, string]>([
    ["a paraphrase of a hint is covered", "Hours per prompt bottleneck is a citable measurement of the interpretability scaling challenge", "(1) hours-per-prompt bottleneck as specific measurement (2) interpretability scaling challenge"],
    ["an item naming what the hint's text calls claim-worthy is covered", 'The Anthropic/DeepMind complementarity framing is claim-worthy: "Anthropic maps causal mechanisms while DeepMind detects harmful intent"', "(1) Anthropic/DeepMind complementarity framing (2) DeepMind detects harmful intent"],
  ])("rule 5: %s, so no curator candidate repeats it", (_name, hint, curator) => {
    const set = candidatesOf({ hints: `- ${hint}`, curator });
    expect(set.candidates.filter((c) => c.origin === "curator").map((c) => c.title)).toEqual([]);
  });

  it("rule 5: a curator hint without an enumeration adds nothing when Agent Notes hints exist", () => {
    const set = candidatesOf({ hints: "- Probes beat SAEs", curator: "Focus on the probe result; claims about monitors are weaker." });
    expect(set.candidates.map((c) => c.origin)).toEqual(["hints"]);
  });

  it("gives no guidance when there are Agent Notes hints and no curator hint", () => {
    const set = candidatesOf({ hints: "Probes beat SAEs on harmful intent detection." });
    expect(set.guidance).toBeNull();
    expect(set.candidates.map((c) => [c.title, c.origin])).toEqual([["Probes beat SAEs on harmful intent detection", "hints"]]);
  });

  it("uses the frontmatter extraction_hints list when the body has no hints block, and it counts as Agent Notes hints", () => {
    const set = candidatesOf({
      frontmatter: ["extraction_hints:", "  - Probes beat SAEs", "  - Monitors fail at scale"],
      curator: "(1) something else (2) and more",
    });
    // The curator's (1) is no hint's; (2) has no words beyond stop words, so it is no candidate.
    expect(set.candidates.map((c) => [c.title, c.origin])).toEqual([
      ["Probes beat SAEs", "hints"],
      ["Monitors fail at scale", "hints"],
      ["something else", "curator"],
    ]);
    expect(set.guidance).toBe("(1) something else (2) and more");
  });

  it("prefers the body's hints block over the frontmatter list", () => {
    const set = candidatesOf({ frontmatter: ["extraction_hints: [From frontmatter]"], hints: "- From the body" });
    expect(set.candidates.map((c) => c.title)).toEqual(["From the body"]);
  });

  it("gives no candidates when there are no hints at all", () => {
    expect(candidatesOf({})).toEqual({ folder: "domains/ai-alignment", candidates: [], guidance: null, verdict: null });
  });

  it("routes claims to the fallback folder when the source has no domain", () => {
    const { note, sections } = readSource("inbox/x.md", "---\ntype: source\n---\n**Extraction hints:** Probes beat SAEs\n", DEFAULT_SETTINGS);
    const set = buildCandidates(note, sections, DEFAULT_SETTINGS, () => null);
    expect(set.folder).toBe("inbox/claims");
    expect(set.candidates[0]?.path).toBe("inbox/claims/Probes beat SAEs.md");
  });
});

describe("the default selection is what a careful curator would create", () => {
  it.each<[string, string, string]>([
    ["a plain claim is selected", "Probes beat SAEs on harmful intent detection", "claim"],
    ["a claim that mentions notes is selected", "Notes taken by monitors miss deception", "claim"],
    ["a claim that mentions context windows is selected", "Longer contexts hide more deception", "claim"],
    ["'Enrich the existing claim …' is not selected", "Enrich the existing claim [[oversight degrades]] with the hours-per-prompt figure", "enrichment"],
    ["'Update …' is not selected", "Update [[oversight degrades]] with the new numbers", "enrichment"],
    ["'use this as evidence for [[…]]' is not selected", "The cost figure — use this as evidence for [[oversight degrades]]", "enrichment"],
    ["'Flag for …' is not selected", "Flag for the health agent: the clinical angle", "routing"],
    ["'Route …' is not selected", "Route the policy angle to the governance domain", "routing"],
    ["'Note: …' is not selected", "Note: the sample is twelve models", "caution"],
    ["a confidence caution is not selected", "Confidence should stay experimental until replicated", "caution"],
    ["a warning not to overclaim is not selected", "The result is from one lab, so don't overclaim generality", "caution"],
    ["a research question is not selected", "Research question: does tracing scale beyond Haiku", "question"],
    ["an item that ends in a question mark is not selected", "Does circuit tracing scale to frontier models?", "question"],
    ["background-only is not selected", "Background only: the history of sparse autoencoders", "background"],
    ["'Context: …' is not selected", "Context: the series has four parts", "background"],
    ["'no new claims' is not selected", "No new claims; the article restates known results", "nothing-new"],
    ["'nothing new to extract' is not selected", "Nothing new to extract beyond the figure", "nothing-new"],
  ])("%s", (_name, item, kind) => {
    const [candidate] = candidatesOf({ hints: `- ${item}` }).candidates;
    expect(candidate?.kind).toBe(kind);
    expect(candidate?.selected).toBe(kind === "claim");
  });

  it("keeps unselected items in the list, in order", () => {
    const set = candidatesOf({ hints: "- Probes beat SAEs\n- Flag for the health agent\n- Monitors fail at scale" });
    expect(set.candidates.map((c) => [c.index, c.title, c.selected])).toEqual([
      [1, "Probes beat SAEs", true],
      [2, "Flag for the health agent", false],
      [3, "Monitors fail at scale", true],
    ]);
  });

  it("classifies by the item's own text, ignoring bold and leading quotes", () => {
    expect(candidateKind("**Flag for** the policy team")).toBe("routing");
    expect(candidateKind('"Note that n is small"')).toBe("caution");
  });

  it("selects a quoted proposal (rule 3) even when its words look like a caution", () => {
    const set = candidatesOf({ hints: 'Two claims: "Note that monitors fail at every scale tested" and "probes beat sparse autoencoders on intent detection".' });
    expect(set.candidates.map((c) => [c.title, c.selected])).toEqual([
      ["Note that monitors fail at every scale tested", true],
      ["probes beat sparse autoencoders on intent detection", true],
    ]);
  });
});

describe("candidates that already exist are link-only", () => {
  it("a candidate whose file exists is not selected and names the existing file", () => {
    const existing = "domains/ai-alignment/probes beat saes.md";
    const set = candidatesOf({ hints: "- Probes beat SAEs\n- Monitors fail" }, (p) => (p.toLowerCase() === existing ? existing : null));
    expect(set.candidates.map((c) => [c.title, c.existing, c.selected])).toEqual([
      ["Probes beat SAEs", existing, false],
      ["Monitors fail", null, true],
    ]);
  });

  it("rule 9: a title listed in claims_extracted whose note exists is link only", () => {
    const note = "domains/ai-alignment/Probes beat SAEs.md";
    const set = candidatesOf({ frontmatter: ["claims_extracted:", "  - probes beat saes"], hints: "- Probes beat SAEs\n- Monitors fail" }, (p) => (p.toLowerCase() === note.toLowerCase() ? note : null));
    expect(set.candidates.map((c) => [c.title, c.existing, c.selected, c.why])).toEqual([
      ["Probes beat SAEs", note, false, "Exists — link only"],
      ["Monitors fail", null, true, null],
    ]);
  });

  it("rule 9: exists means a note exists — a title listed in claims_extracted with no note is proposed as new", () => {
    const set = candidatesOf({ frontmatter: ["claims_extracted:", "  - probes beat saes"], hints: "- Probes beat SAEs\n- Monitors fail" });
    expect(set.candidates.map((c) => [c.title, c.existing, c.selected])).toEqual([
      ["Probes beat SAEs", null, true],
      ["Monitors fail", null, true],
    ]);
  });

  it("rule 9: a listed title matches its note by file name too", () => {
    const note = "domains/ai-alignment/Probes - beat SAEs.md";
    const set = candidatesOf({ frontmatter: ['claims_extracted: ["Probes: beat SAEs"]'], hints: "- Probes - beat SAEs" }, (p) => (p === note ? note : null));
    expect(set.candidates[0]?.existing).toBe(note);
    expect(set.candidates[0]?.selected).toBe(false);
  });

  it("rule 8: of candidates that are one claim, only the first is selected, and the others say which covers them", () => {
    const set = candidatesOf({ hints: "- Probes beat SAEs\n- Probes: beat SAEs\n- probes beat saes." });
    expect(set.candidates.map((c) => [c.fileName, c.selected, c.coveredBy, c.why])).toEqual([
      ["Probes beat SAEs", true, null, null],
      ["Probes - beat SAEs", false, 1, "Same claim as #1"],
      ["probes beat saes", false, 1, "Same claim as #1"],
    ]);
  });
});

describe("each candidate carries what the preview and --json show", () => {
  it("title, file name, path, origin, kind and the full item text", () => {
    const [c] = candidatesOf({ hints: "- **Claim:** Probes beat SAEs: a *clear* win\n  - shown on 12 models" }).candidates;
    expect(c).toEqual({
      index: 1,
      title: "Probes beat SAEs: a clear win",
      fromQuote: false,
      fileName: "Probes beat SAEs - a clear win",
      path: "domains/ai-alignment/Probes beat SAEs - a clear win.md",
      origin: "hints",
      kind: "claim",
      topic: false,
      description: expect.any(String) as string,
      evidence: [],
      similar: [],
      target: null,
      existing: null,
      selected: true,
      text: "**Claim:** Probes beat SAEs: a *clear* win\n- shown on 12 models",
      rewritten: false,
      why: null,
      coveredBy: null,
      names: null,
    });
  });
});

describe("what a careful curator would not create, in real wording", () => {
  it.each<[string, string]>([
    ["Low standalone claim priority — community voice, not original analysis", "nothing-new"],
    ["Null-result for MetaDAO claims — institutional media, not ecosystem analysis", "nothing-new"],
    ["Low extraction priority for claims — too theoretical", "nothing-new"],
    ["May not warrant its own claim — but enriches the existing Arrow's claim with the note that the theorem now has a full formal representation", "nothing-new"],
    ["Blockworks DAS NYC March 25 — track for the Token Problem keynote extraction", "routing"],
    ["MetaDAO + Futardio as capital formation innovation — enriches existing MetaDAO claims", "enrichment"],
    ["Governance token liquidity vs equity comparison — data point for ownership coin thesis", "enrichment"],
    ["Internet Financial System thesis — check against our existing 'internet finance generates GDP growth' claim", "enrichment"],
    ["Connection to teleological economics: friction removal as disruption mechanism is exactly what our framework predicts", "enrichment"],
    ["the commercial scale data as evidence for the community-beats-budget thesis", "enrichment"],
    ["The Varda claim needs updating (now 5 missions, not 4)", "enrichment"],
    ["Stablecoin interest rates at lowest since June 2023 — macro context for internet finance", "background"],
    ["Fundraising route optimization discussions — practitioner perspective on capital formation", "background"],
    ["whether RLCF formally sidesteps Arrow's theorem", "question"],
    ["Focus on the 8/8 above-ICO performance claim and its connection to futarchy-based curation", "caution"],
  ])("%s → %s", (text, kind) => {
    expect(candidateKind(text)).toBe(kind);
  });

  it.each([
    "The DreamWorks partnership as evidence that traditional studios are validating community-native IP",
    "YaaS (Yield-as-a-Service) as DeFi primitive — new concept, potential claim about yield commoditization",
    "Critique of overraising as mechanism design flaw — potential new claim about capital formation incentive misalignment",
  ])("a claim stays a claim: %s", (text) => {
    expect(candidateKind(text)).toBe("claim");
  });
});
