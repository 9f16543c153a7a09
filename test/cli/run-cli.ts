// Runs the built `source-queue` bin (dist/cli.cjs; `npm test` builds it first)
// on a temporary copy of the demo vault, as a user or a script would.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../../");
export const BIN = join(root, "dist/cli.cjs");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd = root): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function copyDemoVault(): string {
  const dir = mkdtempSync(join(tmpdir(), "sq-vault-"));
  cpSync(join(root, "demo-vault"), dir, { recursive: true });
  return dir;
}

/** Every file under a folder with its bytes, to compare before and after. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out.set(`${prefix}${name}`, readFileSync(full, "latin1"));
    }
  };
  walk(dir, "");
  return out;
}

export const read = (vault: string, path: string) => readFileSync(join(vault, path), "utf8");

/** Indexes of lines that differ between two texts of the same length in lines. */
export function changedLines(before: string, after: string): number[] {
  const a = before.split("\n");
  const b = after.split("\n");
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push(i);
  return out;
}
