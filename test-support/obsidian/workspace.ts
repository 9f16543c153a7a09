/**
 * Workspace: a root split and two sidedocks in `containerEl` (`.workspace`),
 * leaves in tab groups, the active leaf and file, layout readiness, and the
 * events 'file-open', 'active-leaf-change', 'layout-change'. Test-only:
 * `openedFiles` records every file opened in a leaf and how (new tab, split…).
 */
import type { App } from "./register";
import { since } from "./api-version";
import { debounce } from "./debounce";
import "./dom-helpers";
import { WorkspaceLeaves } from "./workspace-leaves";
import type { TFile } from "./files";
import type { PaneType } from "./keymap";
import { FileView, MarkdownView } from "./markdown-view";
import { normalizePath, parseLinktext } from "./paths";
import { DeferredView, EmptyView, type View } from "./view";
import { WorkspaceFileSync } from "./workspace-sync";
import { WorkspaceRibbon, WorkspaceSidedock, WorkspaceSplit, WorkspaceTabs } from "./workspace-items";
import { WorkspaceLeaf, type OpenViewState } from "./workspace-leaf";

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

export interface OpenedFileRecord {
  file: TFile;
  path: string;
  leaf: WorkspaceLeaf;
  /** how the leaf was obtained: false = an existing/plain leaf, or 'tab' | 'split' | 'window' */
  paneType: PaneType | false;
}

export class Workspace extends WorkspaceLeaves {
  leftRibbon = new WorkspaceRibbon();
  rightRibbon = new WorkspaceRibbon();
  activeLeaf: WorkspaceLeaf | null = null;
  containerEl: HTMLElement;
  layoutReady = false;
  requestSaveLayout = debounce(async () => {}, 1000);
  activeEditor: { editor: unknown; file: TFile | null } | null = null;
  /** Test-only: every file opened in a leaf, in order. */
  readonly openedFiles: OpenedFileRecord[] = [];
  private layoutCallbacks: (() => any)[] = [];
  /** @internal */
  _activeFile: TFile | null = null;
  /** @internal */
  _recentFiles: string[] = [];
  private recentRootLeaf: WorkspaceLeaf | null = null;

  constructor(private app: App) {
    super();
    this.containerEl = createDiv({ cls: ["workspace", "is-left-sidedock-open", "is-right-sidedock-open"] });
    this.containerEl.append(this.leftSplit.containerEl, this.rootSplit.containerEl, this.rightSplit.containerEl);
    this.recentRootLeaf = new WorkspaceLeaf(app, this.rootSplit._addTabs());
    app.vault._observers.push(new WorkspaceFileSync(app));
  }

  onLayoutReady(callback: () => any): void {
    if (this.layoutReady) callback();
    else this.layoutCallbacks.push(callback);
  }

  /** @internal called by the harness once the app has started */
  _setLayoutReady(): void {
    if (this.layoutReady) return;
    this.layoutReady = true;
    for (const cb of this.layoutCallbacks.splice(0)) {
      try {
        const r: unknown = cb();
        if (r instanceof Promise) r.catch((e: unknown) => console.error(e));
      } catch (e) {
        console.error(e);
      }
    }
    this.trigger("layout-ready");
  }

  /** @internal */
  _viewCreator(type: string): ViewCreator | null {
    if (type === "empty") return (leaf) => new EmptyView(leaf);
    if (type === "markdown") return (leaf) => new MarkdownView(leaf);
    return this.app.viewRegistry.viewByType[type] ?? null;
  }

  getMostRecentLeaf(root: WorkspaceSplit = this.rootSplit): WorkspaceLeaf | null {
    const leaves = root._leaves();
    if (root === this.rootSplit && this.recentRootLeaf && leaves.includes(this.recentRootLeaf)) return this.recentRootLeaf;
    return leaves[0] ?? null;
  }

  private newLeafIn(tabs: WorkspaceTabs, createdAs: PaneType | false): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, tabs);
    leaf.createdAs = createdAs;
    tabs.selectTab(leaf);
    this.trigger("layout-change");
    return leaf;
  }

  createLeafInParent(parent: WorkspaceSplit, index: number): WorkspaceLeaf {
    return this.newLeafIn(parent._addTabs(index), false);
  }

  createLeafBySplit(leaf: WorkspaceLeaf, direction?: "vertical" | "horizontal", before?: boolean): WorkspaceLeaf {
    void direction;
    const split = leaf.parent.parent;
    const index = split.children.indexOf(leaf.parent) + (before ? 0 : 1);
    return this.newLeafIn(split._addTabs(index), "split");
  }

  splitActiveLeaf(direction?: "vertical" | "horizontal"): WorkspaceLeaf {
    return this.createLeafBySplit(this.getMostRecentLeaf() ?? this.getUnpinnedLeaf(), direction);
  }

  async duplicateLeaf(leaf: WorkspaceLeaf, leafType?: PaneType | boolean | "vertical" | "horizontal"): Promise<WorkspaceLeaf> {
    const copy = this.getLeaf(leafType === "split" || leafType === "window" ? leafType : "tab");
    await copy.setViewState({ ...leaf.getViewState(), active: false });
    return copy;
  }

  getUnpinnedLeaf(): WorkspaceLeaf {
    const recent = this.getMostRecentLeaf();
    if (recent && !recent.pinned) return recent;
    const unpinned = this._rootLeaves().find((l) => !l.pinned);
    if (unpinned) return unpinned;
    return this.getLeaf("tab");
  }

  getLeaf(newLeaf?: PaneType | boolean, direction?: "vertical" | "horizontal"): WorkspaceLeaf {
    if (newLeaf === "split") return this.createLeafBySplit(this.getMostRecentLeaf() ?? this.getUnpinnedLeaf(), direction);
    if (newLeaf === "window") {
      const leaf = this.newLeafIn(this.rootSplit._addTabs(), "window");
      return leaf;
    }
    if (newLeaf === true || newLeaf === "tab") {
      const tabs = this.getMostRecentLeaf()?.parent ?? this.rootSplit._addTabs();
      return this.newLeafIn(tabs, "tab");
    }
    return this.getUnpinnedLeaf();
  }

  private sideLeaf(dock: WorkspaceSidedock, split: boolean): WorkspaceLeaf {
    const groups = dock._tabGroups();
    const tabs = split || groups.length === 0 ? dock._addTabs() : (groups[0] as WorkspaceTabs);
    return this.newLeafIn(tabs, false);
  }

  getLeftLeaf(split: boolean): WorkspaceLeaf | null {
    return this.sideLeaf(this.leftSplit, split);
  }

  getRightLeaf(split: boolean): WorkspaceLeaf | null {
    return this.sideLeaf(this.rightSplit, split);
  }

  async ensureSideLeaf(type: string, side: "left" | "right", options: { active?: boolean; split?: boolean; reveal?: boolean; state?: any } = {}): Promise<WorkspaceLeaf> {
    const dock = side === "left" ? this.leftSplit : this.rightSplit;
    let leaf = dock._leaves().find((l) => l.view.getViewType() === type) ?? null;
    if (!leaf) {
      leaf = this.sideLeaf(dock, options.split ?? false);
      await leaf.setViewState({ type, state: options.state, active: options.active });
    } else if (options.state !== undefined) {
      await leaf.setViewState({ type, state: options.state, active: options.active });
    } else if (options.active) this.setActiveLeaf(leaf, { focus: true });
    if (options.reveal ?? true) await this.revealLeaf(leaf);
    return leaf;
  }

  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    const root = leaf.getRoot();
    if (root instanceof WorkspaceSidedock) root.expand();
    leaf.parent.selectTab(leaf);
    await leaf.loadIfDeferred();
  }

  setActiveLeaf(leaf: WorkspaceLeaf, params?: { focus?: boolean } | boolean, focus?: boolean): void {
    void params;
    void focus;
    if (leaf._detached) return;
    leaf.parent.selectTab(leaf);
    if (this.activeLeaf !== leaf) {
      this.activeLeaf?.containerEl.removeClass("mod-active");
      this.activeLeaf = leaf;
      leaf.containerEl.addClass("mod-active");
      if (leaf.getRoot() === this.rootSplit) this.recentRootLeaf = leaf;
      this.trigger("active-leaf-change", leaf);
    }
    this.updateActiveFile();
  }

  private updateActiveFile(): void {
    const view = this.activeLeaf?.view;
    this.activeEditor = view instanceof MarkdownView ? { editor: view.editor, file: view.file } : null;
    const file = view instanceof FileView ? view.file : null;
    if (file && file !== this._activeFile) {
      this._activeFile = file;
      this._recentFiles = [file.path, ...this._recentFiles.filter((p) => p !== file.path)].slice(0, 10);
      this.trigger("file-open", file);
    } else if (!file && view && !(view instanceof FileView) && this.activeLeaf?.getRoot() === this.rootSplit && this._activeFile) {
      this._activeFile = null;
      this.trigger("file-open", null);
    }
  }

  getActiveViewOfType<T extends View>(type: abstract new (...args: any[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }

  getActiveFile(): TFile | null {
    const view = this.activeLeaf?.view;
    if (view instanceof FileView) return view.file;
    return this._activeFile;
  }

  getLastOpenFiles(): string[] {
    return this._recentFiles.slice();
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean, openViewState?: OpenViewState): Promise<void> {
    const { path } = parseLinktext(linktext);
    let file = this.app.metadataCache.getFirstLinkpathDest(path, sourcePath);
    if (!file) {
      const folder = this.app.fileManager.getNewFileParent(sourcePath);
      const name = path.endsWith(".md") ? path : `${path}.md`;
      file = await this.app.vault.create(normalizePath(folder.isRoot() ? name : `${folder.path}/${name}`), "");
    }
    await this.getLeaf(newLeaf).openFile(file, { active: true, ...(openViewState ?? {}) });
  }

  updateOptions(): void {}

  handleLinkContextMenu(): boolean {
    return false;
  }

  getLayout(): Record<string, unknown> {
    const leaves: unknown[] = [];
    this.iterateAllLeaves((leaf) => leaves.push({ id: leaf.id, ...leaf.getViewState() }));
    return { leaves };
  }

  async changeLayout(workspace: any): Promise<void> {
    void workspace;
  }

  /** @internal */
  _recordOpen(file: TFile, leaf: WorkspaceLeaf): void {
    this.openedFiles.push({ file, path: file.path, leaf, paneType: leaf.createdAs });
  }

  /** @internal */
  _afterViewChange(leaf: WorkspaceLeaf): void {
    if (leaf === this.activeLeaf) this.updateActiveFile();
    this.trigger("layout-change");
  }

  /** @internal */
  _afterDetach(leaf: WorkspaceLeaf): void {
    if (this._rootLeaves().length === 0) this.recentRootLeaf = new WorkspaceLeaf(this.app, this.rootSplit._addTabs());
    if (this.recentRootLeaf === leaf) this.recentRootLeaf = this._rootLeaves()[0] ?? null;
    if (this.activeLeaf === leaf) {
      this.activeLeaf = null;
      const next = this.recentRootLeaf;
      if (next) this.setActiveLeaf(next, { focus: true });
      else this.trigger("active-leaf-change", null);
    }
    this.trigger("layout-change");
  }

  /** @internal a view type was unregistered: its leaves keep their place with a placeholder */
  _onViewUnregistered(type: string): void {
    for (const leaf of this.getLeavesOfType(type)) {
      if (!leaf.isDeferred) leaf._setPlaceholder(new DeferredView(leaf, type, leaf.view.getState()));
    }
  }
}

since(Workspace.prototype, "ensureSideLeaf", "1.7.2");
