// Words of the extract preview that depend on the plan (SPEC §3, re-extraction):
// kept apart from the DOM so each wording is a table test.
import type { ExtractionPlan } from "../core/extraction";

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

/** "Create 1 note", "Create 3 notes". */
export const createLabel = (n: number): string => `Create ${n} note${n === 1 ? "" : "s"}`;

/** A reason from core ("the title is empty") as a sentence after a lead ("Not added"). */
export const sentence = (lead: string, reason: string): string => `${lead}: ${reason.replace(/\.$/, "")}.`;

export const TOPIC_FLAG = "Names a topic, not a claim: rewrite it as an assertion someone could disagree with.";
