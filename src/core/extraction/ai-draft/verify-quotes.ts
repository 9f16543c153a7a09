// Is a drafted quote really in the source? (SPEC §9) A model that paraphrases
// or invents a sentence gets it dropped. The comparison forgives only what
// copying changes without changing the words: runs of whitespace, curly and
// straight quotes, the dashes, an ellipsis, Markdown emphasis, and a closing
// period. The source's own words are what the claim quotes.

const QUOTES: Record<string, string> = { "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u2032": "'", "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u201F": '"', "\u2033": '"', "\u00AB": '"', "\u00BB": '"' };
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;

interface Normal {
  text: string;
  /** For each character of `text`, its index in the original. */
  at: number[];
}

/** The text normalised for comparison, with a map back to the original's positions. */
function normalise(original: string): Normal {
  let text = "";
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < original.length; i++) {
    let ch = original[i] as string;
    if (/\s/.test(ch)) {
      space = text !== "";
      continue;
    }
    // Emphasis and code marks are how the page was written, not its words.
    if (ch === "*" || ch === "_" || ch === "`") continue;
    const straight = QUOTES[ch];
    if (ch === "\u2026") ch = "...";
    else if (straight !== undefined) ch = straight;
    else if (DASHES.test(ch)) ch = "-";
    if (space) {
      text += " ";
      at.push(i);
      space = false;
    }
    for (const c of ch) {
      text += c;
      at.push(i);
    }
  }
  return { text, at };
}

/** A dash between words may be written with or without spaces around it. */
const dashSpacing = (s: string) => s.replace(/ ?- ?/g, "-");

/**
 * The passage of `source` that `quote` copies, in the source's own characters,
 * or null when it is not there. Matching is case-sensitive: a quote is verbatim.
 */
export function findQuote(source: string, quote: string): string | null {
  const q = normalise(quote).text.replace(/[.\s]+$/, "");
  if (q.length < 12) return null;
  const s = normalise(source);
  const index = s.text.indexOf(q);
  if (index < 0) {
    // Try again with dashes unspaced on both sides (positions are mapped through a second pass).
    const spaced = dashSpacing(q);
    const compact = compactDashes(s);
    const at = compact.text.indexOf(spaced);
    if (at < 0) return null;
    const start = compact.at[at] as number;
    const end = compact.at[at + spaced.length - 1] as number;
    return source.slice(start, end + 1).trim();
  }
  const start = s.at[index] as number;
  const stop = (s.at[index + q.length - 1] as number) + 1;
  // Keep the sentence's closing period when the quote left it off.
  return source.slice(start, source[stop] === "." ? stop + 1 : stop).trim();
}

function compactDashes(n: Normal): Normal {
  let text = "";
  const at: number[] = [];
  for (let i = 0; i < n.text.length; i++) {
    const ch = n.text[i];
    if (ch === " " && (n.text[i + 1] === "-" || n.text[i - 1] === "-")) continue;
    text += ch;
    at.push(n.at[i] as number);
  }
  return { text, at };
}

export interface CheckedQuotes {
  /** The quotes found, as the source writes them. */
  verified: string[];
  /** The quotes not found: dropped, and the claim flagged `unverified`. */
  unverified: string[];
}

export function checkQuotes(source: string, quotes: readonly string[]): CheckedQuotes {
  const verified: string[] = [];
  const unverified: string[] = [];
  for (const quote of quotes) {
    const found = findQuote(source, quote);
    if (found === null) unverified.push(quote);
    else if (!verified.includes(found)) verified.push(found);
  }
  return { verified, unverified };
}
