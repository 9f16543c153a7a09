// The vault's notes as `conventions` and a detected reason field read them
// (SPEC §1, the vault's conventions): each Markdown note's frontmatter, read
// once. A note that cannot be read or parsed is counted as having none.
import { parseFrontmatter } from "../core/note/parse-frontmatter";
import type { ConventionNote } from "../core/commands/conventions";

/** What this reading needs of the file-system adapter. */
export interface NoteReader {
  markdownFiles(folder?: string): string[];
  readListedStamped(path: string): { text: string };
}

/** Every Markdown note of the vault (or of `folder`) with its frontmatter. */
export function conventionNotes(vault: NoteReader, folder = ""): ConventionNote[] {
  const out: ConventionNote[] = [];
  for (const path of vault.markdownFiles(folder)) {
    let data: Record<string, unknown> | null = null;
    try {
      data = parseFrontmatter(vault.readListedStamped(path).text).data ?? null;
    } catch {
      // unreadable: no frontmatter to count
    }
    out.push({ path, data });
  }
  return out;
}
