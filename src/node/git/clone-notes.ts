// The clone's notes as `--sync git` sees them (SPEC §7): one `git status
// --porcelain=v2 --branch` says where HEAD is, how far it is from the
// upstream, and which notes are changed, staged or new. Notes the user left
// uncommitted before a write are theirs: the write may not change them (the
// vault's writer refuses, see guardNotes), and nothing here commits, discards
// or resets them; only the notes the write itself changed are put back.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { guardNotes, realPathOf } from "../fs-vault";
import { type Clone, GitRefusal } from "./git-clone";
import { git, gitLine } from "./git-run";

export interface ChangedNote {
  /** Relative to the work tree's top. */
  path: string;
  /** A note the write created. */
  created: boolean;
  /** Staged in the index (not only changed in the work tree). */
  staged: boolean;
}

export interface CloneState {
  head: string;
  /** `branch.upstream` as status names it, and its ahead/behind counts; null without one. */
  upstream: string | null;
  ahead: number;
  behind: number;
  notes: ChangedNote[];
}

/** One `git status --porcelain=v2 --branch -z` of the vault's folder: HEAD, ahead/behind and the notes changed (the config and trash folders left out). */
export async function cloneState(clone: Clone): Promise<CloneState> {
  const r = await git(clone.top, ["status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all", "--", clone.prefix === "" ? "." : clone.prefix]);
  if (r.code !== 0) throw new GitRefusal(`--sync git: git status failed: ${gitLine(r)}`);
  const state: CloneState = { head: "", upstream: null, ahead: 0, behind: 0, notes: [] };
  const parts = r.stdout.split("\0");
  for (let i = 0; i < parts.length; i++) {
    const entry = parts[i] ?? "";
    if (entry.startsWith("# branch.oid ")) state.head = entry.slice(13);
    else if (entry.startsWith("# branch.upstream ")) state.upstream = entry.slice(18);
    else if (entry.startsWith("# branch.ab ")) {
      const m = /^# branch\.ab \+(\d+) -(\d+)$/.exec(entry);
      state.ahead = Number(m?.[1] ?? 0);
      state.behind = Number(m?.[2] ?? 0);
    } else if (entry.length > 2 && entry[1] === " ") {
      const kind = entry[0];
      // "1 XY sub mH mI mW hH hI path", "2 … X<score> path\0orig", "u XY sub m1 m2 m3 mW h1 h2 h3 path", "? path"
      const fields = kind === "1" ? 8 : kind === "2" ? 9 : kind === "u" ? 10 : kind === "?" ? 1 : -1;
      if (fields < 0) continue;
      const path = entry.split(" ").slice(fields).join(" ");
      if (kind === "2") i++; // the next part is the rename's source
      const xy = kind === "?" ? "??" : entry.slice(2, 4);
      const inVault = path.slice(clone.prefix.length);
      if (!path.toLowerCase().endsWith(".md") || inVault.startsWith(".obsidian/") || inVault.startsWith(".trash/")) continue;
      state.notes.push({ path, created: kind === "?" || xy[0] === "A", staged: kind !== "?" && xy[0] !== "." });
    }
  }
  return state;
}

/** "a.md, b.md, c.md and 2 more" */
export function shown(paths: readonly string[]): string {
  return paths.slice(0, 3).join(", ") + (paths.length > 3 ? ` and ${paths.length - 3} more` : "");
}

/**
 * The notes the user left uncommitted, checked before a write: a staged one
 * is refused (a commit or a rebase would carry the index along), a changed or
 * new one is kept as it is. Returns the kept notes' paths.
 */
export function keptNotes(state: CloneState): string[] {
  const staged = state.notes.filter((n) => n.staged).map((n) => n.path);
  if (staged.length > 0) throw new GitRefusal(`--sync git: the clone has staged changes to notes (${shown(staged)}); commit them or unstage them (git restore --staged) first; nothing written`);
  return state.notes.map((n) => n.path);
}

/** The kept note a write about `source` would change: the source itself. */
export function refuseKeptSource(clone: Clone, kept: readonly string[], source: string | null): void {
  if (source === null) return;
  const path = `${clone.prefix}${source}`;
  if (kept.includes(path)) throw new GitRefusal(keptLine(source));
}

/**
 * Runs `fn` with the kept notes out of every FsVault's reach: a write that
 * would change one is refused before it touches it (and rolled back by its
 * own journal). Returns what `fn` returned or threw, and the note it tried
 * to change, if any (a door may turn the refusal into a result of its own).
 */
export async function withKeptNotes<T>(clone: Clone, kept: readonly string[], fn: () => Promise<T>): Promise<{ ok: true; result: T; tripped: string | null } | { ok: false; error: unknown; tripped: string | null }> {
  const hit: { path: string | null } = { path: null };
  const reals = new Map(kept.map((p) => [realPathOf(join(clone.top, p)), p.slice(clone.prefix.length)]));
  guardNotes(
    reals.size === 0
      ? null
      : (real) => {
          const path = reals.get(real);
          if (path === undefined) return;
          hit.path = path;
          throw new GitRefusal(keptLine(path));
        },
  );
  try {
    const result = await fn();
    return { ok: true, result, tripped: hit.path };
  } catch (error) {
    return { ok: false, error, tripped: hit.path };
  } finally {
    guardNotes(null);
  }
}

/** The refusal of a write that would change `path`, a note with uncommitted changes. */
export function keptLine(path: string): string {
  return `--sync git: ${path} has uncommitted changes in the clone, and this write would change it; commit or stash them first; nothing written`;
}

/** The notes a write changed put back as HEAD has them (changed ones restored, new ones removed); the kept ones left alone. */
export async function discardNotes(clone: Clone, kept: readonly string[]): Promise<void> {
  const files = (await cloneState(clone)).notes.map((n) => n.path).filter((p) => !kept.includes(p));
  if (files.length === 0) return;
  await git(clone.top, ["reset", "-q", "--", ...files]);
  const tracked = (await git(clone.top, ["ls-files", "-z", "--", ...files])).stdout.split("\0").filter((f) => f !== "");
  if (tracked.length > 0) await git(clone.top, ["checkout", "-q", "HEAD", "--", ...tracked]);
  for (const f of files) if (!tracked.includes(f)) rmSync(join(clone.top, f), { force: true });
}
