// Temporary files of the CLI's writes (SPEC §8): every file is written
// beside its target under a name that holds the writer's process id, then
// renamed (or, for a new note, hard-linked, which fails rather than
// overwrite) into place. A failed write removes its temp file; the temp
// files of processes that died (kill -9) are removed by the next run.
import { closeSync, existsSync, fchmodSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { Buffer } from "node:buffer";
import { dirname, join } from "node:path";
import { writeStep } from "./fault-injection";

const TEMP_PREFIX = ".source-queue-";
/** `.source-queue-<pid>-<n>.tmp`, and the `<note>.source-queue-<pid>.tmp` of earlier versions. */
const TEMP_NAME = /\.source-queue-(\d+)(?:-\d+)?\.tmp$/;

let made = 0;

export const isTempName = (name: string): boolean => TEMP_NAME.test(name);

function tempPathFor(full: string): string {
  made++;
  return join(dirname(full), `${TEMP_PREFIX}${process.pid}-${made}.tmp`);
}

/** Is this process alive? EPERM means it is, but someone else's. */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone, or the error that brought us here is the one to report
  }
}

/** Remove the temp files of dead processes in a folder; returns their names. */
export function removeStaleTemps(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    unlinkQuietly(join(dir, name));
    removed.push(name);
  }
  return removed;
}

export interface AtomicWrite {
  /** Fail (EEXIST) rather than replace a file at the target: a new note. */
  exclusive: boolean;
  /** The mode to give the file (an existing note keeps its own). */
  mode?: number;
  /**
   * Flush to the disk before it is moved into place. Only the journal asks:
   * a kill (SIGKILL) loses nothing the kernel was given, and a flush per note
   * tripled a split's time here (the bench's seed split: 40 ms with, 13 ms
   * without); after a power cut, the flushed journal still names every note
   * of the run, and a note found empty or cut short is taken back.
   */
  durable?: boolean;
}

/**
 * Write `text` to `full` so that the target is either as it was or whole:
 * temp file, flushed, then renamed or linked into place. Each stage is a
 * write step for fault injection; on any failure the temp file is removed.
 */
export function writeAtomic(full: string, text: string, how: AtomicWrite): void {
  const tmp = tempPathFor(full);
  const bytes = Buffer.from(text, "utf8");
  writeStep(`open a temp file for ${full}`);
  const fd = openSync(tmp, "wx");
  let open = true;
  try {
    if (how.mode !== undefined) fchmodSync(fd, how.mode);
    // Two halves, so a test can stop the process with half a file written (a full disk, a kill).
    const half = bytes.length >> 1;
    writeAll(fd, bytes, 0, half);
    writeStep(`write the second half of ${full}`);
    writeAll(fd, bytes, half, bytes.length);
    if (how.durable) fsyncSync(fd);
    closeSync(fd);
    open = false;
    writeStep(`move ${full} into place`);
    if (how.exclusive) linkNew(tmp, full);
    else renameSync(tmp, full);
  } catch (err) {
    if (open) {
      try {
        closeSync(fd);
      } catch {
        // the write's error is the one to report
      }
    }
    unlinkQuietly(tmp);
    throw err;
  }
}

/** Link the temp file in as a new note (never over one), then drop the temp name. */
function linkNew(tmp: string, full: string): void {
  try {
    linkSync(tmp, full);
  } catch (err) {
    // A disk without hard links (some FUSE and FAT mounts): check, then rename, a window of microseconds.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EOPNOTSUPP") throw err;
    if (existsSync(full)) throw Object.assign(new Error(`EEXIST: file already exists, ${full}`), { code: "EEXIST" });
    renameSync(tmp, full);
    return;
  }
  // The note is in place; a temp name that cannot be dropped now is swept once this process is gone.
  try {
    writeStep(`remove the temp file of ${full}`);
    unlinkSync(tmp);
  } catch {
    // not a failure of the write
  }
}

function writeAll(fd: number, bytes: Buffer, from: number, to: number): void {
  let at = from;
  while (at < to) at += writeSync(fd, bytes, at, to - at);
}
