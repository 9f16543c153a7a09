// SPEC §2 "Title of a candidate": the first quoted passage of five or more
// words, or else the item text with its label, emphasis and link brackets gone.
import { describe, expect, it } from "vitest";
import { candidateTitle, finishTitle, stripMarkdown } from "../../src/core/candidate-title";

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
