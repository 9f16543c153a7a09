// The queue sidebar (SPEC §4). Only the rows in view are in the DOM (a
// virtual list over a SortedQueue), so 50,000 sources cost the same DOM as
// 50. It re-renders from the index when the cache reports a change, never
// from its own guess about what a write did.
import { ItemView, Menu, type TFile, type WorkspaceLeaf } from "obsidian";
import type { QueueItem, QueueQuery } from "../core/queue-query";
import type { Settings } from "../core/settings";
import { SortedQueue } from "../core/sorted-queue";
import type { QueueActions } from "./actions";
import type { QueueIndex } from "./queue-index";
import { QueueHeader } from "./queue-header";
import { RowParts } from "./queue-row";

export const VIEW_TYPE = "source-queue";

/** Must match --source-queue-row-height in styles.css (rows are placed at multiples of it). */
export const ROW_HEIGHT = 72;
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
  /** Minute it was drawn in: relative dates ("3 hours ago") are redrawn when it passes. */
  minute: number;
}

/** What the view needs, handed over by main.ts (not the plugin object, so no import circle). */
export interface QueueViewHost {
  readonly data: { readonly query: QueueQuery; readonly settings: Settings };
  readonly index: QueueIndex;
  readonly actions: QueueActions;
  saveQuery(query: QueueQuery): Promise<void>;
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
  private fullReset = true;
  private drawn = "";
  /** The rows in the DOM by note path, kept while their entry is unchanged, so a redraw only builds what changed. */
  private rows = new Map<string, DrawnRow>();

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
    return this.plugin.data.query;
  }

  override async onOpen(): Promise<void> {
    const root = this.contentEl;
    root.empty();
    this.rows.clear();
    root.addClass("source-queue-view");
    this.header = new QueueHeader(root, {
      query: () => this.query,
      setQuery: (q) => {
        void this.plugin.saveQuery(q);
        this.fullReset = true;
        this.scheduleRender();
      },
    });
    this.emptyEl = root.createDiv({ cls: "source-queue-empty" });
    this.listEl = root.createDiv({
      cls: "source-queue-list",
      attr: { tabindex: "0", role: "listbox", "aria-label": "Sources" },
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
        this.scheduleRender();
      }),
    );
    this.registerEvent(this.app.workspace.on("resize", () => this.drawWindow()));
    this.render();
  }

  override async onClose(): Promise<void> {
    if (this.renderTimer !== null) window.clearTimeout(this.renderTimer);
    this.renderTimer = null;
    this.rows.clear();
    this.contentEl.empty();
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
    // Read the list's size before anything is written: reading it after the
    // header has changed would make the browser lay the page out twice.
    const viewport = this.viewport();
    const index = this.plugin.index;
    if (this.fullReset) {
      this.queue.reset(index.ordered(this.query.sort), this.query);
      this.fullReset = false;
    }
    this.header.update(index.statusCounts(), index.domains(), this.queue.length, index.size);
    this.renderEmptyState();
    // Heights and offsets in pixels, not as custom properties: a custom property
    // is inherited, so changing one restyles every row under it (in Chromium,
    // 5-10 ms of layout for the spacer's row count; 0.1 ms as a height).
    if (this.spacerHeight !== this.queue.length * ROW_HEIGHT) {
      this.spacerHeight = this.queue.length * ROW_HEIGHT;
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
    const scrolled = Math.min(top, Math.max(0, this.queue.length * ROW_HEIGHT - height));
    const first = height > 0 ? Math.max(0, Math.floor(scrolled / ROW_HEIGHT) - OVERSCAN) : 0;
    const count = height > 0 ? Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN : FIRST_WINDOW;
    const items = this.queue.slice(first, first + count);
    const key = `${first}:${items.length}:${this.focused}`;
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
    if (this.windowTop !== first * ROW_HEIGHT) {
      this.windowTop = first * ROW_HEIGHT;
      this.windowEl.setCssProps({ top: `${this.windowTop}px` });
    }
    this.rows = rows;
    this.plugin.index.ensureDetails(items.filter((i) => i.hints === null).map((i) => i.path));
  }

  /** A row for this entry at this position: the one that showed it, or one to refill, or a new one. */
  private drawRow(old: DrawnRow | undefined, item: QueueItem, position: number, now: Date, minute: number): DrawnRow {
    const focused = position === this.focused;
    let parts = old?.parts;
    if (!parts) {
      // A row keeps its id while it lives (aria-activedescendant names it).
      const el = this.windowEl.createDiv({ cls: "source-queue-row", attr: { role: "option", id: `source-queue-row-${++rowSerial}` } });
      parts = new RowParts(el);
    }
    if (old?.item !== item || old.minute !== minute) parts.fill(item, now);
    if (old?.focused !== focused) {
      parts.el.setAttr("aria-selected", focused ? "true" : "false");
      parts.el.toggleClass("is-focused", focused);
    }
    // Set only when it changes: an attribute write restyles and updates the accessibility tree even when the value is the same.
    if (focused && this.listEl.getAttribute("aria-activedescendant") !== parts.el.id) this.listEl.setAttr("aria-activedescendant", parts.el.id);
    return { parts, item, position, focused, minute };
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

  private onClick(evt: MouseEvent): void {
    const hit = this.rowOf(evt);
    if (!hit) return;
    this.setFocus(hit.position, false);
    const field = hit.badge?.dataset.field;
    if (field === "priority") void this.plugin.actions.cyclePriority(hit.file);
    else if (field === "status") void this.plugin.actions.cycleStatus(hit.file);
    else void this.plugin.actions.openFromEvent(hit.file, evt);
  }

  private onContextMenu(evt: MouseEvent): void {
    const hit = this.rowOf(evt);
    if (!hit) return;
    evt.preventDefault();
    this.setFocus(hit.position, false);
    const menu = new Menu();
    this.plugin.actions.fillMenu(menu, hit.file);
    menu.showAtMouseEvent(evt);
  }

  private focusedFile(): TFile | null {
    const item = this.queue.at(this.focused);
    return item ? this.plugin.index.fileOf(item.path) : null;
  }

  private setFocus(position: number, scroll = true): void {
    this.focused = Math.max(0, Math.min(position, this.queue.length - 1));
    this.focusedPath = this.queue.at(this.focused)?.path ?? null;
    if (scroll) {
      const top = this.focused * ROW_HEIGHT;
      const height = this.listEl.clientHeight;
      if (top < this.listEl.scrollTop) this.listEl.scrollTop = top;
      else if (height > 0 && top + ROW_HEIGHT > this.listEl.scrollTop + height) this.listEl.scrollTop = top + ROW_HEIGHT - height;
    }
    this.drawn = "";
    this.drawWindow();
  }

  private onListKey(evt: KeyboardEvent): void {
    if (evt.ctrlKey || evt.metaKey || evt.altKey) {
      if (evt.key === "Enter") {
        const file = this.focusedFile();
        if (file) void this.plugin.actions.openFromEvent(file, evt);
      }
      return;
    }
    const page = Math.max(1, Math.floor(this.listEl.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (evt.key in moves) {
      evt.preventDefault();
      this.setFocus(this.focused + (moves[evt.key] ?? 0));
      return;
    }
    if (evt.key === "Home" || evt.key === "End") {
      evt.preventDefault();
      this.setFocus(evt.key === "Home" ? 0 : this.queue.length - 1);
      return;
    }
    const file = this.focusedFile();
    if (!file) return;
    switch (evt.key) {
      case "Enter":
        evt.preventDefault();
        void this.plugin.actions.open(file);
        break;
      case "p":
        void this.plugin.actions.cyclePriority(file);
        break;
      case "s":
        void this.plugin.actions.cycleStatus(file);
        break;
      case "x":
        this.plugin.actions.extract(file);
        break;
      case "ContextMenu": {
        evt.preventDefault();
        const menu = new Menu();
        this.plugin.actions.fillMenu(menu, file);
        const rect = this.listEl.querySelector(".source-queue-row.is-focused")?.getBoundingClientRect();
        menu.showAtPosition({ x: rect?.left ?? 0, y: rect?.bottom ?? 0 });
        break;
      }
    }
  }
}
