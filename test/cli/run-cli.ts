// Runs the built `source-queue` bin (dist/cli.cjs; `npm test` builds it first)
// on a temporary copy of the demo vault, as a user or a script would.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../../");
export const BIN = join(root, "dist/cli.cjs");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Temporary folders made here, removed by cleanUp() (each test file calls it when its tests end). */
const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  runsCacheDir = null;
}

let runsCacheDir: string | null = null;

/**
 * The environment of every run here: the row cache in a temporary folder,
 * never the user's ~/.cache, and no NODE_DEBUG from the caller's shell (it
 * would add lines to stderr). extra adds or replaces variables; undefined
 * removes one.
 */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  runsCacheDir ??= tempDir("sq-cache-");
  const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_QUEUE_CACHE_DIR: runsCacheDir };
  delete env.NODE_DEBUG;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export function cli(args: string[], cwd = root, env: NodeJS.ProcessEnv = cliEnv()): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function copyDemoVault(): string {
  const dir = tempDir("sq-vault-");
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

/** Read until `ok` holds: a watcher's events arrive a moment after the write. */
export async function eventually(read: () => string[], ok: (titles: string[]) => boolean): Promise<string[]> {
  let titles = read();
  for (let i = 0; i < 100 && !ok(titles); i++) {
    await new Promise((r) => setTimeout(r, 20));
    titles = read();
  }
  return titles;
}
