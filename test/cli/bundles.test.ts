// The CLI's two bundles (esbuild.config.mjs): dist/cli.cjs for every command,
// dist/mcp.cjs loaded only by `source-queue mcp`. The MCP SDK is three times
// the rest of the CLI; when the door's import path changed in the #20 move,
// the split silently stopped and every command parsed the SDK at start.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

describe("the CLI bundles", () => {
  it("cli.cjs holds no MCP server and requires mcp.cjs only for the mcp command", () => {
    const cli = readFileSync(join(root, "dist/cli.cjs"), "utf8");
    expect(cli).not.toContain("McpServer");
    expect(cli).toContain("./mcp.cjs");
    expect(readFileSync(join(root, "dist/mcp.cjs"), "utf8")).toContain("McpServer");
  });
});
