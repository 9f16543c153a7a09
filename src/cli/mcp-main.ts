// `source-queue mcp [--vault DIR]` (SPEC §7): the agent tools over stdio.
// src/cli/main.ts hands the vault folder here; the process then serves until
// the client closes stdin. A missing vault is a usage error before serving.
import { FsAgentCommands } from "./agent-commands";
import { serveStdio } from "./mcp-server";

/** The server's version as MCP clients see it: the package's. */
const VERSION = "0.1.0";

export async function runMcp(vaultDir: string): Promise<number> {
  const commands = new FsAgentCommands(vaultDir);
  await serveStdio(commands, { name: "source-queue", version: VERSION });
  return 0;
}
