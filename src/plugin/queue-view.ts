// The queue sidebar (SPEC §4). It holds what is shown (the sorted queue, the
// focus, the selection) and re-renders from the index when the cache reports
// a change, never from its own guess about what a write did. Its parts:
// queue-header (counts and filters), queue-window (only the rows in view are
// in the DOM, so 50,000 sources cost the same DOM as 50), queue-view-keys and
// queue-view-pointer (what keys and clicks do), row-menu (a row's menu).
import { ItemView, Menu, type TFile, type WorkspaceLeaf } from "obsidian";
import { queryFor, type QueueQuery } from "../core/queue/queue-query";
import { EMPTY_SELECTION, inOrder, retain, targetsOf, type Selection } from "../core/queue/selection";
import { SortedQueue } from "../core/queue/sorted-queue";
import { fieldChangeOf, type BulkFieldChange } from "./bulk-set";
import { renderEmptyState } from "./queue-empty-state";
import { QueueHeader } from "./queue-header";
import type { QueueListControl } from "./queue-list-control";
import type { QueueViewHost } from "./queue-view-host";
import { onListKey, onViewKey } from "./queue-view-keys";
import { onListClick, onListContextMenu } from "./queue-view-pointer";
import { ViewSelection } from "./queue-view-selection";
import { COMPACT_ROW_HEIGHT, ROW_HEIGHT, RowWindow, type Viewport } from "./queue-window";
import { fillRowMenu } from "./row-menu";

export const VIEW_TYPE = "source-queue";

export class QueueView extends ItemView {
  private header!: QueueHeader;
  private listEl!: HTMLElement;
  private rowWindow!: RowWindow;
  private emptyEl!: HTMLElement;
  private queue!: SortedQueue;
  private focused = 0;
  /** The focused note: focus follows it when a change moves it in the order. */
  private focusedPath: string | null = null;
  private renderTimer: number | null = null;
  /** A new query was set: the next render drops rows it hides from the selection. */
  private pruneSelection = false;
  private fullReset = true;
  /** The selected notes (a pure model: it survives redraws, scrolling and live updates; renames move it). */
  private readonly selection = new ViewSelection();
  private compact = false;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly plugin: QueueViewHost,
  ) {
    super(leaf);
  }

  override getViewType(): string {
    return VIEW_TYPE;
  }

  override getDisplayText(): string {
    return "Source queue";
  }

  override getIcon(): string {
    return "list-checks";
  }

  private get query(): QueueQuery {
    const saved = this.plugin.data.query;
    const use = this.plugin.data.settings.usePriority;
    // One object per saved query and setting, so a redraw sees the same query.
    if (this.shown?.saved !== saved || this.shown.use !== use) this.shown = { saved, use, query: queryFor(saved, use) };
    return this.shown.query;
  }

  private shown: { saved: QueueQuery; use: boolean; query: QueueQuery } | null = null;

  override async onOpen(): Promise<void> {
    const root = this.contentEl;
    root.empty();
    root.addClass("source-queue-view");
    this.header = new QueueHeader(root, {
      query: () => this.query,
      setQuery: (q) => {
        // A priority filter ignored while the vault goes without priorities is kept for when it uses them again.
        void this.plugin.saveQuery(this.plugin.data.settings.usePriority ? q : { ...q, priorities: this.plugin.data.query.priorities });
        this.fullReset = true;
        this.pruneSelection = true;
        this.scheduleRender();
      },
      clearSelection: () => this.setSelection(EMPTY_SELECTION),
      usePriority: () => this.plugin.data.settings.usePriority,
    });
    this.emptyEl = root.createDiv({ cls: "source-queue-empty" });
    this.listEl = root.createDiv({
      cls: "source-queue-list",
      attr: { tabindex: "0", role: "listbox", "aria-label": "Sources", "aria-multiselectable": "true" },
    });
    this.rowWindow = new RowWindow(this.listEl, (paths) => this.plugin.index.ensureDetails(paths), (path, now) => this.plugin.index.holderOf(path, now));
    this.queue = new SortedQueue(this.query);
    const list = this.listControl();

    this.registerDomEvent(this.listEl, "scroll", () => this.drawWindow());
    this.registerDomEvent(this.listEl, "click", (evt) => onListClick(list, evt));
    this.registerDomEvent(this.listEl, "auxclick", (evt) => {
      if (evt.button === 1) onListClick(list, evt);
    });
    this.registerDomEvent(this.listEl, "contextmenu", (evt) => onListContextMenu(list, evt));
    this.registerDomEvent(this.listEl, "keydown", (evt) => onListKey(list, evt));
    this.registerDomEvent(root, "keydown", (evt) => onViewKey(evt, this.header.searchEl, this.listEl));
    this.register(
      this.plugin.index.onChange((changes) => {
        if (changes === "all") this.fullReset = true;
        // With a reset pending, the list is stale: the reset takes the changes in.
        else if (!this.fullReset) for (const c of changes) this.queue.update(c.old, c.next);
        this.selection.follow(changes, (p) => this.plugin.index.get(p) !== undefined);
        this.scheduleRender();
      }),
    );
    this.registerEvent(this.app.workspace.on("resize", () => this.drawWindow()));
    this.render();
  }

  override async onClose(): Promise<void> {
    if (this.renderTimer !== null) window.clearTimeout(this.renderTimer);
    this.renderTimer = null;
    this.selection.stop();
    this.contentEl.empty();
  }

  /** What the key and pointer handlers may read and change: the list as it is now, through functions, as focus and selection move. */
  private listControl(): QueueListControl {
    return {
      host: this.plugin,
      queue: this.queue,
      rowWindow: this.rowWindow,
      focused: () => this.focused,
      focusedPath: () => this.focusedPath,
      selection: () => this.selection.current,
      setFocus: (position, scroll) => this.setFocus(position, scroll),
      setSelection: (next) => this.setSelection(next),
      positionOf: (path) => this.positionOf(path),
      pathAt: (i) => this.queue.at(i)?.path,
      rowMenu: (file) => this.rowMenu(file),
    };
  }

  /** Changes arrive in bursts (a batch of cache events, rows' text reads): draw once per burst. */
  private scheduleRender(): void {
    if (this.renderTimer !== null) return;
    this.renderTimer = window.setTimeout(() => {
      this.renderTimer = null;
      this.render();
    }, 0);
  }

  render(): void {
    this.applyDisplaySettings();
    // Read the list's size before anything is written: reading it after the
    // header has changed would make the browser lay the page out twice.
    const viewport = this.rowWindow.viewport();
    const index = this.plugin.index;
    if (this.fullReset) {
      this.queue.reset(index.ordered(this.query.sort), this.query);
      this.fullReset = false;
    }
    if (this.pruneSelection) {
      // A new filter: rows it hides leave the selection (an action never reaches notes out of sight).
      this.pruneSelection = false;
      if (this.selection.current.paths.size > 0) this.setSelection(retain(this.selection.current, (p) => this.queue.indexOf(index.get(p)) >= 0), false);
    }
    this.header.update(index.statusCounts(), index.domains(), this.queue.length, index.size, this.selection.current.paths.size);
    renderEmptyState(this.emptyEl, {
      index,
      folder: this.plugin.data.settings.queueFolder,
      shown: this.queue.length,
      showAll: () => {
        void this.plugin.saveQuery({ ...this.query, statuses: [], priorities: [], domain: "", search: "" });
        this.fullReset = true;
        this.render();
      },
    });
    this.rowWindow.fitLength(this.queue.length);
    // The focused note is usually where it was: look there before searching the whole queue.
    const kept = this.focusedPath === null ? -1 : this.queue.at(this.focused)?.path === this.focusedPath ? this.focused : this.queue.indexOf(this.plugin.index.get(this.focusedPath));
    this.focused = kept >= 0 ? kept : Math.min(this.focused, Math.max(this.queue.length - 1, 0));
    this.rowWindow.invalidate();
    this.drawWindow(viewport);
  }

  private drawWindow(viewport?: Viewport): void {
    this.rowWindow.draw({ queue: this.queue, focused: this.focused, selection: this.selection }, viewport);
  }

  /** The selected notes in list order (the set commands act on them). */
  selectedFiles(): TFile[] {
    const index = this.plugin.index;
    return inOrder(this.selection.current, (p) => this.queue.indexOf(index.get(p)))
      .map((p) => index.fileOf(p))
      .filter((f): f is TFile => f !== null);
  }

  private setSelection(next: Selection, draw = true): void {
    if (!this.selection.set(next, this.queue.version) || !draw) return;
    this.header.showSelected(next.paths.size);
    this.drawWindow();
  }

  /** Compact rows and the priority convention, read from the settings on every render (they change in the settings tab). */
  private applyDisplaySettings(): void {
    const { compactRows, usePriority } = this.plugin.data.settings;
    this.contentEl.toggleClass("is-without-priority", !usePriority);
    this.rowWindow.setRowHeight(compactRows ? COMPACT_ROW_HEIGHT : ROW_HEIGHT);
    if (compactRows === this.compact) return;
    this.compact = compactRows;
    this.contentEl.toggleClass("is-compact", compactRows);
  }

  private positionOf(path: string | null): number {
    return path === null ? -1 : this.queue.indexOf(this.plugin.index.get(path));
  }

  /** The menu of a row: on the whole selection when the row is in it. */
  private rowMenu(file: TFile): Menu {
    const index = this.plugin.index;
    const targets = targetsOf(this.selection.current, file.path).map((p) => index.fileOf(p)).filter((f): f is TFile => f !== null);
    const menu = new Menu();
    fillRowMenu(menu, { app: this.app, plugin: this.plugin, file, targets, set: (change) => this.setOn(targets, change) });
    return menu;
  }

  /** One note goes the single-note way (its own notices); several go through the bulk runner (one undo). */
  private setOn(files: readonly TFile[], change: BulkFieldChange): void {
    const [only] = files;
    if (files.length === 1 && only) void this.plugin.actions.change(only, fieldChangeOf(change));
    else void this.plugin.bulk.set(files.map((f) => f.path), change);
  }

  private setFocus(position: number, scroll = true): void {
    this.focused = Math.max(0, Math.min(position, this.queue.length - 1));
    this.focusedPath = this.queue.at(this.focused)?.path ?? null;
    if (scroll) this.rowWindow.reveal(this.focused);
    this.rowWindow.invalidate();
    this.drawWindow();
  }
}
