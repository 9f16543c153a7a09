// `--sync git` (SPEC §7 "Agents on many machines"), with the real git binary:
// agents in their own clones of one bare remote race for the queue until it
// is empty; each source is claimed by exactly one and extracted once, the
// history stays linear, no clone is left dirty. Bad input is one line, exit
// 2, nothing written; a process killed at any step leaves the remote whole
// and the clone recovered by the next command.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { BIN, cleanUp, tempDir } from "./run-cli";
import { clone, dirtyNotes, history, sh, sharedQueue, sq, runNode } from "./git-remote";

// Some twenty clones of the demo vault to remove: more than the default 10 s on a busy machine.
afterAll(cleanUp, 120_000);

const LOOP = join(import.meta.dirname, "../../scripts/agent-loop.mjs");
const SOURCE = "inbox/2026-03-27-sandbagging-scheming-evals.md";
const frontmatter = (path: string) => parseFrontmatter(readFileSync(path, "utf8")).data ?? {};

describe("agents in N clones clear one queue through the remote", () => {
  it("every source claimed by exactly one agent, extracted once, history linear, clones clean", async () => {
    const q = sharedQueue(3);
    const runs = await Promise.all(q.clones.map((c, i) => runNode([LOOP, "--vault", c, "--agent", `agent-${i + 1}`, "--max", "100", "--sync", "git", "--domain", "ai-alignment"])));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const { subjects, merges } = history(q.remote);
    expect(merges).toBe(0);
    const claims = subjects.filter((s) => s.startsWith("claim "));
    const extracts = subjects.filter((s) => s.startsWith("extract "));
    const claimed = claims.map((s) => /^claim (\S+) for/.exec(s)?.[1] ?? "");
    const extracted = extracts.map((s) => /^extract (\S+):/.exec(s)?.[1] ?? "");
    expect(claimed.length).toBeGreaterThan(3);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(new Set(extracted).size).toBe(extracted.length);
    // What each agent says it claimed is what the remote's history holds.
    const said = runs.flatMap((r) => r.stdout.split("\n").filter((l) => l.includes(" claimed ")).map((l) => /claimed (\S+)/.exec(l)?.[1] ?? ""));
    expect(said.sort()).toEqual([...claimed].sort());
    for (const c of q.clones) expect(dirtyNotes(c)).toEqual([]);
    // A fresh clone: no source of the domain is left held, every extracted one lists its claims, which exist.
    const check = clone(q, "checker");
    for (const path of extracted) {
      const data = frontmatter(join(check, path));
      expect(data.status).toBe("processed");
      expect(data).not.toHaveProperty("processing_until");
      for (const title of (data.claims_extracted as string[] | undefined) ?? []) expect(readFileSync(join(check, path), "utf8")).toContain(title.slice(0, 20));
    }
    const left = await sq(["list", "--vault", check, "--json", "--domain", "ai-alignment", "--status", "processing"]);
    expect((JSON.parse(left.stdout) as { sources: unknown[] }).sources).toEqual([]);
  }, 60_000);
});

describe("a curator's edit in between", () => {
  it("is kept: the agent's extraction lands on top of it, without a merge", async () => {
    const q = sharedQueue(2);
    const [agent = "", curator = ""] = q.clones;
    expect((await sq(["next", "--claim", "agent-1", "--vault", agent, "--sync", "git", "--domain", "ai-alignment"])).code).toBe(0);
    const held = sh(agent, "log", "-1", "--format=%s").replace(/^claim (\S+) for.*$/, "$1");
    // The curator pulls, adds a note to the held source's body and pushes.
    sh(curator, "pull", "-q", "--ff-only");
    const file = join(curator, held);
    writeFileSync(file, `${readFileSync(file, "utf8")}\nCurator: check the sample size.\n`);
    sh(curator, "commit", "-qam", "curator note");
    sh(curator, "push", "-q");
    const r = await sq(["extract", held, "--plan", "-", "--vault", agent, "--sync", "git"], { input: JSON.stringify({ agent: "agent-1" }) });
    expect(r.code, r.stderr).toBe(0);
    const text = sh(q.remote, "show", `main:${held}`);
    expect(text).toContain("Curator: check the sample size.");
    expect(text).toContain("status: processed");
    expect(history(q.remote).merges).toBe(0);
    expect(history(q.remote).subjects[0]).toMatch(/^extract .*: \d+ claims?$/);
  }, 30_000);

  it("a claim that loses the race is dropped, \"taken by\" the winner, and the next source claimed instead", async () => {
    const q = sharedQueue(2);
    const [a = "", b = ""] = q.clones;
    // Between agent 1's commit and its push, agent 2 claims the same first source and pushes (a post-commit hook makes the race certain).
    const hook = join(a, ".git", "hooks", "post-commit");
    writeFileSync(hook, `#!/bin/sh\n[ -e "${a}/.git/raced" ] && exit 0\ntouch "${a}/.git/raced"\n"${process.execPath}" "${BIN}" next --claim agent-2 --vault "${b}" --sync git --domain ai-alignment >/dev/null\n`, { mode: 0o755 });
    const r = await sq(["next", "--claim", "agent-1", "--vault", a, "--sync", "git", "--domain", "ai-alignment", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const [mine = "", theirs = ""] = history(q.remote).subjects;
    expect(theirs).toMatch(/ for agent-2$/);
    expect(mine).toMatch(/ for agent-1$/);
    expect(mine.replace(/ for .*/, "")).not.toBe(theirs.replace(/ for .*/, ""));
    expect((JSON.parse(r.stdout) as { source: { path: string } }).source.path).toBe(mine.replace(/^claim (\S+) for.*$/, "$1"));
    expect(history(q.remote).merges).toBe(0);
    expect(dirtyNotes(a)).toEqual([]);
    expect(sh(a, "rev-parse", "HEAD")).toBe(sh(q.remote, "rev-parse", "main"));
  }, 30_000);

  it("a held source changed on the remote in the lines the write changes is answered in one line, our commit dropped", async () => {
    const q = sharedQueue(2);
    const [a = "", b = ""] = q.clones;
    expect((await sq(["next", "--claim", "agent-1", "--vault", a, "--sync", "git", "--domain", "ai-alignment"])).code).toBe(0);
    const held = sh(a, "log", "-1", "--format=%s").replace(/^claim (\S+) for.*$/, "$1");
    sh(b, "pull", "-q", "--ff-only");
    const hook = join(a, ".git", "hooks", "post-commit");
    // After agent 1 commits its release, a curator sets the source to null-result and pushes first.
    writeFileSync(hook, `#!/bin/sh\ncd "${b}" && sed -i 's/^status: processing$/status: null-result/; s/^processed_by: agent-1$/processed_by: curator-b/' "${held}" && git commit -qam "null-result by hand" && git push -q\n`, { mode: 0o755 });
    const r = await sq(["release", held, "--agent", "agent-1", "--vault", a, "--sync", "git"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/taken by curator-b/);
    expect(history(q.remote).subjects[0]).toBe("null-result by hand");
    expect(dirtyNotes(a)).toEqual([]);
    expect(sh(a, "rev-parse", "HEAD")).toBe(sh(q.remote, "rev-parse", "main"));
  }, 30_000);
});

describe("bad input: one line, exit 2, nothing written, the clone as it was", () => {
  const expectRefused = async (vault: string, fragment: RegExp, args: string[] = ["next", "--claim", "agent-1"], env: Record<string, string | undefined> = {}) => {
    const before = spawnState(vault);
    const r = await sq([...args, "--vault", vault, "--sync", "git"], { env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(fragment);
    expect(spawnState(vault)).toEqual(before);
  };
  const spawnState = (vault: string) => {
    try {
      return { head: sh(vault, "rev-parse", "HEAD"), status: sh(vault, "status", "--porcelain") };
    } catch {
      return { head: null, status: null };
    }
  };

  it("not a git repository", async () => {
    await expectRefused(tempVault(), /not in a git repository/);
  });

  it("no upstream", async () => {
    const q = sharedQueue(1);
    const c = q.clones[0] ?? "";
    sh(c, "branch", "-q", "--unset-upstream");
    await expectRefused(c, /has no upstream/);
  });

  it("a detached HEAD", async () => {
    const c = sharedQueue(1).clones[0] ?? "";
    sh(c, "checkout", "-q", "--detach");
    await expectRefused(c, /HEAD is detached/);
  });

  it("uncommitted changes to the note the write changes (the rest: git-dirty.test.ts)", async () => {
    const c = sharedQueue(1).clones[0] ?? "";
    writeFileSync(join(c, SOURCE), `${readFileSync(join(c, SOURCE), "utf8")}\nmine\n`);
    await expectRefused(c, /has uncommitted changes in the clone, and this write would change it/, ["set", SOURCE, "--priority", "low"]);
  });

  it("an unreachable remote", async () => {
    const c = sharedQueue(1).clones[0] ?? "";
    sh(c, "remote", "set-url", "origin", "/nonexistent/remote.git");
    await expectRefused(c, /cannot reach the remote origin/);
  });

  it("a remote whose hook rejects the push", async () => {
    const q = sharedQueue(1);
    const hook = join(q.remote, "hooks", "pre-receive");
    writeFileSync(hook, "#!/bin/sh\necho 'no writes today' >&2\nexit 1\n", { mode: 0o755 });
    await expectRefused(q.clones[0] ?? "", /remote refused the push/);
    expect(history(q.remote).subjects).toEqual(["the vault"]);
  });

  it("a remote whose branch a crashed git left locked (its main.lock): not retried for a minute as a race", async () => {
    const q = sharedQueue(1);
    writeFileSync(join(q.remote, "refs", "heads", "main.lock"), "");
    await expectRefused(q.clones[0] ?? "", /origin's main stays locked .*left its lock file; nothing written/);
    expect(history(q.remote).subjects).toEqual(["the vault"]);
  });

  it("no git on PATH", async () => {
    const c = sharedQueue(1).clones[0] ?? "";
    await expectRefused(c, /needs the git binary on PATH/, ["next", "--claim", "agent-1"], { PATH: "/nonexistent" });
  });
});

function tempVault(): string {
  const dir = tempDir("sq-plain-");
  writeFileSync(join(dir, "a.md"), "---\nstatus: unprocessed\n---\n");
  return dir;
}

describe("a synced extraction killed at any step (kill -9)", () => {
  it("leaves the remote with the whole extraction or none, and the next command leaves the clone clean at the remote's head", async () => {
    const plan = JSON.stringify({ agent: "agent-1" });
    const probe = sharedQueue(1).clones[0] ?? "";
    expect((await sq(["next", "--claim", "agent-1", "--vault", probe, "--sync", "git", "--domain", "ai-alignment"])).code).toBe(0);
    const held = sh(probe, "log", "-1", "--format=%s").replace(/^claim (\S+) for.*$/, "$1");
    const traced = await sq(["extract", held, "--plan", "-", "--vault", probe, "--sync", "git"], { input: plan, env: { SOURCE_QUEUE_TRACE_STEPS: "1" } });
    expect(traced.code, traced.stderr).toBe(0);
    const steps = traced.stderr.split("\n").filter((l) => l.includes("write step")).length;
    expect(traced.stderr).toContain("git push");

    // Every step with SQ_GIT_SOAK=1; by default the journal, the source's rename and each git step (a kill leaves the clone's lock to go stale: ~5 s a trial).
    const gitSteps = traced.stderr.split("\n").filter((l) => /write step \d+: git /.test(l)).map((l) => Number(/step (\d+)/.exec(l)?.[1]));
    const chosen = process.env.SQ_GIT_SOAK === "1" ? Array.from({ length: steps }, (_, i) => i + 1) : [4, steps - 4, ...gitSteps];
    const outcomes = (await inPairs(chosen, (step) => killedAt(step, held, plan))).flat();
    expect(outcomes.every((o) => o === "whole" || o === "none"), outcomes.join(", ")).toBe(true);
    expect(outcomes).toContain("whole");
    expect(outcomes).toContain("none");
  }, 120_000);
});

async function inPairs<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 2) out.push(...(await Promise.all(items.slice(i, i + 2).map(fn))));
  return out;
}

async function killedAt(step: number, held: string, plan: string): Promise<string> {
  const outcomes: string[] = [];
  {
    {
      const q = sharedQueue(1);
      const c = q.clones[0] ?? "";
      await sq(["next", "--claim", "agent-1", "--vault", c, "--sync", "git", "--domain", "ai-alignment"]);
      const killed = await sq(["extract", held, "--plan", "-", "--vault", c, "--sync", "git"], { input: plan, env: { SOURCE_QUEUE_FAIL_AT: String(step) } });
      expect(killed.signal).toBe("SIGKILL");
      // The next command of any kind that syncs recovers the clone.
      const next = await sq(["next", "--vault", c, "--sync", "git"]);
      expect(next.code, next.stderr).toBe(0);
      const top = history(q.remote).subjects[0] ?? "";
      outcomes.push(top.startsWith("extract ") ? "whole" : top.startsWith("claim ") ? "none" : `? ${top}`);
      expect(history(q.remote).merges).toBe(0);
      expect(dirtyNotes(c)).toEqual([]);
      expect(sh(c, "rev-parse", "HEAD")).toBe(sh(q.remote, "rev-parse", "main"));
      const status = frontmatter(join(c, held)).status;
      expect(status).toBe(top.startsWith("extract ") ? "processed" : "processing");
    }
  }
  return outcomes[0] ?? "?";
}
