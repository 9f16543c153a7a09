// One scalar of a source note's YAML, as js-yaml's CORE_SCHEMA reads it
// (yaml-fast.ts reads the lines and asks here for each value): quoted, plain,
// or handed to js-yaml's public `load` when it may be a null, a boolean or a
// number. Undefined means "not sure": the caller leaves the block to js-yaml.
import yaml from "js-yaml";

/**
 * How js-yaml is called, here and by yaml.ts: CORE_SCHEMA has no timestamps
 * (dates stay text) and no JavaScript types; `json: true` lets a repeated key
 * keep its last value instead of throwing.
 */
export const JS_YAML_OPTIONS = { schema: yaml.CORE_SCHEMA, json: true };

/** What the core schema makes of a plain scalar. */
type Plain = string | number | boolean | null;

/** A value and where on its line it ended, or undefined when not sure. */
export type Read = { value: unknown; end: number } | undefined;

/** A scalar starting at `at`: quoted, or plain (ending before a comment, or a flow list's `,` or `]`). */
export function scalar(line: string, at: number, inFlow: boolean): Read {
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
export function plainValue(text: string): Plain | undefined {
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
