// At the start of every CLI command that reads the vault (SPEC §8): finish or
// take back the extractions a killed process left, and say so on stderr.
import { dirname, join } from "node:path";
import { parseJournal, recoverAll, recoveryLine, type ExtractionJournal } from "../core/writes/journal";
import type { FsVault } from "./fs-vault";
import { FsJournalStore } from "./journal-files";
import { withNoteLock } from "./note-lock";
import { processAlive } from "./temp-files";
import { errorText } from "./error-line";

/** A plugin run writes its journal and finishes within seconds; one older than this was cut short. */
const PLUGIN_RUN_MS = 60_000;

export function journalStoreOf(vault: FsVault): FsJournalStore {
  return new FsJournalStore(join(vault.pluginDir(), "journal"));
}

/** A journal another live process is still working on is left to it. */
function isAbandoned(j: ExtractionJournal, now: number): boolean {
  if (j.writer === "cli" && j.pid !== null) return !processAlive(j.pid);
  return now - j.started > PLUGIN_RUN_MS;
}

/** Lines to show on stderr, one per journal found. */
export async function recoverInterrupted(vault: FsVault): Promise<string[]> {
  const store = journalStoreOf(vault);
  const found = await store.list();
  if (found.length === 0) return [];
  // One recovering process at a time: two runs that start together must not both take one journal back.
  return withNoteLock(join(vault.pluginDir(), "locks"), store.dir, async () => {
    const lines: string[] = [];
    try {
      const reports = await recoverAll(store, vault, (j) => isAbandoned(j, Date.now()));
      for (const r of reports) lines.push(`source-queue: ${recoveryLine(r)}`);
    } catch (err) {
      lines.push(`source-queue: an interrupted extraction could not be finished or rolled back yet: ${errorText(err)}`);
    }
    // A killed run may have left temp files beside the notes it was writing.
    for (const { text } of found) {
      const j = parseJournal(text);
      for (const p of j ? [j.sourcePath, ...j.claims.map((c) => c.path), ...(j.targets ?? []).map((t) => t.path)] : []) {
        try {
          vault.sweep(dirname(vault.abs(p)));
        } catch {
          // a path out of the vault names nothing to clean
        }
      }
    }
    return lines;
  });
}
