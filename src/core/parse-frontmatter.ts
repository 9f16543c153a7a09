// Reading a note's frontmatter safely (SPEC §1). gray-matter does the parse,
// with its JavaScript engine replaced by one that refuses: a note is
// untrusted text and `---js` front matter would otherwise be run with eval.
import matter from "gray-matter";
import { findBlock, shapeOf, type FrontmatterBlock, type TextShape } from "./frontmatter-block";
import type { Problem } from "./model";
import { parseYaml, topLevelKeys } from "./yaml";

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

class RefusedEngine extends Error {}

const refuse = (language: string) => ({
  parse(): never {
    throw new RefusedEngine(`Frontmatter in ${language} is code; it was not run`);
  },
  stringify(): never {
    throw new RefusedEngine(`Frontmatter in ${language} is not written`);
  },
});

type MatterOptions = Parameters<typeof matter>[1];

function matterOptions(onYamlError: (message: string) => void): MatterOptions {
  return {
    engines: {
      yaml: {
        parse(text: string): object {
          const result = parseYaml(text);
          if (!result.ok) {
            onYamlError(result.message);
            return {};
          }
          // gray-matter wants an object; a list or scalar is reported by the caller.
          return { __value: result.value };
        },
      },
      json: {
        parse(text: string): object {
          try {
            return { __value: JSON.parse(text) as unknown };
          } catch (err) {
            onYamlError(`JSON: ${(err as Error).message}`);
            return {};
          }
        },
      },
      javascript: refuse("JavaScript"),
      coffee: refuse("CoffeeScript"),
      coffeescript: refuse("CoffeeScript"),
    },
  };
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
  const source = ["---" + block.language, ...yamlLines, "---", ""].join("\n");

  const failure: { yaml: string | null } = { yaml: null };
  let value: unknown;
  try {
    const result = matter(source, matterOptions((m) => (failure.yaml = m)));
    value = (result.data as { __value?: unknown }).__value;
  } catch (err) {
    const message = err instanceof RefusedEngine ? err.message : `Frontmatter could not be read: ${err instanceof Error ? err.message : String(err)}`;
    problems.push({ level: "error", message });
    return { shape, block, data: null, unreadable: true, bodyStart: block.close + 1, problems };
  }
  if (failure.yaml !== null) {
    problems.push({ level: "error", message: `Frontmatter YAML does not parse: ${failure.yaml}` });
    return { shape, block, data: null, unreadable: true, bodyStart: block.close + 1, problems };
  }
  if (value === null || value === undefined) {
    return { shape, block, data: {}, unreadable: false, bodyStart: block.close + 1, problems };
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    const what = Array.isArray(value) ? "a list" : `a single ${typeof value} value`;
    problems.push({ level: "error", message: `Frontmatter is ${what}, not a set of fields` });
    return { shape, block, data: null, unreadable: true, bodyStart: block.close + 1, problems };
  }

  const seen = new Map<string, number>();
  for (const { key } of topLevelKeys(yamlLines)) seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const [key, count] of seen) {
    if (count > 1) problems.push({ level: "warning", message: `Field "${key}" appears ${count} times; the last value counts` });
  }
  return { shape, block, data: value as Record<string, unknown>, unreadable: false, bodyStart: block.close + 1, problems };
}
