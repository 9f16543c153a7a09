// `source-queue mcp [--vault DIR]` (SPEC §7): the agent tools over stdio.
// src/cli/main.ts loads this module only for `mcp` (a dynamic import), so the
// other commands never load the MCP SDK. The process serves until the client
// closes stdin; every log line goes to stderr, as stdout carries JSON-RPC.
import { FsAgentCommands } from "../node/agent-commands";
import { serveStdio } from "./mcp-server";

/** The server's version as MCP clients see it: the package's. */
const VERSION = "0.1.0";

const log = (line: string) => process.stderr.write(`${line}\n`);

export async function runMcp(vaultDir: string): Promise<number> {
  const commands = new FsAgentCommands(vaultDir, { log });
  // What a killed run left is finished or taken back before the first call (SPEC §8).
  await commands.recover();
  await serveStdio(commands, { name: "source-queue", version: VERSION, log });
  return 0;
}
