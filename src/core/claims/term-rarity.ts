// How rare each term is across the vault's claims (issue #24, SPEC §6
// "similarity that means it"): a term shared by many claim titles (a domain's
// generic words) weighs little in a near-duplicate, a rare one much.
import { termWeight } from "../text/similarity";

export class TermRarity {
  /** term → how many claims hold it in any of their names. */
  private readonly df = new Map<string, number>();

  /** A claim's terms (over all its names, each counted once) in or out. */
  count(terms: Iterable<string>, by: 1 | -1): void {
    for (const term of new Set(terms)) {
      const n = (this.df.get(term) ?? 0) + by;
      if (n > 0) this.df.set(term, n);
      else this.df.delete(term);
    }
  }

  /** The weight of ../text/similarity's termWeight for a vault of `claims` claims. */
  weightOf(term: string, claims: number): number {
    return termWeight(this.df.get(term) ?? 0, claims);
  }
}
