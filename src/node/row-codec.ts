// The compact form of a cached queue row (SPEC §5 `list`): arrays, not
// objects, and each distinct problem written once. At 50,000 notes the
// object form is 25 MB of JSON; this is about half, and JSON.parse time
// follows size. The file is read back from disk, so every entry is checked
// against the schema's shape before it becomes a row; one that does not fit
// is a miss.
import * as z from "zod/mini";
import { PRIORITIES, STATUSES, type Problem } from "../core/note/model";
import type { QueueItem } from "../core/queue/queue-query";

/** What a stat says about a file's contents without reading them (git's index keeps the same). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** A problem as [level, message], in the file's table of distinct problems. */
export const problemSchema = z.tuple([z.enum(["error", "warning"]), z.string()]);
export type EncodedProblem = z.infer<typeof problemSchema>;

const text = z.nullable(z.string());
const index = z.number().check(z.int(), z.nonnegative());

/** A queue row without its path: [title, author, date, domain, status, priority, hints, problem indexes]. */
const rowSchema = z.tuple([z.string(), text, text, text, z.nullable(z.enum(STATUSES)), z.nullable(z.enum(PRIORITIES)), z.nullable(index), z.array(index)]);

/** One file: [path, size, mtimeMs, ctimeMs, ino, row], the row null for a note that is not in the queue (a claim), so it is not re-read either. */
export const entrySchema = z.tuple([z.string(), index, z.number(), z.number(), z.number(), z.nullable(rowSchema)]);
export type Entry = z.infer<typeof entrySchema>;

// entrySchema's test written out by hand: a warm `list` of 1,000 notes spent
// a third of its time in zod checking entries (code that runs once per note
// in a short-lived process is never optimized). The schema stays the type,
// and a test holds the two in agreement.
const isText = (v: unknown): v is string | null => v === null || typeof v === "string";
const isIndex = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const STATUS_SET = new Set<unknown>(STATUSES);
const PRIORITY_SET = new Set<unknown>(PRIORITIES);

function isRow(v: unknown): boolean {
  if (!Array.isArray(v) || v.length !== 8) return false;
  const [title, author, date, domain, status, priority, hints, problems] = v as unknown[];
  return (
    typeof title === "string" &&
    isText(author) &&
    isText(date) &&
    isText(domain) &&
    (status === null || STATUS_SET.has(status)) &&
    (priority === null || PRIORITY_SET.has(priority)) &&
    (hints === null || isIndex(hints)) &&
    Array.isArray(problems) &&
    problems.every(isIndex)
  );
}

export function isEntry(v: unknown): v is Entry {
  if (!Array.isArray(v) || v.length !== 6) return false;
  const [path, size, mtimeMs, ctimeMs, ino, row] = v as unknown[];
  return typeof path === "string" && isIndex(size) && isNumber(mtimeMs) && isNumber(ctimeMs) && isNumber(ino) && (row === null || isRow(row));
}

/** A decoded entry: the stamp it was stored under and the row (null: not a queue note). */
export interface CachedRow {
  stamp: FileStamp;
  item: QueueItem | null;
}

/**
 * The entry as a stamp and a row, or undefined when it does not fit the
 * schema or names a problem the table lacks: then the note is read instead.
 */
export function decodeEntry(raw: unknown, problems: readonly EncodedProblem[]): CachedRow | undefined {
  if (!isEntry(raw)) return undefined;
  const [path, size, mtimeMs, ctimeMs, ino, row] = raw;
  const stamp = { size, mtimeMs, ctimeMs, ino };
  if (row === null) return { stamp, item: null };
  const [title, author, date, domain, status, priority, hints, problemIndexes] = row;
  const itemProblems: Problem[] = [];
  for (const i of problemIndexes) {
    const p = problems[i];
    if (p === undefined) return undefined;
    itemProblems.push({ level: p[0], message: p[1] });
  }
  return { stamp, item: { path, title, author, date, domain, status, priority, hints, problems: itemProblems } };
}

/** Builds the file's problem table while entries are encoded. */
export class ProblemTable {
  readonly list: EncodedProblem[] = [];
  private readonly at = new Map<string, number>();

  indexOf(p: Problem): number {
    // The level is one word without spaces, so "level message" keys are unique.
    const key = `${p.level} ${p.message}`;
    let i = this.at.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push([p.level, p.message]);
      this.at.set(key, i);
    }
    return i;
  }
}

export function encodeEntry(path: string, stamp: FileStamp, item: QueueItem | null, table: ProblemTable): Entry {
  const row: Entry[5] =
    item === null ? null : [item.title, item.author, item.date, item.domain, item.status, item.priority, item.hints, item.problems.map((p) => table.indexOf(p))];
  return [path, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, row];
}
