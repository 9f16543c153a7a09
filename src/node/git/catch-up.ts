// Before a synced write (SPEC §7): the clone caught up with its remote in
// one round trip. One `git fetch --prune` brings the upstream branch and the
// review branches (the reviewBranch template's fixed prefix, so a review
// deleted on the remote stops counting without an `ls-remote`), one `git
// status` says where HEAD is and which notes the user left uncommitted, and
// `git merge --ff-only` moves the clone when it is behind.
import { type Clone, GitRefusal } from "./git-clone";
import { cloneState, keptNotes, shown } from "./clone-notes";
import { git, gitLine, type GitResult } from "./git-run";
import { headsOf, type RemoteHeads, REVIEW_REFS, reviewPrefix } from "./review-hold";

/** Where a write starts, once the clone caught up with its remote. */
export interface Start {
  base: string;
  /** The notes the user left uncommitted (kept as they are), relative to the work tree's top. */
  kept: string[];
  heads: RemoteHeads;
}

/**
 * One round trip: the upstream branch and the review branches fetched
 * (pruned: a branch deleted on the remote stops counting), then the clone
 * fast-forwarded. Refused, in one line, when the clone has commits of its
 * own (they would be pushed with ours), staged notes, or uncommitted
 * changes to a note the remote changed (git will not overwrite them).
 */
/** Told just before the fast-forward (HEAD and the user's kept notes) and once it is done: the sync journal brackets it. */
export interface AroundMerge {
  before: (head: string, kept: string[]) => void;
  after: () => void;
}

export async function catchUp(clone: Clone, reviewBranch: string | undefined, around?: AroundMerge): Promise<Start> {
  const run = (args: string[]) => git(clone.top, args);
  /** Its output, or a refusal that says why (the remote not reached, most likely). */
  const must = async (args: string[]) => {
    const r = await run(args);
    if (r.code !== 0) throw new GitRefusal(`--sync git: ${remoteProblem(r, clone)}`);
    return r.stdout.trim();
  };
  const prefix = reviewPrefix(reviewBranch);
  const tracking = `refs/remotes/${clone.remote}/${clone.remoteBranch}`;
  const specs = [`+refs/heads/${clone.remoteBranch}:${tracking}`, ...(prefix === null ? [] : [`+refs/heads/${prefix}*:${REVIEW_REFS}${prefix}*`])];
  const fetched = await run(["fetch", "-q", "--prune", "--no-tags", clone.remote, ...specs]);
  if (fetched.code !== 0) throw new GitRefusal(`--sync git: ${remoteProblem(fetched, clone)}`);
  const [state, refs] = await Promise.all([cloneState(clone), run(["for-each-ref", "--format=%(objectname) %(refname)", tracking, REVIEW_REFS])]);
  const kept = keptNotes(state);
  let upstream = "";
  const names = new Set<string>();
  for (const line of refs.stdout.split("\n")) {
    const [oid = "", ref = ""] = line.split(" ");
    if (ref === tracking) upstream = oid;
    else if (ref.startsWith(REVIEW_REFS)) names.add(ref.slice(REVIEW_REFS.length));
  }
  const heads: RemoteHeads = prefix === null ? { prefix: "", names: headsOf(await must(["ls-remote", "--heads", clone.remote])) } : { prefix, names };
  if (upstream === "" || state.head === upstream) return { base: state.head, kept, heads };
  let ahead = state.ahead;
  if (state.upstream !== clone.upstream) {
    const counted = (await must(["rev-list", "--left-right", "--count", `HEAD...${tracking}`])).split(/\s+/);
    ahead = Number(counted[0] ?? 0);
  }
  if (ahead > 0) throw new GitRefusal(`--sync git: ${clone.branch} has ${ahead} commit(s) not on ${clone.upstream}; push or drop them first`);
  around?.before(state.head, kept);
  const merged = await run(["merge", "-q", "--ff-only", tracking]);
  around?.after();
  if (merged.code !== 0) throw new GitRefusal(`--sync git: ${overwritten(merged) ?? remoteProblem(merged, clone)}`);
  return { base: upstream, kept, heads };
}

/** git refusing to overwrite uncommitted changes (a fast-forward, a reset): the line that says so and names the notes. */
export function overwritten(r: GitResult): string | null {
  if (!/would be overwritten|untracked working tree files would be|not uptodate/i.test(r.stderr)) return null;
  const files = r.stderr.split("\n").filter((l) => l.startsWith("\t")).map((l) => l.trim());
  return `the remote changed notes that have uncommitted changes in the clone (${shown(files.length > 0 ? files : ["?"])}); commit or stash them first; nothing written`;
}

/** What went wrong between the clone and its remote, in one line. */
export function remoteProblem(r: GitResult, clone: Clone): string {
  const text = `${r.stderr}\n${r.stdout}`;
  if (/Could not read from remote|unable to access|does not appear to be a git repository|Could not resolve host|Connection refused|No such file or directory/i.test(text)) {
    return `cannot reach the remote ${clone.remote} (${gitLine(r)})`;
  }
  if (/Not possible to fast-forward|diverg/i.test(text)) return `${clone.branch} has diverged from ${clone.remote}/${clone.remoteBranch}; it cannot be fast-forwarded (${gitLine(r)})`;
  return gitLine(r);
}
