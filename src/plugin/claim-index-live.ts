// The claim index kept live from Obsidian's metadata cache (SPEC §6): built
// once the layout is ready from every Markdown file's cached frontmatter and
// headings (no file is read; a large vault in steps), then updated note by note: the cache's
// 'changed' (a new claim, an edited title or alias, a type changed in or out
// of `claim`), the vault's 'rename' (the cache moves its entry without a
// 'changed') and 'delete'. A Component: its listeners are registered through
// registerEvent, so unloading it (or the plugin it is a child of) leaves
// nothing behind. State flows one way: cache → index → whoever asks.
import { Component, TFile, type App, type CachedMetadata, type TAbstractFile } from "obsidian";
import { ClaimIndex } from "../core/claims/claim-index";
import { claimInputFromFrontmatter, DEFAULT_CLAIM_TYPES, type ClaimInput } from "../core/claims/claim-input";
import { buildPacer, type StepOptions } from "./steps";

const MARKDOWN = /\.md$/i;

/** The first level-one heading the cache found (it already skips code blocks). */
function firstH1Of(cache: CachedMetadata | null): string | null {
  for (const h of cache?.headings ?? []) if (h.level === 1 && h.heading.trim() !== "") return h.heading;
  return null;
}

/** A note's claim input from its cached metadata (null: not a claim). */
export function claimInputFromCache(path: string, cache: CachedMetadata | null, claimTypes: readonly string[] = DEFAULT_CLAIM_TYPES): ClaimInput | null {
  return claimInputFromFrontmatter(path, cache?.frontmatter, firstH1Of(cache), claimTypes);
}

export class ClaimIndexLive extends Component {
  private current = new ClaimIndex();
  /** The index a build is filling, until it replaces the current one; changes meanwhile go to both. */
  private building: ClaimIndex | null = null;
  /** Bumped by every build, so a newer one (a settings change) stops an older one. */
  private builds = 0;
  private listeners = new Set<() => void>();
  /** True once the first build from the cache has run. */
  ready = false;
  /** Between onload and onunload: a component unloaded before layout ready must not start listening then. */
  private live = false;

  constructor(
    private readonly app: App,
    private readonly claimTypes: () => readonly string[] = () => DEFAULT_CLAIM_TYPES,
    private readonly options: StepOptions = {},
  ) {
    super();
  }

  get index(): ClaimIndex {
    return this.current;
  }

  override onload(): void {
    // 'create' and 'changed' fire for every file while the vault loads: listen only once the layout is ready.
    this.live = true;
    this.app.workspace.onLayoutReady(() => {
      if (!this.live) return;
      // Listening first: a note that changes while the build runs reaches the index either way.
      this.registerEvent(this.app.metadataCache.on("changed", (file, _data, cache) => this.changed(file, cache)));
      this.registerEvent(this.app.vault.on("rename", (file, oldPath) => this.renamed(file, oldPath)));
      this.registerEvent(this.app.vault.on("delete", (file) => this.deleted(file.path)));
      void this.rebuild();
    });
  }

  override onunload(): void {
    this.live = false;
    this.builds++;
    this.building = null;
    this.listeners.clear();
    this.ready = false;
  }

  /** Called after every change to the index (one note or a rebuild); returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Every claim, from the cache (after a settings change of the claim types,
   * too), in steps of about 10 ms; resolves when the new index is in place.
   * Until then the index in use is the one before (empty at start-up). Each
   * note's cache is read when its step comes, so a note changed before that
   * step is read as it is now, and one changed after it reaches the new
   * index through the listeners. A small vault is built at once.
   */
  async rebuild(): Promise<void> {
    const run = ++this.builds;
    const types = this.claimTypes();
    const next = new ClaimIndex();
    this.building = next;
    const files = this.app.vault.getMarkdownFiles();
    const pacer = buildPacer(files.length, this.options);
    for (const file of files) {
      // A file deleted before its step has no cache entry left: it is skipped.
      const input = claimInputFromCache(file.path, this.app.metadataCache.getFileCache(file), types);
      if (input) next.add(input);
      if (pacer.tick()) {
        await pacer.rest();
        if (run !== this.builds) return;
      }
    }
    if (run !== this.builds) return;
    this.building = null;
    this.current = next;
    this.ready = true;
    this.emit();
  }

  /** The indexes a change goes to: the one in use, and the one a build is filling. */
  private targets(): ClaimIndex[] {
    return this.building ? [this.current, this.building] : [this.current];
  }

  private changed(file: TFile, cache: CachedMetadata): void {
    if (!MARKDOWN.test(file.path)) return;
    const input = claimInputFromCache(file.path, cache, this.claimTypes());
    const indexes = this.targets();
    // A note that is not a claim and never was: nothing to do, and no one to tell.
    if (input === null && indexes.every((index) => index.get(file.path) === null)) return;
    for (const index of indexes) index.update(file.path, input);
    this.emit();
  }

  private renamed(file: TAbstractFile, oldPath: string): void {
    // A folder's rename comes with one event per file inside it.
    if (!(file instanceof TFile)) return;
    let moved = false;
    for (const index of this.targets()) {
      if (index.get(oldPath) === null) continue;
      if (MARKDOWN.test(file.path)) index.rename(oldPath, file.path);
      else index.remove(oldPath);
      moved = true;
    }
    if (moved) {
      this.emit();
      return;
    }
    // Renamed into Markdown (x.txt → x.md): the cache indexes it and reports 'changed'.
  }

  private deleted(path: string): void {
    let removed = false;
    for (const index of this.targets()) removed = index.remove(path) || removed;
    if (removed) this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
