// The clone a `--sync git` run works in (SPEC §7): found from the vault's
// folder and checked before anything is written. Each refusal is one line
// (a GitRefusal: the CLI exits 2, MCP answers a tool error): not a git
// repository, HEAD detached, no upstream, git missing or too old.
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { git, gitLine, gitVersion } from "./git-run";

/** A clone that cannot be synced, or a sync that cannot start: bad input, nothing written. */
export class GitRefusal extends Error {
  constructor(line: string) {
    super(line.split("\n")[0] ?? line);
    this.name = "GitRefusal";
  }
}

export interface Clone {
  /** The work tree's top folder. */
  top: string;
  /** The vault's folder relative to `top`, with a trailing slash ("" when the vault is the top). */
  prefix: string;
  /** The .git folder (absolute). */
  gitDir: string;
  branch: string;
  /** The upstream's remote and its branch: `origin`, `main`. */
  remote: string;
  remoteBranch: string;
  /** `origin/main`, as `git rev-parse` names it. */
  upstream: string;
}

/** The folders of .git a rebase in progress keeps its state in (the merge backend's, the apply backend's). */
export const REBASE_DIRS = ["rebase-merge", "rebase-apply"] as const;

/**
 * The branch a rebase in progress is on (HEAD is detached while it runs).
 * A synced write killed in its rebase leaves one; the clone's lock aborts it
 * (clone-lock.ts), so the clone must still open.
 */
function rebasedBranch(gitDir: string): string | null {
  for (const dir of REBASE_DIRS) {
    try {
      const name = readFileSync(join(gitDir, dir, "head-name"), "utf8").trim();
      if (name.startsWith("refs/heads/")) return name.slice("refs/heads/".length);
    } catch {
      /* no rebase of that kind */
    }
  }
  return null;
}

async function line(cwd: string, args: string[]): Promise<string | null> {
  const r = await git(cwd, args);
  return r.code === 0 ? r.stdout.trim() : null;
}

export async function openClone(vaultDir: string): Promise<Clone> {
  // git's version and where the clone is, at once; HEAD's branch in the same rev-parse ("HEAD" when detached).
  const [version, inside] = await Promise.all([gitVersion(vaultDir), git(vaultDir, ["rev-parse", "--show-toplevel", "--show-prefix", "--git-dir", "--symbolic-full-name", "HEAD"]).catch(() => null)]);
  if (!version.ok) throw new GitRefusal(version.line);
  if (inside === null || inside.code !== 0) {
    // An unborn branch has no HEAD to name: asked again without it, so the line says what is wrong.
    const again = await git(vaultDir, ["rev-parse", "--show-toplevel"]);
    if (again.code === 0) throw new GitRefusal(`--sync git: ${vaultDir} has no commit yet; nothing to sync (${inside === null ? "git failed" : gitLine(inside)})`);
    throw new GitRefusal(`--sync git: ${vaultDir} is not in a git repository (${gitLine(again)})`);
  }
  const [top = "", prefix = "", gitDirRaw = "", head = ""] = inside.stdout.split("\n");
  const gitDir = isAbsolute(gitDirRaw) ? gitDirRaw : join(vaultDir, gitDirRaw);
  const branch = head.startsWith("refs/heads/") ? head.slice("refs/heads/".length) : rebasedBranch(gitDir);
  if (branch === null) throw new GitRefusal("--sync git: HEAD is detached; check out the branch to sync (git switch <branch>)");
  // One call for both keys: every git run costs a process.
  const keys = (await line(top, ["config", "--get-regexp", `^branch\\.${branch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(remote|merge)$`])) ?? "";
  const value = (key: string) => new RegExp(`\\.${key} (.*)$`, "m").exec(keys)?.[1] ?? null;
  const remote = value("remote");
  const merge = value("merge");
  if (remote === null || merge === null || remote === ".") {
    throw new GitRefusal(`--sync git: branch ${branch} has no upstream; set one (git branch --set-upstream-to=origin/${branch})`);
  }
  const remoteBranch = merge.replace(/^refs\/heads\//, "");
  return { top, prefix, gitDir, branch, remote, remoteBranch, upstream: `${remote}/${remoteBranch}` };
}
