// Benchmark vaults on disk, for the CLI cases: the notes of vault-shape.ts
// written into a temporary folder.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateNotes, type Template } from "./vault-shape";

export function loadTemplates(inboxDir: string): Template[] {
  return readdirSync(inboxDir)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(inboxDir, name), "utf8"), slug: name.replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.md$/, "") }));
}

/** Write a vault of n notes under dir (inbox/ plus an empty domains/ folder); returns the total bytes. */
export function writeVault(dir: string, templates: readonly Template[], n: number, seed = 42): number {
  mkdirSync(join(dir, "inbox"), { recursive: true });
  mkdirSync(join(dir, "domains"), { recursive: true });
  let bytes = 0;
  for (const note of generateNotes(templates, n, seed)) {
    const buf = Buffer.from(note.text, "utf8");
    bytes += buf.length;
    writeFileSync(join(dir, note.path), buf);
  }
  return bytes;
}

