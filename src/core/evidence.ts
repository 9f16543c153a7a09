// The sentences of a source's `## Content` that best support a claim (SPEC §3
// "quoting up to three sentences … that best support this claim").
//
// The score is Okapi BM25 with the source's own sentences as the collection:
// each sentence is a document, the query is the candidate's title and hint
// text, words are the normalized stems of similarity.ts (case, accents, stop
// words, light stemming). For query term t in sentence s:
//
//   idf(t)   = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))
//   score(s) = Σ_t idf(t) · f(t,s)·(k1 + 1) / (f(t,s) + k1·(1 − b + b·|s|/avg|s|))
//
// with N sentences, n(t) of them holding t, f(t,s) the count of t in s,
// k1 = 1.2, b = 0.75 (the usual values). Each query term counts once, so a
// hint that repeats a word does not weigh it twice. A sentence qualifies with
// at least two distinct query terms (one shared word is a topic, not
// support) and a score of at least a third of the best; the best three are
// kept, ties in the order of the source. The index is built once per source
// and serves all its candidates.
import { sentencesOf } from "./sentences";
import { MAX_TERM_CHARS, wordStems } from "./similarity";
import { stripMarkdown } from "./candidate-title";

const K1 = 1.2;
const B = 0.75;
export const MAX_EVIDENCE = 3;
/** Longer "sentences" are tables or dumps, not something to quote. */
const MAX_SENTENCE_CHARS = 600;

export interface EvidenceIndex {
  sentences: string[];
  terms: Map<string, number>[];
  lengths: number[];
  avgLength: number;
  /** How many sentences hold each term. */
  df: Map<string, number>;
}

/** The quotable sentences of a `## Content` block: list markers, headings and bold labels off; one sentence per entry. */
export function contentSentences(content: string): string[] {
  const out: string[] = [];
  for (const raw of content.split("\n")) {
    let line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("|") || line.startsWith("```") || /^[-*_]{3,}$/.test(line)) continue;
    line = line.replace(/^(?:[-*+]|\d{1,3}[.)])\s+/, "").replace(/^>\s*/, "");
    // A bold label alone on its line ("**Key observations:**") heads a list; it supports nothing.
    if (/^\*\*[^*]+\*\*:?$/.test(line)) continue;
    line = stripMarkdown(line).replace(/\s+/g, " ").trim();
    for (const s of sentencesOf(line)) if (s.length >= 20 && s.length <= MAX_SENTENCE_CHARS && /\p{L}/u.test(s)) out.push(s);
  }
  return out;
}

export function evidenceIndex(content: string | null): EvidenceIndex {
  const sentences = content ? contentSentences(content) : [];
  const terms: Map<string, number>[] = [];
  const lengths: number[] = [];
  const df = new Map<string, number>();
  for (const s of sentences) {
    const counts = new Map<string, number>();
    const words = wordStems(s);
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const w of counts.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    terms.push(counts);
    lengths.push(words.length);
  }
  const avgLength = lengths.length === 0 ? 0 : lengths.reduce((a, b) => a + b, 0) / lengths.length;
  return { sentences, terms, lengths, avgLength, df };
}

/** Each sentence's BM25 score and how many distinct query terms it holds. */
export function scoreSentences(index: EvidenceIndex, query: string): { score: number; matched: number }[] {
  const N = index.sentences.length;
  const q = [...new Set(wordStems(query.slice(0, MAX_TERM_CHARS)))].filter((t) => index.df.has(t));
  const idf = q.map((t) => {
    const n = index.df.get(t) ?? 0;
    return Math.log(1 + (N - n + 0.5) / (n + 0.5));
  });
  return index.terms.map((counts, s) => {
    let score = 0;
    let matched = 0;
    const norm = K1 * (1 - B + (B * (index.lengths[s] ?? 0)) / (index.avgLength || 1));
    q.forEach((t, k) => {
      const f = counts.get(t);
      if (!f) return;
      matched++;
      score += ((idf[k] ?? 0) * f * (K1 + 1)) / (f + norm);
    });
    return { score, matched };
  });
}

/** Up to three sentences that best support the query, best first (ties in source order). */
export function bestEvidence(index: EvidenceIndex, query: string, max = MAX_EVIDENCE): string[] {
  const scored = scoreSentences(index, query)
    .map((s, i) => ({ ...s, i }))
    .filter((s) => s.matched >= 2 && s.score > 0);
  if (scored.length === 0) return [];
  const best = Math.max(...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score >= best / 3)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, max)
    .map((s) => index.sentences[s.i] as string);
}
