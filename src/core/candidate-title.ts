// The title of a claim candidate (SPEC §2, "Title of a candidate").
import { collapseWhitespace, isClaimQuote, quotedPassages } from "./sentences";

const LABEL = /^(?:new\s+claim\s+candidate|claim\s+candidate|candidate\s+claim|new\s+claim|claim)\s*[:—–-]\s*/i;

/** Markdown emphasis, code ticks and link brackets, removed; the words stay. */
export function stripMarkdown(text: string): string {
  return text
    // No `[` inside: a run of brackets must not make each match scan the rest of the line.
    .replace(/\[\[([^[\]|\n]*)\|([^[\]\n]*)\]\]/g, "$2")
    .replace(/\[\[([^[\]\n]*)\]\]/g, "$1")
    .replace(/\[([^[\]\n]+)\]\([^()\n]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\p{L}\p{N}*])\*(?!\s)([^*\n]+?)\*/gu, "$1$2")
    .replace(/(^|[^\p{L}\p{N}_])_(?!\s)([^_\n]+?)_(?![\p{L}\p{N}])/gu, "$1$2")
    .replace(/`([^`\n]*)`/g, "$1")
    .replace(/~~(.+?)~~/g, "$1")
    .replace(/==(.+?)==/g, "$1");
}

export function finishTitle(text: string): string {
  const collapsed = collapseWhitespace(text).trim();
  return collapsed.endsWith(".") && !collapsed.endsWith("..") ? collapsed.slice(0, -1).trimEnd() : collapsed;
}

export interface TitleResult {
  title: string;
  fromQuote: boolean;
}

export function candidateTitle(head: string): TitleResult {
  const quote = quotedPassages(head).find(isClaimQuote);
  if (quote) return { title: finishTitle(quote.text), fromQuote: true };
  let text = stripMarkdown(head).trim();
  text = text.replace(LABEL, "");
  return { title: finishTitle(text), fromQuote: false };
}
