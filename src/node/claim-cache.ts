// The claim index in the CLI (SPEC §6): built on demand from the vault's
// notes, with what each claim note said (title, aliases, domains; or "not a
// claim") and what each note lists in `claims_extracted` (the dangling check)
// cached outside the vault like the queue rows (src/node/row-cache.ts), keyed
// by each file's stat, so a later run reads only the notes that changed.
// The notes come through a small injected reader (list, stat, read), not the
// file-system adapter's internals. The cache only saves work: a missing,
// corrupt or foreign file is ignored and rebuilt; a failed write is dropped.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { debuglog } from "node:util";
import { ClaimIndex } from "../core/claims/claim-index";
import { claimFactsFromText, claimInputFromText, DEFAULT_CLAIM_TYPES, type ClaimInput } from "../core/claims/claim-input";
import { cacheDir } from "./cache-location";
import { RACY_MS } from "./row-cache";
import { sameStamp, type FileStamp } from "./row-codec";

const FORMAT = "source-queue-claims";
/** Bumped whenever the file's layout or what is read from a note changes. */
const VERSION = 3;

const debug = debuglog("source-queue");

/** What the index needs of a vault's notes. */
export interface ClaimNotes {
  /** Every Markdown note, vault-relative, in a stable order. */
  paths(): string[];
  /** The note's stat now, or null when it cannot be had. */
  stamp(path: string): FileStamp | null;
  /** The note's text, with the stat taken before it was read. */
  readStamped(path: string): { text: string; stamp: FileStamp };
}

/** The index from notes in memory (tests, or a caller that has read them already). */
export function claimIndexFromTexts(notes: Iterable<{ path: string; text: string }>, claimTypes: readonly string[] = DEFAULT_CLAIM_TYPES): ClaimIndex {
  const inputs: ClaimInput[] = [];
  for (const n of notes) {
    const input = claimInputFromText(n.path, n.text, claimTypes);
    if (input) inputs.push(input);
  }
  return ClaimIndex.build(inputs);
}

/** The cache file of a vault, beside the row cache; null when there is nowhere to keep one. */
export function claimCacheFile(realVaultRoot: string, dir: string | null = cacheDir()): string | null {
  return dir === null ? null : join(dir, `claims-${createHash("sha256").update(realVaultRoot).digest("hex").slice(0, 32)}.json`);
}

/** [path, size, mtimeMs, ctimeMs, ino, null | [title | null, aliases, domains], claims_extracted] */
type Entry = [string, number, number, number, number, [string | null, string[], string[]] | null, string[]];

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

function entryOf(raw: unknown): Entry | null {
  if (!Array.isArray(raw) || raw.length !== 7) return null;
  const [path, size, mtime, ctime, ino, claim, listed] = raw as unknown[];
  if (typeof path !== "string" || !isNum(size) || !isNum(mtime) || !isNum(ctime) || !isNum(ino) || !isStrings(listed)) return null;
  if (claim !== null && !(Array.isArray(claim) && claim.length === 3 && (claim[0] === null || typeof claim[0] === "string") && isStrings(claim[1]) && isStrings(claim[2]))) return null;
  return raw as Entry;
}

function load(file: string, key: string): Map<string, Entry> {
  const byPath = new Map<string, Entry>();
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { format?: unknown; version?: unknown; key?: unknown; files?: unknown };
    if (parsed.format !== FORMAT || parsed.version !== VERSION || parsed.key !== key || !Array.isArray(parsed.files)) return byPath;
    for (const raw of parsed.files) {
      const entry = entryOf(raw);
      if (entry) byPath.set(entry[0], entry);
    }
  } catch {
    // missing, unreadable or not JSON: rebuilt
  }
  return byPath;
}

function save(file: string, key: string, entries: Entry[]): void {
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, version: VERSION, key, files: entries }), { flag: "wx", mode: 0o600 });
    renameSync(tmp, file);
  } catch (err) {
    debug("claim cache not written: %s", (err as Error).message);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

export interface ReadClaimsOptions {
  /** The cache file (claimCacheFile), or null: read every note, write nothing (--no-cache). */
  cacheFile: string | null;
  claimTypes?: readonly string[];
  /** Identity of the running code (a new build must not trust an old one's reading); part of the key. */
  build?: string;
}

export interface ReadClaims {
  index: ClaimIndex;
  /** Each note that lists claims in `claims_extracted`, with the list. */
  listed: Map<string, string[]>;
  /** Notes taken from the cache, and notes read. */
  hits: number;
  reads: number;
}

/** The vault's claim index, reading only the notes whose stat changed since the cache was written. */
export function readClaimIndex(notes: ClaimNotes, opts: ReadClaimsOptions): ReadClaims {
  const claimTypes = opts.claimTypes ?? DEFAULT_CLAIM_TYPES;
  const key = createHash("sha256").update(JSON.stringify({ FORMAT, VERSION, claimTypes, build: opts.build ?? "" })).digest("hex");
  const now = Date.now();
  const stored = opts.cacheFile === null ? new Map<string, Entry>() : load(opts.cacheFile, key);
  const next: Entry[] = [];
  const inputs: ClaimInput[] = [];
  const listed = new Map<string, string[]>();
  let hits = 0;
  let reads = 0;
  let changed = stored.size === 0;
  for (const path of notes.paths()) {
    const old = stored.get(path);
    const stampNow = old ? notes.stamp(path) : null;
    if (old && stampNow && sameStamp({ size: old[1], mtimeMs: old[2], ctimeMs: old[3], ino: old[4] }, stampNow)) {
      hits++;
      next.push(old);
      if (old[5]) inputs.push({ path, title: old[5][0], aliases: old[5][1], domains: old[5][2] });
      if (old[6].length > 0) listed.set(path, old[6]);
      continue;
    }
    let read;
    try {
      read = notes.readStamped(path);
    } catch {
      // Gone since listed, or unreadable: not a claim this time, tried again next time.
      continue;
    }
    reads++;
    changed = true;
    const { claim: input, listed: entries } = claimFactsFromText(path, read.text, claimTypes);
    if (input) inputs.push(input);
    if (entries.length > 0) listed.set(path, entries);
    // A note changed within the file system's timestamp granularity could change again unseen (see RACY_MS).
    if (read.stamp.mtimeMs <= now - RACY_MS) {
      const s = read.stamp;
      next.push([path, s.size, s.mtimeMs, s.ctimeMs, s.ino, input ? [input.title, [...input.aliases], [...(input.domains ?? [])]] : null, entries]);
    }
  }
  if (hits !== stored.size) changed = true;
  debug("claim index: %d notes from the cache, %d read", hits, reads);
  if (opts.cacheFile !== null && changed) save(opts.cacheFile, key, next);
  return { index: ClaimIndex.build(inputs), listed, hits, reads };
}

/** What claimIndexOfVault needs of the file-system adapter. */
export interface ListedVault {
  readonly realRoot: string;
  markdownFiles(): string[];
  stampListed(path: string): FileStamp | null;
  readListedStamped(path: string): { text: string; stamp: FileStamp };
}

/** The claim index of a vault on disk, through the cache unless `cache` is false (`--no-cache`). */
export function claimIndexOfVault(vault: ListedVault, cache = true): ClaimIndex {
  return claimsOfVault(vault, cache).index;
}

/** The claim index and every note's `claims_extracted`, through the cache unless `cache` is false. */
export function claimsOfVault(vault: ListedVault, cache = true): ReadClaims {
  const notes: ClaimNotes = { paths: () => vault.markdownFiles(), stamp: (p) => vault.stampListed(p), readStamped: (p) => vault.readListedStamped(p) };
  return readClaimIndex(notes, { cacheFile: cache ? claimCacheFile(vault.realRoot) : null });
}
