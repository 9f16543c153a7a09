// `source-queue mcp [--vault DIR]` (SPEC §7): the agent tools over stdio.
// src/cli/main.ts loads this module only for `mcp` (a dynamic import), so the
// other commands never load the MCP SDK. The process serves until the client
// closes stdin; every log line goes to stderr, as stdout carries JSON-RPC.
import { FsAgentCommands } from "../node/agent-commands";
import { serveStdio } from "./mcp-server";
import { loadToken, parseHttpAddress, serveHttp } from "./mcp-http";
import { GitRefusal } from "../node/git/git-clone";
import { type ReviewOptions, SyncedAgentCommands, syncedCommandsOf } from "../node/git/synced-commands";
import { CommandError } from "../node/agent-tools";
import { UsageError } from "../node/fs-vault";

/** `mcp --sync git`: the clone checked before the server starts (git there, a branch with an upstream), one line if not. */
async function syncedCommands(vaultDir: string, inner: FsAgentCommands, review: ReviewOptions): Promise<SyncedAgentCommands> {
  try {
    const commands = syncedCommandsOf(vaultDir, inner, review);
    await commands.sync.open();
    return commands;
  } catch (err) {
    if (err instanceof GitRefusal || err instanceof CommandError) throw new UsageError(err.message);
    throw err;
  }
}

/** The server's version as MCP clients see it: the package's. */
const VERSION = "0.1.0";

const log = (line: string) => process.stderr.write(`${line}\n`);

export interface McpRunOptions extends ReviewOptions {
  sync?: boolean;
  /** `--http [HOST:]PORT`: Streamable HTTP instead of stdio. */
  http?: string;
  tokenFile?: string;
}

export async function runMcp(vaultDir: string, opts: McpRunOptions = {}): Promise<number> {
  if (opts.http === undefined && opts.tokenFile !== undefined) throw new UsageError("--token-file goes with --http");
  // Checked before anything starts: a bad address or a missing token is one line.
  const address = opts.http === undefined ? null : parseHttpAddress(opts.http);
  const token = address === null ? null : loadToken(address, opts.tokenFile);
  const fsCommands = new FsAgentCommands(vaultDir, { log });
  const commands = opts.sync ? await syncedCommands(vaultDir, fsCommands, { review: opts.review, onReview: opts.onReview }) : fsCommands;
  // What a killed run left is finished or taken back before the first call (SPEC §8).
  await fsCommands.recover();
  if (address !== null) {
    const server = await serveHttp(commands, address, { name: "source-queue", version: VERSION, log, token });
    const where = server.address();
    const port = typeof where === "object" && where !== null ? where.port : address.port;
    log(`source-queue mcp: serving http://${address.host.includes(":") ? `[${address.host}]` : address.host}:${port}/mcp`);
    await new Promise<void>((resolve) => {
      for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
    });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    return 0;
  }
  await serveStdio(commands, { name: "source-queue", version: VERSION, log });
  return 0;
}
