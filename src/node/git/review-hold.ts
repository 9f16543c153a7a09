// A source in review (SPEC §7 "Extractions that go through review") is held
// while its branch is on the remote, whatever its lease says: the remote's
// branches decide (fetched into REVIEW_REFS with the upstream, pruned, so a
// deleted branch stops counting), never a field someone
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

/** Where the review branches fetched with the upstream are kept in the clone (pruned on every fetch). */
export const REVIEW_REFS = "refs/source-queue/review/";

/**
 * The remote's branches a write knows of: those starting with `prefix` (all
 * of them when it is "", read with `git ls-remote --heads`). A branch outside
 * that is asked of the remote on its own.
 */
export interface RemoteHeads {
  prefix: string;
  names: Set<string>;
}

/** The fixed start of the reviewBranch template ("extract/" of "extract/{{slug}}"), fetched with the upstream; null when it has none a refspec can name. */
export function reviewPrefix(template: string | undefined): string | null {
  const t = template ?? DEFAULT_SETTINGS.reviewBranch;
  const prefix = t.includes("{{") ? t.slice(0, t.indexOf("{{")) : t;
  return /^[A-Za-z0-9_-][A-Za-z0-9._/-]*$/.test(prefix) && !/\.\.|\/\/|\.lock(\/|$)|\/\./.test(prefix) ? prefix : null;
}

/** `git ls-remote --heads` output → the branch names. */
export function headsOf(lsRemote: string): Set<string> {
  const refs = lsRemote.split("\n").map((l) => l.split("\t")[1] ?? "");
  return new Set(refs.filter((ref) => ref.startsWith("refs/heads/")).map((ref) => ref.slice("refs/heads/".length)));
}

/** The branch `source` is in review on, when its review_branch or the setting's name for it is open on the remote; else null. `ask` says whether a branch the heads do not cover is there. */
export async function openReviewOf(clone: Clone, template: string | undefined, source: string, heads: RemoteHeads, ask: (branch: string) => Promise<boolean>): Promise<OpenReview | null> {
  let data: Record<string, unknown> | null = null;
  try {
    data = parseFrontmatter(readFileSync(join(clone.top, clone.prefix, source), "utf8")).data;
  } catch {
    // no such note: the write itself says so
  }
  const field = typeof data?.[REVIEW_FIELD] === "string" ? (data[REVIEW_FIELD]) : null;
  for (const branch of [field, reviewBranchOf(template ?? DEFAULT_SETTINGS.reviewBranch, source)]) {
    if (branch === null || branch === "") continue;
    const open = branch.startsWith(heads.prefix) ? heads.names.has(branch) : await ask(branch);
    if (open) return { branch, by: typeof data?.processed_by === "string" ? data.processed_by : null };
  }
  return null;
}
