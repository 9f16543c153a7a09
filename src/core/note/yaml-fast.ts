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
import { plainValue, scalar, type Read } from "./yaml-scalars";

export { JS_YAML_OPTIONS } from "./yaml-scalars";

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

