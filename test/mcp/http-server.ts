// `source-queue mcp --http` on a free loopback port, on a copy of the demo
// vault, for the tests that reach it as a remote agent would; and a Node
// program run to its end (the official MCP tools those tests point at it).
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { BIN, cliEnv, copyDemoVault } from "../cli/run-cli";

/** Starts the server (its process pushed to `running`, for the caller to stop); resolves with its URL once it says where it serves. */
export function serveHttp(running: ChildProcess[], args: string[] = []): Promise<string> {
  const child = spawn(process.execPath, [BIN, "mcp", "--vault", copyDemoVault(), "--http", "127.0.0.1:0", ...args], { env: cliEnv() });
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

/** Runs a Node script to its end, without blocking the test's event loop: its exit code and what it printed. */
export function runNode(script: string, args: string[], options: SpawnOptions = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: cliEnv(), ...options });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
