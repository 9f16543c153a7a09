// A rejected push (SPEC §7): did another writer take the source meanwhile?
// Read from the remote's head as fetched and the commit the write started
// from, with `git show`: a live hold by another agent, or a status the
// remote finished, means our write lost the race.
import { parseFrontmatter } from "../../core/note/parse-frontmatter";
import { normalizeStatus } from "../../core/note/source-fields";
import { holdOf } from "../../core/writes/source-lease";
import type { Clone } from "./git-clone";
import { git } from "./git-run";

/**
 * Who took the source on the remote since `base`, if anyone: a live hold
 * by another agent, or a status the remote finished (processed, null-result)
 * that was not so at `base`.
 */
export async function rivalOf(clone: Clone, source: string, agent: string | null, base: string, now: Date): Promise<string | null> {
  const path = `${clone.prefix}${source}`;
  const [theirs, ours] = await Promise.all([git(clone.top, ["show", `${clone.remote}/${clone.remoteBranch}:${path}`]), git(clone.top, ["show", `${base}:${path}`])]);
  if (theirs.code !== 0 || (ours.code === 0 && theirs.stdout === ours.stdout)) return null;
  const data = parseFrontmatter(theirs.stdout).data;
  const hold = holdOf(data, now);
  if (hold.held && hold.by !== agent) return hold.by ?? "a curator";
  const status = normalizeStatus(data?.status).value;
  const before = ours.code === 0 ? normalizeStatus(parseFrontmatter(ours.stdout).data?.status).value : null;
  if ((status === "processed" || status === "null-result") && before !== status) return typeof data?.processed_by === "string" ? data.processed_by : "another writer";
  return null;
}
