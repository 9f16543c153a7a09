// A fast reader for the YAML that source notes hold (SPEC §1): top-level
// `key: value` lines whose values are plain, single- or double-quoted scalars
// on one line, `[a, b]` lists on one line, or `- item` lists under `key:`.
// js-yaml spends most of a note's reading time on these few lines. This reader
// gives exactly what js-yaml gives (CORE_SCHEMA, `json: true`) or says it is
// not sure (undefined), and then js-yaml reads the block as before: anything
// doubtful (anchors, aliases, tags, nesting, multi-line or block scalars,
// tabs, control characters, odd escapes) is left to it. A plain scalar that
// may be a null, a boolean or a number is handed to js-yaml's public `load`,
// so `yes`, `0x1F`, `.NaN` or `1:30` come out as js-yaml makes them; the
// reader uses no private part of js-yaml (issue #20: it once read the
// schema's `compiledImplicit` list, which any release could rename).
//
// The safety limits of yaml.ts hold: its alias count runs before this reader
// (which reads no alias: a value starting with `*` is left to js-yaml),
// values nest one level, and a block of more than MAX_VALUES values is left
// to js-yaml's path, which counts them.
import yaml from "js-yaml";

/**
 * How js-yaml is called, here and by yaml.ts: CORE_SCHEMA has no timestamps
 * (dates stay text) and no JavaScript types; `json: true` lets a repeated key
 * keep its last value instead of throwing.
 */
export const JS_YAML_OPTIONS = { schema: yaml.CORE_SCHEMA, json: true };

/** More values than this are left to js-yaml's path, which counts and limits them. */
const MAX_VALUES = 10_000;

/**
 * Characters this reader does not decide about: tabs and other controls,
 * DEL and C1 controls, surrogates, BOM, U+FFFE/U+FFFF and line separators.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const DOUBTFUL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;

/** Keys read here: ASCII words, maybe with inner spaces, dots, slashes or dashes. */
function isSimpleKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;
    if (word) continue;
    // A space, dot, slash or dash inside; never first, and no space last.
    if (i === 0 || !(c === 46 || c === 47 || c === 45 || (c === 32 && i < key.length - 1))) return false;
  }
  return key.length > 0;
}

export interface SimpleYaml {
  value: Record<string, unknown>;
  /** Top-level keys as written, in order (what topLevelKeys finds in the same lines). */
  keys: string[];
}

/** What the core schema makes of a plain scalar. */
type Plain = string | number | boolean | null;

/** A value and where on its line it ended, or undefined when not sure. */
type Read = { value: unknown; end: number } | undefined;

/**
 * The mapping in these frontmatter lines, or undefined when this reader is
 * not sure it would read them exactly as js-yaml does.
 */
export function readSimpleYaml(lines: readonly string[]): SimpleYaml | undefined {
  const value: Record<string, unknown> = {};
  const keys: string[] = [];
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (DOUBTFUL.test(line)) return undefined;
    const first = line.charCodeAt(0);
    if (line.length === 0 || first === 35 /* # */) continue;
    if (first === 32) {
      if (isBlank(line)) continue;
      return undefined;
    }
    const colon = line.indexOf(":");
    if (colon <= 0 || (colon + 1 < line.length && line.charCodeAt(colon + 1) !== 32)) return undefined;
    const rawKey = line.slice(0, colon);
    if (!isSimpleKey(rawKey)) return undefined;
    const keyValue = plainValue(rawKey);
    if (keyValue === undefined) return undefined;
    const key = String(keyValue);
    if (key === "__proto__") return undefined;

    let entry: unknown;
    const at = skipSpaces(line, colon + 1);
    if (at === line.length || line.charCodeAt(at) === 35 /* # after a space */) {
      const list = blockList(lines, i + 1);
      if (list === undefined) return undefined;
      entry = list.items;
      i = list.last;
      count += list.items === null ? 1 : list.items.length + 1;
    } else {
      const read = line.charCodeAt(at) === 91 /* [ */ ? flowList(line, at) : scalar(line, at, false);
      if (read === undefined || !restIsComment(line, read.end)) return undefined;
      entry = read.value;
      count += Array.isArray(entry) ? entry.length + 1 : 1;
    }
    if (count > MAX_VALUES) return undefined;
    // As js-yaml with `json: true`: a repeated key keeps its first place and its last value.
    value[key] = entry;
    keys.push(rawKey);
  }
  return keys.length === 0 ? undefined : { value, keys };
}

const isBlank = (line: string): boolean => skipSpaces(line, 0) === line.length;

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/** Only spaces, or spaces and a comment, from `from` to the end of the line. */
function restIsComment(line: string, from: number): boolean {
  const at = skipSpaces(line, from);
  return at === line.length || (at > from && line.charCodeAt(at) === 35);
}

/**
 * The `- item` lines under an empty `key:` (blank lines and comments at the
 * start of a line between them), all at one indentation; null when the next
 * line of content is another key. `last` is the last line read.
 */
function blockList(lines: readonly string[], from: number): { items: unknown[] | null; last: number } | undefined {
  let indent = -1;
  const items: unknown[] = [];
  let last = from - 1;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (DOUBTFUL.test(line)) return undefined;
    if (line.length === 0 || line.charCodeAt(0) === 35) continue;
    const at = skipSpaces(line, 0);
    if (at === line.length) continue;
    if (line.charCodeAt(at) !== 45 /* - */ || line.charCodeAt(at + 1) !== 32) {
      // Content at the start of a line ends the list; anything indented is not read here.
      if (at > 0) return undefined;
      break;
    }
    if (indent === -1) indent = at;
    else if (at !== indent) return undefined;
    const start = skipSpaces(line, at + 1);
    if (start === line.length) return undefined;
    const read = scalar(line, start, false);
    if (read === undefined || !restIsComment(line, read.end)) return undefined;
    items.push(read.value);
    last = i;
  }
  return { items: indent === -1 ? null : items, last };
}

/** `[a, 'b', "c"]` on one line, of scalars only. */
function flowList(line: string, open: number): Read {
  const items: unknown[] = [];
  let at = skipSpaces(line, open + 1);
  if (line.charCodeAt(at) === 93 /* ] */) return { value: items, end: at + 1 };
  for (;;) {
    const read = scalar(line, at, true);
    if (read === undefined) return undefined;
    items.push(read.value);
    at = skipSpaces(line, read.end);
    const c = line.charCodeAt(at);
    if (c === 93) return { value: items, end: at + 1 };
    if (c !== 44 /* , */) return undefined;
    at = skipSpaces(line, at + 1);
  }
}

/** A scalar starting at `at`: quoted, or plain (ending before a comment, or a flow list's `,` or `]`). */
function scalar(line: string, at: number, inFlow: boolean): Read {
  const c = line.charCodeAt(at);
  if (c === 39 /* ' */) return singleQuoted(line, at);
  if (c === 34 /* " */) return doubleQuoted(line, at);
  if (!plainMayStart(c, line.charCodeAt(at + 1))) return undefined;
  if (!inFlow) return blockPlain(line, at);
  let end = at;
  let i = at;
  for (; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 32) continue;
    if (ch === 35 /* # */ && line.charCodeAt(i - 1) === 32) break;
    if (ch === 58 /* : */) {
      const next = line.charCodeAt(i + 1);
      // `a: b` is a mapping; in a flow list `a:,` and `a:]` are pairs.
      if (i + 1 === line.length || next === 32 || (inFlow && (next === 44 || next === 93 || next === 91 || next === 123 || next === 125))) return undefined;
    }
    if (inFlow && (ch === 44 || ch === 93)) break;
    if (inFlow && (ch === 91 || ch === 123 || ch === 125)) return undefined;
    end = i + 1;
  }
  return plainRead(line.slice(at, end), end);
}

/**
 * A plain scalar outside a flow list: up to a comment (` #`), without its
 * trailing spaces. `: ` before that, or a `:` at its end, makes a mapping.
 * (What the loop above does, by searches: most values are long titles and URLs.)
 */
function blockPlain(line: string, at: number): Read {
  let stop = line.indexOf(" #", at);
  if (stop < 0) stop = line.length;
  const colon = line.indexOf(": ", at);
  if (colon >= 0 && colon < stop) return undefined;
  let end = stop;
  while (line.charCodeAt(end - 1) === 32) end--;
  if (line.charCodeAt(end - 1) === 58 /* : */) return undefined;
  return plainRead(line.slice(at, end), end);
}

/** A plain scalar ending at `end`, or undefined when its value is not sure. */
function plainRead(text: string, end: number): Read {
  const value = plainValue(text);
  return value === undefined ? undefined : { value, end };
}

/**
 * Can a plain scalar start with this character here? Not with an indicator;
 * `-` only before a letter, digit or dot (`-5`, `-.inf`, `-x`).
 */
function plainMayStart(c: number, next: number): boolean {
  if (c === 45 /* - */) return (next >= 48 && next <= 57) || next === 46 || ((next | 32) >= 97 && (next | 32) <= 122);
  return !Number.isNaN(c) && !INDICATOR.has(c);
}

/** The words that are null or a boolean (and no others: `yes`, `No` and `on` are text). */
const WORDS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);

const INDICATOR = new Set([..."-?:,[]{}#&*!|>'\"%@` "].map((ch) => ch.charCodeAt(0)));

/**
 * The value js-yaml gives a plain scalar (undefined: not sure). Only a scalar
 * starting with a digit, a sign, a dot or `~` can be a number or null, and a
 * word is null or a boolean only if it is one of nine, so every other scalar
 * is a string as written without asking js-yaml; so is one with a dash inside.
 */
function plainValue(text: string): Plain | undefined {
  const c = text.charCodeAt(0);
  const mayResolve = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || ((text.length === 4 || text.length === 5) && WORDS.has(text));
  if (!mayResolve || INNER_DASH.test(text)) return text;
  return loadedPlain(text);
}

/**
 * A `-` after the first character, other than an exponent's sign. The core
 * schema's numbers take a sign only in front and after `e` (its nulls and
 * booleans are words), so such a scalar is text: `2026-03-00`, which is most
 * of what would otherwise go to js-yaml in a real vault (783 of 791 values).
 */
const INNER_DASH = /[^eE]-/;

/**
 * js-yaml's value for a plain scalar, by its public `load`: as the one item
 * of a block list, where it reads as after `key: ` (alone, `...` would end
 * the document). Undefined if js-yaml refuses it or makes more than a scalar.
 */
function loadedPlain(text: string): Plain | undefined {
  try {
    const list: unknown = yaml.load(`- ${text}`, JS_YAML_OPTIONS);
    const value: unknown = Array.isArray(list) && list.length === 1 ? list[0] : undefined;
    // Not an object: what else the core schema makes of a scalar (null, a boolean, a number, text).
    return value === null || typeof value !== "object" ? (value as Plain) : undefined;
  } catch {
    return undefined;
  }
}

/** `'…'` on one line; `''` is a quote. */
function singleQuoted(line: string, open: number): Read {
  let out = "";
  let from = open + 1;
  for (;;) {
    const close = line.indexOf("'", from);
    if (close < 0) return undefined;
    out += line.slice(from, close);
    if (line.charCodeAt(close + 1) !== 39) return { value: out, end: close + 1 };
    out += "'";
    from = close + 2;
  }
}

/** Escapes of one character, as js-yaml reads them (`\t` etc.). */
const ESCAPES = new Map<string, string>(Object.entries({
  "0": "\x00", a: "\x07", b: "\x08", t: "\x09", n: "\x0a", v: "\x0b", f: "\x0c", r: "\x0d", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029",
}));
const HEX_LENGTH = new Map<string, number>([["x", 2], ["u", 4], ["U", 8]]);

/** `"…"` on one line, with js-yaml's escapes. */
function doubleQuoted(line: string, open: number): Read {
  const close = line.indexOf('"', open + 1);
  if (close < 0) return undefined;
  // Most quoted values hold no escape: the text between the quotes is the value.
  const escape = line.indexOf("\\", open + 1);
  if (escape < 0 || escape > close) return { value: line.slice(open + 1, close), end: close + 1 };
  let out = "";
  let from = open + 1;
  for (let i = from; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 34) return { value: out + line.slice(from, i), end: i + 1 };
    if (ch !== 92 /* \ */) continue;
    out += line.slice(from, i);
    const kind = line[i + 1] ?? "";
    const simple = ESCAPES.get(kind);
    if (simple !== undefined) {
      out += simple;
      i += 1;
    } else {
      const length = HEX_LENGTH.get(kind) ?? 0;
      const hex = line.slice(i + 2, i + 2 + length);
      if (length === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== length) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      i += 1 + length;
    }
    from = i + 1;
  }
  return undefined;
}
