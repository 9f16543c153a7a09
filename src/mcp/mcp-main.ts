// `source-queue mcp [--vault DIR]` (SPEC §7): the agent tools over stdio.
// src/cli/main.ts loads this module only for `mcp` (a dynamic import), so the
// other commands never load the MCP SDK. The process serves until the client
// closes stdin; every log line goes to stderr, as stdout carries JSON-RPC.
import { FsAgentCommands } from "../node/agent-commands";
import { serveStdio } from "./mcp-server";
import { GitSync } from "../node/git/git-sync";
import { GitRefusal } from "../node/git/git-clone";
import { SyncedAgentCommands } from "../node/git/synced-commands";
import { UsageError } from "../node/fs-vault";

/** `mcp --sync git`: the clone checked before the server starts (git there, a branch with an upstream), one line if not. */
async function syncedCommands(vaultDir: string, inner: FsAgentCommands): Promise<SyncedAgentCommands> {
  const sync = new GitSync(vaultDir);
  try {
    await sync.open();
  } catch (err) {
    if (err instanceof GitRefusal) throw new UsageError(err.message);
    throw err;
  }
  return new SyncedAgentCommands(inner, sync);
}

/** The server's version as MCP clients see it: the package's. */
const VERSION = "0.1.0";

const log = (line: string) => process.stderr.write(`${line}\n`);

export async function runMcp(vaultDir: string, opts: { sync?: boolean } = {}): Promise<number> {
  const fsCommands = new FsAgentCommands(vaultDir, { log });
  const commands = opts.sync ? await syncedCommands(vaultDir, fsCommands) : fsCommands;
  // What a killed run left is finished or taken back before the first call (SPEC §8).
  await fsCommands.recover();
  await serveStdio(commands, { name: "source-queue", version: VERSION, log });
  return 0;
}
