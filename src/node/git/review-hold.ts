// A source in review (SPEC §7 "Extractions that go through review") is held
// while its branch is on the remote, whatever its lease says: the remote's
// branches decide, read with `git ls-remote --heads`, never a field someone
// must keep editing. The claim's review_branch field only names the branch
// (for the sidebar, and in case the reviewBranch setting changed since).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFrontmatter } from "../../core/note/parse-frontmatter";
import { DEFAULT_SETTINGS } from "../../core/note/settings";
import { REVIEW_FIELD, reviewBranchOf } from "../../core/writes/source-lease";
import type { Clone } from "./git-clone";

/** The source's extraction is in review (its branch is open on the remote): nothing on the upstream branch may touch it. */
export class SourceInReview extends Error {
  constructor(
    readonly source: string,
    readonly branch: string,
    readonly by: string | null,
  ) {
    super(`${source} is in review on the branch ${branch}${by === null ? "" : ` (${by})`}; nothing written until that branch is merged or deleted`);
    this.name = "SourceInReview";
  }
}

export interface OpenReview {
  branch: string;
  /** processed_by of the source: the agent whose extraction is in review. */
  by: string | null;
}

/** `git ls-remote --heads` output → the branch names. */
export function headsOf(lsRemote: string): Set<string> {
  const refs = lsRemote.split("\n").map((l) => l.split("\t")[1] ?? "");
  return new Set(refs.filter((ref) => ref.startsWith("refs/heads/")).map((ref) => ref.slice("refs/heads/".length)));
}

/** The branch `source` is in review on, when its review_branch or the setting's name for it is among `heads`; else null. */
export function openReviewOf(clone: Clone, template: string | undefined, source: string, heads: ReadonlySet<string>): OpenReview | null {
  if (heads.size <= 1) return null; // only the upstream branch: nothing is in review
  let data: Record<string, unknown> | null = null;
  try {
    data = parseFrontmatter(readFileSync(join(clone.top, clone.prefix, source), "utf8")).data;
  } catch {
    // no such note: the write itself says so
  }
  const field = typeof data?.[REVIEW_FIELD] === "string" ? (data[REVIEW_FIELD]) : null;
  const branch = [field, reviewBranchOf(template ?? DEFAULT_SETTINGS.reviewBranch, source)].find((b): b is string => b !== null && heads.has(b));
  return branch === undefined ? null : { branch, by: typeof data?.processed_by === "string" ? data.processed_by : null };
}
