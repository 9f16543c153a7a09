// Issue #24, clean claims: a hint's label never reaches a claim body line, and
// a Relevant Notes link whose target is in no note of the vault is left out and
// listed (`dropped_links`). Real wording of the public knowledge base
// (inbox/archive/2015-03-00-friston-active-inference-epistemic-value.md).
import { describe, expect, it } from "vitest";
import { renderClaim, withoutClaimLabels } from "../../../src/core/claims/claim-note";
import { extractJson } from "../../../src/core/commands/json-output";
import { planExtraction } from "../../../src/core/extraction/extraction";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { MemoryPort } from "../memory-port";

const SOURCE = "inbox/archive/2015-03-00-friston-active-inference-epistemic-value.md";
const FORAGING =
  "Epistemic foraging — directing search toward observations that maximally reduce model uncertainty — is Bayes-optimal behavior, not an added heuristic, because it maximizes expected information gain under the free energy principle";
const TEXT = `---
type: source
title: "Active Inference and Epistemic Value"
author: "Karl Friston, Francesco Rigoli, Dimitri Ognibene"
date: 2015-03-00
domain: ai-alignment
status: unprocessed
priority: high
---

## Content

4. **Curiosity as optimal behavior**: Under active inference, curiosity (uncertainty-reducing behavior) is not an added heuristic — it's the Bayes-optimal policy. Agents that don't seek information are suboptimal by definition.

## Agent Notes

**KB connections:**
- [[structured exploration protocols reduce human intervention by 6x]] — the Residue prompt encodes epistemic value maximization informally
- [[fitness landscape ruggedness determines whether adaptive systems find good solutions]] — epistemic foraging navigates rugged landscapes

**Extraction hints:**
- CLAIM: ${FORAGING}

## Curator Notes

PRIMARY CONNECTION: "biological systems minimize free energy to maintain their states and resist entropic decay"
`;
const EXISTING = "domains/ai-alignment/structured exploration protocols reduce human intervention by 6x.md";

describe("clean claims", () => {
  it.each<[string, string, string]>([
    ["CLAIM: in capitals", `CLAIM: ${FORAGING}`, FORAGING],
    ["Claim: on a list line", "- Claim: Futarchy is manipulation-resistant", "- Futarchy is manipulation-resistant"],
    ["New claim candidate:", "New claim candidate: Prediction markets aggregate dispersed information", "Prediction markets aggregate dispersed information"],
    ["a bold label", "**Claim:** Storytelling is the moat", "Storytelling is the moat"],
    ["not a label: 'Claim about'", "Claim about the moat: storytelling", "Claim about the moat: storytelling"],
  ])("a label is taken out of a body line: %s", (_name, line, clean) => {
    expect(withoutClaimLabels(line)).toBe(clean);
  });

  const port = new MemoryPort({ [SOURCE]: TEXT, [EXISTING]: "---\ntype: claim\n---\n" }, { resolveLinks: true });
  const plan = planExtraction({ path: SOURCE, text: TEXT, settings: DEFAULT_SETTINGS, today: "2026-05-01", port });
  const claim = plan.creates[0]?.text ?? "";

  it("no body line of the claim keeps the hint's CLAIM: label", () => {
    expect(plan.creates.map((c) => c.candidate.title)).toEqual([FORAGING]);
    expect(claim).not.toMatch(/^\s*(?:- )?CLAIM:/m);
    expect(claim).toContain(`# ${FORAGING}`);
  });

  it("links only Relevant Notes that exist, and lists the others in the plan and the JSON", () => {
    expect(claim).toContain("Relevant Notes:\n- [[structured exploration protocols reduce human intervention by 6x]]\n");
    expect(claim).not.toContain("fitness landscape ruggedness");
    expect(plan.droppedLinks).toEqual(["fitness landscape ruggedness determines whether adaptive systems find good solutions"]);
    expect(extractJson(plan, true, [], []).dropped_links).toEqual(plan.droppedLinks);
  });

  it("a port that cannot resolve links keeps them all", () => {
    const text = renderClaim({
      title: "t", fileName: "t", fromQuote: false, rationale: "CLAIM: t", confidence: "experimental", domain: null, secondaryDomains: [],
      sourceCitation: "c", sourceLink: "[[s]]", relevantLinks: ["[[a]]"], guidance: null, description: "d", evidence: [], created: "2026-05-01",
    });
    expect(text).not.toContain("CLAIM:");
    expect(text).toContain("- [[a]]");
  });
});
