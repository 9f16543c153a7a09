// The official MCP Inspector's command line against `mcp --http` (issue #22:
// "check it with the official MCP tooling as a real client would"): the
// inspector connects over Streamable HTTP, lists the tools, calls one and
// shows its structured result, shows a refused call as a tool error, and
// reaches a server that wants a bearer token only with the token.
//
// @modelcontextprotocol/inspector-cli 1.0.3 (the inspector 2.x needs Node 22)
// looks for its own package.json by a path relative to the working directory
// ("../package.json"), so it runs from test/, whose parent has one.
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, tempDir } from "../cli/run-cli";
import { runNode, serveHttp } from "./http-server";

const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running.splice(0)) child.kill("SIGTERM");
  cleanUp();
});

const ROOT = join(import.meta.dirname, "../..");
const INSPECTOR = join(ROOT, "node_modules/@modelcontextprotocol/inspector-cli/build/cli.js");

const inspector = (url: string, args: string[]) => runNode(INSPECTOR, ["--cli", url, "--transport", "http", ...args], { cwd: join(ROOT, "test") });

/** The JSON the inspector prints (it may print a notice before it). */
const printed = (stdout: string): unknown => JSON.parse(stdout.slice(stdout.indexOf("{")));

describe("the official MCP Inspector (CLI mode) over Streamable HTTP", () => {
  it("lists the nine tools with their input schemas", async () => {
    const url = await serveHttp(running);
    const r = await inspector(url, ["--method", "tools/list"]);
    expect(r.code, r.stderr).toBe(0);
    const { tools } = printed(r.stdout) as { tools: { name: string; inputSchema: { type: string } }[] };
    expect(tools.map((t) => t.name).sort()).toEqual(["claim_source", "extract_claims", "list_sources", "next_source", "read_source", "release_source", "set_fields", "undo_extraction", "validate_vault"]);
    for (const t of tools) expect(t.inputSchema.type).toBe("object");
  }, 60_000);

  it("calls next_source and shows the source as structured content", async () => {
    const url = await serveHttp(running);
    const r = await inspector(url, ["--method", "tools/call", "--tool-name", "next_source", "--tool-arg", "domain=biology"]);
    expect(r.code, r.stderr).toBe(0);
    const result = printed(r.stdout) as { isError?: boolean; structuredContent: { source: { path: string; domain: string; status: string } } };
    expect(result.isError ?? false).toBe(false);
    expect(result.structuredContent.source).toMatchObject({ domain: "biology", status: "unprocessed" });
    expect(result.structuredContent.source.path).toMatch(/^inbox\/.+\.md$/);
  }, 60_000);

  it("shows a refused call as a tool error of one line, and the server goes on", async () => {
    const url = await serveHttp(running);
    const refused = await inspector(url, ["--method", "tools/call", "--tool-name", "read_source", "--tool-arg", "path=../outside.md"]);
    const result = printed(refused.stdout) as { isError: boolean; content: { text: string }[] };
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text.split("\n")).toHaveLength(1);
    const after = await inspector(url, ["--method", "tools/list"]);
    expect(after.code, after.stderr).toBe(0);
  }, 60_000);

  it("reaches a server that wants a bearer token with the token, and is refused without it", async () => {
    const token = join(tempDir("sq-token-"), "token");
    writeFileSync(token, "s3cret-token-for-the-inspector\n");
    const url = await serveHttp(running, ["--token-file", token]);
    const without = await inspector(url, ["--method", "tools/list"]);
    expect(without.code).not.toBe(0);
    expect(without.stdout + without.stderr).toMatch(/a bearer token is required/);
    const withToken = await inspector(url, ["--method", "tools/list", "--header", "Authorization: Bearer s3cret-token-for-the-inspector"]);
    expect(withToken.code, withToken.stderr).toBe(0);
    expect((printed(withToken.stdout) as { tools: unknown[] }).tools).toHaveLength(9);
  }, 60_000);
});
