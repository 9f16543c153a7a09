// A stand-alone entry for the MCP server (`node dist/mcp.cjs --vault DIR`),
// used by the tests and until `source-queue mcp` is wired into main.ts.
import { parseArgs } from "node:util";
import { UsageError } from "./fs-vault";
import { runMcp } from "./mcp-main";

async function start(): Promise<number> {
  let vault: string;
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { vault: { type: "string" } }, strict: true, allowPositionals: false });
    vault = values.vault ?? process.cwd();
    return await runMcp(vault);
  } catch (err) {
    const message = (err as Error).message.split("\n")[0] ?? String(err);
    process.stderr.write(`source-queue mcp: ${message}\n`);
    return err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS") ? 2 : 1;
  }
}

void start().then((code) => {
  process.exitCode = code;
});
