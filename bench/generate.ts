// Benchmark vaults on disk, for the CLI cases: the notes of vault-shape.ts
// written into a temporary folder.
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateNotes, type Template } from "./vault-shape";

export function loadTemplates(inboxDir: string): Template[] {
  return readdirSync(inboxDir)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(inboxDir, name), "utf8"), slug: name.replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.md$/, "") }));
}

/**
 * Modification time of the generated notes: an hour ago, as a real vault's
 * notes mostly are. Notes written within the last seconds are never cached
 * by the CLI (see RACY_MS in src/node/row-cache.ts), so a fresh vault would
 * measure no cache at all.
 */
const AN_HOUR_AGO = () => new Date(Date.now() - 3_600_000);

/** Write a vault of n notes under dir (inbox/ plus an empty domains/ folder); returns the total bytes. */
export function writeVault(dir: string, templates: readonly Template[], n: number, seed = 42): number {
  mkdirSync(join(dir, "inbox"), { recursive: true });
  mkdirSync(join(dir, "domains"), { recursive: true });
  const past = AN_HOUR_AGO();
  let bytes = 0;
  for (const note of generateNotes(templates, n, seed)) {
    const buf = Buffer.from(note.text, "utf8");
    bytes += buf.length;
    const file = join(dir, note.path);
    writeFileSync(file, buf);
    utimesSync(file, past, past);
  }
  return bytes;
}

