// The MCP server as a program the tests can start: src/cli/mcp-bin.ts bundled
// with esbuild (as the CLI is), into node_modules/.cache so its imports of the
// SDK resolve from the project. Built once per test file.
import esbuild from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "../../");

export async function buildMcpServer(): Promise<string> {
  const outDir = join(root, "node_modules", ".cache", "source-queue-test");
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `mcp-${process.pid}.cjs`);
  await esbuild.build({
    entryPoints: [join(root, "src/cli/mcp-bin.ts")],
    bundle: true,
    outfile,
    format: "cjs",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  return outfile;
}
