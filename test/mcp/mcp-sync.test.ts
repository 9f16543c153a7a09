// `mcp --sync git` (SPEC §7 "Agents on many machines"): the real server over
// stdio, driven by the SDK's own client, in a clone of a bare remote, beside
// a second clone worked with the CLI. next_source fast-forwards the clone
// first; every tool that writes is one commit pushed to the remote, with the
// subject the SPEC names, the history linear and the clone left clean at
// the remote's head; a claim that loses a race is a tool error "taken by
// <agent>" and the server goes on serving; a server asked to sync a folder
// that is not a git repository does not start (one line, exit 2).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { BIN, cleanUp, cliEnv, tempDir } from "../cli/run-cli";
import { dirtyNotes, history, sh, sharedQueue, sq, type SharedQueue } from "../cli/git-remote";

interface ToolCall {
  isError: boolean;
  text: string;
  json: Record<string, unknown>;
}

let q: SharedQueue;
/** The server's clone (agent-1) and the other agent's, worked with the CLI (agent-2). */
let mine = "";
let theirs = "";
let client: Client;
let serverLog = "";

beforeAll(async () => {
  q = sharedQueue(2);
  [mine = "", theirs = ""] = q.clones;
  client = new Client({ name: "source-queue-sync-test", version: "1.0.0" });
  const env = Object.fromEntries(Object.entries(cliEnv()).filter((e): e is [string, string] => e[1] !== undefined));
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp", "--sync", "git", "--vault", mine], env, stderr: "pipe" });
  transport.stderr?.on("data", (d: Buffer) => (serverLog += d.toString()));
  await client.connect(transport);
}, 30_000);

afterAll(async () => {
  await client.close();
  cleanUp();
}, 60_000);

async function call(name: string, args: Record<string, unknown> = {}): Promise<ToolCall> {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as { type: string; text: string }[])[0]?.text ?? "";
  return { isError: result.isError === true, text, json: result.isError ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const remoteFrontmatter = (path: string) => parseFrontmatter(sh(q.remote, "show", `main:${path}`)).data ?? {};
const onRemote = (path: string) => sh(q.remote, "ls-tree", "--name-only", "main", "--", path) !== "";

/** The clone left as a write must leave it: no note changed, at the remote's head, the history without a merge. */
function expectSettled(): void {
  expect(dirtyNotes(mine)).toEqual([]);
  expect(sh(mine, "rev-parse", "HEAD")).toBe(sh(q.remote, "rev-parse", "main"));
  expect(history(q.remote).merges).toBe(0);
}

/** `write` made exactly one commit on the remote, with this subject; its body lists the files it changed. */
async function oneCommit(subject: string, write: () => Promise<ToolCall>): Promise<{ call: ToolCall; files: string[] }> {
  const before = history(q.remote).subjects;
  const result = await write();
  expect(result.isError, `${result.text}\n${serverLog}`).toBe(false);
  expect(history(q.remote).subjects).toEqual([subject, ...before]);
  expectSettled();
  const files = sh(q.remote, "log", "-1", "--format=%b", "main").split("\n").filter((l) => l !== "").map((l) => l.replace(/^- /, ""));
  expect(files.sort()).toEqual(sh(q.remote, "-c", "core.quotePath=false", "show", "--name-only", "--format=", "main").split("\n").filter((l) => l !== "").sort());
  return { call: result, files };
}

describe("an agent works the shared queue through mcp --sync git", () => {
  let path = "";
  let version = "";
  let created: string[] = [];

  it("next_source fast-forwards the clone first: a source another clone claimed is not offered", async () => {
    const first = (await call("next_source")).json.source as { path: string };
    // The other agent claims that source in its own clone and pushes.
    const other = await sq(["claim", first.path, "--agent", "agent-2", "--vault", theirs, "--sync", "git"]);
    expect(other.code, other.stderr).toBe(0);
    const before = history(q.remote).subjects;
    const next = (await call("next_source")).json.source as { path: string };
    expect(next.path).not.toBe(first.path);
    expect(sh(mine, "rev-parse", "HEAD")).toBe(sh(q.remote, "rev-parse", "main"));
    expect(history(q.remote).subjects).toEqual(before);
    path = next.path;
  });

  it("claim_source is one commit \"claim <source> for <agent>\" pushed", async () => {
    const { call: claim, files } = await oneCommit(`claim ${path} for agent-1`, () => call("claim_source", { path, agent: "agent-1", lease_minutes: 30 }));
    expect(claim.json).toMatchObject({ path, agent: "agent-1", status: "processing", outcome: "claimed" });
    expect(files).toEqual([path]);
    expect(remoteFrontmatter(path)).toMatchObject({ status: "processing", processed_by: "agent-1", processing_until: claim.json.processing_until });
  });

  it("read_source reads the clone and writes nothing", async () => {
    const before = history(q.remote).subjects;
    const read = await call("read_source", { path });
    expect(read.json).toMatchObject({ path, status: "processing", held: { by: "agent-1" } });
    expect((read.json.candidates as unknown[]).length).toBeGreaterThan(0);
    version = String(read.json.version);
    expect(history(q.remote).subjects).toEqual(before);
    expectSettled();
  });

  it("extract_claims with the version read is one commit \"extract <source>: N claims\" listing the claims and the source", async () => {
    const before = history(q.remote).subjects;
    const result = await call("extract_claims", {
      path,
      agent: "agent-1",
      version,
      select: [1],
      claims: [{ title: "A claim the synced agent wrote in its own words", body: "Its own words, pushed with the extraction." }],
      model: "sync-test-model",
    });
    expect(result.isError, `${result.text}\n${serverLog}`).toBe(false);
    created = result.json.created as string[];
    const enriched = (result.json.enriched as string[] | undefined) ?? [];
    expect(created.length).toBeGreaterThan(0);
    const n = created.length;
    expect(history(q.remote).subjects).toEqual([`extract ${path}: ${n} claim${n === 1 ? "" : "s"}`, ...before]);
    expectSettled();
    const listed = sh(q.remote, "log", "-1", "--format=%b", "main").split("\n").filter((l) => l !== "");
    expect(listed.sort()).toEqual([...created, ...enriched, path].map((f) => `- ${f}`).sort());
    for (const c of created) expect(onRemote(c), c).toBe(true);
    expect(remoteFrontmatter(path)).toMatchObject({ status: "processed", processed_by: "agent-1", extraction_model: "sync-test-model" });
  });

  it("a stale version is refused as a tool error, and nothing is committed", async () => {
    const before = history(q.remote).subjects;
    const stale = await call("extract_claims", { path, agent: "agent-1", version, select: [1] });
    expect(stale.isError).toBe(true);
    expect(stale.text.split("\n")).toHaveLength(1);
    expect(history(q.remote).subjects).toEqual(before);
    expectSettled();
  });

  it("undo_extraction is one commit \"undo the extraction of <source>\": the claims gone from the remote, the source held again", async () => {
    const { call: undo } = await oneCommit(`undo the extraction of ${path}`, () => call("undo_extraction", { path, agent: "agent-1" }));
    expect(undo.json).toMatchObject({ source: path, sourceRestored: true, keptEdited: [] });
    for (const c of created) expect(onRemote(c), c).toBe(false);
    expect(remoteFrontmatter(path)).toMatchObject({ status: "processing", processed_by: "agent-1" });
  });

  it("release_source is one commit \"release <source> by <agent>\"", async () => {
    await oneCommit(`release ${path} by agent-1`, () => call("release_source", { path, agent: "agent-1" }));
    expect(remoteFrontmatter(path).status).toBe("unprocessed");
    expect(remoteFrontmatter(path)).not.toHaveProperty("processed_by");
  });

  it("set_fields null-result is one commit \"set <source>: status null-result\", its reason written", async () => {
    const { call: set } = await oneCommit(`set ${path}: status null-result`, () => call("set_fields", { path, status: "null-result", reason: "Nothing new beyond the abstract" }));
    expect(set.json).toMatchObject({ path, changed: true });
    const data = remoteFrontmatter(path);
    expect(data.status).toBe("null-result");
    expect(Object.values(data)).toContain("Nothing new beyond the abstract");
  });

  it("a claim that loses the race to another clone's claim of the same source is a tool error \"taken by <agent>\", and the server goes on", async () => {
    const target = ((await call("next_source")).json.source as { path: string }).path;
    // Between the server's commit and its push, agent 2 claims the same source in its clone and pushes first.
    const hook = join(mine, ".git", "hooks", "post-commit");
    writeFileSync(hook, `#!/bin/sh\n[ -e "${mine}/.git/raced" ] && exit 0\ntouch "${mine}/.git/raced"\n"${process.execPath}" "${BIN}" claim "${target}" --agent agent-2 --vault "${theirs}" --sync git >/dev/null\n`, { mode: 0o755 });
    const before = history(q.remote).subjects;
    const lost = await call("claim_source", { path: target, agent: "agent-1" });
    expect(lost.isError).toBe(true);
    expect(lost.text).toBe(`taken by agent-2: ${target}; nothing written`);
    expect(history(q.remote).subjects).toEqual([`claim ${target} for agent-2`, ...before]);
    expect(remoteFrontmatter(target)).toMatchObject({ status: "processing", processed_by: "agent-2" });
    expectSettled();
    // The server still serves, from the remote's head: the source agent 2 holds is not offered again.
    const next = await call("next_source");
    expect(next.isError).toBe(false);
    expect((next.json.source as { path: string }).path).not.toBe(target);
  });
});

describe("mcp --sync git in a folder that is not a git repository", () => {
  it("does not start: one line on stderr, exit 2", async () => {
    const dir = tempDir("sq-mcp-plain-");
    writeFileSync(join(dir, "a.md"), "---\nstatus: unprocessed\n---\n");
    const r = await sq(["mcp", "--sync", "git", "--vault", dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^source-queue: --sync git: .* is not in a git repository/);
  });
});
