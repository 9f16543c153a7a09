// `--sync git` (SPEC §7 "Agents on many machines"): one write of the queue
// as one commit pushed to the clone's upstream, counted only once the push
// succeeds. Under a lock of the clone: finish what a killed run left
// (sync-journal.ts), fetch and fast-forward (one round trip, review branches
// included), write (never a note the user left uncommitted: clone-notes.ts),
// commit the notes the write changed, push; a rejected push is rebased and tried
// again, and when the rebased result shows the source taken (another agent
// holds it, or its lines could not merge) our commit is dropped and the
// clone left clean at the remote's head. Never a force-push, a merge commit
// or conflict markers: a rebase that stops is aborted.
import { nodeNow } from "../test-clock";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { writeStep } from "../fault-injection";
import { type Clone, GitRefusal, openClone } from "./git-clone";
import { git, gitLine, type GitResult } from "./git-run";
import { withCloneLock } from "./clone-lock";
import { catchUp, overwritten, remoteProblem, type Start } from "./catch-up";
import { type ChangedNote, cloneState, discardNotes, keptLine, refuseKeptSource, withKeptNotes } from "./clone-notes";
import { rivalOf } from "./rival";
import { headsOf, type OpenReview, openReviewOf, type RemoteHeads, SourceInReview } from "./review-hold";
import { type SyncRecord, SyncJournal } from "./sync-journal";

export { SourceInReview } from "./review-hold";
export type { ChangedNote } from "./clone-notes";

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

/** "extract <source>: N claims", N the notes the extraction created. */
export const extractSubject = (source: string, files: readonly ChangedNote[]): string => {
  const made = files.filter((f) => f.created).length;
  return `extract ${source}: ${made} claim${made === 1 ? "" : "s"}`;
};

/** The remote could not take the ref's lock: another push holds it, or a crashed one left it. */
const LOCKED = /cannot lock ref|Unable to create '[^']*\.lock'/;
/** Pushes refused on one lock with the remote's head unchanged before the lock counts as left behind. */
const STUCK_LOCK_TRIES = 8;

const REJECTED = /\[rejected\]|\(fetch first\)|non-fast-forward|\[remote rejected\].*(cannot lock ref|failed to update ref)|stale info/;

export class GitSync {
  private clone: Clone | null = null;
  /** The remote's branches as the last fetch saw them. */
  private heads: RemoteHeads | null = null;
  /** The notes the user left uncommitted, as the last fetch found them (vault paths). */
  private kept: readonly string[] = [];
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
      const { base, kept, heads } = await this.catchUp(clone);
      refuseKeptSource(clone, kept, w.source);
      if (w.source !== null) await this.refuseInReview(w.source, heads);
      journal.save({ phase: "writing", base, source: w.source, agent: w.agent, kept, pid: process.pid });
      const { result, changed } = await this.runWrite(w, journal, kept);
      if (changed.length === 0) return result;
      const files = changed.map((c) => c.path);
      await this.commit(files, `${w.subject(result, changed)}\n\n${files.map((f) => `- ${f}`).join("\n")}\n`, base, journal, kept);
      writeStep("git committed");
      // The commit is HEAD: the journal needs no name for it (recovery pushes HEAD).
      const left: SyncRecord = { phase: "committed", base, source: w.sourceOf?.(result) ?? w.source, agent: w.agent, kept, pid: process.pid };
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
  private async runWrite<T>(w: SyncedWrite<T>, journal: SyncJournal, kept: readonly string[]): Promise<{ result: T; changed: ChangedNote[] }> {
    const clone = this.clone as Clone;
    const ran = await withKeptNotes(clone, kept, w.run);
    if (!ran.ok || ran.tripped !== null) {
      await discardNotes(clone, kept);
      journal.clear();
      if (ran.tripped !== null || ran.ok) throw new GitRefusal(keptLine(ran.tripped ?? "a note"));
      throw ran.error;
    }
    const changed = (await cloneState(clone)).notes.filter((n) => !kept.includes(n.path));
    if (changed.length === 0) journal.clear();
    return { result: ran.result, changed };
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
      if ((await this.run(["check-ref-format", "--branch", branch])).code !== 0) throw new GitRefusal(`--sync git --review: "${branch}" is not a branch name git accepts (see the reviewBranch setting)`);
      const { base, kept, heads } = await this.catchUp(clone);
      refuseKeptSource(clone, kept, w.source);
      if (await this.onRemote(branch, heads)) {
        throw new GitRefusal(`--sync git --review: the branch ${branch} is already on ${clone.remote} (another review of ${w.source}, or a stale one); nothing written — merge or delete it first`);
      }
      journal.save({ phase: "writing", base, source: w.source, agent: w.agent, branch, kept, pid: process.pid });
      const { result, changed } = await this.runWrite(w, journal, kept);
      if (changed.length === 0) return { result, base, pushed: false };
      const files = changed.map((c) => c.path);
      await this.commit(files, `${w.subject(result, changed)}\n\n${files.map((f) => `- ${f}`).join("\n")}\n`, base, journal, kept);
      writeStep("git committed");
      const left: SyncRecord = { phase: "committed", base, commit: await this.must(["rev-parse", "HEAD"], "--sync git"), source: w.source, agent: w.agent, branch, kept, pid: process.pid };
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
    await this.drop(left, journal, false);
    if (r.code === 0) return;
    if (REJECTED.test(`${r.stdout}\n${r.stderr}`) || /already exists/.test(r.stderr)) {
      throw new GitRefusal(`--sync git --review: the branch ${branch} appeared on ${clone.remote} meanwhile (another review of ${left.source ?? "the source"}); nothing pushed, the claim stays`);
    }
    throw new GitRefusal(`--sync git --review: ${clone.remote} refused the new branch ${branch} (${remoteProblem(r, clone)}); nothing pushed, the claim stays`);
  }

  /** The clone caught up with its remote (catch-up.ts); what it found is kept for `remoteHeads` and `uncommitted`. */
  private async catchUp(clone: Clone): Promise<Start> {
    // A kill inside the fast-forward can leave notes half checked out: the journal says so from just before it, so the next command puts them back as HEAD has them (the user's kept notes aside).
    const journal = new SyncJournal(clone.gitDir);
    const start = await catchUp(clone, this.opts.reviewBranch, {
      before: (head, kept) => journal.save({ phase: "writing", base: head, source: null, agent: null, kept, pid: process.pid, pulling: true }),
      after: () => journal.clear(),
    });
    this.heads = start.heads;
    this.kept = start.kept.map((p) => p.slice(clone.prefix.length));
    return start;
  }

  /** The remote's branches as the last fetch saw them (a fetch now when none has run in this process). */
  async remoteHeads(): Promise<RemoteHeads> {
    if (this.heads === null) await this.refresh();
    return this.heads ?? { prefix: "", names: new Set() };
  }

  /** A note with changes the user has not committed (as the last fetch found it): a claim of whatever is next passes it by. */
  uncommitted(path: string): boolean {
    return this.kept.includes(path);
  }

  /** The branch `source` is in review on, if it is open on the remote (review-hold.ts). */
  reviewOf(source: string, heads: RemoteHeads): Promise<OpenReview | null> {
    return openReviewOf(this.clone as Clone, this.opts.reviewBranch, source, heads, (b) => this.onRemote(b, heads));
  }

  /** Whether the remote has the branch: known from the heads fetched, else asked (one `git ls-remote`). */
  private async onRemote(branch: string, heads: RemoteHeads): Promise<boolean> {
    if (branch.startsWith(heads.prefix)) return heads.names.has(branch);
    const clone = this.clone as Clone;
    const r = await this.run(["ls-remote", "--heads", clone.remote, `refs/heads/${branch}`]);
    if (r.code !== 0) throw new GitRefusal(`--sync git: ${remoteProblem(r, clone)}`);
    return headsOf(r.stdout).has(branch);
  }

  private async refuseInReview(source: string, heads: RemoteHeads): Promise<void> {
    const review = await this.reviewOf(source, heads);
    if (review !== null) throw new SourceInReview(source, review.branch, review.by);
  }

  /** Brings the clone to its remote's head without writing: `next` without a claim reads the shared queue. */
  async refresh(): Promise<void> {
    const clone = await this.open();
    await withCloneLock(clone, async () => {
      await this.recover(new SyncJournal(clone.gitDir));
      await this.catchUp(clone);
    });
  }

  /** What a killed run left (SPEC §8 across the push): a write not committed is dropped; a commit not pushed is pushed, or dropped. */
  private async recover(journal: SyncJournal): Promise<void> {
    const left = journal.read();
    if (left === null) return;
    const clone = this.clone as Clone;
    const kept = left.kept ?? [];
    // Killed while picking our commit onto the remote's head: the pick is undone first (never conflict markers left in a note).
    if (existsSync(join(clone.gitDir, "CHERRY_PICK_HEAD"))) await this.run(["cherry-pick", "--abort"]);
    // Whatever the phase, a changed note beside the user's kept ones is the killed run's: a write not committed, a fast-forward
    // cut short, or what a git command cut short left (a rebase's half-applied pick); a made commit holds all the write changed.
    await discardNotes(clone, kept);
    if (left.pulling === true) {
      journal.clear();
      return;
    }
    if (left.branch !== undefined) {
      // A review's commit never stays on the upstream branch: pushed to its branch if it was made, then the clone back at its base.
      const head = await this.must(["rev-parse", "HEAD"], "--sync git");
      const commit = left.commit ?? (head !== left.base ? head : undefined);
      if (commit !== undefined) await this.pushBranch({ ...left, commit }, journal).catch(() => undefined);
      await this.drop(left, journal, false);
      return;
    }
    if (left.phase === "writing") {
      const head = await this.must(["rev-parse", "HEAD"], "--sync git");
      // Killed between the commit and its record: that commit is ours, and unpushed.
      if (head !== left.base) await this.push({ ...left, phase: "committed", commit: head }, journal).catch(() => undefined);
      journal.clear();
      return;
    }
    await this.push(left, journal).catch(() => undefined);
    journal.clear();
  }

  /** The notes the write changed, and only those (`--only`: nothing else the index holds), as one commit. */
  private async commit(files: string[], message: string, base: string, journal: SyncJournal, kept: readonly string[]): Promise<void> {
    writeStep("git commit");
    const added = await this.run(["add", "-A", "--", ...files]);
    const made = added.code === 0 ? await this.run(["commit", "-q", "--only", "-m", message, "--", ...files]) : added;
    if (made.code !== 0) {
      await discardNotes(this.clone as Clone, kept);
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
    // "cannot lock ref" is a race while another push holds the ref; the same head behind it push after push is a lock a crashed git left there.
    const stuck = { head: "", times: 0 };
    for (let attempt = 0; ; attempt++) {
      writeStep("git push");
      // A push to the named remote moves its tracking ref too: the next fetch starts from there.
      const r = await this.run(["push", "-q", "--porcelain", clone.remote, `HEAD:refs/heads/${clone.remoteBranch}`]);
      if (r.code === 0) {
        writeStep("git pushed");
        journal.clear();
        return;
      }
      if (!REJECTED.test(`${r.stdout}\n${r.stderr}`)) {
        await this.drop(left, journal, false);
        throw new GitRefusal(`--sync git: the remote refused the push (${remoteProblem(r, clone)}); nothing written`);
      }
      if (attempt + 1 >= attempts || Date.now() > until) {
        await this.drop(left, journal, true);
        throw new RemoteBusy(attempt + 1);
      }
      this.opts.onRetry?.();
      const fetched = await this.run(["fetch", "-q", "--no-tags", clone.remote, `+refs/heads/${clone.remoteBranch}:refs/remotes/${clone.remote}/${clone.remoteBranch}`]);
      if (fetched.code !== 0) {
        await this.drop(left, journal, false);
        throw new GitRefusal(`--sync git: ${remoteProblem(fetched, clone)}`);
      }
      if (LOCKED.test(r.stderr)) {
        const head = (await this.run(["rev-parse", `refs/remotes/${clone.remote}/${clone.remoteBranch}`])).stdout.trim();
        stuck.times = head === stuck.head ? stuck.times + 1 : 1;
        stuck.head = head;
        if (stuck.times >= STUCK_LOCK_TRIES) {
          await this.drop(left, journal, true);
          throw new GitRefusal(`--sync git: ${clone.remote}'s ${clone.remoteBranch} stays locked (${gitLine(r)}): a git process there stopped in the middle of an update and left its lock file; nothing written. Remove the lock on the remote once no git runs there`);
        }
      }
      const rival = left.source === null ? null : await rivalOf(this.clone as Clone, left.source, left.agent, left.base, this.now());
      if (rival !== null) {
        await this.drop(left, journal, true);
        throw new SourceTaken(left.source ?? "", rival);
      }
      await this.replay(left, journal);
      await pause(attempt);
    }
  }

  /**
   * Our commit onto the remote's head: `git rebase`, or, with notes the user
   * left uncommitted (rebase refuses any), the clone moved to that head
   * (`reset --keep` carries them) and our commit picked onto it. A pick or a
   * rebase that stops is aborted and our commit dropped: the source changed
   * under the write.
   */
  private async replay(left: SyncRecord, journal: SyncJournal): Promise<void> {
    const clone = this.clone as Clone;
    const upstream = `${clone.remote}/${clone.remoteBranch}`;
    if ((left.kept ?? []).length === 0) {
      const rebased = await this.run(["rebase", "-q", upstream]);
      if (rebased.code === 0) return;
      await this.run(["rebase", "--abort"]);
    } else {
      const moved = await this.run(["reset", "-q", "--keep", upstream]);
      if (moved.code !== 0) {
        await this.drop(left, journal, false);
        throw new GitRefusal(`--sync git: ${overwritten(moved) ?? gitLine(moved)}`);
      }
      const picked = await this.run(["cherry-pick", "ORIG_HEAD"]);
      if (picked.code === 0) return;
      await this.run(["cherry-pick", "--abort"]);
    }
    await this.drop(left, journal, true);
    throw new SourceTaken(left.source ?? "a note", null);
  }

  /** Our commit dropped: the clone back at the remote's head as fetched (else at the write's base), the notes the write changed put back, the user's kept. */
  private async drop(left: SyncRecord, journal: SyncJournal, atRemote: boolean): Promise<void> {
    const clone = this.clone as Clone;
    await discardNotes(clone, left.kept ?? []);
    const moved = atRemote ? await this.run(["reset", "-q", "--keep", `${clone.remote}/${clone.remoteBranch}`]) : null;
    // The remote changed a note the user has uncommitted changes in: back to the base; the next write says so.
    if (moved === null || moved.code !== 0) await this.run(["reset", "-q", "--keep", left.base]);
    journal.clear();
  }
}

/** A short, growing, random wait between retries, so racing agents spread out. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(200, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
