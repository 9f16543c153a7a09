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
import { collapseWhitespace, sentencesOf } from "../text/sentences";
import { MAX_TERM_CHARS, wordStems } from "../text/similarity";
import { stripMarkdown } from "../text/markdown";

const K1 = 1.2;
const B = 0.75;
export const MAX_EVIDENCE = 3;
/** Longer "sentences" are tables or dumps, not something to quote. */
const MAX_SENTENCE_CHARS = 600;

export interface EvidenceIndex {
  sentences: string[];
  lengths: number[];
  avgLength: number;
  /** For each term, the sentences holding it and how often: only those are scored for a query. */
  postings: Map<string, { s: number; f: number }[]>;
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
    if (/[*_[`~=]/.test(line)) line = stripMarkdown(line);
    line = collapseWhitespace(line).trim();
    for (const s of sentencesOf(line)) if (s.length >= 20 && s.length <= MAX_SENTENCE_CHARS && /\p{L}/u.test(s)) out.push(s);
  }
  return out;
}

export function evidenceIndex(content: string | null): EvidenceIndex {
  const sentences = content ? contentSentences(content) : [];
  const lengths: number[] = [];
  const postings = new Map<string, { s: number; f: number }[]>();
  sentences.forEach((sentence, s) => {
    const words = wordStems(sentence);
    for (const w of words) {
      const list = postings.get(w);
      const last = list?.[list.length - 1];
      // A sentence's words come together, so a repeat is always the last posting.
      if (last?.s === s) last.f++;
      else if (list) list.push({ s, f: 1 });
      else postings.set(w, [{ s, f: 1 }]);
    }
    lengths.push(words.length);
  });
  const avgLength = lengths.length === 0 ? 0 : lengths.reduce((a, b) => a + b, 0) / lengths.length;
  return { sentences, lengths, avgLength, postings };
}

/** BM25 scores and distinct matched query terms, by sentence, over the postings of the query's terms only. */
function scoreArrays(index: EvidenceIndex, query: string): { score: Float64Array; matched: Uint16Array } {
  const N = index.sentences.length;
  const score = new Float64Array(N);
  const matched = new Uint16Array(N);
  for (const t of new Set(wordStems(query.slice(0, MAX_TERM_CHARS)))) {
    const list = index.postings.get(t);
    if (!list) continue;
    const idf = Math.log(1 + (N - list.length + 0.5) / (list.length + 0.5));
    for (const { s, f } of list) {
      const norm = K1 * (1 - B + (B * (index.lengths[s] ?? 0)) / (index.avgLength || 1));
      score[s] = (score[s] ?? 0) + (idf * f * (K1 + 1)) / (f + norm);
      matched[s] = (matched[s] ?? 0) + 1;
    }
  }
  return { score, matched };
}

/** Each sentence's BM25 score and how many distinct query terms it holds. */
export function scoreSentences(index: EvidenceIndex, query: string): { score: number; matched: number }[] {
  const { score, matched } = scoreArrays(index, query);
  return Array.from(score, (v, s) => ({ score: v, matched: matched[s] ?? 0 }));
}

/** Up to three sentences that best support the query, best first (ties in source order). */
export function bestEvidence(index: EvidenceIndex, query: string, max = MAX_EVIDENCE): string[] {
  const { score, matched } = scoreArrays(index, query);
  let best = 0;
  for (let s = 0; s < score.length; s++) if ((matched[s] ?? 0) >= 2 && (score[s] ?? 0) > best) best = score[s] ?? 0;
  if (best === 0) return [];
  // The top `max` by score, earlier first on a tie: one pass keeping a short sorted list.
  const top: number[] = [];
  for (let s = 0; s < score.length; s++) {
    const v = score[s] ?? 0;
    if ((matched[s] ?? 0) < 2 || v < best / 3) continue;
    let at = top.length;
    while (at > 0 && (score[top[at - 1] ?? 0] ?? 0) < v) at--;
    if (at >= max) continue;
    top.splice(at, 0, s);
    if (top.length > max) top.pop();
  }
  return top.map((s) => index.sentences[s] as string);
}
