// The claim index kept live from Obsidian's metadata cache (SPEC §6): built
// once the layout is ready from every Markdown file's cached frontmatter and
// headings (no file is read), then updated note by note: the cache's
// 'changed' (a new claim, an edited title or alias, a type changed in or out
// of `claim`), the vault's 'rename' (the cache moves its entry without a
// 'changed') and 'delete'. A Component: its listeners are registered through
// registerEvent, so unloading it (or the plugin it is a child of) leaves
// nothing behind. State flows one way: cache → index → whoever asks.
import { Component, TFile, type App, type CachedMetadata, type TAbstractFile } from "obsidian";
import { ClaimIndex, type ClaimInput } from "../core/claim-index";
import { claimInputFromFrontmatter, DEFAULT_CLAIM_TYPES } from "../core/claim-input";

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
  private listeners = new Set<() => void>();
  /** True once the first build from the cache has run. */
  ready = false;
  /** Between onload and onunload: a component unloaded before layout ready must not start listening then. */
  private live = false;

  constructor(
    private readonly app: App,
    private readonly claimTypes: () => readonly string[] = () => DEFAULT_CLAIM_TYPES,
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
      this.rebuild();
      this.registerEvent(this.app.metadataCache.on("changed", (file, _data, cache) => this.changed(file, cache)));
      this.registerEvent(this.app.vault.on("rename", (file, oldPath) => this.renamed(file, oldPath)));
      this.registerEvent(this.app.vault.on("delete", (file) => this.deleted(file.path)));
    });
  }

  override onunload(): void {
    this.live = false;
    this.listeners.clear();
    this.ready = false;
  }

  /** Called after every change to the index (one note or a rebuild); returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every claim, from the cache (after a settings change of the claim types, too). */
  rebuild(): void {
    const types = this.claimTypes();
    const inputs: ClaimInput[] = [];
    for (const file of this.app.vault.getMarkdownFiles()) {
      const input = claimInputFromCache(file.path, this.app.metadataCache.getFileCache(file), types);
      if (input) inputs.push(input);
    }
    this.current = ClaimIndex.build(inputs);
    this.ready = true;
    this.emit();
  }

  private changed(file: TFile, cache: CachedMetadata): void {
    if (!MARKDOWN.test(file.path)) return;
    const input = claimInputFromCache(file.path, cache, this.claimTypes());
    // A note that is not a claim and never was: nothing to do, and no one to tell.
    if (input === null && this.current.get(file.path) === null) return;
    this.current.update(file.path, input);
    this.emit();
  }

  private renamed(file: TAbstractFile, oldPath: string): void {
    // A folder's rename comes with one event per file inside it.
    if (!(file instanceof TFile)) return;
    if (this.current.get(oldPath) !== null) {
      if (MARKDOWN.test(file.path)) this.current.rename(oldPath, file.path);
      else this.current.remove(oldPath);
      this.emit();
      return;
    }
    // Renamed into Markdown (x.txt → x.md): the cache indexes it and reports 'changed'.
  }

  private deleted(path: string): void {
    if (this.current.remove(path)) this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
