#!/usr/bin/env node
// An agent-style loop over the `source-queue` CLI (SPEC §7, issue #15):
// next → claim → read → extract with a plan → processed, until the queue is
// empty or --max sources are done. The "agent" here is a stand-in that
// keeps the candidates selected by default; a real one would read the source
// and write claims of its own (see decide() below).
//
//   node scripts/agent-loop.mjs --vault demo-vault-copy --agent extractor-1 [--max 3] [--domain d] [--model NAME] [--sync git [--review [--on-review CMD]]]
//
// With --sync git the vault is a git clone shared with other agents (SPEC §7):
// every write is a commit pushed to the upstream branch, so N copies of this
// loop on N machines (each in its own clone) clear one backlog in parallel.
// A source lost to another agent ("taken by …") is left to it.
//
// With --review as well, each extraction goes to a branch of its own
// (extract/<slug>) for review instead of the upstream branch, and
// --on-review CMD opens its pull request (SPEC §7 "Extractions that go
// through review"); the source stays held while the branch is open.
//
// It uses the CLI twins of the MCP tools: `next --claim AGENT`, `extract
// --dry-run --json` (read), `extract --plan -` (the extract_claims arguments
// as JSON on stdin) and `release` (giving a source back when extraction
// fails). A source that changed since it was read is read again; started
// again under the same name, the loop resumes a source it holds (`next
// --claim` counts the agent's own hold as free). Run it on a copy of a vault:
// it writes claims.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    vault: { type: "string", default: process.cwd() },
    agent: { type: "string", default: `agent-loop-${process.pid}` },
    max: { type: "string", default: "3" },
    domain: { type: "string" },
    model: { type: "string", default: "example-agent" },
    bin: { type: "string", default: join(import.meta.dirname, "..", "dist", "cli.cjs") },
    sync: { type: "string" },
    review: { type: "boolean" },
    "on-review": { type: "string" },
  },
});

if (values.sync !== undefined && values.sync !== "git") throw new Error(`--sync: "${values.sync}" is not a sync mode (the one mode is git)`);
/** The writing verbs take --sync git; reading ones read the clone as the last write left it. */
const synced = values.sync === "git" ? ["--sync", "git"] : [];
/** --review goes to the claim (it names the branch) and the extraction (it goes there). */
const review = values.review ? ["--review"] : [];
const onReview = values["on-review"] === undefined ? [] : ["--on-review", values["on-review"]];

/** One CLI call; JSON out, or an Error carrying the CLI's one-line message. */
function cli(args, input) {
  const run = spawnSync(process.execPath, [values.bin, ...args, "--vault", values.vault], { input, encoding: "utf8" });
  if (run.status === 2) {
    // A clone that cannot sync (or a bad call) will not get better by trying the next source.
    console.error(run.stderr.trim().split("\n")[0]);
    process.exit(2);
  }
  if (run.status !== 0) throw new Error(run.stderr.trim().split("\n")[0] || `source-queue ${args[0]} exited ${run.status}`);
  return run.stdout.trim() === "" ? {} : JSON.parse(run.stdout);
}

/**
 * The agent's decision for one source: which candidates to create, which
 * claims it wrote itself, and what to record. A real agent reads
 * `source.candidates`, the curator's guidance and the source's text here.
 */
function decide(read) {
  const select = read.candidates.map((c, i) => (c.selected && !c.exists ? i + 1 : 0)).filter((n) => n > 0);
  // The agent names itself (only the holder may write a held source) and carries the version it read.
  return { agent: values.agent, version: read.version, select, claims: [], model: values.model, notes: `kept ${select.length} of ${read.candidates.length} candidates as proposed` };
}

/** Read, decide, write. A source that changed since it was read (a curator's edit, pulled by the synced write) is read again, a few times. */
function extractOne(path) {
  for (let attempt = 0; ; attempt++) {
    const read = cli(["extract", path, "--dry-run", "--json"]);
    const plan = decide(read);
    try {
      if (plan.select.length === 0 && plan.claims.length === 0) {
        cli(["set", path, "--status", "null-result", "--reason", "no claim worth creating (agent-loop)", "--agent", values.agent, "--json", ...synced]);
        console.log(`  nothing to create: ${path} is null-result`);
      } else {
        const result = cli(["extract", path, "--plan", "-", "--json", ...synced, ...review, ...onReview], JSON.stringify(plan));
        const where = result.review ? ` on ${result.review.branch} for review${result.review.on_review ? ` (${result.review.on_review})` : ""}` : "";
        console.log(`  created ${result.created.length}, linked ${result.linked.length}${where}`);
      }
      return;
    } catch (err) {
      // "read it again": the source changed since it was read; "try again": other agents kept the remote busy.
      if (!/read it again|try again/.test(err.message) || attempt >= 4) throw err;
    }
  }
}

const max = Number(values.max);
let done = 0;
while (done < max) {
  const nextArgs = ["next", "--claim", values.agent, "--json", ...synced, ...review, ...(values.domain ? ["--domain", values.domain] : [])];
  let next;
  try {
    next = cli(nextArgs);
  } catch (err) {
    // Other agents claimed every source offered, or kept the remote busy: the queue is still there.
    if (!/try again/.test(err.message)) throw err;
    console.error(`  ${err.message}`);
    continue;
  }
  if (!next.source) {
    console.log("The queue has nothing left for this agent.");
    break;
  }
  const path = next.source.path;
  console.log(`${values.agent} claimed ${path} (${next.source.priority ?? "no"} priority)`);
  try {
    extractOne(path);
  } catch (err) {
    if (/taken by /.test(err.message)) {
      console.error(`  ${err.message}`);
      done++;
      continue;
    }
    console.error(`  ${err.message}; giving ${path} back`);
    try {
      cli(["release", path, "--agent", values.agent, ...synced]);
    } catch (releaseErr) {
      console.error(`  release failed too: ${releaseErr.message}`);
    }
  }
  done++;
}
console.log(`Done: ${done} source${done === 1 ? "" : "s"}.`);
