// SPEC §2 "Splitting extraction hints into claim candidates", rules 1–4, and
// the frontmatter `extraction_hints` list. Each row is one rule or one trap.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitFrontmatterHints, splitHints, type SplitRule } from "../../../src/core/extraction/split-hints";

const heads = (block: string) => splitHints(block).map((i) => i.head);
const rules = (block: string) => [...new Set(splitHints(block).map((i) => i.rule))];

describe("rule 1: a list gives one candidate per top-level item", () => {
  it.each<[string, string, string[]]>([
    ["a dash list", "- Alpha holds\n- Beta holds", ["Alpha holds", "Beta holds"]],
    ["a star list", "* Alpha holds\n* Beta holds", ["Alpha holds", "Beta holds"]],
    ["a plus list", "+ Alpha holds\n+ Beta holds", ["Alpha holds", "Beta holds"]],
    ["a numbered list with dots", "1. Alpha holds\n2. Beta holds\n3. Gamma holds", ["Alpha holds", "Beta holds", "Gamma holds"]],
    ["a numbered list with parentheses", "1) Alpha holds\n2) Beta holds", ["Alpha holds", "Beta holds"]],
    ["a list with mixed bullets", "- Alpha holds\n* Beta holds\n+ Gamma holds", ["Alpha holds", "Beta holds", "Gamma holds"]],
    ["a list with blank lines between items", "- Alpha holds\n\n- Beta holds", ["Alpha holds", "Beta holds"]],
    ["a one-item list", "- Only alpha holds", ["Only alpha holds"]],
    ["a list after lead-in text (the lead-in is not a candidate)", "Two claims stand out:\n- Alpha holds\n- Beta holds", ["Alpha holds", "Beta holds"]],
    ["a list whose items hold (1) (2) markers (the list wins)", "- Alpha (1) and (2) holds\n- Beta holds", ["Alpha (1) and (2) holds", "Beta holds"]],
    ["a list whose items hold long quotes (the list wins)", '- "one two three four five six"\n- "seven eight nine ten eleven twelve"', ['"one two three four five six"', '"seven eight nine ten eleven twelve"']],
    ["a list indented as a whole", "  - Alpha holds\n  - Beta holds", ["Alpha holds", "Beta holds"]],
  ])("%s", (_name, block, expected) => {
    expect(heads(block)).toEqual(expected);
    expect(rules(block)).toEqual(["list"]);
  });

  it("keeps nested items in their parent's text but not in its head", () => {
    expect(splitHints("- Alpha holds\n  - because of A\n  - and of B\n- Beta holds")).toEqual([
      { head: "Alpha holds", text: "Alpha holds\n- because of A\n- and of B", rule: "list" },
      { head: "Beta holds", text: "Beta holds", rule: "list" },
    ]);
  });

  it("keeps nested numbered items and deeper levels with their top-level item", () => {
    expect(heads("1. Alpha holds\n   1. sub one\n      - deeper\n   2. sub two\n2. Beta holds")).toEqual(["Alpha holds", "Beta holds"]);
    expect(splitHints("1. Alpha holds\n   1. sub one\n2. Beta holds")[0]?.text).toBe("Alpha holds\n 1. sub one");
  });

  it("joins an indented continuation line to its item's head", () => {
    expect(splitHints("- Alpha holds in\n  most settings\n- Beta holds")).toEqual([
      { head: "Alpha holds in most settings", text: "Alpha holds in\nmost settings", rule: "list" },
      { head: "Beta holds", text: "Beta holds", rule: "list" },
    ]);
  });

  it("joins a lazy (unindented) continuation line to its item", () => {
    expect(heads("- Alpha holds in\nmost settings\n- Beta holds")).toEqual(["Alpha holds in most settings", "Beta holds"]);
  });

  it("keeps a continuation after a nested item in the text, not the head", () => {
    expect(splitHints("- Alpha holds\n  - nested reason\n  more about the reason\n- Beta")[0]).toEqual({
      head: "Alpha holds",
      text: "Alpha holds\n- nested reason\nmore about the reason",
      rule: "list",
    });
  });

  it("ends the list at unindented text after a blank line", () => {
    expect(heads("- Alpha holds\n- Beta holds\n\nA closing remark.")).toEqual(["Alpha holds", "Beta holds"]);
  });

  it("does not take a horizontal rule for a list item", () => {
    expect(heads("---\n- Alpha holds\n- Beta holds")).toEqual(["Alpha holds", "Beta holds"]);
    expect(rules("Before\n***\nAfter")).toEqual(["whole"]);
  });

  it("reads CRLF blocks the same as LF blocks", () => {
    expect(splitHints("- Alpha holds\r\n  - nested\r\n- Beta holds")).toEqual(splitHints("- Alpha holds\n  - nested\n- Beta holds"));
  });
});

describe("rule 2: an inline enumeration gives one candidate per item", () => {
  it.each<[string, string, string[]]>([
    ["(1) (2) (3) after a lead-in, which is dropped", "Claims about: (1) alpha beta gamma, (2) delta epsilon, (3) zeta eta theta", ["alpha beta gamma", "delta epsilon", "zeta eta theta"]],
    ["1) 2) after a lead-in", "Claims about: 1) alpha beta gamma 2) delta epsilon", ["alpha beta gamma", "delta epsilon"]],
    ["1) 2) 3) at the very start of the block", "1) alpha beta 2) gamma delta 3) epsilon zeta", ["alpha beta", "gamma delta", "epsilon zeta"]],
    ["separators and a final 'and' are trimmed", "Three: (1) alpha beta; (2) gamma delta, and (3) epsilon zeta", ["alpha beta", "gamma delta", "epsilon zeta"]],
    ["an item may span lines", "Claims:\n(1) alpha\nbeta\n(2) gamma", ["alpha beta", "gamma"]],
    ["markers after the last consecutive one stay in the last item", "(1) alpha (2) beta (4) delta", ["alpha", "beta (4) delta"]],
    ["the last item runs to the end of the block", "(1) alpha holds. (2) beta holds. This is just context.", ["alpha holds.", "beta holds. This is just context."]],
  ])("%s", (_name, block, expected) => {
    expect(heads(block)).toEqual(expected);
    expect(rules(block)).toEqual(["enumeration"]);
  });

  it.each<[string, string]>([
    ["an enumeration that starts at 2 is not an enumeration", "Intro (2) first thing (3) second thing"],
    ["a lone (2) in prose is not an enumeration", "The study found (2) effects in prose."],
    ["a lone (1) is not an enumeration", "Text with (1) one thing only"],
    ["1) without a 2) is not an enumeration", "Version 1) of the idea is enough"],
  ])("%s", (_name, block) => {
    expect(splitHints(block)).toEqual([{ head: block, text: block, rule: "whole" }]);
  });

  it.each<[string, string, string[]]>([
    [
      "a closing sentence that 'deserves its own claim' is a further candidate",
      "Claims about: (1) alpha beta gamma, (2) delta epsilon, (3) zeta eta. The zeta finding deserves its own claim.",
      ["alpha beta gamma", "delta epsilon", "zeta eta.", "The zeta finding deserves its own claim."],
    ],
    [
      "a closing sentence that 'is itself a claim candidate' is a further candidate",
      "Three claims: (1) alpha beta gamma; (2) delta epsilon; and (3) zeta eta theta. The replication failure is itself a claim candidate.",
      ["alpha beta gamma", "delta epsilon", "zeta eta theta.", "The replication failure is itself a claim candidate."],
    ],
    [
      "a closing sentence that proposes nothing stays in the last item",
      "(1) alpha beta. (2) gamma delta. The sample was small.",
      ["alpha beta.", "gamma delta. The sample was small."],
    ],
  ])("%s", (_name, block, expected) => {
    expect(heads(block)).toEqual(expected);
  });
});

describe("rule 3: two or more quoted passages of five or more words", () => {
  it.each<[string, string, string[]]>([
    [
      "straight quotes give one candidate per passage",
      'The author says "models learn to hide their reasoning from monitors" and also "monitoring costs grow faster than capability gains".',
      ['"models learn to hide their reasoning from monitors"', '"monitoring costs grow faster than capability gains"'],
    ],
    [
      "curly quotes give one candidate per passage",
      "Focus on “interpretability tools do not scale to frontier models” and “agent automation could close the human analysis gap”.",
      ['"interpretability tools do not scale to frontier models"', '"agent automation could close the human analysis gap"'],
    ],
    [
      "straight and curly quotes mix, and a short scare-quote among them is skipped",
      'A "key" point: "one two three four five" and “six seven eight nine ten”.',
      ['"one two three four five"', '"six seven eight nine ten"'],
    ],
  ])("%s", (_name, block, expected) => {
    expect(heads(block)).toEqual(expected);
    expect(rules(block)).toEqual(["quotes"]);
  });

  it("keeps the sentence around each passage as its rationale", () => {
    expect(splitHints('First: "alpha beta gamma delta epsilon". Then: "zeta eta theta iota kappa".').map((i) => i.text)).toEqual([
      'First: "alpha beta gamma delta epsilon".',
      'Then: "zeta eta theta iota kappa".',
    ]);
  });

  it.each<[string, string]>([
    ["one long quote alone does not trigger it", 'A claim with "one quoted passage of five words" only.'],
    ["short scare-quotes do not trigger it", 'Some "scare" quotes and "key terms" here.'],
    ["a four-word quote is not a proposed claim", 'See "one two three four" and "five six seven eight nine".'],
  ])("%s", (_name, block) => {
    expect(splitHints(block)).toEqual([{ head: block, text: block, rule: "whole" }]);
  });
});

describe("rule 4: otherwise the whole block, or one candidate per proposing sentence", () => {
  it("gives the whole block as one candidate, whitespace collapsed", () => {
    expect(splitHints("  Mechanistic interpretability is now\nan engineering discipline.  ")).toEqual([
      { head: "Mechanistic interpretability is now an engineering discipline.", text: "Mechanistic interpretability is now an engineering discipline.", rule: "whole" },
    ]);
  });

  it.each<[string, string, string[]]>([
    ["'Claim about X. Claim about Y.' gives one per sentence", "Claim about models hiding reasoning. Claim about monitors failing at scale.", ["Claim about models hiding reasoning.", "Claim about monitors failing at scale."]],
    [
      "'New claim candidate:' sentences give one per sentence",
      "New claim candidate: models hide reasoning. New claim candidate: monitors fail at scale.",
      ["New claim candidate: models hide reasoning.", "New claim candidate: monitors fail at scale."],
    ],
    [
      "sentences that each deserve their own claim give one per sentence",
      "The cost finding deserves its own claim. The scaling gap is itself a claim candidate.",
      ["The cost finding deserves its own claim.", "The scaling gap is itself a claim candidate."],
    ],
  ])("%s", (_name, block, expected) => {
    expect(heads(block)).toEqual(expected);
    expect(rules(block)).toEqual(["sentences"]);
  });

  it.each<[string, string]>([
    ["a single proposing sentence is just the whole block", "Claim about models hiding reasoning."],
    ["plain prose is one candidate", "The paper shows that probes beat SAEs. It was replicated twice."],
  ])("%s", (_name, block) => {
    expect(splitHints(block)).toEqual([{ head: block, text: block, rule: "whole" }]);
  });

  it("does not split a sentence at an abbreviation or an initial", () => {
    expect(heads("Claim about e.g. probes beating SAEs. Claim about J. Smith's result.")).toEqual([
      "Claim about e.g. probes beating SAEs.",
      "Claim about J. Smith's result.",
    ]);
  });
});

describe("an empty block", () => {
  it.each([[""], ["   "], ["\n\n"]])("%j gives no candidates", (block) => {
    expect(splitHints(block)).toEqual([]);
  });
});

describe("frontmatter extraction_hints", () => {
  it("gives one candidate per item, whitespace collapsed and empty items dropped", () => {
    expect(splitFrontmatterHints(["  Alpha   holds ", "", "Beta\nholds"])).toEqual([
      { head: "Alpha holds", text: "Alpha holds", rule: "frontmatter" },
      { head: "Beta holds", text: "Beta holds", rule: "frontmatter" },
    ]);
  });

  it("does not split an item even when it holds a list or an enumeration", () => {
    expect(splitFrontmatterHints(["(1) alpha (2) beta"]).map((i) => i.head)).toEqual(["(1) alpha (2) beta"]);
  });
});

describe("determinism", () => {
  const blocks = [
    "- a\n- b",
    "(1) a (2) b",
    '"one two three four five" "six seven eight nine ten"',
    "Claim about X being so. Claim about Y being so.",
    "whole",
  ];

  it("gives the same items for the same block, whatever ran before", () => {
    const first = blocks.map(splitHints);
    const again = [...blocks].reverse().map(splitHints).reverse();
    expect(again).toEqual(first);
  });

  const fragment = fc.constantFrom(
    "- ", "* ", "+ ", "1. ", "1) ", "2) ", "(1) ", "(2) ", "(3) ", "  ", "\n", "\r\n", "\n\n", '"', "“", "”",
    "claim", "Claim about X. ", "deserves its own claim. ", "is itself a claim candidate. ", "e.g. ", "---",
    "**bold**", "[[link|alias]]", "word ", "five six seven eight nine ", ". ", "? ", "\t", "```", "\u0000",
  );
  const markdownish = fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(""));

  it("never throws and gives the same answer twice, for any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), markdownish), (block) => {
        const a = splitHints(block);
        expect(splitHints(block)).toEqual(a);
        const known: SplitRule[] = ["list", "enumeration", "quotes", "sentences", "whole"];
        for (const item of a) {
          expect(known).toContain(item.rule);
          expect(typeof item.head).toBe("string");
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("rule 6: prose is split where it proposes several claims", () => {
  it.each<[string, string, string[]]>([
    [
      "'Also potential new claim about …' starts a candidate of its own, after an enrichment",
      "- Key data points for updating existing claims: the $25.6M/$390M demand ratio. Also potential new claim about pro-rata subscription creating fair but capital-inefficient raises",
      ["Key data points for updating existing claims: the $25.6M/$390M demand ratio.", "Also potential new claim about pro-rata subscription creating fair but capital-inefficient raises"],
    ],
    [
      "'Also notable:' starts a candidate of its own",
      "Probes beat SAEs on harmful intent. Also notable: DeepMind pivoted to pragmatic interpretability.",
      ["Probes beat SAEs on harmful intent.", "Also notable: DeepMind pivoted to pragmatic interpretability."],
    ],
    [
      "two sentences labelled as claims give two candidates; a plain sentence stays with the one before",
      "- Claim about content-as-loss-leader being operational at $500M+ scale. Claim about zero-CAC audience acquisition. The $5B valuation anchors it.",
      ["Claim about content-as-loss-leader being operational at $500M+ scale.", "Claim about zero-CAC audience acquisition. The $5B valuation anchors it."],
    ],
    [
      "a run of 'X claim.' sentences gives one candidate each",
      "- Counter-cyclical growth claim. Proposal volume scaling claim. Revenue model viability claim (AMM + LP fees)",
      ["Counter-cyclical growth claim.", "Proposal volume scaling claim.", "Revenue model viability claim (AMM + LP fees)"],
    ],
    [
      "a new claim and an update of an existing claim become two candidates",
      "- New claim on standardized investment instruments for futarchy. Update to STAMP claim with specific mechanics",
      ["New claim on standardized investment instruments for futarchy.", "Update to STAMP claim with specific mechanics"],
    ],
    [
      "two sentences each worth documenting are two candidates",
      "The community co-creation model is a specific implementation worth documenting. The YouTube-first distribution is a strategic choice worth noting",
      ["The community co-creation model is a specific implementation worth documenting.", "The YouTube-first distribution is a strategic choice worth noting"],
    ],
  ])("%s", (_name, block, expected) => {
    expect(heads(block)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["a claim with its commentary stays one candidate", "- Key claim: no frontier AI company has a coherent existential safety plan. The quantitative scoring enables comparison over time"],
    ["a claim sentence and a sentence about an existing claim's focus stay one", "- The T2D prevention savings are 10x the CV savings. The GLP-1 claim focuses on weight loss economics"],
    ["an item with nested lines keeps the writer's structure", "- Claim about A. Claim about B.\n  - nested reason"],
  ])("%s", (_name, block) => {
    expect(splitHints(block)).toHaveLength(1);
  });
});
