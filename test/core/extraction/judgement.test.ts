// SPEC §2 rules 7, 8 and 11 on wording read in the knowledge base's
// inbox/archive: a verdict on the whole source, one claim once, and claims the
// curator names in prose.
import { describe, expect, it } from "vitest";
import { buildCandidates, type CandidateSet } from "../../../src/core/extraction/candidates";
import { namedInProse } from "../../../src/core/extraction/curator-prose";
import { containsKeyPhrase, keyPhrase, sameClaims } from "../../../src/core/extraction/one-claim";
import { verdictOf } from "../../../src/core/extraction/source-verdict";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { readSource } from "../../../src/core/note/source-note";

function candidatesOf(parts: { hints?: string; curator?: string; frontmatter?: string[]; content?: string }): CandidateSet {
  const text = [
    "---",
    "type: source",
    "title: Probes",
    "domain: ai-alignment",
    "status: unprocessed",
    ...(parts.frontmatter ?? []),
    "---",
    "## Content",
    parts.content ?? "A summary.",
    "",
    "## Agent Notes",
    ...(parts.hints !== undefined ? ["**Extraction hints:**", parts.hints] : []),
    "",
    ...(parts.curator !== undefined ? ["## Curator Notes", `EXTRACTION HINT: ${parts.curator}`] : []),
    "",
  ].join("\n");
  const { note, sections } = readSource("inbox/probes.md", text, DEFAULT_SETTINGS);
  return buildCandidates(note, sections, DEFAULT_SETTINGS, () => null);
}

describe("rule 7: a verdict on the whole source", () => {
  it.each<[string, string]>([
    ["No novel claims to extract. Value is as supporting evidence for existing claims.", "nothing-new"],
    ["Already covered by existing KB claims. Value is as supporting evidence, not new claims.", "nothing-new"],
    ["The demographic wave interacts with every other claim in the health KB. Not itself a single-claim source, but the contextual foundation.", "nothing-new"],
    ["This is an ENRICHMENT source, not a new claim. Update the existing voluntary-safety-pledges claim.", "enriches"],
    ["Low priority for new claims; useful for enriching existing claims with implementation specifics", "low-priority"],
    ["Low extraction priority for claims — too theoretical. But the private-company application frame is worth noting.", "low-priority"],
    ["This is EVIDENCE for the revenue-model-determines-quality claim, not a standalone claim.", "enriches"],
  ])("%s", (text, kind) => {
    expect(verdictOf([text], [])?.kind).toBe(kind);
  });

  it.each([
    "The cancer signal deserves its own claim if replicated.",
    "The cancer finding is separately important but preliminary.",
    "Individual company data is secondary to the structural pattern.",
    "But caveat the 90% figure as potentially inflated.",
    "Note: benchmark-to-production gap is important — don't overclaim from synthetic benchmarks",
  ])("a verdict about one item is that item's: %s", (text) => {
    expect(verdictOf([text], [])).toBeNull();
  });

  it("a frontmatter list whose own item is the verdict selects none of its siblings", () => {
    const set = candidatesOf({
      frontmatter: [
        "extraction_hints:",
        '  - "Futardio fundraising market landscape analysis shows launch volume tripled in Q1"',
        '  - "Community-run agriculture with on-chain governance grows membership fees"',
        '  - "Low standalone claim priority — community voice, not original analysis"',
      ],
    });
    expect(set.verdict?.kind).toBe("low-priority");
    expect(set.candidates.map((c) => c.selected)).toEqual([false, false, false]);
    expect(set.candidates[0]?.why).toBe('Verdict: the source is low priority for claims ("Low standalone claim priority — community voice, not original analysis")');
  });

  it("the curator's verdict leaves the agent's hints listed, unselected, with the verdict as their reason", () => {
    const set = candidatesOf({
      hints: "- Anthropic rolled back its flagship pledge under competitive pressure",
      curator: "This is an ENRICHMENT source, not a new claim. Update the existing voluntary-safety-pledges claim.",
    });
    expect(set.candidates[0]).toMatchObject({ selected: false });
    expect(set.candidates[0]?.why).toMatch(/^Verdict: the source enriches existing claims/);
  });

  it("without a verdict the same hints are selected", () => {
    expect(candidatesOf({ hints: "- Anthropic rolled back its flagship pledge under competitive pressure" }).candidates[0]?.selected).toBe(true);
  });
});

describe("rule 8: one claim once", () => {
  it("the key phrase is the title before its qualifiers, without leading articles", () => {
    expect(keyPhrase("the pluralism option — multiple aligned systems rather than one")).toBe("pluralism option");
    expect(keyPhrase("pluralism option as structural alternative to forced consensus")).toBe("pluralism option");
    expect(keyPhrase("revenue model validation (first profitable quarter)")).toBe("revenue model validation");
  });

  it("a key phrase contained in another title is the same claim", () => {
    expect(containsKeyPhrase("pluralism option is a structural alternative to forced consensus", "the pluralism option — multiple aligned systems rather than one")).toBe(true);
    expect(containsKeyPhrase("prediction markets beat polls", "markets")).toBe(false);
  });

  it("the fuller wording is kept: an assertion over a topic, the agent's sentence over the curator's noun phrase", () => {
    const dropped = sameClaims([
      { title: "pluralism option is a structural alternative to forced consensus", topic: false, origin: "hints" },
      { title: "the pluralism option — multiple aligned systems rather than one", topic: true, origin: "curator" },
    ]);
    expect([...dropped]).toEqual([[1, 0]]);
  });

  it("two claims about one subject stay two", () => {
    expect(
      sameClaims([
        { title: "Prediction markets beat polls on election forecasts", topic: false, origin: "hints" },
        { title: "Prediction markets fail on thin volume", topic: false, origin: "hints" },
      ]).size,
    ).toBe(0);
  });

  it("the agent's hint and the curator's enumerated restatement are proposed once, and the JSON says which covers which", () => {
    const set = candidatesOf({
      hints: "(1) RLHF as implicit social choice without normative scrutiny (2) pluralism option as structural alternative to forced consensus",
      curator: "Claims about: (1) the social-choice reading of RLHF is new (2) the pluralism option — multiple aligned systems rather than one",
    });
    const pluralism = set.candidates.filter((c) => /pluralism/i.test(c.title));
    expect(pluralism.filter((c) => c.selected)).toHaveLength(1);
    expect(pluralism.find((c) => !c.selected)?.coveredBy).toBe(pluralism.find((c) => c.selected)?.index);
  });
});

describe("rule 8 between the agent's topic and the curator's sentence", () => {
  it("the curator's own sentence for a topic the hint only names is kept, and one that says less is dropped", () => {
    const set = candidatesOf({
      hints: "Claims about: (1) RLHF as implicit social choice without normative scrutiny (2) post-Arrow mechanisms as practical workarounds",
      curator: "Three extractable claims: (1) RLHF is implicit social choice, (2) post-Arrow mechanisms work by weakening IIA",
    });
    expect(set.candidates.filter((c) => c.selected).map((c) => c.title)).toEqual(["RLHF is implicit social choice without normative scrutiny", "post-Arrow mechanisms work by weakening IIA"]);
    expect(set.candidates.filter((c) => !c.selected).map((c) => c.why)).toEqual(["Same claim as #4", "Same claim as #1"]);
  });
});

describe("rule 11: claims the curator names in prose", () => {
  it.each<[string, string]>([
    ["The 1997-2003 crash-and-rescue cycle is the most extractable insight. It demonstrates that MA's growth is policy-contingent, not demand-driven.", "MA's growth is policy-contingent, not demand-driven"],
    ["The favorable selection mechanism deserves its own claim — it's the less-discussed half of the overpayment equation.", "The favorable selection mechanism"],
    ["The transition from research to operational use is the key claim.", "The transition from research to operational use"],
    ["The key insight is revenue model → creative freedom.", "revenue model → creative freedom"],
    ["The key insight isn't the YouTube distribution per se but the COMMUNITY→ALGORITHM dynamic.", "COMMUNITY→ALGORITHM dynamic"],
  ])("%s", (prose, claim) => {
    expect(namedInProse(prose).map((n) => n.text)).toEqual([claim]);
  });

  it("prose that names nothing proposes nothing", () => {
    expect(namedInProse("Pair with Dropout and MrBeast sources for the full picture.")).toEqual([]);
  });

  it("the named claim is proposed by the curator, selected even under the hints' verdict", () => {
    const set = candidatesOf({
      hints: "- No novel claims; the figures repeat the KB",
      curator: "The 1997-2003 crash-and-rescue cycle is the most extractable insight. It demonstrates that MA's growth is policy-contingent, not demand-driven.",
    });
    const named = set.candidates.find((c) => c.origin === "curator");
    expect(named).toMatchObject({ title: "MA's growth is policy-contingent, not demand-driven", selected: true });
  });
});

describe("a topic takes the source's own sentence", () => {
  it("the Content sentence with a finite verb that holds most of the topic's words", () => {
    const set = candidatesOf({
      hints: "- Claim about platform vulnerability quantification.",
      content: "Creators who depend on one platform lose 40% of income when its algorithm changes, a measure of platform vulnerability that quantification studies repeat.",
    });
    expect(set.candidates[0]).toMatchObject({ topic: true, rewritten: true, selected: true });
    expect(set.candidates[0]?.title).toMatch(/^Creators who depend on one platform lose 40% of income/);
  });

  it("with no such sentence the topic stays, unselected, for the curator", () => {
    const [c] = candidatesOf({ hints: "- Counter-cyclical growth claim" }).candidates;
    expect(c).toMatchObject({ topic: true, rewritten: false, selected: false });
    expect(c?.why).toMatch(/^Topic/);
  });
});

describe("§3: every candidate has a description of its own", () => {
  it("a bare hint with no commentary and no evidence falls back to its rationale or the source's notes", () => {
    const set = candidatesOf({ hints: "- Monitors fail at scale\n- Probes beat SAEs on harmful intent" });
    for (const c of set.candidates) expect(c.description).not.toBe("");
    expect(new Set(set.candidates.map((c) => c.description)).size).toBe(set.candidates.length);
  });
});

describe("what a careful curator does not create as it stands, read on the archive", () => {
  it.each<[string, string]>([
    ["- Cross-reference: do contested decisions show higher volume than uncontested?", "Research question"],
    ["- The turnaround time is key evidence", "Says the item is evidence, not what it is evidence of"],
    ["- This model assumes producer-distributor separation that community IP dissolves", 'Refers back ("This …"): a comment on another item, not a claim of its own'],
    ["- This would be a challenge to the simple disruption narrative", 'Refers back ("This …"): a comment on another item, not a claim of its own'],
    ["- Counter-cyclical growth claim", "Topic, not a claim: no sentence of the source states it; write the claim"],
  ])("%s", (hint, why) => {
    const [c] = candidatesOf({ hints: hint }).candidates;
    expect(c).toMatchObject({ selected: false, why });
  });

  it("a parenthesis that states what the topic names is the claim", () => {
    const [c] = candidatesOf({ hints: "- the diversity paradox (AI increases collective diversity without improving individual creativity)" }).candidates;
    expect(c).toMatchObject({ title: "AI increases collective diversity without improving individual creativity", rewritten: true, selected: true });
  });

  it("a short label before a colon leaves the title: the clause after it is the claim", () => {
    const [c] = candidatesOf({ hints: "- The NHS paradox: universal coverage and high primary care quality can coexist with terrible specialty access" }).candidates;
    expect(c).toMatchObject({ title: "Universal coverage and high primary care quality can coexist with terrible specialty access", selected: true });
  });
});

describe("rules 4 and 6: a run of 'X as Y.' and 'A as evidence that B.' sentences is one claim each (the archive's space hints)", () => {
  it("each sentence is its own candidate, shaped by rule 10", () => {
    const set = candidatesOf({
      hints:
        "Europe as a case study in proxy inertia — Ariane 6 just began flying and is already strategically obsolete. The DLR assessment as evidence that the phase transition in launch is recognized at the institutional level. US-China duopoly in reusable heavy lift as the emerging competitive structure.",
    });
    expect(set.candidates.map((c) => c.title)).toEqual([
      "Europe as a case study in proxy inertia — Ariane 6 just began flying and is already strategically obsolete",
      "The phase transition in launch is recognized at the institutional level",
      "US-China duopoly in reusable heavy lift is the emerging competitive structure",
    ]);
  });
});

describe("a claim quoted in single quotes at the start of an item (hint lists kept in YAML double quotes)", () => {
  it("is the title, as a double-quoted one is", () => {
    const set = candidatesOf({ frontmatter: ["extraction_hints:", `  - "'Solana DeFi overtakes Hyperliquid within 2 years' — trackable prediction, potential position candidate"`] });
    expect(set.candidates[0]).toMatchObject({ title: "Solana DeFi overtakes Hyperliquid within 2 years", fromQuote: true, selected: true });
  });
});
