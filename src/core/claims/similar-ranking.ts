// How the claim index's search ranks what its postings found (SPEC §6
// near-duplicates): the best few kept in order. Pure TypeScript.

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
