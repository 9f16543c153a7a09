// The CLI's per-note lock (SPEC §8): two processes that change one note at
// once take turns, so neither loses the other's change. proper-lockfile makes
// the lock a folder (mkdir is atomic, also over network disks), refreshes it
// while held and takes over one left by a dead process once it is stale.
// Locks live in the plugin's folder of the vault, named by the note's real
// path, so a note reached through a symbolic link has the same lock.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import lockfile from "proper-lockfile";

/** A lock not refreshed for this long belongs to a dead process (proper-lockfile refreshes every second). */
const STALE_MS = 5000;

const RETRIES = { retries: 400, factor: 1.2, minTimeout: 2, maxTimeout: 60, randomize: true };

export class LockError extends Error {}

/** Run `fn` holding the lock of the note at `realPath`; locks are kept in `lockDir`. */
export async function withNoteLock<T>(lockDir: string, realPath: string, fn: () => T | Promise<T>): Promise<T> {
  mkdirSync(lockDir, { recursive: true });
  const lockfilePath = join(lockDir, `${createHash("sha1").update(realPath).digest("hex")}.lock`);
  let compromised: Error | null = null;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(realPath, {
      lockfilePath,
      realpath: false,
      stale: STALE_MS,
      retries: RETRIES,
      onCompromised: (err) => {
        compromised = err;
      },
    });
  } catch (err) {
    throw new LockError(`another process holds the lock of this note (${(err as Error).message.split("\n")[0]}); try again`);
  }
  try {
    const value = await fn();
    if (compromised !== null) throw new LockError(`the lock of this note was taken over while it was written: ${(compromised as Error).message}`);
    return value;
  } finally {
    await release().catch(() => undefined);
  }
}
