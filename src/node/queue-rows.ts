// The queue rows of a vault on disk, for `list` and `validate` (SPEC §5):
// every Markdown note under the queue folder, read and parsed, or taken from
// the row cache when its stat shows it unchanged since it was parsed.
import type { QueueItem } from "../core/queue/queue-query";
import { queueItemFromText, unreadableItem } from "../core/queue/queue-item";
import type { Settings } from "../core/note/settings";
import type { FsVault } from "./fs-vault";
import { RowCache } from "./row-cache";

/** The row of a note that could not be read (over 64 MB, gone since listed): shown with the error, not the end of the command. */
function unreadable(path: string, err: unknown): QueueItem {
  const e = err as NodeJS.ErrnoException;
  return unreadableItem(path, (e.code ? `${e.code}: ${e.message}` : String(e.message)).split("\n")[0] ?? "");
}

/** A listed note as a row, read and parsed (null: not a queue note). */
export function listedItem(vault: FsVault, path: string, settings: Settings): QueueItem | null {
  let text: string;
  try {
    text = vault.readListed(path);
  } catch (err) {
    return unreadable(path, err);
  }
  return queueItemFromText(path, text, settings);
}

/** The same, from the cache when the stamp matches. Unreadable notes are not remembered: the next run tries them again. */
function cachedItem(vault: FsVault, path: string, settings: Settings, cache: RowCache): QueueItem | null {
  const hit = cache.lookup(path, () => vault.stampListed(path));
  if (hit !== undefined) return hit;
  let read;
  try {
    read = vault.readListedStamped(path);
  } catch (err) {
    return unreadable(path, err);
  }
  const item = queueItemFromText(path, read.text, settings);
  cache.remember(path, read.stamp, item);
  return item;
}

export interface ReadQueueOptions {
  /** false: read every note and leave the cache alone (--no-cache). */
  cache: boolean;
}

/** Every queue row of the vault, in path order. */
export function readQueue(vault: FsVault, settings: Settings, opts: ReadQueueOptions): QueueItem[] {
  const paths = vault.markdownFiles(settings.queueFolder);
  // Opened after the walk, still before any note is stat'ed or read (see RACY_MS).
  const cache = opts.cache ? RowCache.open(vault.realRoot, settings, paths.length) : null;
  const items: QueueItem[] = [];
  for (const path of paths) {
    const item = cache ? cachedItem(vault, path, settings, cache) : listedItem(vault, path, settings);
    if (item) items.push(item);
  }
  cache?.save();
  return items;
}
