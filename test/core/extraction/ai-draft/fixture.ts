// A source whose hints name only topics, a vault with one claim near what the
// source says, and drafts a model could answer for it (SPEC §9 tests).
import { ClaimIndex } from "../../../../src/core/claims/claim-index";
import { claimInputFromText } from "../../../../src/core/claims/claim-input";
import type { AiDraft, DraftedClaim } from "../../../../src/core/extraction/ai-draft/response";
import { MemoryPort } from "../../memory-port";

export const SOURCE = "inbox/platforms.md";
export const EXISTING = "domains/economics/Sellers who join a marketplace during a downturn churn less than sellers who join in a boom.md";
export const EXISTING_TITLE = "Sellers who join a marketplace during a downturn churn less than sellers who join in a boom";

export const SOURCE_TEXT = `---
type: source
title: "Counter-cyclical platforms: fees, sellers and recessions"
domain: economics
status: unprocessed
---
## Content
The authors follow 40 online marketplaces between 2008 and 2020.
Marketplaces that cut seller fees during recessions grew their seller base by 18 percent while competitors’ seller bases shrank.
Sellers who joined during downturns were still active three years later at a higher rate than sellers who joined in booms.
A single payment processor handled 70 percent of transactions on the median marketplace — a concentration the authors call the platforms’ main vulnerability.

## Agent Notes
**Extraction hints:**
- Counter-cyclical growth claim
- Platform vulnerability quantification
`;

const claimNote = (title: string) => `---\ntype: claim\ndomain: economics\n---\n# ${title}\n\nWhy.\n\n## Evidence\n- [[older]]\n`;

export function vault(): MemoryPort {
  return new MemoryPort({ [SOURCE]: SOURCE_TEXT, [EXISTING]: claimNote(EXISTING_TITLE) });
}

export function claimsOf(port: MemoryPort): ClaimIndex {
  return ClaimIndex.build([...port.files].map(([path, text]) => claimInputFromText(path, text)).filter((i) => i !== null));
}

export const GROWTH: DraftedClaim = {
  title: "Counter-cyclical fee cuts let marketplaces grow their seller base during recessions while competitors shrink",
  description: "Across 40 marketplaces from 2008 to 2020, fee cuts in recessions bought an 18 percent larger seller base.",
  evidence: ["Marketplaces that cut seller fees during recessions grew their seller base by 18 percent while competitors' seller bases shrank."],
  confidence: "likely",
  enriches: null,
};
export const VULNERABILITY: DraftedClaim = {
  title: "Payment processor concentration is the main vulnerability of online marketplaces",
  description: "On the median marketplace one processor handled 70 percent of transactions.",
  evidence: ["A single payment processor handled 70 percent of transactions on the median marketplace - a concentration the authors call the platforms' main vulnerability"],
  confidence: "experimental",
  enriches: null,
};
export const INVENTED: DraftedClaim = {
  title: "Fee cuts during recessions pay for themselves within two years",
  description: "The marketplaces recovered the lost fee revenue within two years.",
  evidence: ["The fee cuts paid for themselves within two years on every marketplace studied."],
  confidence: "speculative",
  enriches: null,
};
export const NEAR_DUPLICATE: DraftedClaim = {
  title: "Sellers who join a marketplace in a downturn churn less than sellers who join in a boom",
  description: "Downturn cohorts stayed active longer.",
  evidence: ["Sellers who joined during downturns were still active three years later at a higher rate than sellers who joined in booms."],
  confidence: "likely",
  enriches: null,
};

export const draftOf = (claims: DraftedClaim[], verdict: AiDraft["verdict"] = "claims"): AiDraft => ({ model: "stand-in-model", verdict, claims });
