// `--sync git --review` (SPEC §7 "Extractions that go through review"), with
// the real git binary and a bare remote: agents claim on main and push each
// extraction to extract/<slug>; a reviewer merges some branches with
// `git merge --no-ff` (as a forge does), deletes others unmerged and leaves
// the rest open, while a curator edits another source on main. No source is
// extracted twice while its branch is open; every merged one ends processed
// on main with its claims and a clean merge; every rejected one returns once
// its lease ran out; no conflict markers anywhere. Bad input is one line,
// exit 2. SQ_REVIEW_SOAK=N runs the race N times.
import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { cleanUp, tempDir } from "./run-cli";
import { clone, dirtyNotes, sh, sharedQueue, sq, runNode, type SharedQueue } from "./git-remote";

afterAll(cleanUp, 120_000);

const LOOP = join(import.meta.dirname, "../../scripts/agent-loop.mjs");
const DOMAIN = "ai-alignment";
const exec = promisify(execFile);
const git = async (cwd: string, ...args: string[]) => (await exec("git", args, { cwd })).stdout.trim();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmOf = (text: string) => parseFrontmatter(text).data ?? {};
const slugOf = (path: string) => (path.split("/").pop() ?? "").replace(/\.md$/, "");

/** The forge's pull-request call, stood in for: one line per call with what it was given. */
function recorder(dir: string): { cmd: string; calls: () => { branch: string; base: string; source: string; agent: string; title: string; body: string }[] } {
  const file = join(dir, "pull-requests.jsonl");
  writeFileSync(file, "");
  const script = join(dir, "forge.mjs");
  writeFileSync(script, `import { appendFileSync } from "node:fs";\nconst e = process.env;\nappendFileSync(${JSON.stringify(file)}, JSON.stringify({ branch: e.SQ_BRANCH, base: e.SQ_BASE, source: e.SQ_SOURCE, agent: e.SQ_AGENT, title: e.SQ_TITLE, body: e.SQ_BODY }) + "\\n");\nconsole.log("https://forge.example/pulls/" + e.SQ_BRANCH);\n`);
  return {
    cmd: `"${process.execPath}" "${script}"`,
    calls: () => readFileSync(file, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as never),
  };
}

type Decision = "merge" | "reject" | "leave";

/** The reviewer: every extract/* branch it sees is merged --no-ff into main (and deleted, atomically), deleted unmerged, or left open. */
async function reviewer(q: SharedQueue, name: string, decide: (branch: string) => Decision, done: () => boolean) {
  const dir = clone(q, name);
  const out = { merged: [] as string[], rejected: [] as string[], left: [] as string[], conflicts: 0 };
  const seen = new Set<string>();
  for (;;) {
    const finishing = done();
    const heads = (await git(dir, "ls-remote", "--heads", "origin")).split("\n").map((l) => l.split("\t")[1] ?? "").filter((r) => r.startsWith("refs/heads/extract/")).map((r) => r.slice("refs/heads/".length));
    for (const b of heads) {
      if (seen.has(b)) continue;
      seen.add(b);
      const d = decide(b);
      if (d === "leave") out.left.push(b);
      else if (d === "reject") {
        await git(dir, "push", "-q", "origin", `:refs/heads/${b}`);
        out.rejected.push(b);
      } else {
        for (let attempt = 0; ; attempt++) {
          await git(dir, "fetch", "-q", "origin");
          await git(dir, "reset", "-q", "--hard", "origin/main");
          try {
            await git(dir, "-c", "user.name=reviewer", "-c", "user.email=r@example.org", "merge", "-q", "--no-ff", "-m", `Merge ${b}`, `origin/${b}`);
          } catch {
            out.conflicts++;
            await git(dir, "merge", "--abort").catch(() => undefined);
            break;
          }
          try {
            await git(dir, "push", "-q", "--atomic", "origin", "HEAD:refs/heads/main", `:refs/heads/${b}`);
            out.merged.push(b);
            break;
          } catch (err) {
            if (attempt > 30) throw err;
            await sleep(20);
          }
        }
      }
    }
    if (finishing) return out;
    await sleep(40);
  }
}

/** The curator: edits a source of another domain on main, a few times, pushing each (pull --rebase when beaten). */
async function curator(q: SharedQueue, source: string, edits: number) {
  const dir = clone(q, "curator");
  for (let i = 0; i < edits; i++) {
    for (let attempt = 0; ; attempt++) {
      await git(dir, "pull", "-q", "--rebase");
      const file = join(dir, source);
      writeFileSync(file, `${readFileSync(file, "utf8")}\nCurator note ${i}.\n`);
      await git(dir, "commit", "-qam", `curator note ${i}`);
      try {
        await git(dir, "push", "-q");
        break;
      } catch (err) {
        await git(dir, "reset", "-q", "--hard", "HEAD~1");
        if (attempt > 30) throw err;
      }
    }
    await sleep(30);
  }
}

const agents = (q: SharedQueue, forge: string, env: Record<string, string> = {}) =>
  Promise.all(q.clones.map((c, i) => runNode([LOOP, "--vault", c, "--agent", `agent-${i + 1}`, "--max", "100", "--sync", "git", "--review", "--on-review", forge, "--domain", DOMAIN], { env })));

/** One race: agents, reviewer and curator at once; then, two hours later, the agents again. Returns what to check. */
async function race(n: number, decideOf: (i: number) => Decision) {
  const q = sharedQueue(n);
  const forge = recorder(q.dir);
  const other = sh(q.clones[0] ?? "", "grep", "-l", "^domain: ", "--", "inbox").split("\n").find((p) => !readFileSync(join(q.clones[0] ?? "", p), "utf8").includes(`domain: ${DOMAIN}`)) ?? "";
  let finished = false;
  let order = 0;
  const decisions = new Map<string, Decision>();
  const decide = (b: string) => {
    const d = decideOf(order++);
    decisions.set(b, d);
    return d;
  };
  const [runs, review] = await Promise.all([
    agents(q, forge.cmd).finally(() => (finished = true)),
    reviewer(q, "reviewer", decide, () => finished),
    curator(q, other, 4),
  ]);
  const first = forge.calls();
  // Two hours on: every lease has run out; open branches still hold their sources, rejected ones are free.
  const later = new Date(Date.now() + 2 * 3600_000).toISOString();
  const again = await agents(q, forge.cmd, { SOURCE_QUEUE_NOW: later });
  return { q, forge, runs: [...runs, ...again], first, second: forge.calls().slice(first.length), review, decisions, other };
}

function checkRace(r: Awaited<ReturnType<typeof race>>) {
  const { q, runs, first, second, review } = r;
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  expect(review.conflicts).toBe(0);
  // Extracted once while its branch is open (or its lease runs): one pull request per source in the first round.
  const sources = first.map((c) => c.source);
  expect(new Set(sources).size).toBe(sources.length);
  expect(sources.length).toBeGreaterThan(2);
  for (const c of first) {
    expect(c.branch).toBe(`extract/${slugOf(c.source)}`);
    expect(c.base).toBe("main");
    expect(c.title).toMatch(/^extract \S+: \d+ claims?$/);
    expect(c.body).toContain("## Claims");
  }
  // The second round takes back exactly the rejected ones, never a merged or an open one.
  const bySlug = (b: string) => sources.find((s) => `extract/${slugOf(s)}` === b) ?? b;
  expect(second.map((c) => c.source).sort()).toEqual(review.rejected.map(bySlug).sort());
  const main = (p: string) => sh(q.remote, "show", `main:${p}`);
  for (const b of review.merged) {
    const text = main(bySlug(b));
    const data = fmOf(text);
    expect(data.status, b).toBe("processed");
    expect(data).not.toHaveProperty("review_branch");
    expect(data).not.toHaveProperty("processing_until");
    // Its claims are on main: the files the extraction's commit made.
    const made = sh(q.remote, "log", "-1", "--format=%b", `--grep=^extract ${bySlug(b)}:`, "main").split("\n").filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
    expect(made.length).toBeGreaterThan(1);
    for (const f of made) expect(sh(q.remote, "cat-file", "-t", `main:${f}`)).toBe("blob");
  }
  for (const b of review.left) {
    expect(sh(q.remote, "branch", "--list", b)).not.toBe("");
    expect(fmOf(main(bySlug(b))).status).toBe("processing");
  }
  // Nothing but claims and curator notes reached main on its own: every extraction came by a merge.
  const firstParent = sh(q.remote, "log", "--first-parent", "--format=%s", "main").split("\n");
  expect(firstParent.filter((s) => s.startsWith("extract "))).toEqual([]);
  expect(firstParent.filter((s) => s.startsWith("Merge ")).length).toBe(review.merged.length);
  expect(main(r.other)).toContain("Curator note 3.");
  // No conflict markers on main or any branch left.
  for (const ref of sh(q.remote, "for-each-ref", "--format=%(refname)", "refs/heads").split("\n")) {
    expect(spawnGrep(q.remote, ref), ref).toBe("");
  }
  for (const c of q.clones) {
    expect(dirtyNotes(c)).toEqual([]);
    expect(sh(c, "branch", "--list", "extract/*")).toBe("");
  }
}

function spawnGrep(remote: string, ref: string): string {
  try {
    return sh(remote, "grep", "-l", "-E", "^(<<<<<<<|>>>>>>>) ", ref);
  } catch {
    return ""; // git grep exits 1 when nothing matches
  }
}

describe("agents in review mode, a reviewer and a curator on one remote", () => {
  it("no source extracted twice while its branch is open; merged ones processed on main; rejected ones back after their lease", async () => {
    const r = await race(3, (i) => (["merge", "reject", "leave"] as const)[i % 3] ?? "merge");
    checkRace(r);
    expect(r.review.merged.length).toBeGreaterThan(0);
    expect(r.review.rejected.length).toBeGreaterThan(0);
    expect(r.review.left.length).toBeGreaterThan(0);
  }, 60_000);

  const soak = Number(process.env.SQ_REVIEW_SOAK ?? "0");
  it.runIf(soak > 0)(`the race, ${soak} times, with random decisions and 2 to 4 agents`, async () => {
    for (let i = 0; i < soak; i++) {
      const r = await race(2 + (i % 3), () => (["merge", "reject", "leave"] as const)[Math.floor(Math.random() * 3)] ?? "merge");
      checkRace(r);
      process.stderr.write(`review soak ${i + 1}/${soak}: merged ${r.review.merged.length}, rejected ${r.review.rejected.length}, left ${r.review.left.length}\n`);
    }
  }, 24 * 3600_000);
});

/** A clone with one source claimed in review mode; its path. */
async function claimed(q: SharedQueue): Promise<{ c: string; held: string }> {
  const c = q.clones[0] ?? "";
  const r = await sq(["next", "--claim", "agent-1", "--vault", c, "--sync", "git", "--review", "--domain", DOMAIN]);
  expect(r.code, r.stderr).toBe(0);
  return { c, held: sh(c, "log", "-1", "--format=%s").replace(/^claim (\S+) for.*$/, "$1") };
}

const extractArgs = (c: string, held: string, more: string[] = []) => ["extract", held, "--plan", "-", "--vault", c, "--sync", "git", "--review", ...more];
const PLAN = { input: JSON.stringify({ agent: "agent-1", model: "test-model" }) };

function oneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe("review mode, one source", () => {
  it("the claim names the branch on main; the extraction is one commit on it, started from main's head; main untouched", async () => {
    const q = sharedQueue(1);
    const { c, held } = await claimed(q);
    expect(fmOf(sh(q.remote, "show", `main:${held}`)).review_branch).toBe(`extract/${slugOf(held)}`);
    const claimCommit = sh(q.remote, "rev-parse", "main");
    const r = await sq(extractArgs(c, held, ["--json"]), PLAN);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { review: unknown }).review).toMatchObject({ branch: `extract/${slugOf(held)}`, base: "main", pushed: true });
    const branch = `extract/${slugOf(held)}`;
    expect(sh(q.remote, "rev-parse", "main")).toBe(claimCommit);
    expect(sh(q.remote, "rev-parse", `${branch}~1`)).toBe(claimCommit);
    expect(sh(q.remote, "log", "-1", "--format=%s", branch)).toMatch(/^extract .*: \d+ claims$/);
    expect(sh(c, "rev-parse", "HEAD")).toBe(claimCommit);
    expect(dirtyNotes(c)).toEqual([]);
    // While the branch is open, main's writers leave the source alone, whatever its lease says.
    for (const args of [["set", held, "--status", "unprocessed"], ["release", held, "--agent", "agent-1"]]) {
      const refused = await sq([...args, "--vault", c, "--sync", "git"]);
      expect(refused.code).toBe(1);
      oneLine(refused.stderr, /is in review on the branch extract\/.*nothing written/);
    }
    const later = await sq(["next", "--vault", c, "--sync", "git", "--domain", DOMAIN, "--json"], { env: { SOURCE_QUEUE_NOW: new Date(Date.now() + 3 * 3600_000).toISOString() } });
    expect((JSON.parse(later.stdout) as { source: { path: string } }).source.path).not.toBe(held);
    expect(sh(q.remote, "rev-parse", "main")).toBe(claimCommit);
  }, 30_000);

  it("the same through the MCP server (mcp --sync git --review): claim_source and extract_claims push the branch", async () => {
    const q = sharedQueue(1);
    const c = q.clones[0] ?? "";
    const { Client } = await import("@modelcontextprotocol/sdk/client/index.js");
    const { StdioClientTransport } = await import("@modelcontextprotocol/sdk/client/stdio.js");
    const client = new Client({ name: "review-test", version: "1" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [join(import.meta.dirname, "../../dist/cli.cjs"), "mcp", "--vault", c, "--sync", "git", "--review"], stderr: "pipe" }));
    try {
      const next = await client.callTool({ name: "next_source", arguments: { domain: DOMAIN } });
      const path = (JSON.parse((next.content as { text: string }[])[0]?.text ?? "{}") as { source: { path: string } }).source.path;
      const claim = await client.callTool({ name: "claim_source", arguments: { path, agent: "mcp-agent" } });
      expect(claim.isError, JSON.stringify(claim.content)).toBeFalsy();
      const read = await client.callTool({ name: "read_source", arguments: { path } });
      const version = (JSON.parse((read.content as { text: string }[])[0]?.text ?? "{}") as { version: string }).version;
      const done = await client.callTool({ name: "extract_claims", arguments: { path, agent: "mcp-agent", version, select: [1] } });
      expect(done.isError, JSON.stringify(done.content)).toBeFalsy();
      expect(sh(q.remote, "branch", "--list", `extract/${slugOf(path)}`)).not.toBe("");
      expect(sh(q.remote, "log", "-1", "--format=%s", "main")).toBe(`claim ${path} for mcp-agent`);
    } finally {
      await client.close();
    }
  }, 30_000);
});

describe("bad input in review mode: one line, exit 2, nothing lost", () => {
  it("a branch of that name already on the remote (a stale one)", async () => {
    const q = sharedQueue(1);
    const { c, held } = await claimed(q);
    sh(c, "push", "-q", "origin", `HEAD:refs/heads/extract/${slugOf(held)}`);
    const stale = sh(q.remote, "rev-parse", `extract/${slugOf(held)}`);
    const r = await sq(extractArgs(c, held), PLAN);
    expect(r.code).toBe(2);
    oneLine(r.stderr, /the branch extract\/\S+ is already on origin .*nothing written/);
    expect(sh(q.remote, "rev-parse", `extract/${slugOf(held)}`)).toBe(stale);
    expect(dirtyNotes(c)).toEqual([]);
    expect(fmOf(readFileSync(join(c, held), "utf8")).status).toBe("processing");
  }, 30_000);

  it("a remote that refuses new branches", async () => {
    const q = sharedQueue(1);
    const { c, held } = await claimed(q);
    writeFileSync(join(q.remote, "hooks", "update"), `#!/bin/sh\ncase "$1" in refs/heads/extract/*) echo "branches are made on the forge only" >&2; exit 1;; esac\n`, { mode: 0o755 });
    const r = await sq(extractArgs(c, held), PLAN);
    expect(r.code).toBe(2);
    oneLine(r.stderr, /origin refused the new branch extract\/\S+ .*nothing pushed, the claim stays/);
    expect(sh(q.remote, "for-each-ref", "refs/heads/extract")).toBe("");
    expect(dirtyNotes(c)).toEqual([]);
    expect(sh(c, "rev-parse", "HEAD")).toBe(sh(q.remote, "rev-parse", "main"));
  }, 30_000);

  it("an --on-review command that hangs, or fails: stopped at the time limit, the branch pushed, the source held", async () => {
    for (const [cmd, said] of [["sleep 30", /did not finish within 1 s/], ["echo 'no token for the forge' >&2; exit 3", /exit 3: no token for the forge/]] as const) {
      const q = sharedQueue(1);
      const { c, held } = await claimed(q);
      const started = Date.now();
      const r = await sq(extractArgs(c, held, ["--on-review", cmd]), { ...PLAN, env: { SOURCE_QUEUE_ON_REVIEW_TIMEOUT: "1" } });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(r.code).toBe(2);
      oneLine(r.stderr, new RegExp(`--on-review failed \\(.*${said.source}.*\\); extract/\\S+ is pushed and \\S+ stays held`));
      expect(sh(q.remote, "branch", "--list", `extract/${slugOf(held)}`)).not.toBe("");
      const next = await sq(["next", "--claim", "agent-2", "--vault", c, "--sync", "git", "--review", "--domain", DOMAIN, "--json"]);
      expect((JSON.parse(next.stdout) as { source: { path: string } }).source.path).not.toBe(held);
    }
  }, 40_000);

  it("--review without --sync git, --on-review without --review", async () => {
    const dir = tempDir("sq-review-");
    for (const [args, said] of [[["next", "--claim", "a", "--review"], /--review goes with --sync git/], [["mcp", "--sync", "git", "--on-review", "true"], /--on-review goes with --review/]] as const) {
      const r = await sq([...args, "--vault", dir]);
      expect(r.code).toBe(2);
      oneLine(r.stderr, said);
    }
  });
});

describe("a review extraction killed at any git step (kill -9)", () => {
  it("leaves main without the extraction, the branch whole or absent, and the clone clean at main's head after the next command", async () => {
    const probe = sharedQueue(1);
    const p = await claimed(probe);
    const traced = await sq(extractArgs(p.c, p.held), { ...PLAN, env: { SOURCE_QUEUE_TRACE_STEPS: "1" } });
    expect(traced.code, traced.stderr).toBe(0);
    const gitSteps = traced.stderr.split("\n").filter((l) => /write step \d+: git /.test(l)).map((l) => Number(/step (\d+)/.exec(l)?.[1]));
    expect(gitSteps.length).toBeGreaterThan(2);
    const outcomes: string[] = [];
    // Every git step under SQ_REVIEW_SOAK; by default the first (nothing committed) and the last (pushed, not yet back on main): a kill leaves the clone's lock to go stale, ~5 s a trial.
    const chosen = process.env.SQ_REVIEW_SOAK ? gitSteps : [gitSteps[0] ?? 1, gitSteps.at(-1) ?? 1];
    for (const step of chosen) {
      const q = sharedQueue(1);
      const { c, held } = await claimed(q);
      const main = sh(q.remote, "rev-parse", "main");
      const killed = await sq(extractArgs(c, held), { ...PLAN, env: { SOURCE_QUEUE_FAIL_AT: String(step) } });
      expect(killed.signal).toBe("SIGKILL");
      const next = await sq(["next", "--vault", c, "--sync", "git"]);
      expect(next.code, next.stderr).toBe(0);
      expect(sh(q.remote, "rev-parse", "main")).toBe(main);
      expect(sh(c, "rev-parse", "HEAD")).toBe(main);
      expect(dirtyNotes(c)).toEqual([]);
      const branch = sh(q.remote, "for-each-ref", "--format=%(refname:short)", "refs/heads/extract");
      if (branch !== "") expect(sh(q.remote, "log", "-1", "--format=%s", branch)).toMatch(/^extract /);
      outcomes.push(branch === "" ? "none" : "whole");
    }
    expect(outcomes).toContain("whole");
  }, 120_000);
});

describe("the cron lines of docs/agents.md, as written, against a bare remote", () => {
  /** The review cron lines of the docs: the crontab's five time fields taken off, the rest run by sh. */
  const cronLines = readFileSync(join(import.meta.dirname, "../../docs/agents.md"), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("*/10 ") && l.includes("--review"));

  it("open one pull request per extraction through gh, tea and a curl to the Forgejo API (stand-ins that record what they were given)", async () => {
    expect(cronLines).toHaveLength(3);
    for (const [i, line] of cronLines.entries()) {
      const q = sharedQueue(1);
      const c = q.clones[0] ?? "";
      const bin = join(q.dir, "bin");
      const home = join(q.dir, "home");
      const calls = join(q.dir, "calls.jsonl");
      mkdirSync(join(home, ".config"), { recursive: true });
      writeFileSync(join(home, ".config", "forgejo-token"), "t0ken\n");
      mkdirSync(bin);
      symlinkSync(process.execPath, join(bin, "node"));
      const record = join(q.dir, "record.mjs");
      writeFileSync(record, `import { appendFileSync, readFileSync } from "node:fs";\nconst [tool, ...args] = process.argv.slice(2);\nconst stdin = tool === "curl" ? readFileSync(0, "utf8") : "";\nappendFileSync(${JSON.stringify(calls)}, JSON.stringify({ tool, args, stdin }) + "\\n");\nconsole.log("https://forge.example.org/pulls/1");\n`);
      for (const tool of ["gh", "tea", "curl"]) writeFileSync(join(bin, tool), `#!/bin/sh\nexec "${process.execPath}" "${record}" ${tool} "$@"\n`, { mode: 0o755 });
      const command = line.replace(/^(\S+\s+){5}/, "").replace("/srv/kb-clone", c).replace("/opt/source-queue", join(import.meta.dirname, "../.."));
      const run = spawnSync("sh", ["-c", command.replace("--max 20", "--max 2 --domain ai-alignment")], { env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}`, HOME: home }, encoding: "utf8", timeout: 40_000 });
      expect(run.status, `${line}\n${readFileSync(join(home, "source-queue-agent.log"), "utf8")}`).toBe(0);
      const made = readFileSync(calls, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as { tool: string; args: string[]; stdin: string });
      expect(made).toHaveLength(2);
      const branches = sh(q.remote, "for-each-ref", "--format=%(refname:short)", "refs/heads/extract").split("\n");
      expect(branches).toHaveLength(2);
      for (const call of made) {
        expect(call.tool).toBe(["gh", "tea", "curl"][i]);
        const fields = call.tool === "curl" ? (JSON.parse(call.stdin) as Record<string, string>) : Object.fromEntries(call.args.flatMap((a, k) => (a.startsWith("--") ? [[a.slice(2), call.args[k + 1] ?? ""]] : [])));
        expect(fields.base).toBe("main");
        expect(branches).toContain(fields.head);
        expect(fields.title).toMatch(/^extract inbox\/\S+\.md: \d+ claims?$/);
        expect(fields.body ?? fields.description).toContain("## Claims");
        if (call.tool === "curl") expect(call.args).toContain("Authorization: token t0ken");
      }
      expect(readFileSync(join(home, "source-queue-agent.log"), "utf8")).toContain("for review (https://forge.example.org/pulls/1)");
    }
  }, 60_000);
});
