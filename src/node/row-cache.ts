// The CLI's cache of queue rows (README "The command-line tool"), as
// Obsidian's metadata cache keeps each note's parse: a row is reused while
// the file's stat (size, mtime, ctime, inode) is the one it was read under,
// so a later `list` stats unchanged notes instead of reading and parsing them.
// The cache only ever saves work: a file that is missing, unreadable,
// corrupt, foreign or from another build is ignored and rebuilt, and a
// failed write is dropped; the output is the same with or without it.
import { createHash, randomBytes } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { debuglog } from "node:util";
import * as z from "zod/mini";
import type { QueueItem } from "../core/queue/queue-query";
import type { Settings } from "../core/note/settings";
import { cacheDir, cacheFileName } from "./cache-location";
import { decodeEntry, encodeEntry, problemSchema, ProblemTable, sameStamp, type CachedRow, type Entry, type FileStamp } from "./row-codec";

/** Bumped whenever the file's layout or the meaning of a row changes. */
const FORMAT = "source-queue-rows";
const VERSION = 1;

/**
 * A file whose mtime is this close to the moment it was read is not cached
 * (git's "racy" entries): another same-size edit within the file system's
 * timestamp granularity (2 s on FAT) would leave the stat unchanged. The
 * check is on mtime, as git's is; ctime is still part of the stamp, so an
 * edit whose mtime is then set back (touch -d, tar, rsync -t) is seen too.
 * The margin also covers a network file system whose clock is a little
 * off from this machine's.
 */
export const RACY_MS = 2000;

/**
 * The largest cache file read for a vault of n notes. A row is about 300
 * bytes; a file far beyond that is not this vault's rows, and JSON.parse of
 * hundreds of megabytes could exhaust the heap, which is a crash, not an
 * error to catch.
 */
const maxCacheBytes = (notes: number) => 1024 * 1024 + notes * 4096;

/** NODE_DEBUG=source-queue prints what the cache did (hits, reads, writes) on stderr: how the tests see that unchanged notes were not read. */
const debug = debuglog("source-queue");

const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  key: z.string(),
  vault: z.string(),
  problems: z.array(problemSchema),
  // Entries are checked one by one as they are used (row-codec.ts): one bad entry costs a read, not the whole cache.
  files: z.array(z.unknown()),
});

let buildId: string | null | undefined;

/**
 * The identity of the running code: a hash of the bundle itself, so a new
 * build (or version) never trusts rows parsed by an old one. Run from the
 * TypeScript sources (a test runner, tsx), __filename is this one module,
 * not the parser the rows come from: then null, and no cache.
 */
function buildIdentity(): string | null {
  if (buildId !== undefined) return buildId;
  buildId = null;
  // eslint-disable-next-line no-undef -- CommonJS's own variable: the bundle (dist/cli.cjs) that esbuild builds as CommonJS
  const script = typeof __filename === "string" ? __filename : null;
  if (script !== null && !/\.[cm]?ts$/.test(script)) {
    try {
      buildId = createHash("sha256").update(readFileSync(script)).digest("hex");
    } catch {
      buildId = null;
    }
  }
  return buildId;
}

/**
 * What the rows depend on besides the notes: the layout, the code that
 * parsed them, the runtime (number formatting in messages comes from its
 * ICU), and every setting (the whole normalized object: simpler and safer
 * than picking the ones that matter today).
 */
function cacheKey(build: string, settings: Settings): string {
  const parts = { format: FORMAT, version: VERSION, build, node: process.version, icu: process.versions.icu ?? "", settings };
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

interface Loaded {
  problems: z.infer<typeof problemSchema>[];
  byPath: Map<string, unknown>;
  entries: number;
}

/** The stored entries, or null when the file is missing, unreadable, too large, not ours, or for another key or vault. */
function load(file: string, key: string, vault: string, notes: number): Loaded | null {
  let text: string;
  try {
    const fd = openSync(file, "r");
    try {
      if (fstatSync(fd).size > maxCacheBytes(notes)) return null;
      text = readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  let parsed;
  try {
    parsed = headerSchema.safeParse(JSON.parse(text));
  } catch {
    return null;
  }
  if (!parsed.success || parsed.data.key !== key || parsed.data.vault !== vault) return null;
  const byPath = new Map<string, unknown>();
  for (const raw of parsed.data.files) {
    if (Array.isArray(raw) && typeof raw[0] === "string") byPath.set(raw[0], raw);
  }
  return { problems: parsed.data.problems, byPath, entries: parsed.data.files.length };
}

/** Temporary files of this cache file older than this were left by a run that was killed while writing: no run takes that long. */
const LEFTOVER_MS = 60 * 60 * 1000;

/** Removes what killed runs left beside the cache file (each up to the size of the cache), never anything else. */
function removeLeftovers(file: string): void {
  const dir = dirname(file);
  const prefix = `${basename(file)}.`;
  try {
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
      const path = join(dir, name);
      if (Date.now() - statSync(path).mtimeMs > LEFTOVER_MS) unlinkSync(path);
    }
  } catch {
    // another run removed it first, or the folder cannot be listed: left for next time
  }
}

export class RowCache {
  /** Rows for the file written at the end: every hit and every fresh, non-racy read. */
  private readonly next = new Map<string, CachedRow>();
  private hits = 0;
  private reads = 0;
  private changed: boolean;
  /** Taken before any note is stat'ed or read, so "too recent" errs on the side of not caching. */
  private readonly now = Date.now();

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly vault: string,
    private readonly stored: Loaded | null,
  ) {
    // A missing or discarded file is rewritten even if no note changed.
    this.changed = stored === null;
  }

  /** The cache of the rows of a vault's notes (how many: to bound the file read), or null when there is nowhere to keep one or the running code has no identity. */
  static open(realVaultRoot: string, settings: Settings, notes: number, dir: string | null = cacheDir()): RowCache | null {
    const build = buildIdentity();
    if (dir === null || build === null) return null;
    const file = join(dir, cacheFileName(realVaultRoot));
    const key = cacheKey(build, settings);
    const stored = load(file, key, realVaultRoot, notes);
    debug("cache %s: %s", file, stored === null ? "none usable, rebuilding" : `${stored.entries} entries`);
    return new RowCache(file, key, realVaultRoot, stored);
  }

  /**
   * The row stored for this path, if the note's stamp now is the one it was
   * stored under (null: not a queue note); undefined when the note must be
   * read. stampNow is called only when there is a row to check, so a new
   * note costs no stat on top of its read; null: it could not be stat'ed.
   */
  lookup(path: string, stampNow: () => FileStamp | null): QueueItem | null | undefined {
    const raw = this.stored?.byPath.get(path);
    const row = raw === undefined || this.stored === null ? undefined : decodeEntry(raw, this.stored.problems);
    const stamp = row === undefined ? null : stampNow();
    if (row === undefined || stamp === null || !sameStamp(row.stamp, stamp)) {
      this.reads++;
      return undefined;
    }
    this.hits++;
    this.next.set(path, row);
    return row.item;
  }

  /** A note just read and parsed; stamp is the file's stat taken before its bytes were read. */
  remember(path: string, stamp: FileStamp, item: QueueItem | null): void {
    if (stamp.mtimeMs > this.now - RACY_MS) return;
    this.next.set(path, { stamp, item });
    this.changed = true;
  }

  /** Writes the rows if any changed: beside the old file, then renamed over it, so a reader never sees half a file. Failure is silent. */
  save(): void {
    // Entries not used this time are notes deleted, renamed or moved out of the queue folder.
    if (this.stored !== null && this.hits !== this.stored.entries) this.changed = true;
    debug("%d rows from the cache, %d notes read, %s", this.hits, this.reads, this.changed ? "writing" : "unchanged");
    if (!this.changed) return;
    const tmp = `${this.file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      const table = new ProblemTable();
      const files: Entry[] = [];
      for (const [path, row] of this.next) files.push(encodeEntry(path, row.stamp, row.item, table));
      // Inside the try: a vault too large for one JSON string is listed without a cache, not stopped.
      const text = JSON.stringify({ format: FORMAT, version: VERSION, key: this.key, vault: this.vault, problems: table.list, files });
      // Private: the rows hold titles and authors of the user's notes.
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      writeFileSync(tmp, text, { flag: "wx", mode: 0o600 });
      renameSync(tmp, this.file);
      removeLeftovers(this.file);
    } catch (err) {
      debug("cache not written: %s", (err as Error).message);
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written, or it is gone already
      }
    }
  }
}
