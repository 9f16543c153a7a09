// A race for the shared queue (SPEC §7 "Agents on many machines", issue
// #22): a bare remote holding a queue of made-up sources, one clone per
// agent, agents of both doors (scripts/agent-loop.mjs over the CLI,
// scripts/mcp-agent-loop.mjs over one MCP server) claiming and extracting
// with --sync git until the queue is empty; meanwhile agents are killed with
// SIGKILL at random moments (their whole process group: the loop, the CLI or
// server, and any git they run) and started again under the same name, and a
// curator adds a line to a held source and pushes it. Afterwards the remote
// is checked for the properties the SPEC promises; what breaks one is
// returned as a line, so a soak of many runs can count them.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prng } from "../../bench/vault-shape";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { clone, sh, type SharedQueue, sharedQueue, sq } from "./git-remote";
import { cliEnv, tempDir } from "./run-cli";

const ROOT = join(import.meta.dirname, "../..");
const LOOPS = { cli: join(ROOT, "scripts/agent-loop.mjs"), mcp: join(ROOT, "scripts/mcp-agent-loop.mjs") };

export interface RaceOptions {
  /** The agents' doors, one agent each: ["cli", "mcp", …]. */
  doors: ("cli" | "mcp")[];
  sources: number;
  /** Agents killed (kill -9 of the process group) at random moments, each started again. */
  kills: number;
  /** Lines a curator adds to held sources and pushes while the agents run. */
  curatorEdits: number;
  /** Seed of the random choices, so a failing run can be run again. */
  seed: number;
}

export interface RaceOutcome {
  /** The broken properties, one line each; empty when the run held. */
  violations: string[];
  seconds: number;
  claimCommits: number;
  extractions: number;
  nullResults: number;
  claimsCreated: number;
  kills: number;
  /** Where in its work each killed agent was, by the last line it printed. */
  killedDuring: string[];
  curatorEdits: number;
  /** Rejected pushes rebased and tried again, over all clones. */
  retries: number;
}

const SYLLABLES = ["ka", "ro", "vin", "tel", "mu", "zar", "po", "len", "dri", "sa", "qu", "bel", "no", "fi", "gar", "ush"];
/** A made-up word for source i, claim j, slot k: rare, so no two claims of the race read as the same claim (SPEC §6). */
const word = (i: number, j: number, k: number): string => {
  let n = i * 131 + j * 17 + k * 7 + 3;
  let w = "";
  for (let s = 0; s < 3; s++) {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length) + i + s;
  }
  return w;
};

const VERBS = ["raised", "reduced", "doubled", "lowered", "increased", "halved", "outpaced", "delayed"];
/** A claim of made-up words around one common verb: no two claims of the race share more than function words. */
const claimOf = (i: number, j: number): string => {
  const w = (k: number) => word(i, j, k);
  return `${cap(w(1))} ${w(2)} ${VERBS[(i + j) % VERBS.length]} the ${w(3)} ${w(4)} of ${w(5)} ${w(6)} in the first year`;
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Source i of the race: two or three hinted claims; every seventh one has none worth creating (a null-result). */
function raceSource(i: number): string {
  const n = String(i).padStart(2, "0");
  const claims = i % 7 === 3 ? [] : Array.from({ length: 2 + (i % 2) }, (_, j) => claimOf(i, j));
  const hints = claims.length === 0 ? "No novel claims: the numbers repeat last year's report." : `Claims about: ${claims.map((c, j) => `(${j + 1}) ${c}.`).join(" ")}`;
  return [
    "---",
    "type: source",
    `title: "Race source ${n}"`,
    "author: \"A. Writer\"",
    `url: https://example.org/race/${n}`,
    `date: 2026-0${1 + (i % 9)}-1${i % 10}`,
    "domain: economics",
    "format: article",
    "status: unprocessed",
    `priority: ${["high", "medium", "low"][i % 3]}`,
    "---",
    "## Content",
    `A report on panel ${n}.`,
    "",
    ...claims.map((c) => `- ${c}, the authors say.`),
    "",
    "## Agent Notes",
    `**Extraction hints:** ${hints}`,
    "",
    "## Curator Notes",
    "WHY ARCHIVED: part of the race.",
    "",
  ].join("\n");
}

/** The demo vault's claims and settings, with the race's sources as the whole inbox. */
export function raceVault(dir: string, sources: number): string {
  const vault = join(dir, "vault");
  mkdirSync(join(vault, "inbox"), { recursive: true });
  // Copied with git's own list, so a stray file of the working tree never enters the race.
  for (const f of sh(ROOT, "ls-files", "-z", "demo-vault/domains").split("\0").filter((p) => p !== "")) {
    const to = join(vault, f.slice("demo-vault/".length));
    mkdirSync(join(to, ".."), { recursive: true });
    writeFileSync(to, readFileSync(join(ROOT, f)));
  }
  for (let i = 1; i <= sources; i++) writeFileSync(join(vault, "inbox", `race-${String(i).padStart(2, "0")}.md`), raceSource(i));
  return vault;
}

interface AgentProcess {
  name: string;
  door: "cli" | "mcp";
  clone: string;
  stdout: string;
  stderr: string;
  done: Promise<{ code: number | null; signal: string | null }>;
  pid: number;
}

function startAgent(name: string, door: "cli" | "mcp", clonePath: string, log: { stdout: string; stderr: string }): AgentProcess {
  // Its own process group: kill -9 of the group takes the loop, its CLI or server, and their git with it.
  const child = spawn(process.execPath, [LOOPS[door], "--vault", clonePath, "--agent", name, "--max", "1000", "--sync", "git"], { env: cliEnv(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const p: AgentProcess = { name, door, clone: clonePath, stdout: "", stderr: "", pid: child.pid ?? 0, done: new Promise(() => undefined) };
  child.stdout.on("data", (d: Buffer) => ((p.stdout += d.toString()), (log.stdout += d.toString())));
  child.stderr.on("data", (d: Buffer) => ((p.stderr += d.toString()), (log.stderr += d.toString())));
  p.done = new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
  return p;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sources held on the curator's clone now (status processing). */
function heldSources(curator: string): string[] {
  return readdirSync(join(curator, "inbox")).filter((f) => /^status: processing$/m.test(readFileSync(join(curator, "inbox", f), "utf8"))).map((f) => `inbox/${f}`);
}

/**
 * The curator, with plain git: add a sentence to the Content paragraph of a
 * source an agent holds, commit, push. A push an agent beat is done again on
 * the remote's new head (the curator's clone holds nothing else).
 */
async function curatorEdit(curator: string, rnd: () => number, k: number): Promise<{ path: string; line: string } | null> {
  const line = `Curator note ${k}: check the sample before citing it.`;
  // Agents push several times a second: a curator's plain push may lose many times in a row, so it goes on for two minutes.
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    sh(curator, "fetch", "-q");
    sh(curator, "reset", "-q", "--hard", "origin/main");
    const held = heldSources(curator);
    if (held.length === 0) return null;
    const path = held[Math.floor(rnd() * held.length)] ?? "";
    const text = readFileSync(join(curator, path), "utf8");
    writeFileSync(join(curator, path), text.replace(/^(A report on panel \d+\.)/m, `$1 ${line}`));
    sh(curator, "commit", "-qam", `curator note ${k} on ${path}`);
    try {
      sh(curator, "push", "-q");
      return { path, line };
    } catch {
      await sleep(20 + rnd() * 80);
    }
  }
  throw new Error(`the curator could not push note ${k}`);
}

/** One race, start to end; the properties checked on a fresh clone of the remote. */
export async function race(opts: RaceOptions): Promise<RaceOutcome> {
  // The run's choices follow from its seed (the benchmarks' mulberry32), so a failing run can be run again.
  const rnd = prng(opts.seed);
  const made = tempDir("sq-race-vault-");
  const q: SharedQueue = sharedQueue(0, raceVault(made, opts.sources));
  rmSync(made, { recursive: true, force: true });
  const t0 = performance.now();
  const log = { stdout: "", stderr: "" };
  const clones = opts.doors.map((_, i) => clone(q, `agent-${i + 1}`));
  // The remote's side of a push runs on the remote's machine: a kill of the agent's process group must not kill it too (a local
  // remote would otherwise run git-receive-pack in that group, and a killed one leaves refs/heads/main.lock in the remote).
  for (const c of clones) sh(c, "config", "remote.origin.receivepack", "setsid git-receive-pack");
  const running = opts.doors.map((door, i) => startAgent(`agent-${i + 1}`, door, clones[i] ?? "", log));
  const finished: AgentProcess[] = [];
  const killedDuring: string[] = [];
  const edits: { path: string; line: string }[] = [];
  const curator = clone(q, "curator");

  const killer = (async () => {
    for (let k = 0; k < opts.kills; k++) {
      await sleep(300 + rnd() * 7000);
      const i = Math.floor(rnd() * running.length);
      const victim = running[i];
      if (victim === undefined) continue;
      try {
        process.kill(-victim.pid, "SIGKILL");
      } catch {
        continue; // it had finished already
      }
      await victim.done;
      killedDuring.push(`${victim.door}: ${victim.stdout.trim().split("\n").pop() ?? "(start)"}`);
      finished.push(victim);
      running[i] = startAgent(victim.name, victim.door, victim.clone, log);
    }
  })();
  const violations: string[] = [];
  const curating = (async () => {
    for (let k = 1; k <= opts.curatorEdits; k++) {
      await sleep(500 + rnd() * 1500);
      const edit = await curatorEdit(curator, rnd, k).catch((err: Error) => (violations.push(err.message), null));
      if (edit !== null) edits.push(edit);
    }
  })();

  await killer;
  const ends = await Promise.all(running.map((a) => a.done));
  await curating;
  ends.forEach((e, i) => {
    const a = running[i];
    if (e.code !== 0) violations.push(`${a?.name} (${a?.door}) exited ${e.code ?? e.signal}: ${a?.stderr.trim().split("\n").slice(-2).join(" / ")}`);
  });
  const seconds = (performance.now() - t0) / 1000;
  const outcome = check(q, clones, opts, edits, violations);
  const checked = await sq(["validate", "--vault", join(q.dir, "checker"), "--json"]);
  const found = JSON.parse(checked.stdout) as { errors: number; warnings: number };
  if (found.errors + found.warnings > 0) violations.push(`validate: ${found.errors} errors, ${found.warnings} warnings`);
  const retries = clones.map((c) => sh(c, "reflog").split("\n").filter((l) => l.includes("rebase (start)")).length).reduce((a, b) => a + b, 0);
  // A run that broke a property keeps its folder (the remote, the clones, the agents' output) to be looked at.
  if (violations.length > 0) {
    writeFileSync(join(q.dir, "agents.log"), `${log.stdout}\n--- stderr\n${log.stderr}`);
    const kept = join(tmpdir(), `sq-race-failed-${opts.seed}`);
    rmSync(kept, { recursive: true, force: true });
    renameSync(q.dir, kept);
    violations.push(`(kept in ${kept})`);
  } else rmSync(q.dir, { recursive: true, force: true });
  return { ...outcome, violations, seconds, kills: killedDuring.length, killedDuring, curatorEdits: edits.length, retries };
}

type Counts = Pick<RaceOutcome, "claimCommits" | "extractions" | "nullResults" | "claimsCreated">;

function check(q: SharedQueue, clones: string[], opts: RaceOptions, edits: { path: string; line: string }[], violations: string[]): Counts {
  const subjects = sh(q.remote, "log", "--format=%s", "main").split("\n");
  if (sh(q.remote, "rev-list", "--merges", "main") !== "") violations.push("the remote's history has a merge commit");
  const claimers = new Map<string, Set<string>>();
  const finishes = new Map<string, number>();
  let claimCommits = 0;
  let nullResults = 0;
  for (const s of subjects) {
    const claim = /^claim (\S+) for (\S+)$/.exec(s);
    if (claim) {
      claimCommits++;
      const set = claimers.get(claim[1] ?? "") ?? new Set<string>();
      set.add(claim[2] ?? "");
      claimers.set(claim[1] ?? "", set);
    }
    const finish = /^extract (\S+): \d+ claims?$/.exec(s) ?? /^set (\S+): status null-result$/.exec(s);
    if (finish) finishes.set(finish[1] ?? "", (finishes.get(finish[1] ?? "") ?? 0) + 1);
    if (/^set \S+: status null-result$/.test(s)) nullResults++;
    if (/^release /.test(s)) violations.push(`a source was given back: "${s}"`);
  }
  const check = clone(q, "checker");
  const claimFiles = new Set<string>();
  const listed = new Set<string>();
  for (let i = 1; i <= opts.sources; i++) {
    const path = `inbox/race-${String(i).padStart(2, "0")}.md`;
    const text = readFileSync(join(check, path), "utf8");
    const data = parseFrontmatter(text).data ?? {};
    const by = [...(claimers.get(path) ?? [])];
    if (by.length !== 1) violations.push(`${path} claimed by ${by.length === 0 ? "no agent" : by.join(", ")}`);
    if (finishes.get(path) !== 1) violations.push(`${path} finished ${finishes.get(path) ?? 0} times`);
    if (data.status !== "processed" && data.status !== "null-result") violations.push(`${path} is left ${String(data.status)}`);
    if ("processing_until" in data) violations.push(`${path} still has a lease`);
    if (/^(<<<<<<<|>>>>>>>|=======$)/m.test(text)) violations.push(`${path} has conflict markers`);
    for (const entry of (data.claims_extracted as unknown[] | undefined) ?? []) listed.add(String(entry).replace(/^\[\[|\]\]$/g, "").replace(/\|.*$/, ""));
  }
  const demo = new Set(sh(ROOT, "ls-files", "-z", "demo-vault/domains").split("\0").map((f) => f.slice("demo-vault/".length)));
  for (const f of sh(check, "ls-files", "-z", "domains").split("\0")) {
    if (f === "" || demo.has(f)) continue;
    claimFiles.add(f);
    const title = f.replace(/^.*\//, "").replace(/\.md$/, "");
    if (!listed.has(title) && ![...listed].some((l) => l.endsWith(`/${title}`))) violations.push(`the claim note ${f} is linked from no source`);
  }
  for (const e of edits) if (!readFileSync(join(check, e.path), "utf8").includes(e.line)) violations.push(`the curator's "${e.line}" in ${e.path} was lost`);
  for (const c of [...clones, check]) {
    // Every agent ended by finishing the queue, so whatever a killed one left was finished by its successor.
    if (existsSync(join(c, ".git", "source-queue", "sync.json"))) violations.push(`${c.replace(/^.*\//, "")} is left with a sync journal`);
    const dirty = sh(c, "status", "--porcelain", "--untracked-files=all", "--", "inbox", "domains");
    if (dirty !== "") violations.push(`${c.replace(/^.*\//, "")} is left with uncommitted notes: ${dirty.split("\n").slice(0, 2).join(", ")}`);
  }
  return { claimCommits, extractions: subjects.filter((s) => s.startsWith("extract ")).length, nullResults, claimsCreated: claimFiles.size };
}
