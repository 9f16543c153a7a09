// Where the CLI keeps the record of each source's last extraction, so
// `undo_extraction` (SPEC §7) and `source-queue undo` can reverse it later,
// from another process. One small file per source, beside the row cache and
// outside the vault (vaults are synced; see cache-location.ts): two agents
// extracting two sources at once never write the same file. Written beside
// and renamed over, so a reader never sees half a record.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractionRecordSchema } from "../core/extraction/apply-extraction";
import type { ExtractionRecord } from "../core/extraction/apply-extraction";
import { cacheDir } from "./cache-location";


/** The record's extra field naming the agent that made the extraction (absent in records of older versions: none). */
const MAKER = "madeBy";

const hash = (text: string, n: number) => createHash("sha256").update(text).digest("hex").slice(0, n);

export class UndoStore {
  private readonly dir: string | null;

  constructor(realVaultRoot: string, base: string | null = cacheDir()) {
    this.dir = base === null ? null : join(base, `undo-${hash(realVaultRoot, 32)}`);
  }

  private file(sourcePath: string): string | null {
    return this.dir === null ? null : join(this.dir, `${hash(sourcePath.normalize("NFC"), 40)}.json`);
  }

  /** Keep the record and the agent that made it (null: none); throws when it cannot be kept. */
  save(record: ExtractionRecord, maker: string | null = null): void {
    const file = this.file(record.sourcePath);
    if (file === null || this.dir === null) throw new Error("no cache folder for undo records (set SOURCE_QUEUE_CACHE_DIR)");
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ ...record, [MAKER]: maker }), "utf8");
    renameSync(tmp, file);
  }

  /** The record of the source's last extraction and the agent that made it (SPEC §7: only it may undo it), or null. */
  load(sourcePath: string): { record: ExtractionRecord; maker: string | null } | null {
    const file = this.file(sourcePath);
    if (file === null) return null;
    try {
      const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      const parsed = extractionRecordSchema.safeParse(raw);
      const maker = typeof raw[MAKER] === "string" ? raw[MAKER] : null;
      return parsed.success && parsed.data.sourcePath === sourcePath ? { record: parsed.data, maker } : null;
    } catch {
      return null;
    }
  }

  forget(sourcePath: string): void {
    const file = this.file(sourcePath);
    if (file !== null) rmSync(file, { force: true });
  }
}

/**
 * Keeps the record of a split that just happened, for `undo` from any later
 * process: the reason it could not be kept (no cache folder, a full disk), or
 * null. The split stands either way; the caller says undo is not available.
 */
export function keepUndoRecord(store: UndoStore, record: ExtractionRecord, maker: string | null = null): string | null {
  try {
    store.save(record, maker);
    return null;
  } catch (err) {
    return `the extraction cannot be undone later: its undo record could not be kept (${(err instanceof Error ? err.message : String(err)).split("\n")[0]})`;
  }
}
