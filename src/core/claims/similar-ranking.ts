// How the claim index's search ranks what its postings found (SPEC §6
// near-duplicates): the score of a name from the number of terms it shares,
// and the best few kept in order. Pure TypeScript.
import { similarity, type TitleTerms } from "../text/similarity";

export interface SimilarClaim {
  path: string;
  title: string;
  score: number;
}

export interface SimilarOptions {
  /** At most this many, best first (default 3). */
  limit?: number;
  /** Only scores at or above this (default SIMILAR; must be above 0). */
  min?: number;
  /** Leave this claim out (a claim is not similar to itself). */
  exclude?: string;
}

/** Best first; equal scores by path, so every run and the full scan agree. */
export const better = (a: SimilarClaim, b: SimilarClaim): number => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Put `found` in its place among the best `limit` (`top` is kept best first). */
export function insertSorted(top: SimilarClaim[], found: SimilarClaim, limit: number): void {
  let at = top.length;
  while (at > 0 && better(found, top[at - 1] as SimilarClaim) < 0) at--;
  top.splice(at, 0, found);
  if (top.length > limit) top.pop();
}

/**
 * The score of the query against a name that shares `shared` of its terms and
 * has `size` terms, from ../text/similarity itself: a stand-in name with those
 * numbers is scored once and remembered for the rest of the search.
 */
export function scoreTable(query: TitleTerms): (shared: number, size: number) => number {
  const memo = new Map<number, number>();
  return (shared, size) => {
    const key = shared * 65536 + size;
    let score = memo.get(key);
    if (score === undefined) {
      const stand = [...query.terms.slice(0, shared), ...Array.from({ length: size - shared }, (_, i) => `\u0000${i}`)].sort();
      score = similarity(query, { terms: stand });
      memo.set(key, score);
    }
    return score;
  };
}
