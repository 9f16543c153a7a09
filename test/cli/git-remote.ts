// A shared queue in git for the `--sync git` tests (SPEC §7): a bare
// repository holding the demo vault and N clones of it, each with its own
// committer, in a temporary folder; the real git binary throughout.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { BIN, cliEnv, tempDir } from "./run-cli";

export function sh(cwd: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
}

export interface SharedQueue {
  dir: string;
  remote: string;
  clones: string[];
}

/** A bare remote with the demo vault on `main` and `n` clones tracking it. */
export function sharedQueue(n: number, vault = join(import.meta.dirname, "../../demo-vault")): SharedQueue {
  const dir = tempDir("sq-git-");
  const remote = join(dir, "remote.git");
  sh(dir, "init", "-q", "--bare", "-b", "main", remote);
  const seed = join(dir, "seed");
  mkdirSync(seed);
  sh(seed, "init", "-q", "-b", "main");
  cpSync(vault, seed, { recursive: true });
  sh(seed, "add", "-A");
  sh(seed, "-c", "user.name=seed", "-c", "user.email=seed@example.org", "commit", "-q", "-m", "the vault");
  sh(seed, "push", "-q", remote, "main");
  const clones = Array.from({ length: n }, (_, i) => clone({ dir, remote, clones: [] }, `agent-${i + 1}`));
  return { dir, remote, clones };
}

export function clone(q: SharedQueue, name: string): string {
  const path = join(q.dir, name);
  sh(q.dir, "clone", "-q", q.remote, path);
  sh(path, "config", "user.name", name);
  sh(path, "config", "user.email", `${name}@example.org`);
  return path;
}

export interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** The CLI, or any node script, as its own process. */
export function runNode(args: string[], opts: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: cliEnv(opts.env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(opts.input ?? "");
  });
}

export const sq = (args: string[], opts: { input?: string; env?: Record<string, string | undefined> } = {}) => runNode([BIN, ...args], opts);

/** The remote's history: subjects, newest first, and whether any commit has two parents. */
export function history(remote: string): { subjects: string[]; merges: number } {
  const subjects = sh(remote, "log", "--format=%s", "main").split("\n");
  const merges = sh(remote, "rev-list", "--merges", "main").split("\n").filter((l) => l !== "").length;
  return { subjects, merges };
}

/** Notes changed, staged or new in a clone (the plugin's own folder left out). */
export function dirtyNotes(clonePath: string): string[] {
  return sh(clonePath, "status", "--porcelain", "--untracked-files=all")
    .split("\n")
    .filter((l) => l !== "" && !l.slice(3).startsWith(".obsidian/"));
}
