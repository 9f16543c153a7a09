// Reading a note's frontmatter safely (SPEC §1). The block is found by
// findBlock and read by the engine its language names: YAML and JSON are
// data; `---js` and other code is refused, never run (a note is untrusted
// text). gray-matter is not used for this: it offers `eval` for `---js`, and
// its comment scan (`/^\s*#[^\n]+/gm` over the whole block) takes quadratic
// time on a block of blank lines (20,000 of them: most of a second).
import { findBlock, shapeOf, type FrontmatterBlock, type TextShape } from "./frontmatter-block";
import type { Problem } from "./model";
import { parseYamlLines, topLevelKeys, type YamlLinesResult } from "./yaml";

export interface ParsedFrontmatter {
  shape: TextShape;
  block: FrontmatterBlock | null;
  /** The mapping, or null when there is none or it could not be read. */
  data: Record<string, unknown> | null;
  /** True when a block exists but its YAML does not parse (line edits are refused). */
  unreadable: boolean;
  /** Body lines (everything after the block). */
  bodyStart: number;
  problems: Problem[];
}

/** Frontmatter languages that are programs, by the names gray-matter and others accept. */
const CODE_LANGUAGES: Record<string, string> = { js: "JavaScript", javascript: "JavaScript", coffee: "CoffeeScript", coffeescript: "CoffeeScript", cson: "CoffeeScript" };

/** More lines than this is not a source note's frontmatter (real ones have under 50); it is read, with a warning. */
export const MAX_FRONTMATTER_LINES = 1_000;

type Read = YamlLinesResult;

/** The block's value by its language; `null` for a block of only blank lines and comments. */
function readBlock(language: string, lines: readonly string[]): Read {
  // As gray-matter did: a block of only blank lines and comments is empty, whatever its language.
  if (lines.every((l) => l.trim() === "" || /^\s*#./.test(l))) return { ok: true, value: null };
  const code = CODE_LANGUAGES[language];
  if (code) return { ok: false, message: `Frontmatter in ${code} is code; it was not run` };
  if (language === "" || language === "yaml" || language === "yml") {
    const result = parseYamlLines(lines);
    return result.ok ? result : { ok: false, message: `Frontmatter YAML does not parse: ${result.message}` };
  }
  const text = `\n${lines.join("\n")}`;
  if (language === "json") {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (err) {
      return { ok: false, message: `Frontmatter YAML does not parse: JSON: ${(err as Error).message}` };
    }
  }
  return { ok: false, message: `Frontmatter in "${language}" is not YAML or JSON; it was not read` };
}

export function parseFrontmatter(text: string): ParsedFrontmatter {
  const shape = shapeOf(text);
  const problems: Problem[] = [];
  if (shape.bom) problems.push({ level: "warning", message: "File starts with a byte-order mark (kept as it is)" });
  if (shape.eol === "\r\n") problems.push({ level: "warning", message: "File uses Windows line endings (CRLF); edits keep them" });
  if (!shape.finalNewline && shape.lines.length > 0) problems.push({ level: "warning", message: "File has no final newline (kept as it is)" });

  const found = findBlock(shape.lines);
  if (found.kind === "none") {
    problems.push({ level: "error", message: "No frontmatter: the note does not start with a --- line" });
    return { shape, block: null, data: null, unreadable: false, bodyStart: 0, problems };
  }
  if (found.kind === "unclosed") {
    problems.push({ level: "error", message: "Frontmatter is not closed: no --- line after the opening one" });
    return { shape, block: null, data: null, unreadable: true, bodyStart: 0, problems };
  }
  const block: FrontmatterBlock = { open: found.open, close: found.close, language: found.language };
  const yamlLines = shape.lines.slice(1, block.close);
  if (yamlLines.length > MAX_FRONTMATTER_LINES) {
    problems.push({ level: "warning", message: `Frontmatter is ${yamlLines.length.toLocaleString("en-US")} lines long; more than ${MAX_FRONTMATTER_LINES.toLocaleString("en-US")} is unusual for a source (check what wrote it)` });
  }

  const read = readBlock(block.language, yamlLines);
  if (!read.ok) {
    problems.push({ level: "error", message: read.message });
    return { shape, block, data: null, unreadable: true, bodyStart: block.close + 1, problems };
  }
  const value = read.value;
  if (value === null || value === undefined) {
    return { shape, block, data: {}, unreadable: false, bodyStart: block.close + 1, problems };
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    const what = Array.isArray(value) ? "a list" : `a single ${typeof value} value`;
    problems.push({ level: "error", message: `Frontmatter is ${what}, not a set of fields` });
    return { shape, block, data: null, unreadable: true, bodyStart: block.close + 1, problems };
  }

  const seen = new Map<string, number>();
  for (const key of read.keys ?? topLevelKeys(yamlLines).map((k) => k.key)) seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const [key, count] of seen) {
    if (count > 1) problems.push({ level: "warning", message: `Field "${key}" appears ${count} times; the last value counts` });
  }
  return { shape, block, data: value as Record<string, unknown>, unreadable: false, bodyStart: block.close + 1, problems };
}
