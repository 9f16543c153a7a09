// Which notes the vault holds: a walk of its folders as Obsidian lists them
// (its config, the trash and git skipped), leaving out links that lead out of
// the vault and links back to a folder the walk is already inside.
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { isTempName } from "./temp-files";
import type { VaultBounds } from "./vault-bounds";

/** Folders Obsidian itself does not index. */
const SKIP_DIRS = new Set([".obsidian", ".trash", ".git", "node_modules"]);

/** Whether a vault path lies in a folder the vault's listing skips (the app's config, the trash, git). */
export const inSkippedFolder = (path: string): boolean => path.split("/").some((name) => name.startsWith(".") && SKIP_DIRS.has(name));

/**
 * Markdown files under a folder (vault paths), sorted. `sweep` is called with
 * each folder where a temp file was seen, so stale ones are found on the way.
 */
export function listMarkdown(bounds: VaultBounds, folder: string, sweep: (dir: string) => void): string[] {
  const out: string[] = [];
  const start = folder === "" ? bounds.root : join(bounds.root, folder);
  if (!existsSync(start)) return out;
  // A queue folder that is itself a link out of the vault is refused, not listed.
  bounds.assertInsideReal(start);
  const top = relative(bounds.root, start).split(sep).join("/");
  // Vault paths are built as the walk goes down (a prefix per folder), not by path.relative per file.
  // `real` is the folder's real location, to skip a link to a folder the walk is already inside (a loop).
  const walk = (dir: string, prefix: string, real: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // Most entries are plain notes, which need no path built (join() per note is a tenth of a warm list).
      if (entry.isFile()) {
        if (entry.name.toLowerCase().endsWith(".md")) out.push(prefix + entry.name);
        else if (entry.name.endsWith(".tmp") && isTempName(entry.name)) sweep(dir);
        continue;
      }
      if (entry.name.startsWith(".") && SKIP_DIRS.has(entry.name)) continue;
      const full = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let linkReal: string | null = null;
      if (entry.isSymbolicLink()) {
        try {
          bounds.assertInsideReal(full);
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
          if (isDir) linkReal = realpathSync(full);
        } catch {
          continue;
        }
        if (linkReal !== null && (real === linkReal || real.startsWith(linkReal + sep))) continue;
      }
      if (isDir && !SKIP_DIRS.has(entry.name)) walk(full, `${prefix}${entry.name}/`, linkReal ?? join(real, entry.name));
      else if (isFile && entry.name.toLowerCase().endsWith(".md")) out.push(prefix + entry.name);
    }
  };
  walk(start, top === "" ? "" : `${top}/`, realpathSync(start));
  return out.sort();
}
