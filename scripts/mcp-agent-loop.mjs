#!/usr/bin/env node
// The MCP twin of agent-loop.mjs (SPEC §7): one long-lived `source-queue mcp`
// server over stdio, driven by the MCP SDK's own client, as an AI agent's
// harness drives it: next_source → claim_source → read_source →
// extract_claims (or set_fields null-result when nothing is worth creating),
// until the queue is empty or --max sources are done. The stand-in "agent"
// keeps the candidates selected by default.
//
//   node scripts/mcp-agent-loop.mjs --vault CLONE --agent extractor-1 [--max 100] [--domain d] [--sync git]
//
// With --sync git the server commits and pushes every write to the clone's
// upstream (SPEC §7 "Agents on many machines"). A source lost to another
// agent ("taken by …") is left to it; a source that changed since it was read
// (a curator's edit) is read again; an agent started again under the same
// name resumes a source it holds (next_source with agent).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    vault: { type: "string", default: process.cwd() },
    agent: { type: "string", default: `mcp-agent-${process.pid}` },
    max: { type: "string", default: "3" },
    domain: { type: "string" },
    model: { type: "string", default: "example-agent" },
    bin: { type: "string", default: join(import.meta.dirname, "..", "dist", "cli.cjs") },
    sync: { type: "string" },
  },
});
if (values.sync !== undefined && values.sync !== "git") throw new Error(`--sync: "${values.sync}" is not a sync mode (the one mode is git)`);

const agent = values.agent;
const client = new Client({ name: "mcp-agent-loop", version: "1.0.0" });
const server = ["mcp", "--vault", values.vault, ...(values.sync === "git" ? ["--sync", "git"] : [])];
await client.connect(new StdioClientTransport({ command: process.execPath, args: [values.bin, ...server], stderr: "inherit" }));

/** One tool call: its structured result, or an Error carrying the tool's one line. */
async function call(name, args) {
  const r = await client.callTool({ name, arguments: args });
  const text = r.content?.[0]?.text ?? "";
  if (r.isError) throw new Error(text.split("\n")[0] || `${name} failed`);
  return r.structuredContent ?? JSON.parse(text);
}

// Lost to another agent: it holds the source, or it claimed and finished it
// between our next_source and claim_source ("… is processed, so it cannot be
// claimed"): either way the next source is ours to try.
const lost = (err) => /taken by |held by |in review| is (?:processed|null-result), so it cannot be claimed/.test(err.message);
/** "read it again": the source changed since it was read; "try again": other agents kept the remote busy. */
const stale = (err) => /read it again|try again/.test(err.message);

/** Read, decide, write; a source that changed since it was read (a curator's edit) is read again, a few times. */
async function extractOne(path) {
  for (let attempt = 0; ; attempt++) {
    const read = await call("read_source", { path });
    const select = read.candidates.map((c, i) => (c.selected && !c.exists ? i + 1 : 0)).filter((n) => n > 0);
    try {
      if (select.length === 0) {
        await call("set_fields", { path, agent, status: "null-result", reason: "no claim worth creating (mcp-agent-loop)" });
        return "null-result";
      }
      const r = await call("extract_claims", { path, agent, version: read.version, select, model: values.model, notes: `kept ${select.length} of ${read.candidates.length} candidates as proposed` });
      return `created ${r.created.length}, linked ${r.linked.length}`;
    } catch (err) {
      if (!stale(err) || attempt >= 4) throw err;
    }
  }
}

const max = Number(values.max);
let done = 0;
try {
  while (done < max) {
    let next;
    try {
      next = await call("next_source", { agent, ...(values.domain ? { domain: values.domain } : {}) });
    } catch (err) {
      if (!stale(err)) throw err;
      continue;
    }
    if (next.source === null) {
      console.log("The queue has nothing left for this agent.");
      break;
    }
    const path = next.source.path;
    try {
      await call("claim_source", { path, agent });
    } catch (err) {
      if (!lost(err) && !stale(err)) throw err;
      console.error(`  ${err.message}`);
      continue;
    }
    console.log(`${agent} claimed ${path}`);
    try {
      console.log(`  ${await extractOne(path)}`);
    } catch (err) {
      if (lost(err)) console.error(`  ${err.message}`);
      else {
        console.error(`  ${err.message}; giving ${path} back`);
        await call("release_source", { path, agent }).catch((e) => console.error(`  release failed too: ${e.message}`));
      }
    }
    done++;
  }
} finally {
  await client.close();
}
console.log(`Done: ${done} source${done === 1 ? "" : "s"}.`);
