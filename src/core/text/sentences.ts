// Sentence and quote scanning shared by the splitter and the title rules.
// Written as scanners rather than regexes with lookbehind, which older iOS
// WebViews (Obsidian mobile) do not support.

/**
 * Whitespace runs as one space. Only runs of two or more, and single
 * characters other than a space, are replaced: `/\s+/g` would replace every
 * space of ordinary prose too, which costs seconds of garbage collection on
 * a note of millions of characters.
 */
export const collapseWhitespace = (text: string): string => text.replace(/\s{2,}|[^\S ]/g, " ");

const ABBREVIATIONS = /(^|\s)(e\.g|i\.e|etc|vs|cf|al|approx|fig|no|dr|mr|mrs|ms|prof|st|jr|sr|inc|ltd|u\.s)\.$/i;

/** Split prose into sentences, never inside a quoted passage. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (quote !== null) {
      if ((quote === '"' && ch === '"') || (quote === "“" && ch === "”")) {
        quote = null;
        // A quoted sentence ends the sentence around it: `… unresolved." Also notable: …`.
        const last = text[i - 1] ?? "";
        const after = text.slice(i + 1, i + 3);
        if ((last === "." || last === "!" || last === "?") && /^\s[\p{Lu}\p{N}]/u.test(after)) {
          const sentence = text.slice(start, i + 1);
          if (sentence.trim()) out.push(sentence.trim());
          start = i + 1;
        }
      }
      continue;
    }
    if (ch === '"' || ch === "“") {
      quote = ch;
      continue;
    }
    if (ch !== "." && ch !== "!" && ch !== "?") continue;
    const next = text[i + 1];
    if (next !== undefined && !/\s/.test(next)) continue;
    const sentence = text.slice(start, i + 1);
    if (ch === "." && (ABBREVIATIONS.test(sentence) || /(^|\s)[A-Z]\.$/.test(sentence))) continue;
    const after = text.slice(i + 1).trimStart();
    if (after !== "" && !/^[\p{Lu}\p{N}"“([*_]/u.test(after)) continue;
    if (sentence.trim()) out.push(sentence.trim());
    start = i + 1;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

export interface QuotedPassage {
  text: string;
  start: number;
  end: number;
}

/** Double-quoted passages, straight or curly, in order. */
export function quotedPassages(text: string): QuotedPassage[] {
  const out: QuotedPassage[] = [];
  const re = /"([^"\n]+)"|“([^“”\n]+)”/g;
  for (const m of text.matchAll(re)) {
    const inner = (m[1] ?? m[2] ?? "").trim();
    out.push({ text: inner, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

export const wordCount = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** A passage long enough to be a proposed claim rather than a scare-quoted term. */
export const isClaimQuote = (q: QuotedPassage): boolean => wordCount(q.text) >= 5;

/** Does this sentence propose a claim of its own? ("… deserves its own claim", "Claim about X.") */
export function proposesClaim(sentence: string): boolean {
  return (
    /^\W*(new )?(claim|candidate claim|claim candidate)s?\b/i.test(sentence) ||
    /\b(deserves|merits|warrants|needs|is worth|gets)\s+(its|their|a)\s+(own|separate|standalone)\s+claim/i.test(sentence) ||
    /\b(is|as)\s+(itself\s+)?a\s+(separate\s+|standalone\s+|new\s+|distinct\s+)?claim(\s+candidate)?\b/i.test(sentence) ||
    /\bclaim[- ]worthy\b/i.test(sentence) ||
    /\b(?:key |main |strongest |central )?claim candidates?\b/i.test(sentence) ||
    /\bworth (?:documenting|noting|extracting|capturing)\b/i.test(sentence) ||
    /^[^—–:]{3,80}\bclaim\s*(?:\([^)]*\))?[.!]?$/i.test(sentence) ||
    /\b(another|a second|a separate|a further)\s+claim\b/i.test(sentence)
  );
}
