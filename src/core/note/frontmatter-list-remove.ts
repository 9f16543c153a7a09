// Taking items out of one frontmatter list, line by line (SPEC §2 rule 9,
// `validate --fix-dangling`): in a block list each removed item's own line
// goes; in a flow list `[a, b]` on one line that line is written again with
// the items left. Every other byte stays. Like the editor, the result is
// parsed again and refused if any other field, or any item kept, would read
// differently.
import { joinShape } from "./frontmatter-block";
import { extentsOf, type EditResult } from "./frontmatter-edit";
import { parseFrontmatter } from "./parse-frontmatter";
import { parseYaml, yamlDoubleQuoted, yamlScalar } from "./yaml";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const FLOW_UNSAFE = /[,[\]{}]/;

/**
 * The text with the items of the list `key` for which `drop` is true taken
 * out (a string item, as YAML reads it). No item dropped: no change. The last
 * occurrence of a duplicated key is the one edited (the one that counts).
 */
export function removeListItems(text: string, key: string, drop: (item: string) => boolean): EditResult {
  const parsed = parseFrontmatter(text);
  if (parsed.unreadable) return { ok: false, reason: "its frontmatter cannot be read, so it is not edited (fix the YAML first)" };
  const list = parsed.data?.[key];
  if (!parsed.block || !parsed.data || !Array.isArray(list)) return { ok: true, text, changed: false };
  const kept = list.filter((item) => typeof item !== "string" || !drop(item));
  if (kept.length === list.length) return { ok: true, text, changed: false };
  const shape = { ...parsed.shape, lines: [...parsed.shape.lines] };
  const yamlLines = shape.lines.slice(1, parsed.block.close);
  const extent = extentsOf(yamlLines).filter((e) => e.key === key).pop();
  if (!extent) return { ok: false, reason: `${key} was not found line by line` };
  const head = yamlLines[extent.start] ?? "";
  const flow = /^[^:]+:\s*\[.*\]\s*(#.*)?$/.test(head);
  if (flow) {
    const items = kept.map((item) => (typeof item === "string" ? (FLOW_UNSAFE.test(item) ? yamlDoubleQuoted(item) : yamlScalar(item)) : JSON.stringify(item)));
    const comment = /\]\s*(#.*)$/.exec(head)?.[1];
    yamlLines[extent.start] = `${head.slice(0, head.indexOf(":") + 1)} [${items.join(", ")}]${comment ? ` ${comment}` : ""}`;
  } else {
    // One item per `- ` line: a line goes when the item it holds is one to drop.
    for (let i = extent.end - 1; i > extent.start; i--) {
      const line = yamlLines[i] ?? "";
      const item = /^\s*-\s+(.*)$/.exec(line)?.[1];
      if (item === undefined) continue;
      const read = parseYaml(`x: ${item}`);
      const value = read.ok ? (read.value as Record<string, unknown>).x : undefined;
      if (typeof value === "string" && drop(value)) yamlLines.splice(i, 1);
    }
    // Every item gone: an empty list, not a key that reads as null.
    if (kept.length === 0) yamlLines[extent.start] = `${head.slice(0, head.indexOf(":") + 1)} []`;
  }
  const reread = parseYaml(yamlLines.join("\n"));
  if (!reread.ok || typeof reread.value !== "object" || reread.value === null || Array.isArray(reread.value)) {
    return { ok: false, reason: `removing items of ${key} line by line would break the YAML` };
  }
  const after = reread.value as Record<string, unknown>;
  for (const k of new Set([...Object.keys(parsed.data), ...Object.keys(after)])) {
    if (!same(k === key ? kept : parsed.data[k], after[k])) return { ok: false, reason: `removing items of ${key} would change "${k}" too, so nothing was written` };
  }
  shape.lines.splice(1, parsed.block.close - 1, ...yamlLines);
  return { ok: true, text: joinShape(shape), changed: true };
}
