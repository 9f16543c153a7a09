// Where the CLI keeps its cache of queue rows (README "The command-line
// tool"): outside the vault, because vaults are synced (Obsidian Sync, iCloud,
// git) and a cache there would travel to every device and into every commit.
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

export interface CacheEnv {
  SOURCE_QUEUE_CACHE_DIR?: string | undefined;
  XDG_CACHE_HOME?: string | undefined;
  LOCALAPPDATA?: string | undefined;
}

/** The home folder, or null where there is none (a service account, a stripped container): then there is no default cache. */
function homeOrNull(): string | null {
  try {
    const home = homedir();
    return home ? home : null;
  } catch {
    return null;
  }
}

/**
 * The cache folder: $SOURCE_QUEUE_CACHE_DIR, else $XDG_CACHE_HOME/source-queue,
 * else the platform's usual place. XDG says a relative $XDG_CACHE_HOME is
 * invalid and must be ignored; a relative $SOURCE_QUEUE_CACHE_DIR is the
 * user's explicit choice and is taken as given (from the current folder).
 * null when nothing fits: the CLI then works without a cache.
 */
export function cacheDir(env: CacheEnv = process.env, platform: NodeJS.Platform = process.platform, home: string | null = homeOrNull()): string | null {
  if (env.SOURCE_QUEUE_CACHE_DIR) return env.SOURCE_QUEUE_CACHE_DIR;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, "source-queue");
  if (platform === "win32" && env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA)) return join(env.LOCALAPPDATA, "source-queue", "Cache");
  if (home === null) return null;
  if (platform === "darwin") return join(home, "Library", "Caches", "source-queue");
  return join(home, ".cache", "source-queue");
}

/** One file per vault, named by its real path: two links to one vault share a cache, and the name says nothing about the vault. */
export function cacheFileName(realVaultRoot: string): string {
  return `rows-${createHash("sha256").update(realVaultRoot).digest("hex").slice(0, 32)}.json`;
}
