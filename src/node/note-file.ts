// Reading one note file (SPEC §5, §8): anything that is not a regular file is
// refused at once by name, a FIFO is never opened for blocking, and files too
// large to be notes are not read.
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from "node:fs";

/** Bad usage or a path that is not a note: one line, exit 2. */
export class UsageError extends Error {
  /** Tells a usage error apart across bundles (dist/mcp.cjs has its own copy of this class). */
  readonly usage = true;
}

/**
 * The largest file read as a note. Larger ones (a 3 GB file named .md) would
 * take seconds and gigabytes of memory only to be refused as text; the core
 * reads just the frontmatter of notes over 20 million characters anyway.
 */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

export function checkSize(bytes: number): void {
  if (bytes > MAX_READ_BYTES) {
    throw new Error(`the file is ${(bytes / 1024 / 1024).toFixed(0)} MB; notes over ${MAX_READ_BYTES / 1024 / 1024} MB are not read`);
  }
}

/** What a file that is not a note is, for the one line that refuses it. */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  return "not a regular file";
}

/**
 * Read a note's text, refusing at once anything that is not a regular file:
 * opened without blocking (a FIFO would wait for a writer forever), then
 * checked on the open file, so nothing can be swapped in between.
 */
export function readRegular(full: string, path: string): string {
  const before = statSync(full);
  if (!before.isFile()) throw new UsageError(`${path} is ${kindOf(before)}, not a note`);
  checkSize(before.size);
  const fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`${path} is ${kindOf(st)}, not a note`);
    checkSize(st.size);
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

