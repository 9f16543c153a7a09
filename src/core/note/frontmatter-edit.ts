// The frontmatter line editor (SPEC §4): changes only the lines of the fields
// it sets. Quotes, comments, key order, list style, line endings and the BOM
// stay as they were, so a toggle in a git-backed vault is a one-line diff.
// Every edit is verified by parsing the result: if any other field would read
// differently, the edit is refused rather than written.
import { joinShape } from "./frontmatter-block";
import { parseFrontmatter } from "./parse-frontmatter";
import { parseYaml, singleQuotable, topLevelKeys, yamlDoubleQuoted, yamlScalar } from "./yaml";

export type FieldEdit = { key: string; set: string } | { key: string; append: string[] };

export type EditResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

export interface Extent {
  key: string;
  start: number;
  /** Exclusive end: the lines that hold this key's value. */
  end: number;
}

/** Each top-level key with the lines its value spans (indented lines and `- ` items below it). */
export function extentsOf(yamlLines: readonly string[]): Extent[] {
  const keys = topLevelKeys(yamlLines);
  return keys.map((k, i) => {
    const limit = keys[i + 1]?.line ?? yamlLines.length;
    let end = k.line + 1;
    for (let j = k.line + 1; j < limit; j++) {
      const line = yamlLines[j] ?? "";
      if (/^\s+\S/.test(line) || /^-(\s|$)/.test(line)) end = j + 1;
      else if (line.trim() !== "") break;
    }
    return { key: k.key, start: k.line, end };
  });
}

const FLOW_UNSAFE = /[,[\]{}]/;
const flowScalar = (v: string) => (FLOW_UNSAFE.test(v) ? yamlDoubleQuoted(v) : yamlScalar(v));

/** A scalar written in the style the old value used (double, single or no quotes), keeping a trailing comment. */
function scalarLine(oldLine: string | null, key: string, value: string): string {
  const keyText = oldLine ? oldLine.slice(0, oldLine.indexOf(":") + 1) : `${key}:`;
  if (oldLine === null) return `${keyText} ${yamlScalar(value)}`;
  const rest = oldLine.slice(oldLine.indexOf(":") + 1);
  const lead = /^\s*/.exec(rest)?.[0] || " ";
  const body = rest.trim();
  if (body.startsWith('"')) return `${keyText}${lead}${yamlDoubleQuoted(value)}${commentAfterQuoted(body, '"')}`;
  if (body.startsWith("'")) {
    const quoted = singleQuotable(value) ? `'${value.replace(/'/g, "''")}'` : yamlDoubleQuoted(value);
    return `${keyText}${lead}${quoted}${commentAfterQuoted(body, "'")}`;
  }
  const comment = /\s#.*$/.exec(body)?.[0] ?? "";
  return `${keyText}${lead}${yamlScalar(value)}${comment}`;
}

function commentAfterQuoted(body: string, quote: string): string {
  const close = body.lastIndexOf(quote);
  const tail = close > 0 ? body.slice(close + 1) : "";
  return /^\s+#/.test(tail) ? tail : "";
}

function listLines(key: string, existing: readonly string[], added: readonly string[], prefix: string): string[] {
  return [`${key}:`, ...[...existing, ...added].map((v) => `${prefix}${yamlScalar(v)}`)];
}

function applyOne(yamlLines: string[], data: Record<string, unknown>, edit: FieldEdit): void {
  const extent = extentsOf(yamlLines).filter((e) => e.key === edit.key).pop();
  const insertAt = (() => {
    let at = yamlLines.length;
    while (at > 0 && (yamlLines[at - 1] ?? "").trim() === "") at--;
    return at;
  })();

  if ("set" in edit) {
    const line = scalarLine(extent ? (yamlLines[extent.start] ?? null) : null, edit.key, edit.set);
    if (extent) yamlLines.splice(extent.start, extent.end - extent.start, line);
    else yamlLines.splice(insertAt, 0, line);
    return;
  }

  const current = data[edit.key];
  const existing = Array.isArray(current) ? current.map(String) : typeof current === "string" && current !== "" ? [current] : [];
  const added = edit.append.filter((v, i, all) => !existing.includes(v) && all.indexOf(v) === i);
  if (added.length === 0) return;
  if (!extent) {
    yamlLines.splice(insertAt, 0, ...listLines(edit.key, [], added, "  - "));
    return;
  }
  const first = yamlLines[extent.start] ?? "";
  const inline = first.slice(first.indexOf(":") + 1).trim();
  const itemLines = yamlLines.slice(extent.start + 1, extent.end).filter((l) => /^\s*-(\s|$)/.test(l));
  const flowClose = Array.isArray(current) && inline.startsWith("[") && extent.end === extent.start + 1 ? closingBracket(first) : -1;
  if (flowClose > 0) {
    // Insert before the closing bracket: existing items and a trailing comment stay as written.
    const open = first.indexOf("[") + 1;
    const inner = first.slice(open, flowClose).trimEnd();
    const items = added.map(flowScalar).join(", ");
    const joined = inner.trim() === "" ? items : `${inner}${inner.endsWith(",") ? " " : ", "}${items}`;
    yamlLines[extent.start] = `${first.slice(0, open)}${joined}${first.slice(flowClose)}`;
  } else if (Array.isArray(current) && inline === "" && itemLines.length > 0) {
    const prefix = /^\s*-\s+/.exec(itemLines[0] ?? "")?.[0] ?? "  - ";
    let last = extent.end;
    while (last > extent.start + 1 && (yamlLines[last - 1] ?? "").trim() === "") last--;
    yamlLines.splice(last, 0, ...added.map((v) => `${prefix}${yamlScalar(v)}`));
  } else {
    const keyText = first.slice(0, first.indexOf(":"));
    yamlLines.splice(extent.start, extent.end - extent.start, ...listLines(keyText, existing, added, "  - "));
  }
}

/** Index of the `]` that closes the line's first flow list, skipping quoted text, or -1. */
function closingBracket(line: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = line.indexOf("["); i >= 0 && i < line.length; i++) {
    const ch = line[i];
    if (quote !== null) {
      if (quote === '"' && ch === "\\") i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "[" || ch === "{") depth++;
    else if (ch === "]" || ch === "}") {
      depth--;
      if (depth === 0) return ch === "]" ? i : -1;
    }
  }
  return -1;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function editFrontmatter(text: string, edits: readonly FieldEdit[]): EditResult {
  const parsed = parseFrontmatter(text);
  if (parsed.unreadable) {
    return { ok: false, reason: "its frontmatter cannot be read, so it is not edited (fix the YAML first)" };
  }
  const shape = { ...parsed.shape, lines: [...parsed.shape.lines] };
  const original: Record<string, unknown> = parsed.data ?? {};
  const yamlLines = parsed.block ? shape.lines.slice(1, parsed.block.close) : [];

  let after: Record<string, unknown> = original;
  for (const edit of edits) {
    applyOne(yamlLines, after, edit);
    const reread = parseYaml(yamlLines.join("\n"));
    if (!reread.ok || typeof reread.value !== "object" || reread.value === null || Array.isArray(reread.value)) {
      return { ok: false, reason: `editing "${edit.key}" line by line would break the YAML` };
    }
    after = reread.value as Record<string, unknown>;
  }

  const edited = new Set(edits.map((e) => e.key));
  for (const key of new Set([...Object.keys(original), ...Object.keys(after)])) {
    if (!edited.has(key) && !same(original[key], after[key])) {
      return { ok: false, reason: `editing would change "${key}" too, so nothing was written` };
    }
  }
  for (const edit of edits) {
    const value = after[edit.key];
    const ok = "set" in edit ? value === edit.set : Array.isArray(value) && edit.append.every((v) => value.map(String).includes(v));
    if (!ok) return { ok: false, reason: `"${edit.key}" could not be written as a plain value` };
  }

  if (parsed.block) shape.lines.splice(1, parsed.block.close - 1, ...yamlLines);
  else shape.lines.unshift("---", ...yamlLines, "---");
  const result = joinShape(shape);
  return { ok: true, text: result, changed: result !== text };
}
