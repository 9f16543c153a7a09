// The queue index (SPEC §4): one entry per queue note, built from the
// metadata cache (never by reading every file) once the layout is ready, and
// updated one entry at a time as the cache reports changes, renames and
// deletions. Hint counts and problems that only the text shows (BOM, CRLF,
// duplicate keys) are read lazily, for rows on screen, and cached until the
// note changes. State flows one way: cache → index → view.
import { TFile, type App, type CachedMetadata } from "obsidian";
import type { Problem } from "../core/model";
import { basenameOf } from "../core/model";
import { statusKey, type QueueItem, type StatusKey } from "../core/queue-query";
import { queueItem, queueItemFromText } from "../core/queue-item";
import type { Settings } from "../core/settings";
import { inFolder } from "../core/source-note";
import { emptyFields, normalizeFields } from "../core/source-fields";

export type IndexListener = (changed: readonly string[] | "all") => void;

export class QueueIndex {
  private items = new Map<string, QueueItem>();
  /** Paths whose text has been read since their last change. */
  private detailed = new Set<string>();
  private pending = new Map<string, Promise<void>>();
  private listeners = new Set<IndexListener>();
  private sorted: QueueItem[] | null = null;
  private counts: Record<StatusKey, number> = { unprocessed: 0, processing: 0, processed: 0, "null-result": 0, unknown: 0 };
  /** Notes per domain, kept like the counts, so the header's domain list costs nothing per render. */
  private domainCounts = new Map<string, number>();
  private domainList: readonly string[] | null = null;
  ready = false;

  constructor(
    private readonly app: App,
    private readonly settings: () => Settings,
  ) {}

  onChange(listener: IndexListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(changed: readonly string[] | "all"): void {
    this.sorted = null;
    for (const l of this.listeners) l(changed);
  }

  all(): QueueItem[] {
    this.sorted ??= [...this.items.values()];
    return this.sorted;
  }

  /** Notes per status, kept up to date entry by entry. */
  statusCounts(): Record<StatusKey, number> {
    return { ...this.counts };
  }

  private put(item: QueueItem): void {
    const old = this.items.get(item.path);
    if (old) this.counts[statusKey(old.status)]--;
    this.counts[statusKey(item.status)]++;
    if (old?.domain !== item.domain) {
      this.countDomain(old?.domain ?? null, -1);
      this.countDomain(item.domain, 1);
    }
    this.items.set(item.path, item);
  }

  private drop(path: string): boolean {
    const old = this.items.get(path);
    if (!old) return false;
    this.counts[statusKey(old.status)]--;
    this.countDomain(old.domain, -1);
    return this.items.delete(path);
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

  get size(): number {
    return this.items.size;
  }

  isQueuePath(path: string): boolean {
    return path.toLowerCase().endsWith(".md") && inFolder(path, this.settings().queueFolder);
  }

  /** Build every entry from the metadata cache. */
  rebuild(): void {
    this.items.clear();
    this.detailed.clear();
    for (const key of Object.keys(this.counts) as StatusKey[]) this.counts[key] = 0;
    this.domainCounts.clear();
    this.domainList = null;
    for (const file of this.app.vault.getMarkdownFiles()) {
      if (!this.isQueuePath(file.path)) continue;
      const item = this.fromCache(file, this.app.metadataCache.getFileCache(file));
      if (item) this.put(item);
    }
    this.ready = true;
    this.emit("all");
  }

  /** One note changed (or appeared): re-read its entry from the cache. */
  update(file: TFile, cache: CachedMetadata | null = this.app.metadataCache.getFileCache(file)): void {
    this.detailed.delete(file.path);
    const had = this.items.has(file.path);
    const item = this.isQueuePath(file.path) ? this.fromCache(file, cache) : null;
    if (item) this.put(item);
    else this.drop(file.path);
    if (item || had) this.emit([file.path]);
  }

  remove(path: string): void {
    this.detailed.delete(path);
    if (this.drop(path)) this.emit([path]);
  }

  rename(file: TFile, oldPath: string): void {
    this.detailed.delete(oldPath);
    const had = this.drop(oldPath);
    const item = this.isQueuePath(file.path) ? this.fromCache(file, this.app.metadataCache.getFileCache(file)) : null;
    if (item) this.put(item);
    if (had || item) this.emit([oldPath, file.path]);
  }

  private fromCache(file: TFile, cache: CachedMetadata | null): QueueItem | null {
    const settings = this.settings();
    const basename = basenameOf(file.path);
    const problems: Problem[] = [];
    const fm = cache?.frontmatter;
    let fields = emptyFields(basename);
    if (fm) {
      const normalized = normalizeFields(fm, basename, settings);
      fields = normalized.fields;
      problems.push(...normalized.problems);
      if (fields.typeClass === "other-note") return null;
    } else if (cache?.frontmatterPosition) {
      problems.push({ level: "error", message: "Frontmatter YAML does not parse" });
    } else {
      problems.push({ level: "error", message: "No frontmatter: the note does not start with a --- line" });
    }
    return queueItem(file.path, fields, null, problems);
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
          if (item) this.put(item);
          else this.drop(path);
          this.emit([path]);
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
