// The queue rows of a long-running process (the MCP server, SPEC §7), kept in
// memory between tool calls. The CLI's one-shot commands use the row cache on
// disk (row-cache.ts); a server can do better: it watches the queue folder
// (fs.watch, recursive) and, between calls, re-reads only the notes an event
// named. Without a working watcher (or after it fails) each call walks the
// folder and stats every note, reading only those whose stat changed.
//
// An event can arrive a moment after the write it reports, so a row may be
// that moment old: fine for next_source and list_sources, which only propose.
// claim_source and every write decide on the note's text as it is then.
// A folder linked into the queue folder is not watched (events stop at the
// link): a vault that has one can restart the server, or use the CLI.
import { join } from "node:path";
import type { QueueItem } from "../core/queue/queue-query";
import { queueItemFromText, unreadableItem } from "../core/queue/queue-item";
import type { Settings } from "../core/note/settings";
import { parseFrontmatter } from "../core/note/parse-frontmatter";
import { FolderWatch, isFolder } from "./folder-watch";
import type { FsVault } from "./fs-vault";
import { RACY_MS } from "./row-cache";
import { sameStamp, type FileStamp } from "./row-codec";

interface Entry {
  stamp: FileStamp | null;
  item: QueueItem | null;
  /** The frontmatter, kept once asked for (next_source reads the lease of processing rows). */
  data?: Record<string, unknown> | null;
}

export class LiveRows {
  private rows = new Map<string, Entry>();
  private sorted: QueueItem[] | null = null;
  private key = "";
  private readonly watch = new FolderWatch();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly useWatcher = true,
  ) {}

  close(): void {
    this.watch.close();
  }

  /** Every queue row of the vault, in path order. */
  read(vault: FsVault, settings: Settings): QueueItem[] {
    // Other settings (another queue folder, other source types) make other rows.
    const key = `${vault.realRoot}\n${JSON.stringify(settings)}`;
    if (key !== this.key) {
      this.close();
      this.rows.clear();
      this.sorted = null;
      this.key = key;
      if (this.useWatcher) this.watch.start(vault.root, settings.queueFolder);
    }
    // Watch first, then scan: a change during the scan is then seen again, never missed.
    const changed = this.watch.take();
    if (changed === "all") this.scan(vault, settings);
    else for (const path of changed) this.refresh(vault, settings, path);
    this.sorted ??= [...this.rows.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => e.item)
      .filter((i): i is QueueItem => i !== null);
    return this.sorted;
  }

  /** This process wrote these notes: read them again on the next call, before any event says so. */
  touched(paths: readonly string[]): void {
    this.watch.touched(paths);
  }

  /** The frontmatter of a listed note, from memory while its row is current. */
  frontmatter(vault: FsVault, path: string): Record<string, unknown> | null {
    const entry = this.rows.get(path);
    if (entry?.data !== undefined) return entry.data;
    const data = parseFrontmatter(vault.readListed(path)).data;
    if (entry) entry.data = data;
    return data;
  }

  /** The whole folder: walk it, stat each known note, read new and changed ones. */
  private scan(vault: FsVault, settings: Settings): void {
    const next = new Map<string, Entry>();
    for (const path of vault.markdownFiles(settings.queueFolder)) {
      const known = this.rows.get(path);
      const stamp = known?.stamp ? vault.stampListed(path) : null;
      next.set(path, known && stamp && sameStamp(known.stamp as FileStamp, stamp) ? known : this.load(vault, settings, path));
    }
    this.rows = next;
    this.sorted = null;
  }

  /** One path an event named: a note changed, appeared or went; a folder that did means a rescan; other files (a write's temporary file) are no row. */
  private refresh(vault: FsVault, settings: Settings, path: string): void {
    if (!path.toLowerCase().endsWith(".md")) {
      const folder = isFolder(join(vault.root, path));
      const heldRows = () => [...this.rows.keys()].some((p) => p.startsWith(`${path}/`));
      if (folder || (folder === null && heldRows())) this.scan(vault, settings);
      return;
    }
    const stamp = vault.stampListed(path);
    if (stamp === null) {
      if (this.rows.delete(path)) this.sorted = null;
      return;
    }
    const known = this.rows.get(path);
    if (known?.stamp && sameStamp(known.stamp, stamp)) return;
    this.rows.set(path, this.load(vault, settings, path));
    this.sorted = null;
  }

  private load(vault: FsVault, settings: Settings, path: string): Entry {
    try {
      const read = vault.readListedStamped(path);
      // A note written within the clock's resolution of its read may change again under the same stamp: no stamp, so it is read next time.
      const stamp = read.stamp.mtimeMs <= this.clock() - RACY_MS ? read.stamp : null;
      return { stamp, item: queueItemFromText(path, read.text, settings) };
    } catch (err) {
      return { stamp: null, item: unreadableItem(path, ((err as Error).message ?? String(err)).split("\n")[0] ?? "") };
    }
  }
}
