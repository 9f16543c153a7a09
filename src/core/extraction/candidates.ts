// Claim candidates for one source (SPEC §2): split, titled, named, classified
// and checked against what already exists. The result is plain data that the
// preview modal and `extract --dry-run` show before anything is written.
import { candidateKind, KIND_LABELS, type CandidateKind } from "./candidate-kind";
import { titleParts } from "./candidate-title";
import { describeClaim } from "../claims/claim-note";
import { bestEvidence, evidenceIndex } from "../claims/evidence";
import { claimNameOf, joinPath, sameName, toFileName } from "../text/file-name";
import { chooseClaimFolder } from "../claims/claim-folder";
import { COVERS, similarity, titleTerms, type TitleTerms } from "../text/similarity";
import type { Confidence, Problem, SourceNote } from "../note/model";
import type { HintSections, SourceSections } from "../note/sections";
import type { Settings } from "../note/settings";
import { splitFrontmatterHints, splitHints, type HintItem } from "./split-hints";
import { namedInProse } from "./curator-prose";
import { isTopicTitle } from "./topic-title";
import { sameClaims } from "./one-claim";
import { shapeTitle, type ShapedTitle } from "./shape-title";
import { verdictOf, verdictWhy, type SourceVerdict } from "./source-verdict";
import { describeFallback } from "./describe-fallback";

export interface Candidate {
  /** 1-based position, as `--select` counts. */
  index: number;
  title: string;
  fromQuote: boolean;
  fileName: string;
  path: string;
  /** Where it came from: the agent's hints, the curator's enumeration, a claim the user added in the preview (`--add`), or a model's draft (SPEC §9). */
  origin: "hints" | "curator" | "added" | "ai";
  kind: CandidateKind;
  /** The title names a topic, not an assertion someone could disagree with: the preview asks the curator to rewrite it. */
  topic: boolean;
  /** The claim's own one-sentence description (SPEC §3), editable in the preview. */
  description: string;
  /** Up to three sentences of the source's `## Content` that best support this claim, best first. */
  evidence: string[];
  /** Existing claims whose titles are near this one (SPEC §6), best first, at most 3; above COVERS it is not selected by default. */
  similar: SimilarClaim[];
  /** For an enrichment: the claim it names or most resembles; null otherwise or when none is found. */
  target: EnrichmentTargetRef | null;
  /** The existing note, when the claim exists already ("exists — link only"). */
  existing: string | null;
  selected: boolean;
  /** The full item text: the claim's rationale. */
  text: string;
  /** The title is the proposition the item points at, not its words (SPEC §2 rule 10, a topic's own sentence); the item stays the rationale. */
  rewritten?: boolean;
  /** Why it is not selected, in one short line (the preview and the JSON's `why`); null when selected. */
  why?: string | null;
  /** Rule 8: the candidate that states the same claim, when this one is dropped for it. */
  coveredBy?: number | null;
  /** Rule 10: the claim B names ("the phase transition claim"): an enrichment of that claim. */
  names?: string | null;
  /** A drafted claim (origin "ai", SPEC §9): its model, whether a quote of it was found, the quotes that were not. */
  ai?: DraftMark;
}

export interface DraftMark {
  model: string;
  /** At least one of its quotes is in the source; without one it is not selected. */
  verified: boolean;
  /** Quotes not found in the source, dropped: the claim is flagged `unverified`. */
  unverified: string[];
  confidence: Confidence | null;
}

export interface SimilarClaim {
  path: string;
  title: string;
  score: number;
}

export interface EnrichmentTargetRef {
  path: string;
  title: string;
  /** Named by a link or an exact title in the hint (selected by default); otherwise a best guess. */
  certain: boolean;
  score: number;
}

export interface CandidateSet {
  folder: string;
  candidates: Candidate[];
  /** The curator's hint, shown and copied into each claim as guidance when it is not split itself. */
  guidance: string | null;
  /** Set when the hints hold more items than MAX_CANDIDATES: nothing is proposed. */
  tooMany?: Problem;
  /** Rule 7: the hints' or the curator's verdict on the whole source; no new claim is selected. */
  verdict?: SourceVerdict | null;
  /** A model's draft was added (SPEC §9): which model, and its verdict. */
  draft?: { model: string; verdict: "claims" | "nothing new" };
}

/**
 * The most candidates one source may propose. A real hints block holds a
 * handful; thousands mean a script or a page dump wrote it, and a preview of
 * them, or a run creating them all, helps nobody.
 */
export const MAX_CANDIDATES = 200;

/** The problem of a source whose hints hold more than MAX_CANDIDATES items, or null. */
export function tooManyCandidates(count: number): Problem | null {
  if (count <= MAX_CANDIDATES) return null;
  return {
    level: "error",
    message: `Extraction hints hold ${count.toLocaleString("en-US")} items; more than ${MAX_CANDIDATES} is refused, so none are proposed (split the hints by hand)`,
  };
}

/** Items from the agent's hints, the frontmatter list, or else the curator hint (rules 2–4). */
export function hintItems(note: SourceNote, sections: HintSections): { items: HintItem[]; origin: "hints" | "curator" } {
  if (sections.hints !== null && sections.hints.trim() !== "") return { items: splitHints(sections.hints), origin: "hints" };
  if (note.extractionHints.length > 0) return { items: splitFrontmatterHints(note.extractionHints), origin: "hints" };
  if (sections.curatorHint) {
    // Rule 5: the curator hint is split by rules 2–4 only; a leading "- " is text there, not a list.
    return { items: splitHints(sections.curatorHint.replace(/^\s*[-*+]\s+/gm, "")), origin: "curator" };
  }
  return { items: [], origin: "hints" };
}

const kindOf = (item: HintItem): CandidateKind => (item.rule === "quotes" ? "claim" : candidateKind(item.head));
/** Claims and enrichments get the title clean-up; a caution or routing note keeps its words. */
const partsOf = (item: HintItem) => {
  const kind = kindOf(item);
  return titleParts(item.head, kind === "claim" || kind === "enrichment");
};

/**
 * Rule 5, when both hints exist: the curator's enumerated items `(1) … (2) …`
 * that no Agent Notes candidate covers (similarity of the item's title to the
 * candidate's title and hint text at least COVERS), in order; an item covered
 * by an earlier curator item is not proposed twice either.
 */
export function curatorItems(curatorHint: string | null, covered: readonly TitleTerms[], weakest: readonly boolean[] = []): HintItem[] {
  if (!curatorHint) return [];
  const items = splitHints(curatorHint.replace(/^\s*[-*+]\s+/gm, "")).filter((i) => i.rule === "enumeration");
  const seen = [...covered];
  const out: HintItem[] = [];
  for (const item of items) {
    const title = titleParts(item.head).title;
    const terms = titleTerms(title);
    // A hint that only names a topic does not cover the curator's own sentence for it ("(2) post-Arrow
    // mechanisms work by weakening IIA"): both are listed, and rule 8 keeps the curator's.
    const covering = seen.findIndex((c, i) => similarity(terms, c) >= COVERS && !(weakest[i] === true && !isTopicTitle(title)));
    if (terms.terms.length === 0 || covering >= 0) continue;
    seen.push(terms);
    out.push(item);
  }
  return out;
}

/**
 * @param existsAt returns the path of an existing note with this path (case-insensitively), or null.
 * @param claimNamed returns the path of a claim note of the vault with this title, alias or file name, or null (rule 9).
 * @param folderOf the folder the claims of a domain go to (SPEC §3; ../claims/claim-folder).
 */
export function buildCandidates(
  note: SourceNote,
  sections: SourceSections,
  settings: Settings,
  existsAt: (path: string) => string | null,
  claimNamed: (title: string) => string | null = () => null,
  folderOf: (domain: string | null) => string = (domain) => chooseClaimFolder(settings, domain).folder,
): CandidateSet {
  const folder = folderOf(note.domain);
  const split = hintItems(note, sections);
  const { origin } = split;
  const guidance = origin === "hints" && sections.curatorHint ? sections.curatorHint : null;
  const tooMany = tooManyCandidates(split.items.length);
  if (tooMany) return { folder, candidates: [], guidance, tooMany };
  // Rule 11: curator prose that names its claim is the candidate, not the prose around it.
  const prose = namedInProse(sections.curatorHint);
  const proseItems = prose.map((p): HintItem => ({ head: p.text, text: p.source, rule: "sentences" }));
  const onlyProse = origin === "curator" && proseItems.length > 0 && split.items.every((i) => i.rule === "whole" || i.rule === "sentences");
  const items = onlyProse ? proseItems : split.items;
  const hinted = items.map((item) => ({ item, origin, parts: partsOf(item), named: onlyProse }));
  const covering = hinted.map((h) => titleTerms(`${h.parts.title} ${h.item.text}`));
  const extra =
    guidance === null
      ? []
      : curatorItems(sections.curatorHint, covering, hinted.map((h) => isTopicTitle(h.parts.title))).map((item) => ({ item, origin: "curator" as const, parts: partsOf(item), named: false }));
  const fromProse =
    guidance === null
      ? []
      : proseItems.map((item) => ({ item, origin: "curator" as const, parts: partsOf(item), named: true }));
  const evidence = evidenceIndex(sections.content);
  // What the source already lists, by name and by words: a listed claim whose note exists is linked, not made again (rule 9).
  const prior = note.claimsExtracted.map((entry) => {
    const name = claimNameOf(entry);
    return { name, fileName: toFileName(name), terms: titleTerms(name) };
  });
  const existingNote = (name: string, fileName: string) => existsAt(joinPath(folder, fileName)) ?? claimNamed(name);
  const verdict =
    verdictOf([sections.hints, note.extractionHints.join("\n"), sections.curatorHint], items.map((i) => i.head)) ??
    extractedVerdict(note, prior.map((p) => existingNote(p.name, p.fileName)));
  const described = new Set<string>();
  const all = [...hinted, ...extra, ...fromProse];
  const shaped: ShapedTitle[] = all.map(({ item, parts, origin: from }) => shapeTitle(parts, kindOf(item), evidence, from === "curator" && item.rule === "enumeration", item.head));
  const drafts = all.map(({ item, origin: from, parts, named: byCurator }, i) => {
    const shape = shaped[i] as ShapedTitle;
    const title = shape.title;
    const kind = shape.names !== null ? ("enrichment" as const) : kindOf(item);
    const fileName = toFileName(title);
    const path = joinPath(folder, fileName);
    const terms = titleTerms(title);
    const named = prior.find((p) => sameName(p.name, title) || sameName(p.fileName, fileName));
    const near = named || kind !== "claim" ? undefined : prior.find((p) => similarity(terms, p.terms) >= COVERS);
    const listed = named ?? near;
    const existing = existsAt(path) ?? claimNamed(title) ?? (listed ? existingNote(listed.name, listed.fileName) : null);
    const query = `${title} ${parts.commentary} ${shape.evidence ?? ""}`;
    const quotes = bestEvidence(evidence, query);
    let description = describeClaim({ title, commentary: parts.commentary, evidence: quotes, taken: described });
    if (description === "") description = describeFallback({ title, rationale: item.text, evidenceOf: shape.evidence, original: shape.original, sections, source: note, taken: described });
    if (description !== "") described.add(description);
    return { item, from, byCurator, title, fileName, path, kind, existing, quotes, description, shape, terms };
  });
  // Rule 8: one claim once, among the claims proposed.
  const dropped = sameClaims(
    drafts.map((d) => ({ title: d.kind === "claim" && d.existing === null ? d.title : "", topic: d.shape.topic && !d.shape.rewritten, rewritten: d.shape.rewritten, origin: d.from })),
    drafts.map((d) => d.terms),
  );
  const taken = new Set<string>();
  const candidates = drafts.map((d, i): Candidate => {
    const key = d.fileName.normalize("NFC").toLowerCase();
    const duplicate = taken.has(key);
    taken.add(key);
    const cover = dropped.get(i);
    const topicLeft = d.shape.topic && !d.shape.rewritten && !(d.from === "curator" && d.item.rule === "enumeration");
    const why =
      d.title === "" ? "No title"
      : d.existing !== null ? "Exists — link only"
      : d.kind !== "claim" ? KIND_LABELS[d.kind]
      : cover !== undefined ? `Same claim as #${cover + 1}`
      : duplicate ? "Same file name as an earlier candidate"
      : verdict && !d.byCurator ? verdictWhy(verdict)
      : topicLeft ? "Topic, not a claim: no sentence of the source states it; write the claim"
      : !d.shape.fromQuote && ANAPHORA.test(d.title) ? "Refers back (\"This …\"): a comment on another item, not a claim of its own"
      : /\?\s*$/.test(d.title) ? "A question, not a claim"
      : !d.shape.fromQuote && EVIDENCE_REMARK.test(d.title) ? "Says the item is evidence, not what it is evidence of"
      : null;
    return {
      index: i + 1,
      title: d.title,
      fromQuote: d.shape.fromQuote,
      fileName: d.fileName,
      path: d.path,
      origin: d.from,
      kind: d.kind,
      topic: d.kind === "claim" && d.title !== "" && d.shape.topic,
      description: d.description,
      evidence: d.quotes,
      similar: [],
      target: null,
      existing: d.existing,
      selected: d.kind === "claim" && why === null,
      text: d.item.text,
      rewritten: d.shape.rewritten,
      // An enrichment's reason comes from matching it to its target (candidate-matches.ts), unless it exists.
      why: d.kind === "enrichment" && why !== "Exists — link only" ? null : why,
      coveredBy: cover !== undefined ? cover + 1 : null,
      names: d.shape.names,
    };
  });
  return { folder, candidates, guidance, verdict };
}

/** A title that opens by pointing back ("This would be a challenge to …", "It reframes …") comments on an item before it. */
const ANAPHORA = /^(?:(?:this|that|these|those)(?:\s+[\w-]+)?|it|which)\s+(?:is|are|was|would|could|may|might|will|should|has|have|means|suggests|shows|reframes|connects|shifts|supports|makes|needs|assumes|implies)\b/i;
/** "The turnaround time is key evidence", "… is noteworthy for …", "… is a specific, citable data point": a remark on the item. */
const EVIDENCE_REMARK = /\b(?:is|are)\s+(?:the\s+)?(?:key|strong|strongest|important|notable|noteworthy|concrete|citable|specific|useful|good|best)(?:,?\s+(?:specific|citable|concrete))*\s+(?:evidence|data(?:\s+points?)?|signals?|examples?)\s*$|\bis noteworthy for\b/i;

/** Rule 7 for a re-run: a processed source whose listed claims all exist as notes has nothing new. */
function extractedVerdict(note: SourceNote, found: readonly (string | null)[]): SourceVerdict | null {
  if (note.status !== "processed" || found.length === 0 || found.some((p) => p === null)) return null;
  const n = found.length;
  return { kind: "extracted", quote: `Already extracted: its ${n} listed claim${n === 1 ? "" : "s"} exist${n === 1 ? "s" : ""}` };
}
