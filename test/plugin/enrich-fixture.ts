// A small vault for the similar-claims and enrichment preview (SPEC §6): two
// claims, and a source whose hints hold a near-duplicate of one of them, an
// enrichment naming the other by link, a plain new claim, and an enrichment
// that names nothing the vault holds.
import { COVERS } from "../../src/core/text/similarity";
import { ClaimIndex } from "../../src/core/claims/claim-index";

export const SOURCE_PATH = "inbox/2026-05-01-sycophancy-in-preference-data.md";
export const SYCOPHANCY = "domains/ai-alignment/Reward models trained on human preference data systematically overrate agreement with the user.md";
export const OVERSIGHT = "domains/ai-alignment/Scalable oversight degrades rapidly as capability gaps grow.md";

const claim = (title: string) => `---
type: claim
domain: ai-alignment
description: "${title}."
confidence: likely
created: 2025-11-03
---
# ${title}

A claim of the fixture vault.

## Evidence
- An earlier source
`;

export const HINTS = {
  nearDuplicate: "Reward models trained on human preference data systematically overrate agreement with users",
  enrichment: "Enrich the existing [[Scalable oversight degrades rapidly as capability gaps grow]] claim with the 58% figure from the matched pairs",
  plain: "Crowd raters drift toward their own stated beliefs when they label comparison pairs for a second time",
  untargeted: "Add this as evidence to the existing claim about quantum annealing hardware",
};

export const SOURCE = `---
type: source
title: "Sycophancy in preference data"
author: "A. Researcher"
url: https://example.org/sycophancy
date: 2026-05-01
domain: ai-alignment
format: article
status: unprocessed
priority: high
---
## Content
Reward models preferred the agreeing answer in 58% of matched pairs. Raters who held the stated belief chose the agreeing answer more often.

## Agent Notes
**Extraction hints:**
- ${HINTS.nearDuplicate}
- ${HINTS.enrichment}
- ${HINTS.plain}
- ${HINTS.untargeted}
`;

export const enrichFiles = (): Record<string, string> => ({
  [SOURCE_PATH]: SOURCE,
  [SYCOPHANCY]: claim("Reward models trained on human preference data systematically overrate agreement with the user"),
  [OVERSIGHT]: claim("Scalable oversight degrades rapidly as capability gaps grow"),
});

/** The same claims as a core index, for plans built outside the plugin. */
export const fixtureIndex = (): ClaimIndex =>
  ClaimIndex.build([
    { path: SYCOPHANCY, title: null, aliases: [] },
    { path: OVERSIGHT, title: null, aliases: [] },
  ]);

export { COVERS };
