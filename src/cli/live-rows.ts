// The queue rows of a long-running process (the MCP server, SPEC §7): kept in
// memory between tool calls and checked against each note's stat, so a call
// on a vault of 10,000 sources walks the folder and stats each note but reads
// only notes that changed. The CLI's one-shot commands use the row cache on
// disk instead (row-cache.ts); this is the same rule without the file.
import type { QueueItem } from "../core/queue-query";
import { queueItemFromText, unreadableItem } from "../core/queue-item";
import type { Settings } from "../core/settings";
import type { FsVault } from "./fs-vault";
import { RACY_MS } from "./row-cache";
import { sameStamp, type FileStamp } from "./row-codec";

export class LiveRows {
  private rows = new Map<string, { stamp: FileStamp; item: QueueItem | null }>();
  private key = "";

  constructor(private readonly clock: () => number = Date.now) {}

  /** Every queue row of the vault, in path order. */
  read(vault: FsVault, settings: Settings): QueueItem[] {
    // Other settings (another queue folder, other source types) make other rows.
    const key = `${vault.realRoot}\n${JSON.stringify(settings)}`;
    if (key !== this.key) {
      this.rows.clear();
      this.key = key;
    }
    const paths = vault.markdownFiles(settings.queueFolder);
    const now = this.clock();
    const next = new Map<string, { stamp: FileStamp; item: QueueItem | null }>();
    const items: QueueItem[] = [];
    for (const path of paths) {
      const known = this.rows.get(path);
      const stamp = known ? vault.stampListed(path) : null;
      let item: QueueItem | null;
      if (known && stamp && sameStamp(known.stamp, stamp)) {
        item = known.item;
        next.set(path, known);
      } else {
        try {
          const read = vault.readListedStamped(path);
          item = queueItemFromText(path, read.text, settings);
          // A note written within the clock's resolution of its read may change again under the same stamp: read it next time too.
          if (read.stamp.mtimeMs <= now - RACY_MS) next.set(path, { stamp: read.stamp, item });
        } catch (err) {
          item = unreadableItem(path, ((err as Error).message ?? String(err)).split("\n")[0] ?? "");
        }
      }
      if (item) items.push(item);
    }
    this.rows = next;
    return items;
  }
}
