// SPEC §2 rule 10 and "Title of a candidate": the proposition an item points
// at, on wording read in the knowledge base's inbox/archive.
import { describe, expect, it } from "vitest";
import { asProposition, evidenceProposition, namedClaim, participleProposition, withoutInstructions } from "../../../src/core/extraction/proposition";

describe("rule 10: the proposition, not its evidence", () => {
  it.each<[string, string, string]>([
    ["the BBA-MMA cycle as evidence that MA viability depends on above-FFS payments", "MA viability depends on above-FFS payments", "the BBA-MMA cycle"],
    ["PACE as existence proof that full capitation works for complex patients", "Full capitation works for complex patients", "PACE"],
    ["The DreamWorks partnership as evidence that traditional studios are validating community-native IP", "Traditional studios are validating community-native IP", "The DreamWorks partnership"],
    ["The gap between V2 (35t) and V3 (100t) as evidence that the cost curve is step-function, not smooth", "The cost curve is step-function, not smooth", "The gap between V2 (35t) and V3 (100t)"],
    ["The 91% disclosure demand suggests regulatory pressure is coming regardless of industry preference", "Regulatory pressure is coming regardless of industry preference", "The 91% disclosure demand"],
    ["Singapore demonstrating that individual responsibility + universal coverage can coexist", "Individual responsibility + universal coverage can coexist", "Singapore"],
    ["The revenue trajectory data is the strongest evidence that content-as-loss-leader scales to enterprise size", "Content-as-loss-leader scales to enterprise size", "The revenue trajectory data"],
  ])("%s → the claim B", (item, claim, evidence) => {
    expect(evidenceProposition(item)).toEqual({ title: claim, rewritten: true, evidence, namesClaim: null });
  });

  it.each<[string, string]>([
    ["V3 payload capability as concrete evidence for the phase transition claim", "phase transition"],
    ["the commercial scale data as evidence for the community-beats-budget thesis", "community-beats-budget"],
    ["First raise metrics: 220x oversubscription as evidence for 'internet capital markets compress fundraising'", "internet capital markets compress fundraising"],
    ["Solomon treasury subcommittee analysis — evidence for 'futarchy-governed DAOs converge on traditional corporate governance scaffolding'", "futarchy-governed DAOs converge on traditional corporate governance scaffolding"],
    ["the 2024 survey gap as evidence for [[Household inflation expectations moved twice as much as professional forecasts]]", "Household inflation expectations moved twice as much as professional forecasts"],
  ])("%s names an existing claim: an enrichment of it", (item, named) => {
    expect(evidenceProposition(item)?.namesClaim).toBe(named);
  });

  it("a claim that only mentions evidence is left as it is", () => {
    expect(evidenceProposition("Prediction markets beat polls on thin volume")).toBeNull();
    expect(evidenceProposition("Evidence")).toBeNull();
  });

  it("names a claim only by a link, a quoted title or 'the … claim'", () => {
    expect(namedClaim("the phase transition claim")).toBe("phase transition");
    expect(namedClaim("traditional studios are validating community-native IP")).toBeNull();
  });
});

describe('rule 10: a topic "X as Y" is offered as "X is Y" / "X are Y"', () => {
  it.each<[string, string]>([
    ["RLHF as implicit social choice without normative scrutiny", "RLHF is implicit social choice without normative scrutiny"],
    ["CFTC rulemaking as resolution path for futarchy regulation", "CFTC rulemaking is a resolution path for futarchy regulation"],
    ["Prediction markets as governance infrastructure", "Prediction markets are governance infrastructure"],
    ["storytelling as moat", "storytelling is a moat"],
    ["pluralism option as structural alternative to forced consensus", "the pluralism option is a structural alternative to forced consensus"],
    ["home health as structural cost winner vs. facility-based care", "home health is a structural cost winner vs. facility-based care"],
  ])("%s → %s", (topic, claim) => {
    expect(asProposition(topic)).toMatchObject({ title: claim, rewritten: true });
  });

  it("a report about X is not the subject: 'Critique of overraising as mechanism design flaw' stays a topic", () => {
    expect(asProposition("Critique of overraising as mechanism design flaw")).toBeNull();
  });

  it("a category is rewritten all the same (the knowledge base's agents wrote these up as claims)", () => {
    expect(asProposition("the 6-Pack of Care as integrated framework")?.title).toBe("the 6-Pack of Care is an integrated framework");
  });

  it("leaves a claim that has a finite verb alone, gerund subject included", () => {
    expect(asProposition("Treating alignment as a one-shot specification problem undermines continuous oversight")).toBeNull();
    expect(asProposition("modeling preference sensitivity as a learned distribution rather than a fixed scalar resolves DPO diversity failures")).toBeNull();
  });

  it('"such as" and "as well as" are not the topic form', () => {
    expect(asProposition("platform risks such as deplatforming")).toBeNull();
  });
});

describe("a telegraphic participle is made finite", () => {
  it.each<[string, string]>([
    ["MA growth driven by political payment decisions not market efficiency", "MA growth is driven by political payment decisions not market efficiency"],
    ["preference heterogeneity being learnable from data without demographic labels", "preference heterogeneity is learnable from data without demographic labels"],
    ["GLP-1s reducing all-cause hospitalization", "GLP-1s reduce all-cause hospitalization"],
    ["Probes beating SAEs", "Probes beat SAEs"],
  ])("%s → %s", (topic, claim) => {
    expect(participleProposition(topic)).toMatchObject({ title: claim, rewritten: true });
  });

  it("a participle that is a preposition ('using', 'including') is not conjugated", () => {
    expect(participleProposition("first documented production deployment decision using interpretability")).toBeNull();
  });
});

describe("a parenthetical that instructs the extractor leaves the title", () => {
  it.each<[string, string]>([
    ["owned-revenue creators earning 189% more (but note selection bias caveat)", "owned-revenue creators earning 189% more"],
    ["The level definitions themselves (if accessible)", "The level definitions themselves"],
    ["Probes beat SAEs (see the DeepMind note)", "Probes beat SAEs"],
  ])("%s → %s", (title, clean) => {
    expect(withoutInstructions(title)).toBe(clean);
  });

  it("a parenthetical that carries content stays", () => {
    expect(withoutInstructions("GLP-1s reduce all-cause hospitalization (not just CV)")).toBe("GLP-1s reduce all-cause hospitalization (not just CV)");
    expect(withoutInstructions("The gap between V2 (35t) and V3 (100t) is a step")).toBe("The gap between V2 (35t) and V3 (100t) is a step");
  });
});

describe("rule 10 on real wording the title rules had cut", () => {
  it("'… is a specific, citable data point for the X claim' enriches X (the item's 'claim' was cut from the title)", () => {
    const raw = "The Sora 8% retention figure is a specific, citable data point for the consumer acceptance binding constraint claim";
    const title = "The Sora 8% retention figure is a specific, citable data point for the consumer acceptance binding constraint";
    expect(evidenceProposition(title, raw)).toMatchObject({ namesClaim: "consumer acceptance binding constraint", evidence: "The Sora 8% retention figure" });
  });

  it("'A could support a claim about B' is B", () => {
    expect(evidenceProposition("The PA escalation could support a claim about short-term cost management overriding long-term prevention incentives")).toMatchObject({
      title: "Short-term cost management overriding long-term prevention incentives",
      evidence: "The PA escalation",
    });
  });

  it("a list joined by slashes agrees in the plural", () => {
    expect(asProposition("preference collapse / sycophancy / bias amplification as computational necessities")?.title).toBe("preference collapse / sycophancy / bias amplification are computational necessities");
  });
});

describe("what stays a topic rather than a wrong rewrite", () => {
  it("'as a claim that …' says how to file it: the title is what comes before", () => {
    expect(withoutInstructions("authenticity-as-premium as a claim that can sit alongside (not contradict) AI cost-collapse claims")).toBe("authenticity-as-premium");
  });
});
