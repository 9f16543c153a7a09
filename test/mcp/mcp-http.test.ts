// `mcp --http [HOST:]PORT` (SPEC §7 "Remote agents over HTTP"): the same
// tools over the SDK's Streamable HTTP transport, as a real client reaches
// them; loopback by default, a bearer token required elsewhere, Origin
// validated, a body over the limit answered 413 while the server goes on.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { HTTP_BODY_LIMIT } from "../../src/mcp/http-limit";
import { cleanUp, copyDemoVault, tempDir } from "../cli/run-cli";
import { serveHttp } from "./http-server";
import { sq } from "../cli/git-remote";

afterAll(cleanUp);
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGTERM");
});

/** Starts the server on a free port; resolves with its URL once it says where it serves. */
const serve = (args: string[] = []): Promise<string> => serveHttp(running, args);

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "http-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

const INIT = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } };
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  globalThis.fetch(url, { method: "POST", body, headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers } });

describe("MCP over Streamable HTTP", () => {
  it("serves the tools to the SDK's client on loopback", async () => {
    const url = await serve();
    const client = await connect(url);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("claim_source");
    const next = await client.callTool({ name: "next_source", arguments: {} });
    expect(next.isError).toBeFalsy();
    const path = (next.structuredContent as { source: { path: string } }).source.path;
    const claimed = await client.callTool({ name: "claim_source", arguments: { path, agent: "http-agent" } });
    expect(claimed.structuredContent).toMatchObject({ agent: "http-agent", status: "processing" });
    await client.close();
  }, 30_000);

  it("refuses an Origin of another site in one line (403), and takes a loopback one", async () => {
    const url = await serve();
    const evil = await post(url, JSON.stringify(INIT), { origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: { message: string } }).error.message).toBe("Origin https://evil.example is not allowed");
    const local = await post(url, JSON.stringify(INIT), { origin: "http://localhost:3000" });
    expect(local.status).toBe(200);
  }, 30_000);

  it("refuses a call before initialize", async () => {
    const url = await serve();
    const r = await post(url, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }));
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/first request must be initialize/);
  }, 30_000);

  it("refuses a __proto__ key in one line (400), as the stdio door does", async () => {
    const url = await serve();
    const r = await post(url, '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"__proto__":{"x":1}}}');
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe('request refused: params: Unrecognized key: "__proto__"');
  }, 30_000);

  it("answers a body over the limit with 413 and one line, and goes on serving", async () => {
    const url = await serve();
    const big = JSON.stringify({ ...INIT, pad: "x".repeat(HTTP_BODY_LIMIT) });
    const r = await post(url, big);
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe(`request body over the limit of ${HTTP_BODY_LIMIT} bytes; nothing was read`);
    const client = await connect(url);
    expect((await client.listTools()).tools.length).toBe(9);
    await client.close();
  }, 30_000);

  it("off loopback, refuses to start without --token-file, in one line, exit 2", async () => {
    const r = await sq(["mcp", "--vault", copyDemoVault(), "--http", "0.0.0.0:0"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("source-queue: --http 0.0.0.0: any address but 127.0.0.1 needs --token-file FILE (a bearer token)");
  });

  it("with a token, refuses every request without it (401) and serves one that carries it", async () => {
    const file = join(tempDir("sq-token-"), "token");
    writeFileSync(file, "s3cret-token\n");
    const url = await serve(["--token-file", file]);
    expect((await post(url, JSON.stringify(INIT))).status).toBe(401);
    expect((await post(url, JSON.stringify(INIT), { authorization: "Bearer wrong" })).status).toBe(401);
    const client = await connect(url, { authorization: "Bearer s3cret-token" });
    expect((await client.listTools()).tools.length).toBe(9);
    await client.close();
  }, 30_000);
});
