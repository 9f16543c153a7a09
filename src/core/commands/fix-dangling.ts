// `validate --fix-dangling` (SPEC §2 rule 9): the dangling entries of each
// source's `claims_extracted` taken out, one line each, through the port's
// atomic edit and the line editor (SPEC §8), so the next extraction proposes
// those claims again. No note is deleted; nothing else in a source changes.
import type { ClaimIndex } from "../claims/claim-index";
import { listedClaims } from "../claims/claim-input";
import { isDangling } from "../claims/dangling";
import { parseFrontmatter } from "../note/parse-frontmatter";
import { removeListItems } from "../note/frontmatter-list-remove";
import type { VaultPort } from "../note/vault-port";
import { messageOf } from "../text/error-message";

export interface FixedSource {
  path: string;
  /** The entries taken out, as written. */
  removed: string[];
  /** Why the source was left as it is, when it was (its YAML cannot be edited line by line, it is gone). */
  error: string | null;
}

/**
 * @param sources the queue sources to look at, each with what its `claims_extracted` lists.
 */
export async function fixDangling(port: VaultPort, sources: Iterable<{ path: string; listed: readonly string[] }>, claims: ClaimIndex): Promise<FixedSource[]> {
  const out: FixedSource[] = [];
  for (const { path, listed } of sources) {
    if (!listed.some((e) => isDangling(e, claims))) continue;
    const removed: string[] = [];
    try {
      // The entries are judged again on the text read under the lock: the note may have changed since it was listed.
      await port.edit(path, (text) => {
        const result = removeListItems(text, "claims_extracted", (item) => isDangling(item, claims));
        if (!result.ok) throw new Error(result.reason);
        removed.splice(0, removed.length, ...(result.changed ? listedClaims(parseFrontmatter(text).data ?? {}).filter((e) => isDangling(e, claims)) : []));
        return result.changed ? result.text : null;
      });
      if (removed.length > 0) out.push({ path, removed, error: null });
    } catch (err) {
      out.push({ path, removed: [], error: messageOf(err) });
    }
  }
  return out;
}

/** One line per source, as the CLI prints it. */
export function fixedLine(f: FixedSource): string {
  if (f.error !== null) return `${f.path}: left as it is: ${f.error}`;
  const n = f.removed.length;
  return `${f.path}: removed ${n} dangling claims_extracted entr${n === 1 ? "y" : "ies"} (${f.removed.map((e) => `"${e}"`).join(", ")})`;
}
