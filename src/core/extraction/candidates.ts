// Claim candidates for one source (SPEC §2): split, titled, named, classified
// and checked against what already exists. The result is plain data that the
// preview modal and `extract --dry-run` show before anything is written.
import { candidateKind, type CandidateKind } from "./candidate-kind";
import { titleParts } from "./candidate-title";
import { describeClaim } from "../claims/claim-note";
import { bestEvidence, evidenceIndex } from "../claims/evidence";
import { claimFolder, claimNameOf, joinPath, sameName, toFileName } from "../text/file-name";
import { COVERS, similarity, titleTerms, type TitleTerms } from "../text/similarity";
import { isTopicTitle } from "./topic-title";
import type { Problem, SourceNote } from "../note/model";
import type { HintSections, SourceSections } from "../note/sections";
import type { Settings } from "../note/settings";
import { splitFrontmatterHints, splitHints, type HintItem } from "./split-hints";

export interface Candidate {
  /** 1-based position, as `--select` counts. */
  index: number;
  title: string;
  fromQuote: boolean;
  fileName: string;
  path: string;
  /** Where it came from: the agent's hints, the curator's enumeration, or a claim the user added in the preview (`--add`). */
  origin: "hints" | "curator" | "added";
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
export function curatorItems(curatorHint: string | null, covered: readonly TitleTerms[]): HintItem[] {
  if (!curatorHint) return [];
  const items = splitHints(curatorHint.replace(/^\s*[-*+]\s+/gm, "")).filter((i) => i.rule === "enumeration");
  const seen = [...covered];
  const out: HintItem[] = [];
  for (const item of items) {
    const terms = titleTerms(titleParts(item.head).title);
    if (terms.terms.length === 0 || seen.some((c) => similarity(terms, c) >= COVERS)) continue;
    seen.push(terms);
    out.push(item);
  }
  return out;
}

/**
 * @param existsAt returns the path of an existing note with this path (case-insensitively), or null.
 */
export function buildCandidates(
  note: SourceNote,
  sections: SourceSections,
  settings: Settings,
  existsAt: (path: string) => string | null,
): CandidateSet {
  const folder = claimFolder(settings.claimFolder, settings.fallbackClaimFolder, note.domain);
  const { items, origin } = hintItems(note, sections);
  const guidance = origin === "hints" && sections.curatorHint ? sections.curatorHint : null;
  const tooMany = tooManyCandidates(items.length);
  if (tooMany) return { folder, candidates: [], guidance, tooMany };
  const hinted = items.map((item) => ({ item, origin, parts: partsOf(item) }));
  const extra =
    guidance === null
      ? []
      : curatorItems(
          sections.curatorHint,
          hinted.map((h) => titleTerms(`${h.parts.title} ${h.item.text}`)),
        ).map((item) => ({ item, origin: "curator" as const, parts: partsOf(item) }));
  const evidence = evidenceIndex(sections.content);
  // What the source already lists, by name and by words: a re-extraction links a near-copy instead of making it.
  const prior = note.claimsExtracted.map((entry) => {
    const name = claimNameOf(entry);
    return { name, fileName: toFileName(name), terms: titleTerms(name) };
  });
  const taken = new Set<string>();
  const described = new Set<string>();
  const candidates = [...hinted, ...extra].map(({ item, origin: from, parts }, i): Candidate => {
    const { title, fromQuote, commentary } = parts;
    const fileName = toFileName(title);
    const path = joinPath(folder, fileName);
    const kind = kindOf(item);
    const terms = titleTerms(title);
    const named = prior.some((p) => sameName(p.name, title) || sameName(p.fileName, fileName));
    const near = named || kind !== "claim" ? undefined : prior.find((p) => similarity(terms, p.terms) >= COVERS);
    const existing = existsAt(path) ?? (named ? path : near ? (existsAt(joinPath(folder, near.fileName)) ?? joinPath(folder, near.fileName)) : null);
    const duplicate = taken.has(fileName.normalize("NFC").toLowerCase());
    taken.add(fileName.normalize("NFC").toLowerCase());
    const quotes = bestEvidence(evidence, `${title} ${commentary}`);
    const description = describeClaim({ title, commentary, evidence: quotes, taken: described });
    if (description !== "") described.add(description);
    return {
      index: i + 1,
      title,
      fromQuote,
      fileName,
      path,
      origin: from,
      kind,
      topic: kind === "claim" && title !== "" && isTopicTitle(title),
      description,
      evidence: quotes,
      similar: [],
      target: null,
      existing,
      selected: kind === "claim" && existing === null && !duplicate && title !== "",
      text: item.text,
    };
  });
  return { folder, candidates, guidance };
}
