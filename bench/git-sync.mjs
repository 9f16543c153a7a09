// `--sync git` speed (SPEC §7, issue #22): N agents, each in its own clone of
// one local bare repository holding the demo vault, claim + extract + push
// until the queue is empty, through the built CLI (one process per verb, as
// an agent script runs it) or the MCP server (one long-lived
// `source-queue mcp --sync git` per agent, driven by the SDK's own Client
// over stdio). Reports sources per minute, the median and p95 time of one
// source (claim, extract, both pushed) and retries per success (rebases or
// picks after a rejected push, from the clones' reflogs).
//
//   npm run build && node bench/git-sync.mjs [--agents 1,2,4] [--copies 2] [--review] [--door cli|mcp|cli,mcp]
//
// --door mcp: each agent loops next_source → claim_source → read_source →
// extract_claims (set_fields null-result with a reason when nothing is
// selected); a claim lost to another agent ("taken by", "held by") moves on.
//
// --review (issue #25): each extraction goes to its own branch extract/<slug>
// (the claims still to main), as `--sync git --review` does.
//
// --copies K puts K copies of each demo source in the queue (renamed), so a
// run has 26×K sources.
import { execFile, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const root = new URL("..", import.meta.url).pathname;
const BIN = join(root, "dist", "cli.cjs");
const { values } = parseArgs({ options: { agents: { type: "string", default: "1,2,4" }, copies: { type: "string", default: "2" }, review: { type: "boolean" }, door: { type: "string", default: "cli" } } });
const doors = values.door.split(",");
for (const d of doors) if (d !== "cli" && d !== "mcp") throw new Error(`--door: "${d}" is not cli or mcp`);
const review = values.review ? ["--review"] : [];

const git = (cwd, ...args) => {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
};

const cli = (args, input) =>
  new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: { ...process.env, SOURCE_QUEUE_CACHE_DIR: cache } }, (err, stdout, stderr) => resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr }));
    child.stdin.end(input ?? "");
  });

let cache = "";

function queue(n, copies) {
  const dir = mkdtempSync(join(tmpdir(), "sq-bench-git-"));
  cache = join(dir, "cache");
  const remote = join(dir, "remote.git");
  git(dir, "init", "-q", "--bare", "-b", "main", remote);
  const seed = join(dir, "seed");
  mkdirSync(seed);
  git(seed, "init", "-q", "-b", "main");
  cpSync(join(root, "demo-vault"), seed, { recursive: true });
  const inbox = join(seed, "inbox");
  for (let k = 1; k < copies; k++) {
    for (const name of readdirSync(inbox).filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(join(inbox, name), "utf8");
      // Each copy's claims get titles of their own, so copies do not just link to the first one's claims.
      writeFileSync(join(inbox, name.replace(/\.md$/, `-copy${k}.md`)), text.replace(/^(\s*[-*\d.)]+\s+)(?=\S)/gm, `$1(copy ${k}) `));
    }
  }
  git(seed, "add", "-A");
  git(seed, "-c", "user.name=seed", "-c", "user.email=seed@example.org", "commit", "-q", "-m", "the vault");
  git(seed, "push", "-q", remote, "main");
  const clones = [];
  for (let i = 1; i <= n; i++) {
    const c = join(dir, `agent-${i}`);
    git(dir, "clone", "-q", remote, c);
    git(c, "config", "user.name", `agent-${i}`);
    git(c, "config", "user.email", `agent-${i}@example.org`);
    clones.push(c);
  }
  return { dir, remote, clones };
}

async function agent(clone, name, times) {
  for (;;) {
    const t0 = performance.now();
    const next = await cli(["next", "--claim", name, "--vault", clone, "--json", "--sync", "git", ...review]);
    if (next.code !== 0) throw new Error(`${name}: next: ${next.stderr}`);
    const source = JSON.parse(next.stdout).source;
    if (source === null) return;
    const extracted = await cli(["extract", source.path, "--vault", clone, "--plan", "-", "--json", "--sync", "git", ...review], JSON.stringify({ agent: name }));
    if (extracted.code !== 0) {
      // Nothing to create (a source with no hints): recorded as a null-result, as agent-loop.mjs does.
      const set = await cli(["set", source.path, "--vault", clone, "--status", "null-result", "--reason", "bench: nothing to extract", "--agent", name, "--sync", "git"]);
      if (set.code !== 0) throw new Error(`${name}: ${extracted.stderr.trim()} / ${set.stderr.trim()}`);
    }
    times.push(performance.now() - t0);
  }
}

/** One agent as one MCP server over stdio, the SDK's Client driving it. */
async function mcpAgent(clone, name, times) {
  const { Client } = await import("@modelcontextprotocol/sdk/client/index.js");
  const { StdioClientTransport } = await import("@modelcontextprotocol/sdk/client/stdio.js");
  const client = new Client({ name: `bench-${name}`, version: "1" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp", "--vault", clone, "--sync", "git", ...review], env: { ...process.env, SOURCE_QUEUE_CACHE_DIR: cache }, stderr: "pipe" }));
  const call = async (tool, args) => {
    const r = await client.callTool({ name: tool, arguments: args });
    const text = r.content?.[0]?.text ?? "";
    return { error: r.isError === true, text, json: r.isError ? null : JSON.parse(text) };
  };
  try {
    for (;;) {
      const t0 = performance.now();
      const next = await call("next_source", {});
      if (next.error) throw new Error(`${name}: next_source: ${next.text}`);
      const path = next.json.source?.path;
      if (path === undefined) return;
      const claim = await call("claim_source", { path, agent: name });
      if (claim.error) {
        if (/taken by|held by|in review/.test(claim.text)) continue; // lost the race: the next one
        throw new Error(`${name}: claim_source ${path}: ${claim.text}`);
      }
      const read = await call("read_source", { path });
      if (read.error) throw new Error(`${name}: read_source ${path}: ${read.text}`);
      const extracted = await call("extract_claims", { path, agent: name, version: read.json.version });
      if (extracted.error) {
        const set = await call("set_fields", { path, agent: name, status: "null-result", reason: "bench: nothing to extract" });
        if (set.error) throw new Error(`${name}: ${extracted.text} / ${set.text}`);
      }
      times.push(performance.now() - t0);
    }
  } finally {
    await client.close();
  }
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

for (const door of doors) {
  for (const n of values.agents.split(",").map(Number)) {
    const q = queue(n, Number(values.copies));
    const times = [];
    const t0 = performance.now();
    await Promise.all(q.clones.map((c, i) => (door === "mcp" ? mcpAgent : agent)(c, `agent-${i + 1}`, times)));
    const wall = (performance.now() - t0) / 1000;
    const subjects = git(q.remote, "log", "--format=%s", "main").split("\n");
    const merges = git(q.remote, "rev-list", "--merges", "main");
    // A retry is a rebase, or a pick onto the remote's head when the clone holds uncommitted notes.
    const retries = q.clones.map((c) => git(c, "reflog").split("\n").filter((l) => l.includes("rebase (start)") || / cherry-pick: /.test(l)).length).reduce((a, b) => a + b, 0);
    const claims = subjects.filter((s) => s.startsWith("claim ")).length;
    const done = times.length;
    console.log(
      `${door}, ${n} agent(s): ${done} sources in ${wall.toFixed(1)} s = ${((done / wall) * 60).toFixed(0)} sources/min; ` +
        `per source (claim+extract+push) median ${pct(times, 0.5).toFixed(0)} ms, p95 ${pct(times, 0.95).toFixed(0)} ms; ` +
        `${retries} retries over ${claims + done} pushes (${(retries / (claims + done)).toFixed(2)} per success); merges: ${merges === "" ? 0 : merges.split("\n").length}` +
        (values.review ? `; review branches: ${git(q.remote, "for-each-ref", "refs/heads/extract").split("\n").filter((l) => l !== "").length}` : ""),
    );
    rmSync(q.dir, { recursive: true, force: true });
  }
}
