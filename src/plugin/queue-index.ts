// The queue index (SPEC §4): one entry per queue note, built from the
// metadata cache (never by reading every file) once the layout is ready, and
// updated one entry at a time as the cache reports changes, renames and
// deletions. Hint counts and problems that only the text shows (BOM, CRLF,
// duplicate keys) are read lazily, for rows on screen, and cached until the
// note changes. State flows one way: cache → index → view.
import { TFile, type App, type CachedMetadata } from "obsidian";
import type { Problem } from "../core/note/model";
import { basenameOf } from "../core/note/model";
import { noCounts, statusKey, type QueueItem, type SortOrder, type StatusKey } from "../core/queue/queue-query";
import { QueueOrder } from "../core/queue/sorted-queue";
import { queueItem, queueItemFromText } from "../core/queue/queue-item";
import type { Settings } from "../core/note/settings";
import { folderPrefix, inFolder } from "../core/note/source-note";
import { emptyFields } from "../core/note/source-fields";
import { queueItemFromFrontmatter } from "../core/queue/frontmatter-row";
import { holderShown, type HolderShown } from "../core/writes/source-lease";
import { buildPacer, type StepOptions } from "./steps";

const MARKDOWN = /\.md$/i;

/** One entry changed: what it was and what it is now (either missing for a note that came or went). */
export interface IndexChange {
  path: string;
  old: QueueItem | undefined;
  next: QueueItem | undefined;
  /** Set on the new entry of a renamed note: the path it had (the view's selection moves with it). */
  renamedFrom?: string;
}

export type IndexListener = (changes: readonly IndexChange[] | "all") => void;

export class QueueIndex {
  private items = new Map<string, QueueItem>();
  /** Paths whose text has been read since their last change. */
  private detailed = new Set<string>();
  private pending = new Map<string, Promise<void>>();
  private listeners = new Set<IndexListener>();
  private sorted: QueueItem[] | null = null;
  /** Every entry in each sort order asked for so far, kept in order entry by entry (a filter change then never sorts). */
  private orders = new Map<SortOrder, QueueOrder>();
  private shownSort: SortOrder | null = null;
  private counts: Record<StatusKey, number> = noCounts();
  /** Notes per domain, kept like the counts, so the header's domain list costs nothing per render. */
  private domainCounts = new Map<string, number>();
  private domainList: readonly string[] | null = null;
  ready = false;

  constructor(
    private readonly app: App,
    private readonly settings: () => Settings,
    private readonly steps: StepOptions = {},
  ) {}

  onChange(listener: IndexListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(changes: readonly IndexChange[] | "all"): void {
    this.sorted = null;
    for (const l of this.listeners) l(changes);
  }

  all(): QueueItem[] {
    this.sorted ??= [...this.items.values()];
    return this.sorted;
  }

  /**
   * Every entry in this sort order: sorted the first time it is asked for, then kept in order as entries change.
   * @param shown whether this order is the one on screen (kept up to date at once); a one-off look (a command) passes false.
   */
  ordered(sort: SortOrder, shown = true): QueueOrder {
    let order = this.orders.get(sort);
    if (!order) {
      order = new QueueOrder(this.all(), sort);
      this.orders.set(sort, order);
    } else order.catchUp();
    if (shown) this.shownSort = sort;
    return order;
  }

  /** Move an entry in every kept order: at once in the order last asked for (the one on screen), later in the others. */
  private reorder(old: QueueItem | undefined, next: QueueItem | undefined): void {
    for (const [sort, order] of this.orders) {
      if (sort === this.shownSort) order.replace(old, next);
      else if (!order.defer(old, next)) this.orders.delete(sort);
    }
  }

  /** Notes per status, kept up to date entry by entry. */
  statusCounts(): Record<StatusKey, number> {
    return { ...this.counts };
  }

  /** Put an entry in (replacing the note's old one); returns the change. */
  private put(item: QueueItem): IndexChange {
    const old = this.items.get(item.path);
    if (old) this.counts[statusKey(old.status)]--;
    this.counts[statusKey(item.status)]++;
    if (old?.domain !== item.domain) {
      this.countDomain(old?.domain ?? null, -1);
      this.countDomain(item.domain, 1);
    }
    this.items.set(item.path, item);
    this.reorder(old, item);
    return { path: item.path, old, next: item };
  }

  /** Take a note's entry out; returns the change, or null when it had none. */
  private drop(path: string): IndexChange | null {
    const old = this.items.get(path);
    if (!old) return null;
    this.counts[statusKey(old.status)]--;
    this.countDomain(old.domain, -1);
    this.reorder(old, undefined);
    this.items.delete(path);
    return { path, old, next: undefined };
  }

  private countDomain(domain: string | null, by: 1 | -1): void {
    if (!domain) return;
    const n = (this.domainCounts.get(domain) ?? 0) + by;
    if (n > 0) this.domainCounts.set(domain, n);
    else this.domainCounts.delete(domain);
    if (n === 0 || (by === 1 && n === 1)) this.domainList = null;
  }

  get(path: string): QueueItem | undefined {
    return this.items.get(path);
  }

  /** Who holds a `processing` source and until when, from the metadata cache (SPEC §7: a synced vault just sees the notes change). */
  holderOf(path: string, now: Date): HolderShown | null {
    const file = this.app.vault.getFileByPath(path);
    const fm = file ? this.app.metadataCache.getFileCache(file)?.frontmatter : undefined;
    return fm ? holderShown(fm, now) : null;
  }

  get size(): number {
    return this.items.size;
  }

  isQueuePath(path: string): boolean {
    return MARKDOWN.test(path) && inFolder(path, this.settings().queueFolder);
  }

  /**
   * Build every entry from the metadata cache. A vault of 50,000 sources
   * takes 60-140 ms (bench: "queue index rebuild()"), so past 2,000 Markdown
   * files it runs in steps of about 10 ms with a yield between: the app
   * stays responsive while it reads. Until it ends, the entries in use are
   * the ones before (none at start-up, where `ready` stays false), and live
   * changes go to them; the notes they touched are read again once the new
   * entries are in place. A newer build (a settings change) stops an older one.
   */
  rebuild(): Promise<void> {
    this.building = this.build(++this.builds);
    return this.building;
  }

  /** Resolves when the build under way (if any) has ended. */
  async built(): Promise<void> {
    await this.building;
  }

  private building: Promise<void> = Promise.resolve();
  private builds = 0;
  /** Paths changed while a build runs (null: none runs). */
  private changedDuringBuild: Set<string> | null = null;

  private async build(run: number): Promise<void> {
    // Built into fresh collections, without put(): at start-up there are no
    // old entries to take out, and 50,000 notes leave about a microsecond each.
    const items = new Map<string, QueueItem>();
    const counts = noCounts();
    const domains = new Map<string, number>();
    // inFolder's test, with the folder's prefix made once.
    const prefix = folderPrefix(this.settings().queueFolder);
    const cache = this.app.metadataCache;
    // getMarkdownFiles holds Markdown files only: the folder is all there is to check.
    const files = this.app.vault.getMarkdownFiles();
    const pacer = buildPacer(files.length, this.steps);
    this.changedDuringBuild ??= new Set();
    for (const file of files) {
      if (pacer.tick()) {
        await pacer.rest();
        if (run !== this.builds) return;
      }
      if (!file.path.startsWith(prefix)) continue;
      // Read when its step comes: a note deleted before that has no cache entry, and one renamed has its new path.
      const item = this.fromCache(file, cache.getFileCache(file));
      if (!item) continue;
      items.set(file.path, item);
      counts[statusKey(item.status)]++;
      if (item.domain) domains.set(item.domain, (domains.get(item.domain) ?? 0) + 1);
    }
    if (run !== this.builds) return;
    const changed = this.changedDuringBuild;
    this.changedDuringBuild = null;
    this.items = items;
    this.counts = counts;
    this.domainCounts = domains;
    this.domainList = null;
    this.orders.clear();
    this.detailed.clear();
    // The notes changed meanwhile, as the cache has them now.
    for (const path of changed) {
      const file = this.app.vault.getFileByPath(path);
      const item = file && this.isQueuePath(path) ? this.fromCache(file, cache.getFileCache(file)) : null;
      if (item) this.put(item);
      else this.drop(path);
    }
    this.ready = true;
    this.emit("all");
  }

  /** One note changed (or appeared): re-read its entry from the cache. */
  update(file: TFile, cache: CachedMetadata | null = this.app.metadataCache.getFileCache(file)): void {
    this.changedDuringBuild?.add(file.path);
    this.detailed.delete(file.path);
    const item = this.isQueuePath(file.path) ? this.fromCache(file, cache) : null;
    const change = item ? this.put(item) : this.drop(file.path);
    if (change) this.emit([change]);
  }

  remove(path: string): void {
    this.changedDuringBuild?.add(path);
    this.detailed.delete(path);
    const change = this.drop(path);
    if (change) this.emit([change]);
  }

  rename(file: TFile, oldPath: string): void {
    this.changedDuringBuild?.add(oldPath).add(file.path);
    this.detailed.delete(oldPath);
    const gone = this.drop(oldPath);
    const item = this.isQueuePath(file.path) ? this.fromCache(file, this.app.metadataCache.getFileCache(file)) : null;
    const changes = [gone, item ? { ...this.put(item), renamedFrom: oldPath } : null].filter((c): c is IndexChange => c !== null);
    if (changes.length > 0) this.emit(changes);
  }

  private fromCache(file: TFile, cache: CachedMetadata | null): QueueItem | null {
    const fm = cache?.frontmatter;
    if (fm) return queueItemFromFrontmatter(file.path, fm, this.settings());
    const problem: Problem = cache?.frontmatterPosition
      ? { level: "error", message: "Frontmatter YAML does not parse" }
      : { level: "error", message: "No frontmatter: the note does not start with a --- line" };
    return queueItem(file.path, emptyFields(basenameOf(file.path)), null, [problem]);
  }

  /** Read the text of these notes (rows on screen) for hint counts and text-level problems. */
  ensureDetails(paths: readonly string[]): void {
    for (const path of paths) {
      if (this.detailed.has(path) || this.pending.has(path)) continue;
      const file = this.app.vault.getFileByPath(path);
      if (!file) continue;
      const job = this.app.vault
        .cachedRead(file)
        .then((text) => {
          this.pending.delete(path);
          if (!this.items.has(path)) return;
          const item = queueItemFromText(path, text, this.settings());
          this.detailed.add(path);
          const change = item ? this.put(item) : this.drop(path);
          if (change) this.emit([change]);
        })
        .catch(() => {
          this.pending.delete(path);
        });
      this.pending.set(path, job);
    }
  }

  /** Resolves when every text read started so far has finished (for tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending.values()]);
  }

  /** The domains of the queue's notes, sorted. */
  domains(): readonly string[] {
    this.domainList ??= [...this.domainCounts.keys()].sort((a, b) => a.localeCompare(b));
    return this.domainList;
  }

  /** The file behind an entry, if it still exists. */
  fileOf(path: string): TFile | null {
    const file = this.app.vault.getAbstractFileByPath(path);
    return file instanceof TFile ? file : null;
  }
}
