// Markdown to plain words, and the finishing every title gets (SPEC §2,
// "Title of a candidate"): shared by the splitter and the claims below it.
import { collapseWhitespace } from "./sentences";

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
