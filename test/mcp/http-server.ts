// `source-queue mcp --http` on a free loopback port, on a copy of the demo
// vault, for the tests that reach it as a remote agent would.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { BIN, cliEnv, tempDir } from "../cli/run-cli";

/** A copy of the demo vault to serve. */
export function demoCopy(): string {
  const vault = tempDir("sq-http-");
  cpSync(join(import.meta.dirname, "../../demo-vault"), vault, { recursive: true });
  return vault;
}

/** Starts the server (its process pushed to `running`, for the caller to stop); resolves with its URL once it says where it serves. */
export function serveHttp(running: ChildProcess[], args: string[] = []): Promise<string> {
  const child = spawn(process.execPath, [BIN, "mcp", "--vault", demoCopy(), "--http", "127.0.0.1:0", ...args], { env: cliEnv() });
  running.push(child);
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /serving (http:\/\/\S+)/.exec(err);
      if (m?.[1]) resolve(m[1]);
    });
    child.on("exit", () => reject(new Error(err)));
  });
}
