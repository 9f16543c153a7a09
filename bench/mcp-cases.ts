// MCP cases (SPEC §7, issue #15): one tool call's round trip through the real
// server over stdio, as an agent's client sees it: JSON-RPC out, the command
// on a vault of n sources, JSON-RPC back. Warm: the server has answered once,
// so its rows are in memory (src/node/live-rows.ts) and each call stats the
// notes and reads only what changed. Target: under 50 ms at 10,000 sources
// for next_source and read_source.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sample } from "./measure";
import type { Report } from "./report";

const TARGET_MS = 50;
// Five warm-up calls: the first read of every note updates its access time, and the watcher then reports each note once (a stat apiece) over the next calls.
const runsFor = (n: number) => ({ warmup: 5, runs: n >= 50_000 ? 5 : 15 });

/** The built CLI (`npm run bench` builds first); the server is its `mcp` command. */
const cliOf = (root: string): string => join(root, "dist", "cli.cjs");

async function callOk(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as { text: string }[])[0]?.text ?? "";
  if (result.isError) throw new Error(`${name}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

export async function mcpCases(report: Report, dir: string, n: number, root: string): Promise<void> {
  const cli = cliOf(root);
  const cache = mkdtempSync(join(tmpdir(), "source-queue-bench-mcp-"));
  const client = new Client({ name: "source-queue-bench", version: "1.0.0" });
  const env = { PATH: process.env.PATH ?? "", SOURCE_QUEUE_CACHE_DIR: cache };
  try {
    const started = performance.now();
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, "mcp", "--vault", dir], env, stderr: "inherit" }));
    report.add("mcp: start the server and connect (reference)", n, performance.now() - started, "ms", null);

    const cold = performance.now();
    const first = await callOk(client, "next_source", {});
    report.add("mcp: first next_source (reads every note once)", n, performance.now() - cold, "ms", null);
    const path = (first.source as { path: string } | null)?.path;
    if (path === undefined) throw new Error("next_source found no source in the bench vault");

    const opts = { ...runsFor(n), collect: "once" as const };
    report.time("mcp: next_source round trip, warm", n, await sample(() => callOk(client, "next_source", {}), opts), TARGET_MS);
    report.time("mcp: read_source round trip, warm", n, await sample(() => callOk(client, "read_source", { path }), opts), TARGET_MS);
    report.time("mcp: list_sources round trip, warm, first page (100 rows; reference)", n, await sample(() => callOk(client, "list_sources", {}), opts), null);
    report.time("mcp: list_sources round trip, warm, a page of 1,000 rows (reference)", n, await sample(() => callOk(client, "list_sources", { limit: 1000 }), opts), null);
  } finally {
    await client.close().catch(() => undefined);
    rmSync(cache, { recursive: true, force: true });
  }
}
