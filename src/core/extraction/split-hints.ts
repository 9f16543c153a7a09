// Splitting a hints block into claim candidates (SPEC §2, rules 1–4). Each
// rule is tried in order; the first that applies decides. Pure: text in,
// items out, deterministic.
import { candidateKind } from "./candidate-kind";
import { collapseWhitespace, isClaimQuote, proposesClaim as proposesByWords, quotedPassages, sentencesOf } from "../text/sentences";
import { isTopicTitle } from "./topic-title";

// Runs of "X as Y." / "A as evidence that B." sentences (the archive's space-domain hints are written so):
// each sentence names its own claim, by its form rather than by saying "claim".
const EVIDENCE_FORM = /\sas\s+(?:[\w-]+\s+){0,2}(?:evidence|existence proof|proof)\s+(?:that|of|for)\b/i;
function proposesByForm(sentence: string): boolean {
  if (EVIDENCE_FORM.test(sentence)) return true;
  const plain = sentence.replace(/[.!]\s*$/, "");
  return /\sas\s/i.test(plain) && !/^(?:this|that|it|these|those)\b/i.test(plain) && plain.split(/\s+/).length >= 4 && isTopicTitle(plain);
}
const proposesClaim = (sentence: string): boolean => proposesByWords(sentence) || proposesByForm(sentence);

export type SplitRule = "list" | "enumeration" | "quotes" | "sentences" | "whole" | "frontmatter";

export interface HintItem {
  /** The item's own text (for a list item: without nested items), used for the title. */
  head: string;
  /** The full item text, nested items and continuation lines included: the rationale. */
  text: string;
  rule: SplitRule;
}

const LIST_ITEM = /^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$/;
const RULE_LINE = /^\s*([-*_])(\s*\1){2,}\s*$/;

export function splitHints(block: string): HintItem[] {
  // Blank lines go, but not the first line's indentation: a list indented as a
  // whole must keep its items at one level.
  const text = (block.includes("\r") ? block.replace(/\r\n?/g, "\n") : block).replace(/^\s*\n/, "").trimEnd();
  if (text.trim() === "") return [];
  const items = splitList(text) ?? splitEnumeration(text) ?? splitQuotes(text) ?? splitSentences(text);
  return items.some((i) => i.rule !== "quotes") ? items.flatMap(splitProse) : items;
}

// Rule 6: prose that proposes several claims is split where each begins.
const ALSO = /^\W*also\b\s*(?:[:,]|notable|worth noting|noteworthy|potential|possible|new|another)/i;
const LABELLED = /^\W*(?:(?:new|potential|possible|key|another|separate|counter)[\s-]+)*(?:claims?|claim candidates?)\b/i;

/**
 * One item, or one per claim it proposes: a new piece begins at a sentence
 * opened by "Also:", "Also notable:", "Also potential new claim …", at a
 * sentence labelled as a claim ("New claim on …", "Claim about …"), at a
 * second sentence proposing its own claim, and around a sentence asking to
 * enrich or update an existing claim (its own candidate, kind enrichment).
 * Other sentences stay with the piece before them as its commentary. Items
 * with nested lines are left whole: their structure is the writer's split.
 */
export function splitProse(item: HintItem): HintItem[] {
  // A few sentences are prose to split; a pasted page of thousands is not read for proposals.
  if (item.rule === "quotes" || item.head.length > 10_000 || collapse(item.text) !== item.head) return [item];
  const sentences = sentencesOf(item.head);
  if (sentences.length < 2) return [item];
  const pieces: { sentences: string[]; proposes: boolean; enriches: boolean }[] = [];
  for (const sentence of sentences) {
    const enriches = candidateKind(sentence) === "enrichment";
    const proposes = !enriches && proposesClaim(sentence);
    const current = pieces[pieces.length - 1];
    const starts =
      !current ||
      ALSO.test(sentence) ||
      LABELLED.test(sentence) ||
      enriches !== current.enriches ||
      (proposes && current.proposes) ||
      // "A as evidence that B." after a claim sentence is a claim of its own, whatever came before.
      (proposes && proposesByForm(sentence));
    if (starts) pieces.push({ sentences: [sentence], proposes: proposes || LABELLED.test(sentence), enriches });
    else current.sentences.push(sentence);
  }
  if (pieces.length < 2) return [item];
  return pieces.map((p) => {
    const text = p.sentences.join(" ");
    return { head: text, text, rule: item.rule };
  });
}

/** Rule 1: each top-level list item, with its nested items and continuation lines. */
function splitList(text: string): HintItem[] | null {
  const lines = text.split("\n");
  const firstItem = lines.findIndex((l) => LIST_ITEM.test(l) && !RULE_LINE.test(l));
  if (firstItem < 0) return null;
  const topIndent = indentOf(lines[firstItem] ?? "");
  // "1) X 2) Y" on one line reads as a one-item list, but it is rule 2's inline enumeration.
  const firstMarker = LIST_ITEM.exec(lines[firstItem] ?? "")?.[2];
  const items: { head: string[]; all: string[]; nested: boolean }[] = [];
  let blankBefore = false;
  for (const line of lines.slice(firstItem)) {
    if (line.trim() === "") {
      blankBefore = true;
      continue;
    }
    const m = LIST_ITEM.exec(line);
    const indent = indentOf(line);
    const current = items[items.length - 1];
    if (m && !RULE_LINE.test(line) && indent <= topIndent + 1) {
      items.push({ head: [m[3] ?? ""], all: [m[3] ?? ""], nested: false });
    } else if (current && (indent > topIndent || !blankBefore)) {
      // A nested item or an indented (or lazy) continuation belongs to its parent.
      if (m && !RULE_LINE.test(line)) current.nested = true;
      else if (!current.nested) current.head.push(line.trim());
      current.all.push(line.slice(Math.min(indent, topIndent + 2)));
    } else {
      // Unindented text after a blank line ends the list.
      break;
    }
    blankBefore = false;
  }
  if (items.length === 1 && firstMarker === "1)" && enumerationMarkers(text) !== null) return null;
  return items.map((i) => ({ head: collapse(i.head.join(" ")), text: i.all.join("\n").trim(), rule: "list" as const }));
}

/**
 * The width of a line's leading whitespace, a tab counting four: what
 * `/^\s*\/` measures once tabs are four spaces, without building that copy
 * of every line.
 */
function indentOf(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 9) width += 4;
    else if (c === 32 || (c >= 10 && c <= 13) || (c >= 128 && /\s/.test(line.charAt(i)))) width += 1;
    else break;
  }
  return width;
}
const collapse = (s: string) => collapseWhitespace(s).trim();

interface Marker {
  start: number;
  end: number;
}

/** Finds `(1) (2) …` or `1) 2) …` numbered consecutively from 1, or null. */
function enumerationMarkers(text: string): Marker[] | null {
  for (const style of ["paren", "bare"] as const) {
    const markers: Marker[] = [];
    let from = 0;
    for (let n = 1; ; n++) {
      const found = style === "paren" ? findParen(text, n, from) : findBare(text, n, from);
      if (!found) break;
      markers.push(found);
      from = found.end;
    }
    if (markers.length >= 2) return markers;
  }
  return null;
}

function findParen(text: string, n: number, from: number): Marker | null {
  const at = text.indexOf(`(${n})`, from);
  return at < 0 ? null : { start: at, end: at + `(${n})`.length };
}

/** `n) ` after the start, a space or punctuation; a scan, as a regex compiled per number costs more than the search. */
function findBare(text: string, n: number, from: number): Marker | null {
  const token = `${n})`;
  for (let at = text.indexOf(token, from === 0 ? 0 : from + 1); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = at === 0 ? "" : (text[at - 1] ?? "");
    const after = text[at + token.length] ?? "";
    if ((at === 0 || BARE_BEFORE.test(before)) && /\s/.test(after)) return { start: at, end: at + token.length };
  }
  return null;
}

const BARE_BEFORE = /[\s:;,.—–-]/;

/** Rule 2: an inline enumeration; the lead-in is dropped, a closing claim sentence is kept. */
function splitEnumeration(text: string): HintItem[] | null {
  const markers = enumerationMarkers(text);
  if (!markers) return null;
  const items: HintItem[] = [];
  markers.forEach((m, i) => {
    const end = markers[i + 1]?.start ?? text.length;
    const raw = collapse(text.slice(m.end, end)).replace(/[,;]\s*(and|or)?\s*$/i, "").replace(/\s+(and|or)$/i, "");
    items.push({ head: raw, text: raw, rule: "enumeration" });
  });
  const last = items[items.length - 1];
  if (last) {
    const sentences = sentencesOf(last.text);
    const closing = sentences[sentences.length - 1];
    if (sentences.length > 1 && closing && proposesClaim(closing)) {
      const rest = collapse(sentences.slice(0, -1).join(" "));
      items[items.length - 1] = { head: rest, text: rest, rule: "enumeration" };
      items.push({ head: closing, text: closing, rule: "enumeration" });
    }
  }
  return items.filter((i) => i.text !== "");
}

/** Rule 3: two or more quoted passages of five or more words, each one candidate. */
function splitQuotes(text: string): HintItem[] | null {
  const quotes = quotedPassages(text).filter(isClaimQuote);
  if (quotes.length < 2) return null;
  const flat = collapse(text);
  const sentences = sentencesOf(flat);
  // Each quote's context is the sentence it stands in, found by walking the
  // quotes and the sentences in order (a search of every sentence per quote
  // is quadratic in a block of thousands of quotes).
  const ends: number[] = [];
  let at = 0;
  for (const sentence of sentences) {
    at = flat.indexOf(sentence, at) + sentence.length;
    ends.push(at);
  }
  let k = 0;
  let from = 0;
  return quotes.map((q) => {
    const pos = flat.indexOf(collapse(q.text), from);
    if (pos >= 0) {
      from = pos + 1;
      while (k < ends.length - 1 && (ends[k] ?? 0) <= pos) k++;
    }
    return { head: `"${q.text}"`, text: pos >= 0 ? (sentences[k] ?? q.text) : q.text, rule: "quotes" as const };
  });
}

/** Rule 4: the whole block, or one item per sentence when every sentence proposes a claim. */
function splitSentences(text: string): HintItem[] {
  const flat = collapse(text);
  const sentences = sentencesOf(flat);
  if (sentences.length >= 2 && sentences.every(proposesClaim)) {
    return sentences.map((s) => ({ head: s, text: s, rule: "sentences" as const }));
  }
  return [{ head: flat, text: flat, rule: "whole" }];
}

/** Hints kept in the frontmatter list `extraction_hints`: one candidate per item. */
export function splitFrontmatterHints(hints: readonly string[]): HintItem[] {
  return hints
    .map((h) => collapse(h))
    .filter((h) => h !== "")
    .map((h) => ({ head: h, text: h, rule: "frontmatter" as const }));
}
