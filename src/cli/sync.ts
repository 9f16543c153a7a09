// `--sync git` for the CLI's own verbs (`extract` without --plan, `set`):
// the write goes through the same GitSync as the agent verbs and the MCP
// tools (src/node/git/). A bad clone is a usage error (exit 2); a race lost
// to another agent is exit 1 with "taken by <agent>".
import { FsVault, UsageError } from "../node/fs-vault";
import { GitRefusal } from "../node/git/git-clone";
import { type ChangedNote, GitSync, SourceInReview, SourceTaken } from "../node/git/git-sync";
import type { CommandResult } from "./result";

/** The value of `--sync`: only `git` is known. */
export function syncMode(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value !== "git") throw new UsageError(`--sync: "${value}" is not a sync mode (the one mode is git)`);
  return true;
}

export async function synced(vaultDir: string, source: string, run: () => Promise<CommandResult>, subject: (files: readonly ChangedNote[]) => string): Promise<CommandResult> {
  try {
    const reviewBranch = new FsVault(vaultDir).settings().settings.reviewBranch;
    return await new GitSync(vaultDir, { reviewBranch }).write({ source, agent: null, run, subject: (_r, files) => subject(files) });
  } catch (err) {
    if (err instanceof GitRefusal) throw new UsageError(err.message);
    if (err instanceof SourceTaken || err instanceof SourceInReview) return { code: 1, out: "", err: `source-queue: ${err.message}` };
    throw err;
  }
}
