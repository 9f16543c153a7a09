/**
 * YAML helpers: parseYaml / stringifyYaml / getFrontMatterInfo.
 * The schema has no timestamp type, so `date: 2026-03-01` stays the string
 * "2026-03-01" (Obsidian gives strings), and `json: true` lets duplicate keys
 * through (last one wins) instead of throwing.
 */
import yaml from "js-yaml";

export const YAML_SCHEMA = yaml.CORE_SCHEMA;

export function parseYaml(text: string): any {
  const value: unknown = yaml.load(text, { schema: YAML_SCHEMA, json: true });
  return value === undefined ? null : value;
}

export function stringifyYaml(obj: any): string {
  return yaml.dump(obj, { schema: YAML_SCHEMA, lineWidth: -1 });
}

export interface FrontMatterInfo {
  exists: boolean;
  frontmatter: string;
  from: number;
  to: number;
  contentStart: number;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /(?:^|\n)---[ \t]*(?:\r?\n|$)/g;

/**
 * Locates the frontmatter block: `from`/`to` delimit its contents (without the
 * `---` lines), `contentStart` is the offset just after the closing line.
 * A leading BOM and CRLF line endings are accepted.
 */
export function getFrontMatterInfo(content: string): FrontMatterInfo {
  const none: FrontMatterInfo = { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
  const open = OPEN.exec(content);
  if (!open) return none;
  const from = open[0].length;
  CLOSE.lastIndex = from - 1;
  const close = CLOSE.exec(content);
  if (!close) return none;
  const to = close[0].startsWith("\n") ? close.index + 1 : close.index;
  return {
    exists: true,
    frontmatter: content.slice(from, to),
    from,
    to,
    contentStart: close.index + close[0].length,
  };
}
