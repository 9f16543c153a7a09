// Enrichment candidates (SPEC §6 "Enrichment"): the claim a hint asks to
// enrich, the evidence bullet written into it, and the record of it in the
// source's `enrichments` list.
//
// How real hints name their target, in order of trust:
//   - a link: "Connection to [[voluntary safety pledges cannot survive …]]";
//   - a backticked or quoted name: "add authenticity premium data to
//     `consumer definition of quality is fluid …`", "Update the "racing to
//     fill by 2030" claim", "Connection to existing '…' claim";
//   - words around "claim": "enriches the existing Arrow's claim", "evidence
//     for the sustaining vs. disruptive GenAI claim";
//   - nothing but the hint's own words.
// A link or a name that is exactly a claim's title (or alias, or file name)
// is certain; anything found by similarity is a guess the curator confirms.
import { stripMarkdown } from "../text/markdown";
import type { ClaimEntry, ClaimIndex } from "./claim-index";
import { looseKey, nameKey } from "./claim-keys";
import type { FieldEdit, EditResult } from "../note/frontmatter-edit";
import { editFrontmatter } from "../note/frontmatter-edit";
import { parseFrontmatter } from "../note/parse-frontmatter";
import { COVERS, SIMILAR, similarity, weightedSimilarity } from "../text/similarity";

export interface EnrichmentTarget {
  path: string;
  title: string;
  /** Named by a link or by its exact title, alias or file name: selected by default. */
  certain: boolean;
  /** 1 for a named claim; else the similarity that found it. */
  score: number;
}

// No `[` inside: a run of brackets must not make each match scan the rest of the line.
const WIKILINK = /\[\[([^[\]|\n]+)(?:\|[^[\]\n]*)?\]\]/g;
const BACKTICKED = /`([^`\n]+)`/g;
const DOUBLE_QUOTED = /"([^"\n]+)"|“([^”\n]+)”/g;
// A single quote opens after a space or bracket and closes before one: "Arrow's" is not a quote.
const SINGLE_QUOTED = /(?:^|[\s([])['‘]([^'’\n]{3,}?)['’](?=$|[\s.,;:!?)\]])/g;
/** "the existing Arrow's claim", "the sustaining vs. disruptive GenAI claim": the words before "claim". */
const CLAIM_PHRASE = /\b(?:the|existing|current)\s+(?:existing\s+)?((?:[^\s.;:,()[\]]+[\s.]+){1,8}?)claims?\b/gi;
const FILLER = /^(?:existing|current|kb|knowledge base|our)\s+/i;

function matches(re: RegExp, text: string, group = 1): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const found = m[group] ?? m[group + 1];
    if (found && found.trim() !== "") out.push(found.trim());
  }
  re.lastIndex = 0;
  return out;
}

/** Names written in a hint, by how they are written: links first, then backticks and quotes, then phrases before "claim". */
export function namesInHint(hintText: string): { links: string[]; quoted: string[]; phrases: string[] } {
  const links = matches(WIKILINK, hintText);
  const withoutLinks = hintText.replace(WIKILINK, " ");
  const quoted = [...matches(BACKTICKED, withoutLinks), ...matches(DOUBLE_QUOTED, withoutLinks), ...matches(SINGLE_QUOTED, withoutLinks)];
  const plain = stripMarkdown(withoutLinks.replace(BACKTICKED, " ").replace(DOUBLE_QUOTED, " "));
  const phrases = matches(CLAIM_PHRASE, plain)
    .map((p) => p.replace(/[\s.]+$/, "").replace(FILLER, "").trim())
    .filter((p) => /[\p{L}\p{N}]{2,}/u.test(p));
  return { links, quoted, phrases };
}

export interface TargetOptions {
  /** The lowest similarity a guessed target may have (default SIMILAR). */
  min?: number;
  /**
   * The source's PRIMARY CONNECTION and KB connections (link targets, the
   * primary first): the claims its curator already tied it to, and so the
   * first targets offered for a hint that names none (issue #24).
   */
  connections?: readonly string[];
}

/**
 * Of the connected claims, the one the hint shares most (rarity-weighted)
 * words with; with none shared, the first (the PRIMARY CONNECTION). Null when
 * no connection is a claim of the vault.
 */
function connectionTarget(whole: ReturnType<ClaimIndex["termsOf"]>, connections: readonly string[], index: ClaimIndex): EnrichmentTarget | null {
  let best: EnrichmentTarget | null = null;
  for (const link of connections) {
    const found = index.resolve(link);
    if (!found) continue;
    const score = weightedSimilarity(whole, index.termsOf(found.entry.title), (t) => index.weightOf(t));
    if (!best || score > best.score) best = { path: found.entry.path, title: found.entry.title, certain: false, score };
  }
  return best;
}

/** The claim a hint names (SPEC §6): a link, a quoted or backticked name, else the most similar claim title; null when nothing is close. */
export function enrichmentTarget(hintText: string, index: ClaimIndex, opts: TargetOptions = {}): EnrichmentTarget | null {
  const min = opts.min ?? SIMILAR;
  const names = namesInHint(hintText);
  const named = (entry: ClaimEntry): EnrichmentTarget => ({ path: entry.path, title: entry.title, certain: true, score: 1 });

  const unresolved: string[] = [];
  for (const link of names.links) {
    const found = index.resolve(link);
    if (found) return { ...named(found.entry), certain: found.certain };
    // A link written from memory ("[[voluntary safety pledges cannot survive competitive pressure]]" for a longer title) still says which claim.
    unresolved.push(link.replace(/#.*$/, ""));
  }
  for (const name of names.quoted) {
    const entries = index.named(name);
    if (entries.length > 0) return { ...named(entries[0] as ClaimEntry), certain: entries.length === 1 };
  }

  // A guess. A written name (a link that did not resolve, quoted, or the words before "claim") says which
  // claim better than the whole hint does; the whole hint breaks ties
  // between claims the name matches equally ("the existing Arrow's claim").
  const whole = index.termsOf(stripMarkdown(hintText));
  const connected = opts.connections ? connectionTarget(whole, opts.connections, index) : null;
  const guesses = [...unresolved, ...names.quoted, ...names.phrases];
  let best: { entry: SimilarLike; score: number; tie: number } | null = null;
  for (const name of guesses) {
    for (const hit of index.similarTo(name, { limit: 10, min })) {
      const tie = similarity(whole, index.termsOf(hit.title));
      if (!best || hit.score > best.score || (hit.score === best.score && tie > best.tie)) best = { entry: hit, score: hit.score, tie };
    }
  }
  // A claim the hint names in words (the same claim at COVERS) wins; else the curator's connections come first.
  if (best && (best.score >= COVERS || !connected)) return { path: best.entry.path, title: best.entry.title, certain: false, score: best.score };
  if (connected) return connected;
  const [hit] = index.similarToTerms(whole, { limit: 1, min });
  return hit ? { path: hit.path, title: hit.title, certain: false, score: hit.score } : null;
}

interface SimilarLike {
  path: string;
  title: string;
}

/** Instruction prefixes of enrichment hints, dropped from the bullet: the claim note shows the evidence, not the order. */
const INSTRUCTION = new RegExp(
  [
    String.raw`^(?:extraction hints?|extraction hint|curator note|kb connections?)\s*[:—–-]\s*`,
    String.raw`^(?:potential|possible|likely|suggested)?\s*(?:claim\s+)?enrichment(?:\s+(?:candidate|opportunity|target))?\s*[:—–-]\s*`,
    String.raw`^(?:enrich|update)\s*[:—–-]\s*`,
  ].join("|"),
  "i",
);

/** The hint as one line of evidence text: list marker, labels, instruction prefix and Markdown removed. */
export function evidenceText(hintText: string): string {
  let text = hintText.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, "").replace(/\s+/g, " ").trim();
  text = text.replace(/^\*\*([^*]+?):?\*\*:?\s*/, (m: string, label: string) => (INSTRUCTION.test(`${label}:`) ? "" : m));
  for (let i = 0; i < 3 && INSTRUCTION.test(text); i++) text = text.replace(INSTRUCTION, "");
  text = stripMarkdown(text).replace(/\s+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How many of the source's sentences an enrichment quotes (its best first), as §3 quotes up to three. */
const MAX_QUOTED = 2;

/**
 * The bullet an enrichment appends under the target's `## Evidence` (SPEC
 * §6): `- [[source]] — "the source's sentence(s) that best support the
 * hint"`, the evidence itself, never the hint's instruction ("Enrich the
 * existing … claim with the 58% figure"); the hint's text only when no
 * sentence of the source matches. One line, as appendEvidence asks.
 */
export function enrichmentBullet(sourceLink: string, hintText: string, evidence: readonly string[] = []): string {
  const quoted = evidence
    .slice(0, MAX_QUOTED)
    .map((e) => e.replace(/\s+/g, " ").trim())
    .filter((e) => e !== "");
  const text = quoted.length > 0 ? quoted.map((q) => `“${q}”`).join(" ") : evidenceText(hintText);
  return text === "" ? `- ${sourceLink}` : `- ${sourceLink} — ${text}`;
}

export const DEFAULT_ENRICHMENTS_FIELD = "enrichments";

/** Is this target already in the list? By title or file name (with or without `.md`, as a slug or not). */
function listed(values: readonly string[], target: Pick<ClaimEntry, "title" | "fileName">): boolean {
  const keys = new Set([target.title, target.fileName].flatMap((n) => [nameKey(n), looseKey(n)]));
  return values.some((v) => {
    const name = v.replace(/\.md$/i, "");
    return keys.has(nameKey(name)) || keys.has(looseKey(name));
  });
}

/**
 * The edit that adds the target's title to the source's `enrichments` list
 * (field name a parameter), or null when it is listed already. For the line
 * editor, so it joins the source update of the same run.
 */
export function enrichmentEdit(
  frontmatter: Record<string, unknown> | null,
  target: Pick<ClaimEntry, "title" | "fileName">,
  field = DEFAULT_ENRICHMENTS_FIELD,
): FieldEdit | null {
  const current = frontmatter?.[field];
  const values = Array.isArray(current) ? current.map(String) : typeof current === "string" ? [current] : [];
  return listed(values, target) ? null : { key: field, append: [target.title] };
}

/** The source's text with the enrichment recorded: only the lines of `field` change; a second time, nothing. */
export function recordEnrichment(sourceText: string, target: Pick<ClaimEntry, "title" | "fileName">, field = DEFAULT_ENRICHMENTS_FIELD): EditResult {
  const parsed = parseFrontmatter(sourceText);
  if (parsed.unreadable) return { ok: false, reason: "its frontmatter cannot be read, so it is not edited (fix the YAML first)" };
  const edit = enrichmentEdit(parsed.data, target, field);
  return edit === null ? { ok: true, text: sourceText, changed: false } : editFrontmatter(sourceText, [edit]);
}
