// YAML as the knowledge base writes it (SPEC §1). Timestamps are not a type
// here: js-yaml's default schema turns `2026-03-00` into Feb 28, which would
// silently corrupt dates, so dates stay the text the user wrote.
import yaml from "js-yaml";
import { JS_YAML_OPTIONS, readSimpleYaml } from "./yaml-fast";

/** The most nesting we accept before calling a block hostile. */
const MAX_DEPTH = 64;
/** Aliases are how a "billion laughs" block grows; real notes have none. */
const MAX_ALIASES = 100;
/**
 * The most values (counting each use of an alias in full) a block may hold.
 * js-yaml shares an anchored value between its aliases, so a "billion laughs"
 * block loads small, but any walk over it (checks, JSON, comparisons) would
 * take exponential time; counting up to this cap is what stops it.
 */
export const MAX_YAML_VALUES = 100_000;

export type YamlResult = { ok: true; value: unknown } | { ok: false; message: string };

/** The top-level keys as written come with the value when the reader found them on the way. */
export type YamlLinesResult = { ok: true; value: unknown; keys?: string[] } | { ok: false; message: string };

/**
 * Frontmatter lines (without the `---` lines) as YAML. Most blocks are simple
 * `key: value` lines that readSimpleYaml reads far faster than js-yaml, to
 * the same value; the rest go to js-yaml. The alias limit is checked first,
 * on the same text, so both paths refuse the same blocks.
 */
export function parseYamlLines(lines: readonly string[]): YamlLinesResult {
  // Starting with the opening line's newline, so error marks name lines of the file.
  const text = `\n${lines.join("\n")}`;
  const refused = text.includes("*") ? aliasRefusal(text) : null;
  if (refused) return refused;
  // The fast reader's values are slices of the lines it reads, and a slice keeps
  // the string it was cut from alive. Lines of this copy of the block (the
  // leading blank one is skipped) make a value kept in a queue row hold the
  // frontmatter, as js-yaml's values do, not the whole note: a third of the
  // memory for a vault's rows.
  const simple = readSimpleYaml(text.split("\n"));
  if (simple) return { ok: true, value: simple.value, keys: simple.keys };
  return loadYaml(text);
}

export function parseYaml(text: string): YamlResult {
  return aliasRefusal(text) ?? loadYaml(text);
}

function aliasRefusal(text: string): YamlResult | null {
  const aliases = text.match(/(^|[\s[{,:-])\*[^\s,\]}]+/g)?.length ?? 0;
  if (aliases > MAX_ALIASES) {
    return { ok: false, message: `YAML uses ${aliases} aliases (*name); more than ${MAX_ALIASES} is refused as unsafe` };
  }
  return null;
}

/** js-yaml, then the depth and size limits over what it built. */
function loadYaml(text: string): YamlResult {
  try {
    // Duplicate keys are reported separately, from the text.
    const value: unknown = yaml.load(text, JS_YAML_OPTIONS);
    const shape = measure(value);
    if (shape === "deep") return { ok: false, message: `YAML is nested more than ${MAX_DEPTH} levels deep` };
    if (shape === "large") {
      return { ok: false, message: `YAML expands to more than ${MAX_YAML_VALUES.toLocaleString("en-US")} values (each alias counted in full); refused as unsafe` };
    }
    return { ok: true, value };
  } catch (err) {
    return { ok: false, message: yamlMessage(err) };
  }
}

/** Walks at most MAX_YAML_VALUES values, never deeper than MAX_DEPTH. */
function measure(root: unknown): "ok" | "deep" | "large" {
  let count = 0;
  const walk = (value: unknown, depth: number): "ok" | "deep" | "large" => {
    if (++count > MAX_YAML_VALUES) return "large";
    if (value === null || typeof value !== "object") return "ok";
    if (depth >= MAX_DEPTH) return "deep";
    for (const child of Object.values(value as Record<string, unknown>)) {
      const found = walk(child, depth + 1);
      if (found !== "ok") return found;
    }
    return "ok";
  };
  return walk(root, 0);
}

function yamlMessage(err: unknown): string {
  if (err instanceof RangeError) return "YAML is nested too deeply to read";
  const e = err as { reason?: unknown; mark?: { line?: number }; message?: unknown };
  if (typeof e.reason === "string") {
    const line = typeof e.mark?.line === "number" ? ` (frontmatter line ${e.mark.line + 1})` : "";
    return `${e.reason}${line}`;
  }
  return typeof e.message === "string" ? e.message.split("\n")[0] ?? "unreadable YAML" : "unreadable YAML";
}

/**
 * A top-level `key:` (plain, or in matching quotes) at the start of a line,
 * or null. A scan for the first colon: the pattern it replaces,
 * `^(["']?)([^\s#'"][^:]*?)\1\s*:(\s|$)`, rescans a long line for every
 * character, and continuation lines of a flow list can be megabytes long.
 */
export function topKeyOf(line: string): string | null {
  const quote = line[0] === '"' || line[0] === "'" ? line[0] : "";
  // The key's first character may itself be a colon; after it, the first colon ends the key.
  const colon = line.indexOf(":", quote.length + 1);
  if (colon < 0) return null;
  const after = line[colon + 1];
  if (after !== undefined && !/\s/.test(after)) return null;
  const head = line.slice(0, colon).trimEnd();
  const key = quote ? (head.length >= 3 && head.endsWith(quote) ? head.slice(1, -1) : "") : head;
  return /^[^\s#'"]/.test(key) ? key.trim() : null;
}

/** Top-level keys in order of appearance, as written (used for duplicates and editing). */
export function topLevelKeys(lines: readonly string[]): { key: string; line: number }[] {
  const keys: { key: string; line: number }[] = [];
  lines.forEach((line, i) => {
    const key = topKeyOf(line);
    if (key !== null && !line.startsWith("- ")) keys.push({ key, line: i });
  });
  return keys;
}

/** A value as YAML text: plain where that reads back as the same string, else double-quoted. */
export function yamlScalar(value: string): string {
  const plainSafe =
    /^[\p{L}\p{N}][\p{L}\p{N} _.,;()'/&+-]*$/u.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(value) &&
    !/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value) &&
    !/^0[xob]/i.test(value) &&
    !/\s$/.test(value) &&
    !/:\s|\s#/.test(value);
  return plainSafe ? value : yamlDoubleQuoted(value);
}

/**
 * A double-quoted YAML scalar that reads back as exactly `value`. JSON escapes
 * the C0 controls, quotes and lone surrogates; YAML also refuses raw DEL, C1
 * controls and U+FFFE/U+FFFF, and some readers break lines at U+2028/U+2029.
 */
export function yamlDoubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Can this value be written between single quotes? (They hold no escapes, and line breaks fold.) */
export const singleQuotable = (value: string): boolean =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what single quotes cannot hold
  !/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/u.test(value);
