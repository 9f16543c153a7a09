// How alike two claim titles are (SPEC §6), for "the curator's item is
// already covered" (§2 rule 5), "the source already lists this claim"
// (re-extraction, §3) and, later, the claim index's near-duplicates.
//
// Words are normalized once per title by `titleTerms` (cache the result: an
// index over 50,000 titles computes it once per title, and a comparison is
// then one pass over two small sorted arrays):
//   - case folded, accents removed (NFD, combining marks dropped);
//   - split on anything that is not a letter or digit ("hours-per-prompt"
//     gives three words, "Anthropic's" gives "anthropic");
//   - stop words dropped (function words and the hint-writer's vocabulary:
//     "claim", "evidence", "framing" say nothing about what is claimed);
//   - a light suffix-stripping stemmer ("measurements", "measured" and
//     "measure" meet at "measur"), not Porter: small, fast and predictable.
//
// The score is the overlap of the two term sets over the smaller one, with
// one added to the denominator:  |A ∩ B| / (min(|A|, |B|) + 1).
// The overlap coefficient, not Jaccard, because a short curator item
// ("hours-per-prompt bottleneck as specific measurement") is covered by a
// long hint that says the same and more; the +1 keeps a one- or two-word
// title from scoring 1 against any title that contains its words.
// It lies in [0, 1). COVERS = 0.5 asks that, beyond one, at least half of
// the smaller title's terms are shared: "sandbagging under training threat"
// is covered by "models sandbag evaluations … trigger safety training"
// (2 of 3), "first documented production deployment decision using
// interpretability" is not covered by a hint that only says
// "interpretability" (1 of 6).

export interface TitleTerms {
  /** Distinct stems, sorted (for a linear-time intersection). */
  readonly terms: readonly string[];
}

/** At or above: the same claim (a curator item no new candidate is made for; a listed claim not made again). */
export const COVERS = 0.5;
/** At or above: worth showing as "similar to" (SPEC §6 near-duplicates). */
export const SIMILAR = 0.34;

const STOP = new Set(
  (
    "a an the and or but nor of in on at to for from by with without as into onto over under than then that this these those " +
    "it its it's is are was were be been being has have had do does did can could will would shall should may might must " +
    "not no yes so such very more most less least also just only both either neither each every any all some other another " +
    "which who whom whose what when where why how there here their they them he she his her we our us you your i me my " +
    "about against between through during before after above below up down out off again further once per via vs versus " +
    "claim claims candidate candidates evidence framing frame extract extraction hint hints note notes key new potential possible " +
    "e g i e etc"
  ).split(" "),
);

const SUFFIXES = ["ational", "ization", "fulness", "iveness", "ations", "ation", "ating", "ated", "ates", "ments", "ment", "ness", "ities", "ity", "ings", "ing", "ies", "ied", "ive", "ers", "er", "ed", "es", "ly", "al", "s", "e", "y"];

/** A light stemmer: the longest listed suffix is cut, leaving at least four characters. */
export function stem(word: string): string {
  if (word.length <= 4 || /^\d/.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return undouble(stem2(word.slice(0, -suffix.length)));
  }
  return word;
}

/** "sandbagg" (from "sandbagging") → "sandbag"; ll, ss and zz are kept ("controll" is rare, "access" common). */
const undouble = (w: string) => (/([b-df-hj-kmnp-rtv-y])\1$/.test(w) ? w.slice(0, -1) : w);

/** A second, smaller pass: "specifically" → "specifical" → "specific". */
function stem2(word: string): string {
  for (const suffix of ["al", "ic", "e", "s"]) if (word.endsWith(suffix) && word.length - suffix.length >= 5) return word.slice(0, -suffix.length);
  return word;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

// Stems of words seen, so a source's thousand sentences stem each word once
// (bounded: cleared when it grows past STEM_CACHE_SIZE).
const stems = new Map<string, string>();
const STEM_CACHE_SIZE = 100_000;
const ACCENTED = /[\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1fff]|\p{M}/u;

/** The words of a text, folded, without stop words, stemmed, in order (duplicates kept: BM25 counts them). */
export function wordStems(text: string): string[] {
  const lower = text.toLowerCase();
  // Only text with accented letters pays for decomposition; dashes and curly quotes need none.
  const folded = ACCENTED.test(lower) ? lower.normalize("NFD").replace(/\p{M}+/gu, "") : lower;
  const out: string[] = [];
  // A scan, not a regex: a letter or digit run is a word (non-ASCII letters asked of \p{L}).
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 32;
    const inWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 128 && WORD_CHAR.test(folded.charAt(i)));
    if (inWord) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const w = folded.slice(start, i);
    start = -1;
    if (STOP.has(w) || (w.length === 1 && !(w >= "0" && w <= "9"))) continue;
    let st = stems.get(w);
    if (st === undefined) {
      if (stems.size >= STEM_CACHE_SIZE) stems.clear();
      st = stem(w);
      stems.set(w, st);
    }
    out.push(st);
  }
  return out;
}

/** Past this many characters a "title" is a pasted page: its opening says what it is about, and the cost stays bounded. */
export const MAX_TERM_CHARS = 4000;

export function titleTerms(title: string): TitleTerms {
  return { terms: [...new Set(wordStems(title.slice(0, MAX_TERM_CHARS)))].sort() };
}

/** How many terms two sorted term lists share. */
function shared(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** The score in [0, 1) described at the top of this module. */
export function similarity(a: TitleTerms, b: TitleTerms): number {
  const small = Math.min(a.terms.length, b.terms.length);
  if (small === 0) return 0;
  return shared(a.terms, b.terms) / (small + 1);
}

/**
 * How much a shared term says, from how many of the vault's claim titles hold
 * it (issue #24): a term of one title weighs 1, a term of every title about
 * ln 2 / ln(n + 1) (0.11 among 500 claims), so the generic words of a domain
 * ("AI", "alignment", "futarchy" in a vault full of them) no longer make two
 * titles near-duplicates on their own. `df` below 1 (a term no title holds)
 * counts as 1.
 */
export function termWeight(df: number, n: number): number {
  const total = Math.max(n, 1);
  return Math.log(1 + total / Math.max(df, 1)) / Math.log(1 + total);
}

/**
 * The score above with each term weighted (termWeight): the weight of the
 * shared terms over the smaller title's weight plus one. With every weight 1
 * it is `similarity` exactly; the claim index scores near-duplicates this way.
 */
export function weightedSimilarity(a: TitleTerms, b: TitleTerms, weight: (term: string) => number): number {
  if (a.terms.length === 0 || b.terms.length === 0) return 0;
  const sum = (terms: readonly string[]) => terms.reduce((n, t) => n + weight(t), 0);
  const inB = new Set(b.terms);
  const common = sum(a.terms.filter((t) => inB.has(t)));
  return common / (Math.min(sum(a.terms), sum(b.terms)) + 1);
}

/** The similarity of two titles as text (for one-off comparisons; cache `titleTerms` for many). */
export const titleSimilarity = (a: string, b: string): number => similarity(titleTerms(a), titleTerms(b));
