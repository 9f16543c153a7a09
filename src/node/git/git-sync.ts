// `--sync git` (SPEC §7 "Agents on many machines"): one write of the queue
// as one commit pushed to the clone's upstream, counted only once the push
// succeeds. Under a lock of the clone: finish what a killed run left
// (sync-journal.ts), refuse uncommitted notes, fast-forward, write, commit
// the notes the write changed, push; a rejected push is rebased and tried
// again, and when the rebased result shows the source taken (another agent
// holds it, or its lines could not merge) our commit is dropped and the
// clone left clean at the remote's head. Never a force-push, a merge commit
// or conflict markers: a rebase that stops is aborted.
import { nodeNow } from "../test-clock";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { parseFrontmatter } from "../../core/note/parse-frontmatter";
import { normalizeStatus } from "../../core/note/source-fields";
import { holdOf } from "../../core/writes/source-lease";
import { writeStep } from "../fault-injection";
import { withCloneLock } from "./clone-lock";
import { type Clone, GitRefusal, openClone } from "./git-clone";
import { git, gitLine, type GitResult } from "./git-run";
import { headsOf, type OpenReview, openReviewOf, SourceInReview } from "./review-hold";
import { type SyncRecord, SyncJournal } from "./sync-journal";

export { SourceInReview } from "./review-hold";

/** The race was lost: another agent holds the source, or it changed on the remote in lines this write also changed. */
export class SourceTaken extends Error {
  constructor(
    readonly source: string,
    readonly by: string | null,
  ) {
    super(by === null ? `${source} changed on the remote under this write; nothing written, read it again` : `taken by ${by}: ${source}; nothing written`);
    this.name = "SourceTaken";
  }
}

/** Other agents kept pushing first for as long as a write is tried again: not bad input, a refusal to try again later. */
export class RemoteBusy extends Error {
  constructor(readonly attempts: number) {
    super(`--sync git: the push was rejected ${attempts} times (other agents kept pushing first); nothing written, try again`);
    this.name = "RemoteBusy";
  }
}

export interface SyncedWrite<T> {
  /** The vault path of the source the write is about (null: known only from the result, see sourceOf). */
  source: string | null;
  /** The source, from the result, when the write chose it (a claim of whatever is next). */
  sourceOf?: (result: T) => string | null;
  /** The agent writing, when known: a rival holder is told from it. */
  agent: string | null;
  run: () => Promise<T>;
  /** The commit message's subject, from the result and the notes it changed. */
  subject: (result: T, files: readonly ChangedNote[]) => string;
}

export interface GitSyncOptions {
  /** Rejected pushes tried again before giving up (with the time limit below, whichever ends first). */
  attempts?: number;
  /** How long rejected pushes are tried again, in ms (default a minute: among racing agents a push goes through long before). */
  retryFor?: number;
  now?: () => Date;
  /** Counts retries (the bench reads it). */
  onRetry?: () => void;
  /** The `reviewBranch` setting: a source whose branch is open on the remote is in review (SPEC §7). */
  reviewBranch?: string;
}

export interface ChangedNote {
  /** Relative to the work tree's top. */
  path: string;
  /** A note the write created. */
  created: boolean;
}

/** "extract <source>: N claims", N the notes the extraction created. */
export const extractSubject = (source: string, files: readonly ChangedNote[]): string => {
  const made = files.filter((f) => f.created).length;
  return `extract ${source}: ${made} claim${made === 1 ? "" : "s"}`;
};

const REJECTED = /\[rejected\]|\(fetch first\)|non-fast-forward|\[remote rejected\].*(cannot lock ref|failed to update ref)|stale info/;

export class GitSync {
  private clone: Clone | null = null;
  private readonly now: () => Date;

  constructor(
    private readonly vaultDir: string,
    private readonly opts: GitSyncOptions = {},
  ) {
    this.now = opts.now ?? nodeNow;
  }

  /** The clone, checked once: git there and new enough, a repository, a branch with an upstream. */
  async open(): Promise<Clone> {
    this.clone ??= await openClone(this.vaultDir);
    return this.clone;
  }

  private run(args: string[]): Promise<GitResult> {
    if (this.clone === null) throw new Error("the clone is not open");
    return git(this.clone.top, args);
  }

  private async must(args: string[], what: string): Promise<string> {
    const r = await this.run(args);
    if (r.code !== 0) throw new GitRefusal(`${what}: ${gitLine(r)}`);
    return r.stdout.trim();
  }

  /** One synced write, start to end, holding the clone's lock. */
  async write<T>(w: SyncedWrite<T>): Promise<T> {
    const clone = await this.open();
    return withCloneLock(clone, async () => {
      const journal = new SyncJournal(clone.gitDir);
      await this.recover(journal);
      await this.refuseDirty();
      await this.pull(journal);
      if (w.source !== null) await this.refuseInReview(w.source);
      const base = await this.must(["rev-parse", "HEAD"], "--sync git");
      journal.save({ phase: "writing", base, source: w.source, agent: w.agent, pid: process.pid });
      const { result, changed } = await this.runWrite(w, journal);
      if (changed.length === 0) return result;
      const files = changed.map((c) => c.path);
      await this.commit(files, `${w.subject(result, changed)}\n\n${files.map((f) => `- ${f}`).join("\n")}\n`, base, journal);
      writeStep("git committed");
      const commit = await this.must(["rev-parse", "HEAD"], "--sync git");
      const left: SyncRecord = { phase: "committed", base, commit, source: w.sourceOf?.(result) ?? w.source, agent: w.agent, pid: process.pid };
      journal.save(left);
      await this.push(left, journal);
      return result;
    });
  }

  /**
   * The write itself, and the notes it changed. A refused write changed
   * nothing; a failed one was rolled back by its own journal: what is left is
   * not ours to keep. With nothing changed the sync journal is done.
   */
  private async runWrite<T>(w: SyncedWrite<T>, journal: SyncJournal): Promise<{ result: T; changed: ChangedNote[] }> {
    let result: T;
    try {
      result = await w.run();
    } catch (err) {
      await this.discardNotes();
      journal.clear();
      throw err;
    }
    const changed = await this.changedNotes();
    if (changed.length === 0) journal.clear();
    return { result, changed };
  }

  /**
   * `--review` (SPEC §7 "Extractions that go through review"): one write as
   * one commit on the new branch `branch`, started from the upstream's head
   * (which holds the claim's commit) and pushed under that name, never to the
   * upstream branch; the clone returns to that head whatever happens. Refused
   * when the branch is already on the remote: it is another review, or a
   * stale one of ours, and a push must not add to it.
   */
  async writeToBranch<T>(w: SyncedWrite<T> & { source: string }, branch: string): Promise<{ result: T; base: string; pushed: boolean }> {
    const clone = await this.open();
    return withCloneLock(clone, async () => {
      const journal = new SyncJournal(clone.gitDir);
      await this.recover(journal);
      await this.refuseDirty();
      if ((await this.run(["check-ref-format", "--branch", branch])).code !== 0) throw new GitRefusal(`--sync git --review: "${branch}" is not a branch name git accepts (see the reviewBranch setting)`);
      await this.pull(journal);
      if ((await this.remoteHeads()).has(branch)) {
        throw new GitRefusal(`--sync git --review: the branch ${branch} is already on ${clone.remote} (another review of ${w.source}, or a stale one); nothing written — merge or delete it first`);
      }
      const base = await this.must(["rev-parse", "HEAD"], "--sync git");
      journal.save({ phase: "writing", base, source: w.source, agent: w.agent, branch, pid: process.pid });
      const { result, changed } = await this.runWrite(w, journal);
      if (changed.length === 0) return { result, base, pushed: false };
      const files = changed.map((c) => c.path);
      await this.commit(files, `${w.subject(result, changed)}\n\n${files.map((f) => `- ${f}`).join("\n")}\n`, base, journal);
      writeStep("git committed");
      const left: SyncRecord = { phase: "committed", base, commit: await this.must(["rev-parse", "HEAD"], "--sync git"), source: w.source, agent: w.agent, branch, pid: process.pid };
      journal.save(left);
      await this.pushBranch(left, journal);
      return { result, base: clone.remoteBranch, pushed: true };
    });
  }

  /** The review branch's push; then, pushed or not, the clone back at `base` with its notes clean, so the upstream branch never carries the extraction. */
  private async pushBranch(left: SyncRecord, journal: SyncJournal): Promise<void> {
    const clone = this.clone as Clone;
    const branch = left.branch ?? "";
    writeStep("git push");
    // No --force, and a new ref: a branch of that name already there (a race since our check) is refused by the remote.
    const r = await this.run(["push", "-q", "--porcelain", clone.remote, `${left.commit ?? "HEAD"}:refs/heads/${branch}`]);
    if (r.code === 0) writeStep("git pushed");
    await this.drop(left.base, journal, false);
    if (r.code === 0) return;
    if (REJECTED.test(`${r.stdout}\n${r.stderr}`) || /already exists/.test(r.stderr)) {
      throw new GitRefusal(`--sync git --review: the branch ${branch} appeared on ${clone.remote} meanwhile (another review of ${left.source ?? "the source"}); nothing pushed, the claim stays`);
    }
    throw new GitRefusal(`--sync git --review: ${clone.remote} refused the new branch ${branch} (${remoteProblem(r, clone)}); nothing pushed, the claim stays`);
  }

  /** The remote's branches now (one `git ls-remote --heads`): a review is open while its branch is there. */
  async remoteHeads(): Promise<Set<string>> {
    const clone = await this.open();
    const r = await this.run(["ls-remote", "--heads", clone.remote]);
    if (r.code !== 0) throw new GitRefusal(`--sync git: ${remoteProblem(r, clone)}`);
    return headsOf(r.stdout);
  }

  /** The branch `source` is in review on, if it is open on the remote (review-hold.ts). */
  reviewOf(source: string, heads: ReadonlySet<string>): OpenReview | null {
    return openReviewOf(this.clone as Clone, this.opts.reviewBranch, source, heads);
  }

  private async refuseInReview(source: string): Promise<void> {
    const review = this.reviewOf(source, await this.remoteHeads());
    if (review !== null) throw new SourceInReview(source, review.branch, review.by);
  }

  /** Brings the clone to its remote's head without writing: `next` without a claim reads the shared queue. */
  async refresh(): Promise<void> {
    const clone = await this.open();
    await withCloneLock(clone, async () => {
      const journal = new SyncJournal(clone.gitDir);
      await this.recover(journal);
      await this.refuseDirty();
      await this.pull(journal);
    });
  }

  /** What a killed run left (SPEC §8 across the push): a write not committed is dropped; a commit not pushed is pushed, or dropped. */
  private async recover(journal: SyncJournal): Promise<void> {
    const left = journal.read();
    if (left === null) return;
    if (left.pulling === true) {
      await this.discardNotes();
      journal.clear();
      return;
    }
    if (left.branch !== undefined) {
      // A review's commit never stays on the upstream branch: pushed to its branch if it was made, then the clone back at its base.
      await this.discardNotes();
      const head = await this.must(["rev-parse", "HEAD"], "--sync git");
      const commit = left.phase === "committed" ? left.commit : head !== left.base ? head : undefined;
      if (commit !== undefined) await this.pushBranch({ ...left, commit }, journal).catch(() => undefined);
      await this.drop(left.base, journal, false);
      return;
    }
    if (left.phase === "writing") {
      await this.discardNotes();
      const head = await this.must(["rev-parse", "HEAD"], "--sync git");
      // Killed between the commit and its record: that commit is ours, and unpushed.
      if (head !== left.base) await this.push({ ...left, phase: "committed", commit: head }, journal).catch(() => undefined);
      journal.clear();
      return;
    }
    await this.push(left, journal).catch(() => undefined);
    journal.clear();
  }

  private async dirtyNotes(): Promise<string[]> {
    return (await this.changedNotes()).map((c) => c.path);
  }

  /** Notes in the vault changed, staged or new and not committed (the config and trash folders left out). */
  private async changedNotes(): Promise<ChangedNote[]> {
    const clone = this.clone as Clone;
    const r = await this.run(["status", "--porcelain", "-z", "--untracked-files=all", "--", clone.prefix === "" ? "." : clone.prefix]);
    if (r.code !== 0) throw new GitRefusal(`--sync git: git status failed: ${gitLine(r)}`);
    const files: ChangedNote[] = [];
    const parts = r.stdout.split("\0");
    for (let i = 0; i < parts.length; i++) {
      const entry = parts[i] ?? "";
      if (entry.length < 4) continue;
      const path = entry.slice(3);
      if (entry[0] === "R" || entry[0] === "C") i++; // the next part is the rename's source
      const inVault = path.slice(clone.prefix.length);
      if (!path.toLowerCase().endsWith(".md") || inVault.startsWith(".obsidian/") || inVault.startsWith(".trash/")) continue;
      files.push({ path, created: entry.startsWith("??") || entry[0] === "A" });
    }
    return files;
  }

  private async refuseDirty(): Promise<void> {
    const dirty = await this.dirtyNotes();
    if (dirty.length === 0) return;
    const shown = dirty.slice(0, 3).join(", ") + (dirty.length > 3 ? ` and ${dirty.length - 3} more` : "");
    throw new GitRefusal(`--sync git: the clone has uncommitted changes to notes (${shown}); commit or stash them first`);
  }

  /** Our uncommitted notes put back as HEAD has them: changed ones restored, new ones removed. */
  private async discardNotes(): Promise<void> {
    const files = await this.dirtyNotes();
    if (files.length === 0) return;
    const clone = this.clone as Clone;
    await this.run(["reset", "-q", "--", ...files]);
    const tracked = (await this.run(["ls-files", "-z", "--", ...files])).stdout.split("\0").filter((f) => f !== "");
    if (tracked.length > 0) await this.run(["checkout", "-q", "HEAD", "--", ...tracked]);
    for (const f of files) if (!tracked.includes(f)) rmSync(join(clone.top, f), { force: true });
  }

  /**
   * `git pull --ff-only`; refused when the clone holds commits of its own the
   * remote has not (they would be pushed with ours). A kill inside the
   * fast-forward can leave notes half checked out, so the journal says
   * "writing" from before it: the next command puts them back as HEAD has
   * them (the clean notes it was called with are all there is to keep).
   */
  private async pull(journal: SyncJournal): Promise<void> {
    const clone = this.clone as Clone;
    const before = await this.must(["rev-parse", "HEAD"], "--sync git");
    journal.save({ phase: "writing", base: before, source: null, agent: null, pid: process.pid, pulling: true });
    const r = await this.run(["pull", "-q", "--ff-only", "--no-rebase", clone.remote, clone.remoteBranch]);
    journal.clear();
    if (r.code !== 0) throw new GitRefusal(`--sync git: ${remoteProblem(r, clone)}`);
    const ahead = await this.run(["rev-list", "--count", `${clone.remote}/${clone.remoteBranch}..HEAD`]);
    if (ahead.code === 0 && ahead.stdout.trim() !== "0") {
      throw new GitRefusal(`--sync git: ${clone.branch} has ${ahead.stdout.trim()} commit(s) not on ${clone.remote}/${clone.remoteBranch}; push or drop them first`);
    }
  }

  private async commit(files: string[], message: string, base: string, journal: SyncJournal): Promise<void> {
    writeStep("git commit");
    const added = await this.run(["add", "-A", "--", ...files]);
    const made = added.code === 0 ? await this.run(["commit", "-q", "-m", message]) : added;
    if (made.code !== 0) {
      await this.discardNotes();
      await this.run(["reset", "-q", "--keep", base]);
      journal.clear();
      throw new GitRefusal(`--sync git: the commit was refused (${gitLine(made)}); nothing written`);
    }
  }

  /** Push; a rejection is rebased and tried again; a lost race drops our commit; anything else drops it and says why. */
  private async push(left: SyncRecord, journal: SyncJournal): Promise<void> {
    const clone = this.clone as Clone;
    const attempts = this.opts.attempts ?? 400;
    const until = Date.now() + (this.opts.retryFor ?? 60_000);
    for (let attempt = 0; ; attempt++) {
      writeStep("git push");
      const r = await this.run(["push", "-q", "--porcelain", clone.remote, `HEAD:refs/heads/${clone.remoteBranch}`]);
      if (r.code === 0) {
        writeStep("git pushed");
        // The remote's branch is now our HEAD: the tracking ref says so without another round trip, so the next `ahead` count is true.
        await this.run(["update-ref", `refs/remotes/${clone.remote}/${clone.remoteBranch}`, "HEAD"]);
        journal.clear();
        return;
      }
      if (!REJECTED.test(`${r.stdout}\n${r.stderr}`)) {
        await this.drop(left.base, journal, false);
        throw new GitRefusal(`--sync git: the remote refused the push (${remoteProblem(r, clone)}); nothing written`);
      }
      if (attempt + 1 >= attempts || Date.now() > until) {
        await this.drop(null, journal, true);
        throw new RemoteBusy(attempt + 1);
      }
      this.opts.onRetry?.();
      const fetched = await this.run(["fetch", "-q", clone.remote, clone.remoteBranch]);
      if (fetched.code !== 0) {
        await this.drop(left.base, journal, false);
        throw new GitRefusal(`--sync git: ${remoteProblem(fetched, clone)}`);
      }
      const rival = left.source === null ? null : await this.rivalOf(left.source, left.agent, left.base);
      if (rival !== null) {
        await this.drop(null, journal, true);
        throw new SourceTaken(left.source ?? "", rival);
      }
      const rebased = await this.run(["rebase", "-q", `${clone.remote}/${clone.remoteBranch}`]);
      if (rebased.code !== 0) {
        await this.run(["rebase", "--abort"]);
        await this.drop(null, journal, true);
        throw new SourceTaken(left.source ?? "a note", null);
      }
      left = { ...left, commit: await this.must(["rev-parse", "HEAD"], "--sync git") };
      journal.save(left);
      await pause(attempt);
    }
  }

  /**
   * Who took the source on the remote since `base`, if anyone: a live hold
   * by another agent, or a status the remote finished (processed, null-result)
   * that was not so at `base`.
   */
  private async rivalOf(source: string, agent: string | null, base: string): Promise<string | null> {
    const clone = this.clone as Clone;
    const path = `${clone.prefix}${source}`;
    const theirs = await this.run(["show", `${clone.remote}/${clone.remoteBranch}:${path}`]);
    const ours = await this.run(["show", `${base}:${path}`]);
    if (theirs.code !== 0 || (ours.code === 0 && theirs.stdout === ours.stdout)) return null;
    const data = parseFrontmatter(theirs.stdout).data;
    const hold = holdOf(data, this.now());
    if (hold.held && hold.by !== agent) return hold.by ?? "a curator";
    const status = normalizeStatus(data?.status).value;
    const before = ours.code === 0 ? normalizeStatus(parseFrontmatter(ours.stdout).data?.status).value : null;
    if ((status === "processed" || status === "null-result") && before !== status) return typeof data?.processed_by === "string" ? data.processed_by : "another writer";
    return null;
  }

  /** Our commit dropped: the clone back at `to` (null: the remote's head, as fetched), its notes clean. */
  private async drop(to: string | null, journal: SyncJournal, atRemote: boolean): Promise<void> {
    const clone = this.clone as Clone;
    const target = atRemote || to === null ? `${clone.remote}/${clone.remoteBranch}` : to;
    await this.discardNotes();
    await this.run(["reset", "-q", "--keep", target]);
    journal.clear();
  }
}

function remoteProblem(r: GitResult, clone: Clone): string {
  const text = `${r.stderr}\n${r.stdout}`;
  if (/Could not read from remote|unable to access|does not appear to be a git repository|Could not resolve host|Connection refused|No such file or directory/i.test(text)) {
    return `cannot reach the remote ${clone.remote} (${gitLine(r)})`;
  }
  if (/Not possible to fast-forward|diverg/i.test(text)) return `${clone.branch} has diverged from ${clone.remote}/${clone.remoteBranch}; it cannot be fast-forwarded (${gitLine(r)})`;
  return gitLine(r);
}

/** A short, growing, random wait between retries, so racing agents spread out. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(200, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
