// The queue sidebar (SPEC §4). Only the rows in view are in the DOM (a
// virtual list over a SortedQueue), so 50,000 sources cost the same DOM as
// 50. It re-renders from the index when the cache reports a change, never
// from its own guess about what a write did.
import { ItemView, Menu, type TFile, type WorkspaceLeaf } from "obsidian";
import { nextPriority, nextStatus, queryFor, type QueueItem, type QueueQuery } from "../core/queue/queue-query";
import { EMPTY_SELECTION, inOrder, ListedPaths, renamed, retain, selectAll, selectOnly, selectRange, targetsOf, toggle, without, type Selection } from "../core/queue/selection";
import { SortedQueue } from "../core/queue/sorted-queue";
import { fieldChangeOf, type BulkFieldChange } from "./bulk-set";
import { keyIntent, type ListIntent } from "./list-keys";
import type { QueueIndex } from "./queue-index";
import { QueueHeader } from "./queue-header";
import { RowParts } from "./queue-row";
import { fillRowMenu } from "./row-menu";
import type { QueueViewHost } from "./queue-view-host";

export const VIEW_TYPE = "source-queue";

/** Must match --source-queue-row-height in styles.css (rows are placed at multiples of it). */
export const ROW_HEIGHT = 72;
/** The same for compact rows (settings.compactRows): one line each. */
export const COMPACT_ROW_HEIGHT = 30;
/** Rows drawn beyond the visible ones, above and below. */
const OVERSCAN = 6;
/** Rows drawn when the list has no height yet (hidden, or a test DOM without layout). */
const FIRST_WINDOW = 30;

/** Row ids are unique in the document, across views. */
let rowSerial = 0;

interface DrawnRow {
  /** The row element (parts.el) and its parts. */
  parts: RowParts;
  /** The index entry it shows: entries are replaced, never changed, when their note changes. */
  item: QueueItem;
  position: number;
  focused: boolean;
  selected: boolean;
  /** Minute it was drawn in: relative dates ("3 hours ago") are redrawn when it passes. */
  minute: number;
}

export class QueueView extends ItemView {
  private header!: QueueHeader;
  private listEl!: HTMLElement;
  private spacerEl!: HTMLElement;
  /** The drawn rows, in normal flow, placed as one block: moving the window moves one element, not every row. */
  private windowEl!: HTMLElement;
  private windowTop = -1;
  /** Style is written only when it changes: a write, even of the same value, costs a style parse (and in some engines a restyle). */
  private spacerHeight = -1;
  private emptyEl!: HTMLElement;
  private queue!: SortedQueue;
  private focused = 0;
  /** The focused note: focus follows it when a change moves it in the order. */
  private focusedPath: string | null = null;
  private renderTimer: number | null = null;
  /** A new query was set: the next render drops rows it hides from the selection. */
  private pruneSelection = false;
  private fullReset = true;
  private drawn = "";
  /** The rows in the DOM by note path, kept while their entry is unchanged, so a redraw only builds what changed. */
  private rows = new Map<string, DrawnRow>();
  /** The selected notes by path (a pure model: it survives redraws, scrolling and live updates; renames move it). */
  private selection: Selection = EMPTY_SELECTION;
  /** Bumped on every selection change, so a redraw knows rows' selected state may differ. */
  private selectionVersion = 0;
  /** The list's version when every row was selected with Ctrl/Cmd+A, or -1. */
  private wholeAt = -1;
  private rowHeight = ROW_HEIGHT;
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
    this.rows.clear();
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
    this.spacerEl = this.listEl.createDiv({ cls: "source-queue-spacer" });
    this.windowEl = this.spacerEl.createDiv({ cls: "source-queue-window" });
    this.windowTop = -1;
    this.spacerHeight = -1;
    this.queue = new SortedQueue(this.query);

    this.registerDomEvent(this.listEl, "scroll", () => this.drawWindow());
    this.registerDomEvent(this.listEl, "click", (evt) => this.onClick(evt));
    this.registerDomEvent(this.listEl, "auxclick", (evt) => {
      if (evt.button === 1) this.onClick(evt);
    });
    this.registerDomEvent(this.listEl, "contextmenu", (evt) => this.onContextMenu(evt));
    this.registerDomEvent(this.listEl, "keydown", (evt) => this.onListKey(evt));
    this.registerDomEvent(root, "keydown", (evt) => {
      if (evt.key === "/" && evt.target !== this.header.searchEl) {
        evt.preventDefault();
        this.header.searchEl.focus();
      } else if (evt.key === "Escape" && evt.target === this.header.searchEl) {
        this.listEl.focus();
      } else if (evt.key === "ArrowDown" && evt.target === this.header.searchEl) {
        evt.preventDefault();
        this.listEl.focus();
      }
    });
    this.register(
      this.plugin.index.onChange((changes) => {
        if (changes === "all") this.fullReset = true;
        // With a reset pending, the list is stale: the reset takes the changes in.
        else if (!this.fullReset) for (const c of changes) this.queue.update(c.old, c.next);
        this.followChanges(changes);
        this.scheduleRender();
      }),
    );
    this.registerEvent(this.app.workspace.on("resize", () => this.drawWindow()));
    this.render();
  }

  override async onClose(): Promise<void> {
    if (this.renderTimer !== null) window.clearTimeout(this.renderTimer);
    this.renderTimer = null;
    this.cancelIdle();
    this.rows.clear();
    this.contentEl.empty();
  }

  /** Work that can wait for a quiet moment (the next idle period; a tenth of a second where there are none, as on older mobile WebKit). */
  private whenIdle(fn: () => void): void {
    this.cancelIdle();
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(fn, { timeout: 1000 });
      this.cancelIdle = () => window.cancelIdleCallback(id);
    } else {
      const id = window.setTimeout(fn, 100);
      this.cancelIdle = () => window.clearTimeout(id);
    }
  }

  private cancelIdle: () => void = () => undefined;

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
    const viewport = this.viewport();
    const index = this.plugin.index;
    if (this.fullReset) {
      this.queue.reset(index.ordered(this.query.sort), this.query);
      this.fullReset = false;
    }
    if (this.pruneSelection) {
      // A new filter: rows it hides leave the selection (an action never reaches notes out of sight).
      this.pruneSelection = false;
      if (this.selection.paths.size > 0) this.setSelection(retain(this.selection, (p) => this.queue.indexOf(index.get(p)) >= 0), false);
    }
    this.header.update(index.statusCounts(), index.domains(), this.queue.length, index.size, this.selection.paths.size);
    this.renderEmptyState();
    // Heights and offsets in pixels, not as custom properties: a custom property
    // is inherited, so changing one restyles every row under it (in Chromium,
    // 5-10 ms of layout for the spacer's row count; 0.1 ms as a height).
    if (this.spacerHeight !== this.queue.length * this.rowHeight) {
      this.spacerHeight = this.queue.length * this.rowHeight;
      this.spacerEl.setCssProps({ height: `${this.spacerHeight}px` });
    }
    // The focused note is usually where it was: look there before searching the whole queue.
    const kept = this.focusedPath === null ? -1 : this.queue.at(this.focused)?.path === this.focusedPath ? this.focused : this.queue.indexOf(this.plugin.index.get(this.focusedPath));
    this.focused = kept >= 0 ? kept : Math.min(this.focused, Math.max(this.queue.length - 1, 0));
    this.drawn = "";
    this.drawWindow(viewport);
  }

  private viewport(): { height: number; top: number } {
    return { height: this.listEl.clientHeight, top: this.listEl.scrollTop };
  }

  private renderEmptyState(): void {
    const index = this.plugin.index;
    this.emptyEl.empty();
    const folder = this.plugin.data.settings.queueFolder;
    if (!index.ready) {
      this.emptyEl.setText("Reading the vault…");
    } else if (index.size === 0) {
      this.emptyEl.createEl("p", { text: `No notes found in ${folder === "" ? "the vault" : `the folder "${folder}"`}.` });
      this.emptyEl.createEl("p", {
        cls: "source-queue-muted",
        text: "Sources are read from the queue folder; change it in the plugin settings.",
      });
    } else if (this.queue.length === 0) {
      this.emptyEl.createEl("p", { text: "No sources match these filters." });
      const button = this.emptyEl.createEl("button", { text: "Show all sources" });
      button.addEventListener("click", () => {
        void this.plugin.saveQuery({ ...this.query, statuses: [], priorities: [], domain: "", search: "" });
        this.fullReset = true;
        this.render();
      });
    }
    this.emptyEl.toggleClass("is-hidden", this.emptyEl.childNodes.length === 0);
  }

  /** Draw the rows in view (plus a margin); with no layout, a first window. */
  private drawWindow({ height, top }: { height: number; top: number } = this.viewport()): void {
    // A position read before the list got shorter may be past its end now: the browser is about to clamp it.
    const scrolled = Math.min(top, Math.max(0, this.queue.length * this.rowHeight - height));
    const first = height > 0 ? Math.max(0, Math.floor(scrolled / this.rowHeight) - OVERSCAN) : 0;
    const count = height > 0 ? Math.ceil(height / this.rowHeight) + 2 * OVERSCAN : FIRST_WINDOW;
    const items = this.queue.slice(first, first + count);
    const key = `${first}:${items.length}:${this.focused}:${this.selectionVersion}`;
    if (key === this.drawn) return;
    this.drawn = key;
    const now = new Date();
    const minute = Math.floor(now.getTime() / 60_000);
    // Rows whose note left the window are refilled for the notes that entered it.
    const entering = new Set(items.map((i) => i.path));
    const spare = [...this.rows.values()].filter((r) => !entering.has(r.item.path));
    const rows = new Map<string, DrawnRow>();
    for (const [i, item] of items.entries()) {
      let row = this.rows.get(item.path);
      if (!row) {
        // Out of the document while it is refilled and moved: left in, it would
        // be where the old note was, and putting it in place would move every row between.
        row = spare.pop();
        row?.parts.el.detach();
      }
      rows.set(item.path, this.drawRow(row, item, first + i, now, minute));
    }
    for (const row of spare) row.parts.el.detach();
    this.windowEl.setChildrenInPlace([...rows.values()].map((r) => r.parts.el));
    if (this.windowTop !== first * this.rowHeight) {
      this.windowTop = first * this.rowHeight;
      this.windowEl.setCssProps({ top: `${this.windowTop}px` });
    }
    this.rows = rows;
    this.plugin.index.ensureDetails(items.filter((i) => i.hints === null).map((i) => i.path));
  }

  /** A row for this entry at this position: the one that showed it, or one to refill, or a new one. */
  private drawRow(old: DrawnRow | undefined, item: QueueItem, position: number, now: Date, minute: number): DrawnRow {
    const focused = position === this.focused;
    // Just after Ctrl/Cmd+A the rows drawn are rows of the list selected whole: no lookup needed (see ListedPaths).
    const selected = this.wholeAt === this.queue.version || this.selection.paths.has(item.path);
    let parts = old?.parts;
    if (!parts) {
      // A row keeps its id while it lives (aria-activedescendant names it).
      const el = this.windowEl.createDiv({ cls: "source-queue-row", attr: { role: "option", id: `source-queue-row-${++rowSerial}` } });
      parts = new RowParts(el);
    }
    if (old?.item !== item || old.minute !== minute) parts.fill(item, now);
    if (old?.focused !== focused) parts.el.toggleClass("is-focused", focused);
    if (old?.selected !== selected) {
      parts.el.setAttr("aria-selected", selected ? "true" : "false");
      parts.el.toggleClass("is-selected", selected);
    }
    // Set only when it changes: an attribute write restyles and updates the accessibility tree even when the value is the same.
    if (focused && this.listEl.getAttribute("aria-activedescendant") !== parts.el.id) this.listEl.setAttr("aria-activedescendant", parts.el.id);
    return { parts, item, position, focused, selected, minute };
  }

  private rowOf(evt: Event): { file: TFile; position: number; badge: HTMLElement | null } | null {
    const target = evt.target instanceof HTMLElement ? evt.target : null;
    const row = target?.closest<HTMLElement>(".source-queue-row");
    const path = row?.dataset.path;
    const drawn = path ? this.rows.get(path) : undefined;
    const file = path ? this.plugin.index.fileOf(path) : null;
    if (!drawn || !file) return null;
    return { file, position: drawn.position, badge: target?.closest<HTMLElement>("[data-field]") ?? null };
  }

  /** The selected notes in list order (the set commands act on them). */
  selectedFiles(): TFile[] {
    const index = this.plugin.index;
    return inOrder(this.selection, (p) => this.queue.indexOf(index.get(p)))
      .map((p) => index.fileOf(p))
      .filter((f): f is TFile => f !== null);
  }

  private setSelection(next: Selection, draw = true): void {
    if (next === this.selection) return;
    this.selection = next;
    this.selectionVersion++;
    this.wholeAt = next.whole === true ? this.queue.version : -1;
    if (next.paths instanceof ListedPaths) this.whenIdle(() => (next.paths as ListedPaths).prepare());
    if (!draw) return;
    this.header.showSelected(next.paths.size);
    this.drawWindow();
  }

  /** Live updates: a renamed note stays selected under its new path; a deleted one leaves the selection. */
  private followChanges(changes: readonly { path: string; next: QueueItem | undefined; renamedFrom?: string }[] | "all"): void {
    if (this.selection.paths.size === 0) return;
    let next = this.selection;
    const index = this.plugin.index;
    if (changes === "all") next = retain(next, (p) => index.get(p) !== undefined);
    else {
      for (const c of changes) if (c.renamedFrom !== undefined) next = renamed(next, c.renamedFrom, c.path);
      // Only the changed notes are looked at: with 40,000 rows selected, a check of every path on each change would slow a bulk change.
      next = without(next, changes.filter((c) => index.get(c.path) === undefined).map((c) => c.path));
    }
    if (next !== this.selection) {
      this.selection = next;
      this.selectionVersion++;
      this.wholeAt = -1;
    }
  }

  /** Compact rows and the priority convention, read from the settings on every render (they change in the settings tab). */
  private applyDisplaySettings(): void {
    const { compactRows, usePriority } = this.plugin.data.settings;
    this.contentEl.toggleClass("is-without-priority", !usePriority);
    if (compactRows === this.compact) return;
    this.compact = compactRows;
    this.rowHeight = compactRows ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
    this.contentEl.toggleClass("is-compact", compactRows);
    this.spacerHeight = -1;
    this.windowTop = -1;
  }

  private positionOf(path: string | null): number {
    return path === null ? -1 : this.queue.indexOf(this.plugin.index.get(path));
  }

  private pathAt = (i: number): string | undefined => this.queue.at(i)?.path;

  private onClick(evt: MouseEvent): void {
    const hit = this.rowOf(evt);
    if (!hit) return;
    const path = hit.file.path;
    const field = hit.badge?.dataset.field;
    // A badge is that note's: its click changes that note alone.
    if (field === "priority" || field === "status") {
      this.setFocus(hit.position, false);
      void (field === "priority" ? this.plugin.actions.cyclePriority(hit.file) : this.plugin.actions.cycleStatus(hit.file));
      return;
    }
    if (evt.button === 1) {
      void this.plugin.actions.open(hit.file, "tab");
      return;
    }
    if (evt.shiftKey) {
      const anchor = this.positionOf(this.selection.anchor ?? this.focusedPath);
      this.setFocus(hit.position, false);
      this.setSelection(selectRange(this.selection.anchor === null ? { ...this.selection, anchor: this.queue.at(anchor)?.path ?? null } : this.selection, anchor, hit.position, this.pathAt));
      return;
    }
    if (evt.ctrlKey || evt.metaKey) {
      this.setFocus(hit.position, false);
      this.setSelection(toggle(this.selection, path));
      return;
    }
    this.setFocus(hit.position, false);
    this.setSelection(selectOnly(path));
    void this.plugin.actions.open(hit.file);
  }

  private onContextMenu(evt: MouseEvent): void {
    const hit = this.rowOf(evt);
    if (!hit) return;
    evt.preventDefault();
    this.setFocus(hit.position, false);
    this.rowMenu(hit.file).showAtMouseEvent(evt);
  }

  /** The menu of a row: on the whole selection when the row is in it. */
  private rowMenu(file: TFile): Menu {
    const index = this.plugin.index;
    const targets = targetsOf(this.selection, file.path).map((p) => index.fileOf(p)).filter((f): f is TFile => f !== null);
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

  private focusedFile(): TFile | null {
    const item = this.queue.at(this.focused);
    return item ? this.plugin.index.fileOf(item.path) : null;
  }

  private setFocus(position: number, scroll = true): void {
    this.focused = Math.max(0, Math.min(position, this.queue.length - 1));
    this.focusedPath = this.queue.at(this.focused)?.path ?? null;
    if (scroll) {
      const top = this.focused * this.rowHeight;
      const height = this.listEl.clientHeight;
      if (top < this.listEl.scrollTop) this.listEl.scrollTop = top;
      else if (height > 0 && top + this.rowHeight > this.listEl.scrollTop + height) this.listEl.scrollTop = top + this.rowHeight - height;
    }
    this.drawn = "";
    this.drawWindow();
  }

  private onListKey(evt: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.listEl.clientHeight / this.rowHeight) - 1);
    const intent = keyIntent(evt, page);
    if (!intent) return;
    if (intent.kind !== "cycle" && intent.kind !== "extract") evt.preventDefault();
    this.act(intent, evt);
  }

  private act(intent: ListIntent, evt: KeyboardEvent): void {
    switch (intent.kind) {
      case "move":
        return this.setFocus(this.focused + intent.by);
      case "home":
      case "end":
      case "extend": {
        const to = intent.kind === "extend" ? this.focused + intent.by : intent.kind === "home" ? 0 : this.queue.length - 1;
        const extend = intent.kind === "extend" ? true : intent.extend;
        // A range grows from the anchor, or from the row focused when it began.
        const anchorPath = this.selection.anchor ?? this.focusedPath;
        this.setFocus(to);
        if (extend && anchorPath !== null) this.setSelection(selectRange({ ...this.selection, anchor: anchorPath }, this.positionOf(anchorPath), this.focused, this.pathAt));
        return;
      }
      case "select-all":
        return this.setSelection(selectAll(this.queue.length, this.pathAt, this.focusedPath));
      case "clear":
        return this.setSelection(EMPTY_SELECTION);
      case "toggle":
        if (this.focusedPath !== null) this.setSelection(toggle(this.selection, this.focusedPath));
        return;
      default:
        return this.actOnFocused(intent, evt);
    }
  }

  private actOnFocused(intent: ListIntent, evt: KeyboardEvent): void {
    const file = this.focusedFile();
    if (!file) return;
    const item = this.plugin.index.get(file.path);
    const targets = targetsOf(this.selection, file.path);
    switch (intent.kind) {
      case "open":
        void (intent.newTab ? this.plugin.actions.openFromEvent(file, evt) : this.plugin.actions.open(file));
        return;
      case "cycle": {
        if (intent.field === "priority" && !this.plugin.data.settings.usePriority) return;
        if (targets.length === 1) {
          void (intent.field === "priority" ? this.plugin.actions.cyclePriority(file) : this.plugin.actions.cycleStatus(file));
          return;
        }
        // On a selection, every note takes the focused row's next value: they end up alike, not each one step on.
        const change: BulkFieldChange =
          intent.field === "priority" ? { field: "priority", to: nextPriority(item?.priority ?? null) } : { field: "status", to: nextStatus(item?.status ?? null) };
        void this.plugin.bulk.set(inOrder({ ...this.selection }, (p) => this.positionOf(p)), change);
        return;
      }
      case "extract":
        this.plugin.actions.extract(file);
        return;
      case "menu": {
        const rect = this.listEl.querySelector(".source-queue-row.is-focused")?.getBoundingClientRect();
        this.rowMenu(file).showAtPosition({ x: rect?.left ?? 0, y: rect?.bottom ?? 0 });
        return;
      }
    }
  }
}
