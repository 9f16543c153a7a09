// Issue #27: the nine attacks of a careless or hostile agent, each refused as
// SPEC §7 "Holders, versions and limits" says, through both doors where it
// applies: the MCP server over stdio (the SDK's own Client and
// StdioClientTransport) and `source-queue extract --plan -`. Every refusal
// is one line, writes nothing, and the server keeps serving.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { BIN, cleanUp, cli, cliEnv, copyDemoVault, snapshot } from "../cli/run-cli";

const SOURCE = "inbox/2026-03-14-sycophancy-reward-model-preference-bias.md";

interface ToolCall {
  isError: boolean;
  text: string;
  json: Record<string, unknown>;
}

let vault = "";
let original = "";
let client: Client;

async function connect(): Promise<Client> {
  const c = new Client({ name: "attacks", version: "1.0.0" });
  await c.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp", "--vault", vault], env: cliEnv() as Record<string, string>, stderr: "pipe" }));
  return c;
}

async function call(name: string, args: Record<string, unknown>): Promise<ToolCall> {
  const result = await client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 });
  const text = (result.content as { text: string }[])[0]?.text ?? "";
  return { isError: result.isError === true, text, json: result.isError ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** `extract <note> --plan -` with the plan on stdin. */
function plan(args: Record<string, unknown> | string, extra: string[] = []) {
  const r = spawnSync(process.execPath, [BIN, "extract", SOURCE, "--vault", vault, "--plan", "-", "--json", ...extra], { encoding: "utf8", env: cliEnv(), input: typeof args === "string" ? args : JSON.stringify(args), maxBuffer: 1 << 26 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const text = () => readFileSync(join(vault, SOURCE), "utf8");
const fm = () => parseFrontmatter(text()).data ?? {};
const version = async () => (await call("read_source", { path: SOURCE })).json.version as string;
const claimFor = async (agent: string) => expect((await call("claim_source", { path: SOURCE, agent })).isError).toBe(false);
const title = (n: number) => `Reward models trained on chat logs favour agreement over accuracy, case ${n}`;

/** The refusal is one line, and the vault is byte for byte what it was. */
async function refusedUnchanged(run: () => Promise<{ text: string; isError: boolean }> | { text: string; isError: boolean }, pattern: RegExp): Promise<void> {
  const before = snapshot(vault);
  const result = await run();
  expect(result.isError).toBe(true);
  expect(result.text).toMatch(pattern);
  expect(result.text.trim()).not.toContain("\n");
  expect(snapshot(vault)).toEqual(before);
}
const viaCli = (r: { code: number; stderr: string }) => ({ isError: r.code !== 0, text: r.stderr.trim() });

beforeAll(async () => {
  vault = copyDemoVault();
  original = readFileSync(join(vault, SOURCE), "utf8");
  client = await connect();
});

beforeEach(() => writeFileSync(join(vault, SOURCE), original));

afterAll(async () => {
  await client.close();
  cleanUp();
});

describe("1. limits fit the transport: what the documented limits allow is read, a larger request is one error line and the server keeps serving", () => {
  it("refuses bodies over 8 MB together (11 bodies of 0.99 MB) as a tool error, on both doors", async () => {
    const claims = Array.from({ length: 11 }, (_, i) => ({ title: title(i), body: "x".repeat(990_000) }));
    await refusedUnchanged(() => call("extract_claims", { path: SOURCE, claims }), /^claims: the bodies are 10,890,000 bytes together; at most 8,000,000 are accepted in one call; nothing written$/);
    await refusedUnchanged(() => viaCli(plan({ claims })), /^source-queue: claims: the bodies are 10,890,000 bytes together/);
    expect((await call("list_sources", { limit: 1 })).isError).toBe(false);
  }, 120_000);

  it("answers a request line over 64 MiB with one JSON-RPC error naming its size, and serves the next call", async () => {
    const before = snapshot(vault);
    const huge = call("extract_claims", { path: SOURCE, claims: [{ title: title(1), body: "y".repeat(70 * 1024 * 1024) }] });
    await expect(huge).rejects.toThrow(/request too large: 73,4\d\d,\d\d\d bytes \(70\.0 MiB\); a request is at most 64\.0 MiB/);
    expect(snapshot(vault)).toEqual(before);
    expect((await call("list_sources", { limit: 1 })).isError).toBe(false);
  }, 120_000);

  it("creates the largest request the limits allow: 8 bodies of 1 MB, escaped at worst (a 48 MB line)", async () => {
    // Control characters are what JSON escapes longest (\u0001: six bytes for one).
    const claims = Array.from({ length: 8 }, (_, i) => ({ title: title(i), body: `Body ${i}\n${"\u0001".repeat(999_990)}` }));
    const line = JSON.stringify({ path: SOURCE, claims }).length;
    const read = await version();
    const started = performance.now();
    const result = await call("extract_claims", { path: SOURCE, version: read, select: [], claims });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`largest request over stdio: ${(line / 1e6).toFixed(1)} MB line, ${seconds.toFixed(2)} s\n`);
    expect(result.isError, result.text).toBe(false);
    expect(result.json.created as string[]).toHaveLength(8);
    expect(line).toBeGreaterThan(47_000_000);
    expect((await call("undo_extraction", { path: SOURCE })).isError).toBe(false);
  }, 180_000);
});

describe("2. titles lose their control characters; names and models with one are refused", () => {
  it("writes a NUL-bearing title without the NUL, into the source and the claim's heading (MCP)", async () => {
    const result = await call("extract_claims", { path: SOURCE, version: await version(), select: [], claims: [{ title: "Reward models\u0000 overrate\u0007 agreement in long chats", body: "Text." }] });
    expect(result.isError, result.text).toBe(false);
    const created = (result.json.created as string[])[0] ?? "";
    expect(result.json.created).toHaveLength(1);
    const claim = readFileSync(join(vault, created), "utf8");
    expect(claim).toContain("# Reward models overrate agreement in long chats\n");
    expect(claim).not.toContain("\u0000");
    expect(claim).not.toContain("\u0007");
    expect(text()).not.toContain("\u0000");
    expect((await call("undo_extraction", { path: SOURCE })).isError).toBe(false);
  });

  it("does the same through extract --plan -", async () => {
    const run = plan({ select: [], claims: [{ title: "Reward models\u0000 overrate agreement in chats that run long", body: "Text." }] });
    expect(run.code, run.stderr).toBe(0);
    expect(text()).not.toContain("\u0000");
    expect(text()).toContain("Reward models overrate agreement in chats that run long");
    expect(cli(["undo", SOURCE, "--vault", vault]).code).toBe(0);
  });

  it("refuses an agent name or a model with a NUL on both doors", async () => {
    await refusedUnchanged(() => call("claim_source", { path: SOURCE, agent: "agent\u0000a" }), /^the agent name contains a control character \(U\+0000\)$/);
    await refusedUnchanged(() => call("extract_claims", { path: SOURCE, agent: "agent\u0000a" }), /^agent: the agent name contains a control character \(U\+0000\)$/);
    await refusedUnchanged(() => call("extract_claims", { path: SOURCE, model: "m\u0000" }), /^model: the model contains a control character \(U\+0000\)$/);
    await refusedUnchanged(() => viaCli(plan({ model: "m\u0000" })), /^source-queue: model: the model contains a control character \(U\+0000\)$/);
  });
});

describe("3. leaving out agent is no way around a lease", () => {
  it("refuses extract_claims naming no agent while another agent's lease runs, on both doors", async () => {
    await claimFor("agent-b");
    await refusedUnchanged(() => call("extract_claims", { path: SOURCE, claims: [{ title: title(3) }] }), /^inbox\/.* is held by agent-b until \d{4}-.*; nothing written$/);
    await refusedUnchanged(() => viaCli(plan({ claims: [{ title: title(3) }] })), /^source-queue: inbox\/.* is held by agent-b until \d{4}-/);
    await refusedUnchanged(() => viaCli(cli(["extract", SOURCE, "--vault", vault])), /is held by agent-b until/);
    expect(fm()).toMatchObject({ status: "processing", processed_by: "agent-b" });
  });

  it("lets a curator take it over on purpose: --take-over ends the lease in the same edit", async () => {
    await claimFor("agent-b");
    const run = plan({ claims: [{ title: title(33) }] }, ["--take-over"]);
    expect(run.code, run.stderr).toBe(0);
    expect(fm().status).toBe("processed");
    expect(fm()).not.toHaveProperty("processing_until");
    expect(fm().processed_by).not.toBe("agent-b");
  });
});

describe("4. set_fields and set by a non-holder on a live lease are refused", () => {
  it("refuses another agent and a call naming no one; the holder's set ends its lease", async () => {
    await claimFor("agent-a");
    await refusedUnchanged(() => call("set_fields", { path: SOURCE, agent: "agent-b", status: "unprocessed" }), /is held by agent-a until .*; nothing written$/);
    await refusedUnchanged(() => call("set_fields", { path: SOURCE, status: "unprocessed" }), /is held by agent-a until/);
    await refusedUnchanged(() => viaCli(cli(["set", SOURCE, "--vault", vault, "--status", "unprocessed"])), /^source-queue: .* is held by agent-a until/);
    const own = await call("set_fields", { path: SOURCE, agent: "agent-a", status: "null-result", reason: "nothing new" });
    expect(own.isError, own.text).toBe(false);
    expect(fm()).toMatchObject({ status: "null-result" });
    expect(fm()).not.toHaveProperty("processing_until");
  });

  it("set --take-over ends the lease and the agent's name in the same edit", async () => {
    await claimFor("agent-a");
    const run = cli(["set", SOURCE, "--vault", vault, "--priority", "low", "--take-over"]);
    expect(run.code, run.stderr).toBe(0);
    expect(fm()).toMatchObject({ status: "processing", priority: "low" });
    expect(fm()).not.toHaveProperty("processing_until");
    expect(fm()).not.toHaveProperty("processed_by");
  });
});

describe("5. an extraction an agent made is undone only by that agent, or by no agent once no one holds the source", () => {
  it("refuses another agent's undo on both doors, and takes the maker's", async () => {
    await claimFor("agent-a");
    const claimed = text();
    const made = await call("extract_claims", { path: SOURCE, agent: "agent-a", version: await version(), select: [], claims: [{ title: title(500) }] });
    expect(made.isError, made.text).toBe(false);
    await refusedUnchanged(() => call("undo_extraction", { path: SOURCE, agent: "agent-b" }), /^the last extraction of .* was made by agent-a, not by agent-b; nothing undone$/);
    await refusedUnchanged(() => viaCli(cli(["undo", SOURCE, "--vault", vault, "--agent", "agent-b"])), /was made by agent-a, not by agent-b/);
    expect((await call("undo_extraction", { path: SOURCE, agent: "agent-a" })).isError).toBe(false);
    expect(text()).toBe(claimed);
  });

  it("refuses an undo naming no agent while someone holds the source, and allows it once no one does", async () => {
    await claimFor("agent-a");
    const made = plan({ agent: "agent-a", select: [], claims: [{ title: title(550) }] });
    expect(made.code, made.stderr).toBe(0);
    // agent-c claims it again after a curator set it back: now held, so a call naming no one may not undo.
    expect(cli(["set", SOURCE, "--vault", vault, "--status", "unprocessed"]).code).toBe(0);
    await claimFor("agent-c");
    await refusedUnchanged(() => viaCli(cli(["undo", SOURCE, "--vault", vault])), /is held by agent-c until/);
    expect((await call("release_source", { path: SOURCE, agent: "agent-c" })).isError).toBe(false);
    expect(cli(["undo", SOURCE, "--vault", vault]).code).toBe(0);
  });
});

describe("6. a selection carries the version it was read at; a note changed since is refused", () => {
  it("refuses select with a stale version, and select without one on MCP", async () => {
    const read = await version();
    appendFileSync(join(vault, SOURCE), "- A hint the agent never saw, added after the read\n");
    await refusedUnchanged(() => call("extract_claims", { path: SOURCE, version: read, select: [1] }), /^inbox\/.*: the source changed since it was read; read it again; nothing written$/);
    await refusedUnchanged(() => call("extract_claims", { path: SOURCE, select: [1] }), /^extract_claims: version: select and targets need the version read_source gave/);
    await refusedUnchanged(() => viaCli(plan({ version: read, select: [1] })), /^source-queue: inbox\/.*: the source changed since it was read; read it again/);
    const fresh = await call("extract_claims", { path: SOURCE, version: await version(), select: [1] });
    expect(fresh.isError, fresh.text).toBe(false);
  });

  it("takes a plan without a version on the CLI (optional there)", () => {
    const run = plan({ select: [1] });
    expect(run.code, run.stderr).toBe(0);
  });
});

describe("7. an agent name is one line on every door", () => {
  it("refuses a newline in the agent of extract --plan - and of extract_claims; processed_by is not written", async () => {
    await refusedUnchanged(() => viaCli(plan({ agent: "agent-a\nprocessed_by: mallory", claims: [{ title: title(7) }] })), /^source-queue: agent: the agent name must be one line$/);
    await refusedUnchanged(() => call("extract_claims", { path: SOURCE, agent: "agent-a\nb", claims: [{ title: title(7) }] }), /^agent: the agent name must be one line$/);
    await refusedUnchanged(() => viaCli(cli(["set", SOURCE, "--vault", vault, "--agent", "a\nb", "--priority", "low"])), /agent name must be one line/);
  });
});

describe("8. unknown keys are refused, __proto__ and constructor included", () => {
  it("refuses them on MCP (at any depth) and in a plan", async () => {
    const hostile = JSON.parse(`{"path": ${JSON.stringify(SOURCE)}, "__proto__": {"agent": "x"}}`) as Record<string, unknown>;
    await expect(client.callTool({ name: "extract_claims", arguments: hostile })).rejects.toThrow(/extract_claims: Unrecognized key: "__proto__"/);
    const nested = JSON.parse(`{"path": ${JSON.stringify(SOURCE)}, "claims": [{"title": "A b c d", "constructor": "x"}]}`) as Record<string, unknown>;
    await expect(client.callTool({ name: "extract_claims", arguments: nested })).rejects.toThrow(/Unrecognized key: "constructor"/);
    expect(text()).toBe(original);
    await refusedUnchanged(() => viaCli(plan(`{"__proto__": {"agent": "x"}}`)), /^source-queue: --plan: Unrecognized key: "__proto__"$/);
    await refusedUnchanged(() => viaCli(plan(`{"constructor": "x"}`)), /^source-queue: --plan: Unrecognized key: "constructor"$/);
    expect((await call("list_sources", { limit: 1 })).isError).toBe(false);
  });
});

describe("9. no call before initialize", () => {
  it("refuses tools/call and tools/list before the handshake and writes nothing", async () => {
    const before = snapshot(vault);
    const child = spawn(process.execPath, [BIN, "mcp", "--vault", vault], { env: cliEnv(), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    const send = (msg: unknown) => child.stdin.write(`${JSON.stringify(msg)}\n`);
    send({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "claim_source", arguments: { path: SOURCE, agent: "early" } } });
    send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
    for (let i = 0; i < 200 && stdout.split("\n").filter(Boolean).length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    child.stdin.end();
    await new Promise((r) => child.once("exit", r));
    const answers = stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id: number; error?: { message: string } });
    expect(answers.map((a) => a.error?.message).sort()).toEqual([expect.stringMatching(/not initialized: send initialize first/), expect.stringMatching(/not initialized/)]);
    expect(snapshot(vault)).toEqual(before);
  }, 30_000);
});
