/**
 * MetadataCache: indexes Markdown files asynchronously after each vault change
 * (a macrotask later), then fires 'changed'(file, data, cache) and
 * 'resolve'(file); 'resolved' fires when nothing is pending. On delete the
 * entry goes at once and 'deleted'(file, prevCache) fires (before the vault's
 * public 'delete' listeners, as Obsidian's own handler runs first); on rename
 * the entry moves to the new path without 'changed'.
 */
import { Events } from "./events";
import { TFile, type TAbstractFile } from "./files";
import { parseMarkdown } from "./markdown-parser";
import type { CachedMetadata } from "./metadata-types";
import { getLinkpath, parentPath, resolveRelative } from "./paths";
import type { Vault, VaultObserver } from "./vault";

export class MetadataCache extends Events implements VaultObserver {
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};
  /** @internal when true, files created are indexed at once without 'changed' (a warm, persisted cache at startup). */
  _warm = false;
  private entries = new Map<string, CachedMetadata>();
  private pending = new Set<TFile>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private resolvePending = false;
  /** lower-cased file name → files (for link resolution); null = rebuild on next use */
  private byName: Map<string, TFile[]> | null = null;
  private waiters: (() => void)[] = [];

  constructor(private vault: Vault) {
    super();
    vault._observers.push(this);
  }

  private indexable(file: TAbstractFile): file is TFile {
    return file instanceof TFile && file.extension === "md";
  }

  onCreate(file: TAbstractFile): void {
    if (file instanceof TFile) this.structureChanged();
    if (!this.indexable(file)) return;
    if (this._warm) this.indexNow(file, false);
    else this.queue(file);
  }

  onModify(file: TFile): void {
    if (this.indexable(file)) this.queue(file);
  }

  onDelete(file: TAbstractFile): void {
    if (!(file instanceof TFile)) return;
    this.structureChanged();
    const prev = this.entries.get(file.path) ?? null;
    this.entries.delete(file.path);
    this.pending.delete(file);
    delete this.resolvedLinks[file.path];
    delete this.unresolvedLinks[file.path];
    if (this.indexable(file)) this.trigger("deleted", file, prev);
  }

  onRename(file: TAbstractFile, oldPath: string): void {
    if (!(file instanceof TFile)) return;
    this.structureChanged();
    const entry = this.entries.get(oldPath);
    this.entries.delete(oldPath);
    if (entry && this.indexable(file)) this.entries.set(file.path, entry);
    else if (this.indexable(file)) this.queue(file);
    delete this.resolvedLinks[oldPath];
    delete this.unresolvedLinks[oldPath];
  }

  /** Files appeared, went or moved: links anywhere may resolve differently. */
  private structureChanged(): void {
    this.byName = null;
    this.requestResolve();
  }

  private nameIndex(): Map<string, TFile[]> {
    if (!this.byName) {
      this.byName = new Map();
      for (const f of this.vault.getFiles()) {
        const key = f.name.toLowerCase();
        const list = this.byName.get(key);
        if (list) list.push(f);
        else this.byName.set(key, [f]);
      }
    }
    return this.byName;
  }

  private queue(file: TFile): void {
    this.pending.add(file);
    this.schedule();
  }

  /** @internal ask for a 'resolved' pass (after renames, deletions, startup). */
  requestResolve(): void {
    this.resolvePending = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer === null) this.timer = setTimeout(() => this.process(), 0);
  }

  private indexNow(file: TFile, notify: boolean): void {
    let data: string;
    try {
      data = this.vault.storage.read(file.path);
    } catch {
      return;
    }
    // Obsidian parses notes in a worker and posts the result back, so plugins
    // see a copy: values that share nothing with the note's text (a string cut
    // out of the text, as a parser here makes it, is a slice of it, several
    // times slower to compare in a sort).
    const cache = structuredClone(parseMarkdown(data));
    this.entries.set(file.path, cache);
    if (notify) {
      this.resolveFile(file);
      this.trigger("changed", file, data, cache);
      this.trigger("resolve", file);
    }
  }

  private process(): void {
    this.timer = null;
    const batch = Array.from(this.pending);
    this.pending.clear();
    for (const file of batch) {
      if (this.vault.getAbstractFileByPath(file.path) === file) this.indexNow(file, true);
    }
    if (this.pending.size > 0) {
      this.schedule();
      return;
    }
    if (batch.length > 0 || this.resolvePending) {
      if (this.resolvePending) for (const file of this.vault.getMarkdownFiles()) if (this.entries.has(file.path)) this.resolveFile(file);
      this.resolvePending = false;
      this.trigger("resolved");
    }
    if (this.timer === null) {
      const waiters = this.waiters.splice(0);
      for (const w of waiters) w();
    }
  }

  /** Test-only: true while indexing or a 'resolved' pass is pending. */
  isBusy(): boolean {
    return this.timer !== null || this.pending.size > 0;
  }

  /** Test-only: resolves once no indexing is pending and 'resolved' has fired. */
  whenIdle(): Promise<void> {
    if (!this.isBusy()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private resolveFile(file: TFile): void {
    const cache = this.entries.get(file.path);
    const resolved: Record<string, number> = {};
    const unresolved: Record<string, number> = {};
    const refs = [...(cache?.links ?? []), ...(cache?.embeds ?? []), ...(cache?.frontmatterLinks ?? [])];
    for (const ref of refs) {
      const linkpath = getLinkpath(ref.link);
      const dest = this.getFirstLinkpathDest(linkpath, file.path);
      if (dest) resolved[dest.path] = (resolved[dest.path] ?? 0) + 1;
      else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
    }
    this.resolvedLinks[file.path] = resolved;
    this.unresolvedLinks[file.path] = unresolved;
  }

  getFileCache(file: TFile): CachedMetadata | null {
    return this.entries.get(file.path) ?? null;
  }

  getCache(path: string): CachedMetadata | null {
    return this.entries.get(path) ?? null;
  }

  /**
   * Best match for a linkpath, case-insensitive: a relative path (./, ../), an
   * exact vault path (with or without ".md"), else a file whose path ends with
   * it — preferring the source's folder, then the shortest path.
   */
  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    if (linkpath === "") return this.vault.getFileByPath(sourcePath);
    const tree = this.vault._tree;
    const exact = (p: string): TFile | null => {
      for (const cand of [p, p + ".md"]) {
        const f = tree.getIgnoringCase(cand).find((x): x is TFile => x instanceof TFile);
        if (f) return f;
      }
      return null;
    };
    if (linkpath.startsWith("./") || linkpath.startsWith("../")) {
      const abs = resolveRelative(parentPath(sourcePath), linkpath);
      return abs === null ? null : exact(abs);
    }
    const wanted = linkpath.replace(/^\//, "");
    const found = exact(wanted);
    if (found) return found;
    const lower = wanted.toLowerCase();
    const name = lower.slice(lower.lastIndexOf("/") + 1);
    const index = this.nameIndex();
    const matches = [...(index.get(name) ?? []), ...(index.get(name + ".md") ?? [])].filter((f) => {
      const p = f.path.toLowerCase();
      return p.endsWith("/" + lower) || p.endsWith("/" + lower + ".md");
    });
    if (matches.length === 0) return null;
    const sourceFolder = parentPath(sourcePath);
    const sameFolder = matches.find((f) => parentPath(f.path) === sourceFolder);
    if (sameFolder) return sameFolder;
    return matches.sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path))[0] ?? null;
  }

  /** Link text for a file: its name when no other file has that name, else its full path. */
  fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
    void sourcePath;
    const omit = omitMdExtension && file.extension === "md";
    const name = omit ? file.basename : file.name;
    const sameName = this.nameIndex().get(file.name.toLowerCase()) ?? [];
    if (sameName.length <= 1) return name;
    return omit ? file.path.slice(0, -".md".length) : file.path;
  }
}
