// The real `git` binary (SPEC §7 "Agents on many machines"), run as a child
// process: no library re-implements it. Every call returns its exit code and
// output; the caller decides what a failure means.
import { execFile } from "node:child_process";

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Oldest git this was tried with is 2.39; 2.20 has everything used here (pull --ff-only, rebase, push --porcelain). */
const MIN_VERSION: [number, number] = [2, 20];

/** Runs `git args…` in `cwd`; never throws for a non-zero exit, only returns it. No prompt ever waits for a terminal. */
export function git(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      [...args],
      { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "echo", LC_ALL: "C" } },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : null;
        if (code === null) return reject(err ?? new Error("git failed"));
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The first line of what git said, for one-line refusals. */
export function gitLine(r: GitResult): string {
  const lines = `${r.stderr}\n${r.stdout}`.split("\n").map((l) => l.replace(/^(fatal|error|hint|remote):\s*/, "").trim()).filter((l) => l !== "");
  return lines[0] ?? `git exited with ${r.code}`;
}

/** "git version 2.39.5" → its version, or the line that says why git cannot be used. */
export async function gitVersion(cwd: string): Promise<{ ok: true; version: string } | { ok: false; line: string }> {
  let r: GitResult;
  try {
    r = await git(cwd, ["--version"]);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, line: code === "ENOENT" ? "--sync git needs the git binary on PATH, and none was found" : `--sync git cannot run git: ${(err as Error).message.split("\n")[0]}` };
  }
  const m = /git version (\d+)\.(\d+)/.exec(r.stdout);
  if (r.code !== 0 || m === null) return { ok: false, line: `--sync git cannot read git's version ("${r.stdout.trim() || gitLine(r)}")` };
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major < MIN_VERSION[0] || (major === MIN_VERSION[0] && minor < MIN_VERSION[1])) {
    return { ok: false, line: `--sync git needs git ${MIN_VERSION.join(".")} or newer; this is ${major}.${minor}` };
  }
  return { ok: true, version: `${major}.${minor}` };
}
