// Removing fields from a note's frontmatter line by line (SPEC §4 "Toggles",
// §7 `release_source`): the companion of frontmatter-edit.ts, which sets and
// appends but never takes a key away. Only the lines of the removed keys go;
// every other byte stays. Like the editor, the result is parsed again and
// refused if any other field would read differently.
import { joinShape } from "./frontmatter-block";
import { extentsOf, type EditResult } from "./frontmatter-edit";
import { parseFrontmatter } from "./parse-frontmatter";
import { parseYaml } from "./yaml";


const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The text without these top-level keys. Every occurrence of a key goes (a
 * duplicated key whose last copy alone was removed would come back with its
 * earlier value). Keys that are not there are no change.
 */
export function removeFrontmatterKeys(text: string, keys: readonly string[]): EditResult {
  const parsed = parseFrontmatter(text);
  if (parsed.unreadable) return { ok: false, reason: "its frontmatter cannot be read, so it is not edited (fix the YAML first)" };
  if (!parsed.block || !parsed.data) return { ok: true, text, changed: false };
  const shape = { ...parsed.shape, lines: [...parsed.shape.lines] };
  const yamlLines = shape.lines.slice(1, parsed.block.close);
  const drop = new Set(keys);
  const extents = extentsOf(yamlLines).filter((e) => drop.has(e.key));
  if (extents.length === 0) return { ok: true, text, changed: false };
  for (const e of [...extents].reverse()) yamlLines.splice(e.start, e.end - e.start);

  const reread = yamlLines.every((l) => l.trim() === "") ? { ok: true as const, value: {} } : parseYaml(yamlLines.join("\n"));
  if (!reread.ok || typeof reread.value !== "object" || reread.value === null || Array.isArray(reread.value)) {
    return { ok: false, reason: `removing ${keys.join(", ")} line by line would break the YAML` };
  }
  const after = reread.value as Record<string, unknown>;
  for (const key of new Set([...Object.keys(parsed.data), ...Object.keys(after)])) {
    if (drop.has(key) ? key in after : !same(parsed.data[key], after[key])) {
      return { ok: false, reason: `removing ${keys.join(", ")} would change "${key}" too, so nothing was written` };
    }
  }
  shape.lines.splice(1, parsed.block.close - 1, ...yamlLines);
  return { ok: true, text: joinShape(shape), changed: true };
}
