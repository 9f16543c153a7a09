// The clone's lock for synced writes (SPEC §7, §8 across the push). One
// source-queue process works in a clone at a time (the note lock of the
// .git folder); and because kill -9 can stop it inside a git command, the
// next holder clears what a dead one's git left: its lock files
// (index.lock, ref locks) and a rebase it was in the middle of. Without
// that, every later git command of the clone fails on "index.lock exists"
// and the agent is stuck until someone deletes it by hand.
//
// Only what the dead holder's own session made is cleared: the holder file
// records our pid when we take the lock; a lock file or rebase folder older
// than a dead holder's record may be a person's git at work, and stays.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withNoteLock } from "../note-lock";
import { processAlive } from "../temp-files";
import { type Clone, GitRefusal, REBASE_DIRS } from "./git-clone";
import { git } from "./git-run";

/** Git's lock files in the .git folder and under refs/, with when they were made. */
function gitLockFiles(gitDir: string): { path: string; made: number }[] {
  const found: { path: string; made: number }[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (name.endsWith(".lock")) {
        try {
          found.push({ path, made: statSync(path).mtimeMs });
        } catch {
          /* gone meanwhile */
        }
      } else if (depth > 0 && (dir !== gitDir || name === "refs")) walk(path, depth - 1);
    }
  };
  walk(gitDir, 8);
  return found;
}

/** What a killed holder's git left, cleared: lock files made during its session, then a rebase it had started (aborted, as the write would have). */
async function clearDeadHolder(clone: Clone, since: number): Promise<void> {
  for (const lock of gitLockFiles(clone.gitDir)) if (lock.made >= since) rmSync(lock.path, { force: true });
  for (const dir of REBASE_DIRS) {
    const path = join(clone.gitDir, dir);
    if (existsSync(path) && statSync(path).mtimeMs >= since) {
      const aborted = await git(clone.top, ["rebase", "--abort"]);
      if (aborted.code !== 0) rmSync(path, { recursive: true, force: true });
    }
  }
  // A rebase killed as it finished can leave HEAD detached with no rebase to abort: HEAD goes back on the branch (whose ref holds our
  // commit, rebased or not), the index with it; the notes left changed are put back by the recovery that follows (its journal).
  if ((await git(clone.top, ["symbolic-ref", "-q", "HEAD"])).code !== 0) {
    await git(clone.top, ["symbolic-ref", "HEAD", `refs/heads/${clone.branch}`]);
    await git(clone.top, ["reset", "-q"]);
  }
}

/** Run `fn` as the clone's one synced writer. */
export function withCloneLock<T>(clone: Clone, fn: () => Promise<T>): Promise<T> {
  const dir = join(clone.gitDir, "source-queue");
  return withNoteLock(join(dir, "locks"), clone.gitDir, async () => {
    const holderFile = join(dir, "holder");
    let previous: { pid: number; since: number } | null = null;
    try {
      const pid = Number(readFileSync(holderFile, "utf8").trim());
      previous = { pid, since: statSync(holderFile).mtimeMs - 1000 };
    } catch {
      previous = null; // released cleanly, or never held
    }
    if (previous !== null && !processAlive(previous.pid)) await clearDeadHolder(clone, previous.since);
    // Someone's own rebase (not a dead holder's): our commits must not land in the middle of it.
    if (REBASE_DIRS.some((d) => existsSync(join(clone.gitDir, d)))) {
      throw new GitRefusal("--sync git: a rebase is in progress in the clone; finish it (git rebase --continue) or abort it (git rebase --abort) first");
    }
    writeFileSync(holderFile, String(process.pid));
    try {
      return await fn();
    } finally {
      rmSync(holderFile, { force: true });
    }
  });
}
