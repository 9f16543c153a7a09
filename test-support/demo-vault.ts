// The bundled demo vault as vault path → text, for tests and the benchmark
// (Node only; the Obsidian double itself stays free of Node built-ins).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** @param root the repository; by default the one this file is in (ESM callers). */
export function readDemoVault(root: string = join(import.meta.dirname, "..")): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      if (name === ".obsidian") continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = readFileSync(full, "utf8");
    }
  };
  walk(join(root, "demo-vault"), "");
  return out;
}
