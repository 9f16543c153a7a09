// Words of the extract preview that depend on the plan (SPEC §3, re-extraction):
// kept apart from the DOM so each wording is a table test.
import type { Candidate } from "../core/extraction/candidates";
import type { ExtractionPlan } from "../core/extraction/extraction";

/** The class every element of the preview is named under (styles.css, tests and the e2e read these names). */
export const CLS = "source-queue-extract";

const claims = (n: number) => `${n} claim${n === 1 ? "" : "s"}`;

/** The line at the top of the preview for a source extracted before, or null when it was not. */
export function previousNotice(previous: ExtractionPlan["previous"]): string | null {
  if (previous === null) return null;
  const when = previous.date ? ` on ${previous.date}` : "";
  const who = previous.by ? ` by ${previous.by}` : "";
  const lead = when === "" && who === "" ? "Extracted before" : `Extracted${when}${who}`;
  if (previous.claims === 0) return `${lead}, with no claims listed. Creating claims adds them to this source.`;
  return `${lead}: ${claims(previous.claims)}. Creating more adds to them.`;
}

const notes = (n: number) => `${n} note${n === 1 ? "" : "s"}`;

/** "Create 1 note", "Create 3 notes", "Create 2 notes, enrich 1", "Enrich 2 notes". */
export function createLabel(creates: number, enriches = 0): string {
  if (enriches === 0) return `Create ${notes(creates)}`;
  if (creates === 0) return `Enrich ${notes(enriches)}`;
  return `Create ${notes(creates)}, enrich ${enriches}`;
}

/** A similarity score as the preview shows it: two decimals, as the CLI's JSON rounds it. */
export const score = (n: number): string => n.toFixed(2);

/** Why the preview proposes this target: the curator sees how sure it is. */
export function targetCertainty(target: { certain: boolean; score: number }, chosen: boolean): string {
  if (chosen) return "chosen by you";
  return target.certain ? "named in the hint" : `best guess, ${score(target.score)}`;
}

/** Enrichments that are checked but have no claim to go to: Create waits for a target. */
export function untargeted(candidates: readonly Pick<Candidate, "index" | "kind" | "selected" | "target" | "existing">[]): string[] {
  return candidates
    .filter((c) => c.kind === "enrichment" && c.selected && c.target === null && c.existing === null)
    .map((c) => `Candidate ${c.index} enriches no claim yet: choose its target, or uncheck it.`);
}

/** A reason from core ("the title is empty") as a sentence after a lead ("Not added"). */
export const sentence = (lead: string, reason: string): string => `${lead}: ${reason.replace(/\.$/, "")}.`;

export const TOPIC_FLAG = "Names a topic, not a claim: rewrite it as an assertion someone could disagree with.";

/** Why Create is disabled, in the order the footer shows them; empty when it can run. */
export function createReasons(plan: Pick<ExtractionPlan, "blockers" | "creates" | "candidates"> & Partial<Pick<ExtractionPlan, "enrichments">>, pending: boolean): string[] {
  // The core's "enriches no claim" blocker names the CLI's flag; the preview says it in its own words.
  const reasons = [...plan.blockers.filter((b) => !/^Candidate \d+ enriches no claim:/.test(b)), ...untargeted(plan.candidates)];
  if (pending) reasons.push("Add the claim you typed, or clear it, before creating.");
  if (reasons.length > 0 || plan.creates.length > 0 || (plan.enrichments?.length ?? 0) > 0) return reasons;
  if (plan.candidates.length === 0) return ["There is nothing to create."];
  if (plan.candidates.every((c) => c.existing !== null)) return ["Every candidate exists already; nothing to create."];
  return ["Check at least one candidate to create it."];
}
