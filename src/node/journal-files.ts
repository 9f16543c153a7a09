// The CLI's store of extraction journals (SPEC §8): one JSON file per run in
// the plugin's folder of the vault (`.obsidian/plugins/source-queue/journal/`),
// where the plugin keeps its own, so either can finish what the other left.
// Each journal is written beside and renamed into place: whole or absent.
import { mkdirSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { journalText, type ExtractionJournal, type JournalStore } from "../core/writes/journal";
import { writeStep } from "./fault-injection";
import { removeStaleTemps, writeAtomic } from "./temp-files";

export class FsJournalStore implements JournalStore {
  constructor(readonly dir: string) {}

  async save(journal: ExtractionJournal): Promise<void> {
    writeStep("make the journal folder");
    mkdirSync(this.dir, { recursive: true });
    writeAtomic(this.fileOf(journal.id), journalText(journal), { exclusive: false, durable: true });
  }

  async remove(id: string): Promise<void> {
    writeStep(`remove the journal ${id}`);
    try {
      unlinkSync(this.fileOf(id));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }

  async list(): Promise<{ id: string; text: string }[]> {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    removeStaleTemps(this.dir);
    const out: { id: string; text: string }[] = [];
    for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
      try {
        out.push({ id: name.slice(0, -".json".length), text: readFileSync(join(this.dir, name), "utf8") });
      } catch {
        // removed by another run since the folder was read
      }
    }
    return out;
  }

  /** The journal's file; ids are made by core (`newJournalId`), anything else is kept to one safe segment. */
  fileOf(id: string): string {
    return join(this.dir, `${id.replace(/[^A-Za-z0-9-]/g, "_")}.json`);
  }
}
