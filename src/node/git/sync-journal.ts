// The §8 journal extended across the push (SPEC §7): before a synced write
// the clone records "writing" (the commit it started from); once committed,
// "committed" (the commit not yet pushed). A process killed at any step
// leaves this record in the .git folder, and the next synced command reads
// it and pushes the commit or drops it, so the remote never holds half a
// write and the clone is never left dirty by one.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";

const record = z.object({
  phase: z.enum(["writing", "committed"]),
  /** The commit the write started from. */
  base: z.string(),
  /** The commit made, once made. */
  commit: z.string().optional(),
  /** The source the write is about, and the agent, to tell a lost race on a retry. */
  source: z.string().nullable(),
  agent: z.string().nullable(),
  /** `--review`: the branch the commit goes to instead of the upstream branch; the clone always returns to `base`. */
  branch: z.string().optional(),
  /** Notes the user had left uncommitted before the write: never committed, discarded or reset. */
  kept: z.array(z.string()).optional(),
  pid: z.number(),
  /** Killed while fast-forwarding: notes may be half checked out; nothing of ours was written. */
  pulling: z.boolean().optional(),
});

export type SyncRecord = z.infer<typeof record>;

export class SyncJournal {
  private readonly file: string;

  constructor(gitDir: string) {
    const dir = join(gitDir, "source-queue");
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, "sync.json");
  }

  read(): SyncRecord | null {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch {
      return null;
    }
    try {
      return record.parse(JSON.parse(text));
    } catch {
      return null; // a record cut short by a kill while it was written: the rename below makes that rare; treated as none
    }
  }

  save(r: SyncRecord): void {
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(r));
    renameSync(temp, this.file);
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
