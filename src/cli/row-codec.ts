// The compact form of a cached queue row (SPEC §5 `list`): arrays, not
// objects, and each distinct problem written once. At 50,000 notes the
// object form is 25 MB of JSON; this is about half, and JSON.parse time
// follows size. The file is read back from disk, so every entry is checked
// against a schema before it becomes a row; one that does not fit is a miss.
import * as z from "zod/mini";
import { PRIORITIES, STATUSES, type Problem } from "../core/model";
import type { QueueItem } from "../core/queue-query";

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
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const [path, size, mtimeMs, ctimeMs, ino, row] = parsed.data;
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
