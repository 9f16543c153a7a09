// A model's draft as candidates (SPEC §9), checked like every candidate: each
// drafted claim keeps only the quotes found in the source (a claim with none is
// not selected), its title goes through §2's title rules (shapeTitle), rule 8
// against the hint candidates it restates (the draft's sentence replaces a
// hint that named only a topic; a hint that was a sentence keeps its place),
// rule 7 (a "nothing new" draft, or a verdict of the hints, selects nothing),
// and an `enriches` that names no claim of the vault is ignored. §6
// similarity follows in matchClaims, as for the hint candidates.
import { describeClaim } from "../../claims/claim-note";
import { evidenceIndex } from "../../claims/evidence";
import { joinPath, toFileName } from "../../text/file-name";
import { wordStems } from "../../text/similarity";
import type { Candidate, CandidateSet } from "../candidates";
import { titleParts } from "../candidate-title";
import { sameClaims, type Wording } from "../one-claim";
import { shapeTitle } from "../shape-title";
import { verdictWhy } from "../source-verdict";
import type { AiDraft, DraftedClaim } from "./response";
import { checkQuotes } from "./verify-quotes";

export interface DraftContext {
  /** The text quotes must be found in: the source's `## Content`, else its body. */
  sourceText: string;
  /** The path of an existing note at this path, or null. */
  existsAt: (path: string) => string | null;
  /** The path of a claim note of the vault with this title, alias or file name, or null (rule 9). */
  claimNamed: (title: string) => string | null;
}

export const NO_QUOTE_WHY = "No quote of it found in the source: check it against the source before creating it";
export const NOTHING_NEW_WHY = "The model found nothing new in this source";

/** Words of a hint's label that say what kind of item it is, not what it is about. */
const LABEL_WORDS = new Set(wordStems("claim claims candidate evidence enrichment extract extraction new key potential about note"));

/** Does the drafted claim state the proposition a topic hint only points at? Most of the topic's own words are in the draft's. */
function statesTopic(hint: Candidate, title: string, description: string): boolean {
  const topic = [...new Set(wordStems(titleParts(hint.text).title))].filter((w) => !LABEL_WORDS.has(w));
  if (topic.length < 2) return false;
  const words = new Set(wordStems(`${title} ${description}`));
  const found = topic.filter((w) => words.has(w)).length;
  return found >= 2 && found / topic.length >= 0.6;
}

const plainSentence = (s: string) => s.replace(/[\s.]+$/, "").replace(/\s+/g, " ").toLowerCase();

/** A hint topic rewritten to the source's own sentence, and a draft quoting that very sentence: one claim. */
// A topic the rules could not rewrite still has its best evidence sentence: a draft quoting it states that topic.
const quotesHintSentence = (hint: Candidate, draft: Candidate) =>
  (hint.rewritten === true && draft.evidence.some((q) => plainSentence(q) === plainSentence(hint.title))) ||
  (hint.topic && hint.evidence[0] !== undefined && draft.evidence.some((q) => plainSentence(q) === plainSentence(hint.evidence[0] ?? "")));

const wordingOf = (c: Pick<Candidate, "title" | "topic" | "rewritten" | "origin">): Wording => ({ title: c.title, topic: c.topic && !c.rewritten, rewritten: c.rewritten, origin: c.origin });

/** The hint candidates and the drafted ones after them, each drafted claim checked; the hint candidates a draft replaces are unselected. */
export function withDraft(set: CandidateSet, draft: AiDraft | undefined, ctx: DraftContext): CandidateSet {
  if (!draft || set.tooMany) return set;
  const evidence = evidenceIndex(ctx.sourceText);
  const hints = set.candidates.map((c) => ({ ...c }));
  const described = new Set(hints.map((c) => c.description));
  const nothingNew = draft.verdict === "nothing new";
  const drafted = draft.claims.map((claim, i) => draftedCandidate(claim, hints.length + i + 1, draft.model, set, ctx, evidence, described, nothingNew));
  // Rule 8 among the drafted claims: a model that says one thing twice.
  const twice = sameClaims(drafted.map(wordingOf));
  for (const [i, by] of twice) {
    const d = drafted[i] as Candidate;
    drafted[i] = { ...d, selected: false, coveredBy: hints.length + by + 1, why: `Same claim as #${hints.length + by + 1}` };
  }
  // Rule 8 against the hint candidates it restates.
  for (let i = 0; i < drafted.length; i++) {
    const d = drafted[i] as Candidate;
    if (d.kind !== "claim" || d.coveredBy != null || d.title === "") continue;
    for (const h of hints) {
      if (h.kind !== "claim" || h.title === "" || h.existing !== null || h.coveredBy != null) continue;
      const same = sameClaims([wordingOf(h), wordingOf(d)]).size > 0 || (h.topic && (statesTopic(h, d.title, d.description) || quotesHintSentence(h, d)));
      if (!same) continue;
      // The draft's sentence wins over a topic when it stands (its quotes hold, no verdict); a hint that was a sentence keeps its place.
      if (h.topic) {
        if (d.selected) Object.assign(h, { selected: false, coveredBy: d.index, why: `Same claim as #${d.index} (the drafted sentence of this topic)` });
      } else {
        drafted[i] = { ...d, selected: false, coveredBy: h.index, why: `Same claim as #${h.index}` };
        break;
      }
    }
  }
  return { ...set, candidates: [...hints, ...drafted], draft: { model: draft.model, verdict: draft.verdict } };
}

function draftedCandidate(
  claim: DraftedClaim,
  index: number,
  model: string,
  set: CandidateSet,
  ctx: DraftContext,
  evidence: ReturnType<typeof evidenceIndex>,
  described: Set<string>,
  nothingNew: boolean,
): Candidate {
  const quotes = checkQuotes(ctx.sourceText, claim.evidence);
  const verified = quotes.verified.length > 0;
  const parts = titleParts(claim.title);
  const shape = shapeTitle(parts, "claim", evidence, false, claim.title);
  const title = shape.title;
  const fileName = toFileName(title);
  const path = joinPath(set.folder, fileName);
  const existing = title === "" ? null : (ctx.existsAt(path) ?? ctx.claimNamed(title));
  // An `enriches` that is not a claim note of the vault is ignored: the draft is then a claim like any other.
  const targetPath = claim.enriches === null ? null : ctx.claimNamed(claim.enriches);
  const enriches = targetPath !== null && existing === null;
  let description = claim.description;
  if (description === "" || description === title || described.has(description)) description = describeClaim({ title, commentary: "", evidence: quotes.verified, taken: described });
  if (description !== "") described.add(description);
  const topicLeft = shape.topic && !shape.rewritten;
  const why =
    title === "" ? "No title"
    : existing !== null ? "Exists — link only"
    : nothingNew ? NOTHING_NEW_WHY
    : !verified ? NO_QUOTE_WHY
    : set.verdict && !enriches ? verdictWhy(set.verdict)
    : topicLeft ? "Topic, not a claim: no sentence of the source states it; write the claim"
    : null;
  const rationale = [`Drafted by ${model}.`, shape.rewritten ? `The model's title was "${shape.original}".` : ""].filter(Boolean).join(" ");
  return {
    index,
    title,
    fromQuote: false,
    fileName,
    path,
    origin: "ai",
    kind: enriches ? "enrichment" : "claim",
    topic: title !== "" && shape.topic,
    description,
    evidence: quotes.verified.slice(0, 3),
    similar: [],
    target: enriches && claim.enriches !== null ? { path: targetPath, title: claim.enriches, certain: true, score: 1 } : null,
    existing,
    selected: enriches ? verified && !nothingNew : why === null,
    text: rationale,
    rewritten: shape.rewritten,
    why: enriches ? (nothingNew ? NOTHING_NEW_WHY : verified ? null : NO_QUOTE_WHY) : why,
    coveredBy: null,
    names: null,
    ai: { model, verified, unverified: quotes.unverified, confidence: claim.confidence },
  };
}
