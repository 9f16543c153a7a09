// SPEC §2 "Title of a candidate": the first quoted passage of five or more
// words, or else the item text with its label, emphasis and link brackets gone.
import { describe, expect, it } from "vitest";
import { candidateTitle, finishTitle, stripMarkdown, titleParts } from "../../../src/core/extraction/candidate-title";

describe("a quoted passage of five or more words is the title", () => {
  it.each<[string, string, string]>([
    [
      "a straight-quoted passage wins over the text around it",
      'The framing is claim-worthy: "Probes beat sparse autoencoders on harmful intent detection" — strong evidence',
      "Probes beat sparse autoencoders on harmful intent detection",
    ],
    ["a curly-quoted passage wins", "Worth a claim: “Circuit tracing needs hours of human effort per prompt”.", "Circuit tracing needs hours of human effort per prompt"],
    [
      "the first long passage wins when there are two",
      'Both "alpha beta gamma delta epsilon" and "zeta eta theta iota kappa" hold',
      "alpha beta gamma delta epsilon",
    ],
    [
      "a short scare-quote before it is skipped",
      'The "hours per prompt" bottleneck: "it takes a few hours of human effort per prompt"',
      "it takes a few hours of human effort per prompt",
    ],
    ["the passage's trailing period is dropped", 'Claim: "Monitors fail when capability gaps grow large."', "Monitors fail when capability gaps grow large"],
    ["whitespace inside the passage is collapsed", '"Monitors   fail when\tcapability gaps grow"', "Monitors fail when capability gaps grow"],
  ])("%s", (_name, head, title) => {
    expect(candidateTitle(head)).toEqual({ title, fromQuote: true });
  });

  it("a four-word quote is not a title; the whole item is", () => {
    expect(candidateTitle('"Hours per prompt bottleneck" is a citable measurement.')).toEqual({
      title: '"Hours per prompt bottleneck" is a citable measurement',
      fromQuote: false,
    });
  });
});

describe("otherwise the item text, cleaned", () => {
  it.each<[string, string, string]>([
    ["the label 'New claim candidate:' is removed", "New claim candidate: Probes beat SAEs", "Probes beat SAEs"],
    ["the label 'Claim:' is removed", "Claim: Probes beat SAEs", "Probes beat SAEs"],
    ["the label 'CLAIM:' is removed", "CLAIM: Probes beat SAEs", "Probes beat SAEs"],
    ["a bold label '**Claim:**' is removed", "**Claim:** Probes beat SAEs", "Probes beat SAEs"],
    ["'claim' inside the text is kept", "The claim that probes beat SAEs holds", "The claim that probes beat SAEs holds"],
    ["**bold** loses its stars", "Probes **beat** SAEs", "Probes beat SAEs"],
    ["__bold__ loses its underscores", "Probes __beat__ SAEs", "Probes beat SAEs"],
    ["*emphasis* loses its stars", "Probes *beat* SAEs", "Probes beat SAEs"],
    ["_emphasis_ loses its underscores", "Probes _beat_ SAEs", "Probes beat SAEs"],
    ["`code` loses its ticks", "The `probe` beats SAEs", "The probe beats SAEs"],
    ["[[a|b]] becomes b", "See [[scalable oversight degrades|oversight decay]] in practice", "See oversight decay in practice"],
    ["[[a]] becomes a", "See [[scalable oversight degrades]] in practice", "See scalable oversight degrades in practice"],
    ["[text](url) becomes text", "See [the paper](https://example.com/a_b) for details", "See the paper for details"],
    ["whitespace is collapsed", "  Probes \t beat\n  SAEs  ", "Probes beat SAEs"],
    ["a trailing period is dropped", "Probes beat SAEs.", "Probes beat SAEs"],
    ["an ellipsis is kept", "Probes beat SAEs...", "Probes beat SAEs..."],
    ["a unicode ellipsis is kept", "Probes beat SAEs…", "Probes beat SAEs…"],
    ["a question mark is kept", "Do probes beat SAEs?", "Do probes beat SAEs?"],
    ["snake_case words keep their underscores", "Set claims_extracted and processed_date together", "Set claims_extracted and processed_date together"],
    ["arithmetic stars are not emphasis", "Cost grows as 2 * n * n", "Cost grows as 2 * n * n"],
    ["a short quote stays as written", 'The "hours per prompt" bottleneck is real', 'The "hours per prompt" bottleneck is real'],
  ])("%s", (_name, head, title) => {
    expect(candidateTitle(head)).toEqual({ title, fromQuote: false });
  });
});

describe("the helpers", () => {
  it.each<[string, string]>([
    ["Done.", "Done"],
    ["Done. ", "Done"],
    ["Wait...", "Wait..."],
    ["a  b\n c", "a b c"],
    ["", ""],
  ])("finishTitle(%j) is %j", (input, output) => {
    expect(finishTitle(input)).toBe(output);
  });

  it("stripMarkdown keeps the words of every construct", () => {
    expect(stripMarkdown("**a** *b* _c_ `d` [[e|f]] [[g]] [h](i) ~~j~~ ==k==")).toBe("a b c d f g h j k");
  });
});

describe("no title begins with an instruction to the extractor (real openings)", () => {
  it.each<[string, string]>([
    ["Claim about phygital distribution as an alternative to both traditional distribution AND direct-to-consumer digital", "Phygital distribution as an alternative to both traditional distribution AND direct-to-consumer digital"],
    ["Extract claim about Arrow's impossibility applying to intelligence measurement itself", "Arrow's impossibility applying to intelligence measurement itself"],
    ["Evidence for: community-owned IP can attract studio-quality talent", "Community-owned IP can attract studio-quality talent"],
    ["Key claim candidate: probes beat SAEs", "Probes beat SAEs"],
    ["Key claim: no frontier AI company has a coherent existential safety plan", "No frontier AI company has a coherent existential safety plan"],
    ["Potential new claim: futarchy implementations must simplify theoretical mechanisms", "Futarchy implementations must simplify theoretical mechanisms"],
    ["Possible claim: labeling rules exempt entertainment", "Labeling rules exempt entertainment"],
    ["Claim enrichment: add the 3% content / 7% operational split", "Add the 3% content / 7% operational split"],
    ["Enrichment target: existing claim 'futarchy-governed liquidation is the enforcement mechanism'", "Existing claim 'futarchy-governed liquidation is the enforcement mechanism'"],
    ["New claim on standardized investment instruments for futarchy", "Standardized investment instruments for futarchy"],
    ["Claim candidates around owned-platform revenue per user", "Owned-platform revenue per user"],
    ["Also potential new claim about pro-rata subscription creating fair but capital-inefficient raises", "Pro-rata subscription creating fair but capital-inefficient raises"],
    ["Also notable: DeepMind pivoted to pragmatic interpretability", "DeepMind pivoted to pragmatic interpretability"],
    ["Extract the systemic nature of the delays as evidence of a structural challenge", "Systemic nature of the delays as evidence of a structural challenge"],
    ["Extract the high-float launch mechanism claim with specific evidence", "High-float launch mechanism"],
  ])("%s", (head, title) => {
    expect(candidateTitle(head)).toEqual({ title, fromQuote: false });
  });
});

describe("no title ends in an instruction, and what follows one is commentary", () => {
  it.each<[string, string, string]>([
    [
      "— use this as evidence in … is cut and dropped",
      '"Hours per prompt" bottleneck is a specific, citable measurement for the interpretability scaling challenge — use this as evidence in B4-related claims',
      '"Hours per prompt" bottleneck is a specific, citable measurement for the interpretability scaling challenge',
    ],
    ["'deserves a claim' is cut", 'The "incumbents exit, purpose-built captures" dynamic deserves a claim — it is how reform restructures the market', 'The "incumbents exit, purpose-built captures" dynamic'],
    ["'is the key claim candidate' is cut", "The scale-dependent homogenization finding is the key claim candidate", "The scale-dependent homogenization finding"],
    ["'is itself a claim-worthy insight' is cut", "The bipartisan convergence on MA reform is itself a claim-worthy insight — reform is likely", "The bipartisan convergence on MA reform"],
    ["'is a specific mechanism worth extracting' is cut", "The legal constraint asymmetry between studios and independents is a specific mechanism worth extracting", "The legal constraint asymmetry between studios and independents"],
    ["'may be claim candidates' is cut", 'The "physics of CI" framing and the design-vs-model camp distinction may be claim candidates', 'The "physics of CI" framing and the design-vs-model camp distinction'],
    ["'Evidence: …' is cut", "Coding agents crossed a usability threshold in December 2025. Evidence: Karpathy's direct experience", "Coding agents crossed a usability threshold in December 2025"],
    ["'(… claim)' is cut", "Probes beat SAEs (supports the B4 claim)", "Probes beat SAEs"],
    ["'— potential new claim about …' is cut", "Critique of overraising as mechanism design flaw — potential new claim about capital formation incentive misalignment", "Critique of overraising as mechanism design flaw"],
    ["a joint left by a cut goes", "Token Problem: time-based vesting is hedgeable, making lockups meaningless — this is a mechanism design claim we don't have", "Token Problem: time-based vesting is hedgeable, making lockups meaningless"],
    ["a second sentence is commentary, not title", "Europe as a case study in proxy inertia. The DLR assessment shows the phase transition is recognized", "Europe as a case study in proxy inertia"],
    ["an unspaced en dash is a range, not a joint", "Efficacy was significant in the 18–49 and 50–64 groups, a claim worth testing", "Efficacy was significant in the 18–49 and 50–64 groups, a claim worth testing"],
  ])("%s", (_name, head, title) => {
    expect(candidateTitle(head).title).toBe(title);
  });

  it.each<[string, string, string]>([
    ["the text after 'deserves a claim —'", 'The "incumbents exit" dynamic deserves a claim — it is how reform restructures the market', "It is how reform restructures the market"],
    ["the sentences after the first", "Europe as a case study in proxy inertia. The DLR assessment shows the phase transition is recognized.", "The DLR assessment shows the phase transition is recognized."],
    ["nothing for an instruction alone", "Probes beat SAEs — use this as evidence in B4-related claims", ""],
    ["the words around a quoted title, less the 'claim-worthy' joint", 'The Anthropic/DeepMind complementarity framing is claim-worthy: "Anthropic maps causal mechanisms while DeepMind detects harmful intent"', ""],
  ])("commentary: %s", (_name, head, commentary) => {
    expect(titleParts(head).commentary).toBe(commentary);
  });
});
