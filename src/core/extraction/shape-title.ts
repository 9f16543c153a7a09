// From a hint item's title to the claim's title (SPEC §2 "Title of a
// candidate", rule 10): instructing parentheticals out, then the proposition
// the item points at ("A as evidence that B" → B; "X as Y" → "X is Y"; a
// telegraphic participle made finite), then, for a title still naming only a
// topic, the source's own sentence that states it. A quoted claim is the
// writer's exact words and is left as written.
import type { EvidenceIndex } from "../claims/evidence";
import type { CandidateKind } from "./candidate-kind";
import type { TitleParts } from "./candidate-title";
import { asProposition, evidenceProposition, participleProposition, withoutInstructions } from "./proposition";
import { topicSentence } from "./topic-sentence";
import { isTopicTitle } from "./topic-title";

export interface ShapedTitle {
  title: string;
  fromQuote: boolean;
  /** The title is not the item's words. */
  rewritten: boolean;
  /** The item named a topic (no finite verb). */
  topic: boolean;
  /** Rule 10's A, the evidence for the claim. */
  evidence: string | null;
  /** Rule 10's B when it names an existing claim. */
  names: string | null;
  /** The title as the item gave it, before any rewrite. */
  original: string;
}

/**
 * @param named the curator enumerated it as a claim (rule 5): their noun phrase
 * is kept as they wrote it, flagged a topic but not replaced or unselected.
 */
/**
 * "The NHS paradox: universal coverage … can coexist with terrible specialty
 * access", "Practical gap: current systems collect 10^3 samples …": a short
 * label before a colon names what follows; the clause after it is the claim.
 */
export function withoutLabel(title: string): string {
  const m = /^([^:]{2,60}):\s+(.{12,})$/.exec(title);
  if (!m) return title;
  const label = m[1] ?? "";
  const clause = m[2] ?? "";
  if (label.split(/\s+/).length > 6 || !isTopicTitle(label) || isTopicTitle(clause)) return title;
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

/** A parenthesis of four words or more with a finite verb of its own, after a topic. */
function statedInParenthesis(title: string): string | null {
  const m = /\(([^()]{12,})\)/.exec(title);
  const inner = (m?.[1] ?? "").trim();
  if (inner.split(/\s+/).length < 4 || isTopicTitle(inner) || /^(?:e\.g|i\.e|see|cf|note|but)\b/i.test(inner)) return null;
  return inner.charAt(0).toUpperCase() + inner.slice(1);
}

export function shapeTitle(parts: TitleParts, kind: CandidateKind, index: EvidenceIndex, named = false, raw = parts.title): ShapedTitle {
  const original = parts.title;
  const plain: ShapedTitle = { title: original, fromQuote: parts.fromQuote, rewritten: false, topic: false, evidence: null, names: null, original };
  if (kind !== "claim" || original === "") return plain;
  if (parts.fromQuote) return { ...plain, topic: isTopicTitle(original) };
  const cleaned = withoutLabel(withoutInstructions(original));
  const evidenceOf = evidenceProposition(cleaned, raw);
  // B of "A as evidence of B" may itself be "X as Y" or a participle: it is shaped the same way.
  const b = evidenceOf && evidenceOf.namesClaim === null ? (asProposition(evidenceOf.title) ?? participleProposition(evidenceOf.title)) : null;
  // An "X as Y" topic that rule 10 leaves alone (Y a category) is not a participle to conjugate either.
  const asTopic = /\sas\s/i.test(cleaned);
  const proposition = (b && evidenceOf ? { ...b, evidence: evidenceOf.evidence } : evidenceOf) ?? asProposition(cleaned) ?? (named || asTopic ? null : participleProposition(cleaned));
  const title = proposition?.title ?? cleaned;
  const topic = isTopicTitle(cleaned);
  const shaped: ShapedTitle = { ...plain, title, rewritten: proposition !== null, topic, evidence: proposition?.evidence ?? null, names: proposition?.namesClaim ?? null };
  if (shaped.names !== null || !isTopicTitle(title) || named) return shaped;
  // "the diversity paradox (AI increases collective diversity without improving individual creativity)": the
  // parenthesis states what the topic names.
  const stated = statedInParenthesis(cleaned);
  if (stated !== null) return { ...shaped, title: stated, topic: true, rewritten: true };
  // Still a topic (a noun phrase, or B of "evidence of B"): the source's own sentence, when it has one.
  const sentence = topicSentence(title, index);
  return sentence === null ? { ...shaped, topic: true, rewritten: false, title: cleaned } : { ...shaped, title: sentence, topic: true, rewritten: true };
}
