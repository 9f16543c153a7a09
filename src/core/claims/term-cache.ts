// The terms of claim titles, memoized a word at a time, so that building the
// claim index over a vault's titles costs a fraction of titleTerms on each.
// Pure TypeScript.
import { MAX_TERM_CHARS, titleTerms, type TitleTerms } from "../text/similarity";

/**
 * Terms of titles, a word at a time: titleTerms of each whitespace-separated
 * word, remembered, then merged. The same terms as titleTerms of the whole
 * title (it folds, splits and stems within words; a test checks that it is
 * the same), at a fraction of the cost, since a vault's titles reuse a few
 * thousand words. The memory is bounded: past the limit it starts over.
 */
export class TermCache {
  private words = new Map<string, readonly string[]>();
  constructor(private readonly limit = 200_000) {}

  of(title: string): TitleTerms {
    const out: string[] = [];
    // Cut where titleTerms cuts, so a pasted page gives the same terms either way.
    // Split at spaces only: a word holding a tab or newline gets the same terms from titleTerms, which splits at every non-word character.
    for (const word of title.slice(0, MAX_TERM_CHARS).split(" ")) {
      if (word === "") continue;
      let terms = this.words.get(word);
      if (terms === undefined) {
        if (this.words.size >= this.limit) this.words.clear();
        terms = titleTerms(word).terms;
        this.words.set(word, terms);
      }
      for (const t of terms) out.push(t);
    }
    out.sort();
    // Sorted, so a repeated term sits next to itself.
    let n = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i] as string;
    out.length = n;
    return { terms: out };
  }
}
