// The queue list's rendering window (SPEC §4): only the rows in view (plus a
// margin) are in the DOM, placed as one block in a spacer as tall as the whole
// list, so 50,000 sources cost the same DOM as 50. A row is kept while its
// entry is unchanged and refilled for a note that scrolls in, so a redraw
// builds only what changed. The view owns what is shown (the queue, the focus,
// the selection); this owns where it is drawn.
import type { HolderShown } from "../core/writes/source-lease";
import type { QueueItem } from "../core/queue/queue-query";
import type { SortedQueue } from "../core/queue/sorted-queue";
import { RowParts } from "./queue-row";
import type { ViewSelection } from "./queue-view-selection";

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

/** The list's height and scroll position, read together before anything is written. */
export interface Viewport {
  height: number;
  top: number;
}

/** What a draw shows, read from the view at each draw. */
export interface WindowState {
  queue: SortedQueue;
  focused: number;
  selection: ViewSelection;
}

/** A drawn row under a pointer event, and the badge (data-field) hit, if any. */
export interface RowHit {
  path: string;
  position: number;
  badge: HTMLElement | null;
}

export class RowWindow {
  private readonly spacerEl: HTMLElement;
  /** The drawn rows, in normal flow, placed as one block: moving the window moves one element, not every row. */
  private readonly windowEl: HTMLElement;
  private windowTop = -1;
  /** Style is written only when it changes: a write, even of the same value, costs a style parse (and in some engines a restyle). */
  private spacerHeight = -1;
  /** The key of what was drawn last: a draw that would draw the same returns at once. */
  private drawn = "";
  /** The rows in the DOM by note path, kept while their entry is unchanged, so a redraw only builds what changed. */
  private rows = new Map<string, DrawnRow>();
  private height = ROW_HEIGHT;

  constructor(
    private readonly listEl: HTMLElement,
    /** Asks the index for what rows drawn without their details (hint counts) lack. */
    private readonly ensureDetails: (paths: string[]) => void,
    /** Who holds a processing source and until when (the curator's view of agents' leases). */
    private readonly holderOf: (path: string, now: Date) => HolderShown | null = () => null,
  ) {
    this.spacerEl = listEl.createDiv({ cls: "source-queue-spacer" });
    this.windowEl = this.spacerEl.createDiv({ cls: "source-queue-window" });
  }

  /** Compact rows or not: a new height places every row anew. */
  setRowHeight(height: number): void {
    if (height === this.height) return;
    this.height = height;
    this.spacerHeight = -1;
    this.windowTop = -1;
  }

  viewport(): Viewport {
    return { height: this.listEl.clientHeight, top: this.listEl.scrollTop };
  }

  /** Rows per Page Up/Down: a screenful, less one so the last row stays in sight. */
  pageRows(): number {
    return Math.max(1, Math.floor(this.listEl.clientHeight / this.height) - 1);
  }

  /** The next draw draws even if its key is the last one's (the focus or the rows' entries changed). */
  invalidate(): void {
    this.drawn = "";
  }

  /** The spacer as tall as the whole list, so the scroll bar is the list's. */
  fitLength(length: number): void {
    // Heights and offsets in pixels, not as custom properties: a custom property
    // is inherited, so changing one restyles every row under it (in Chromium,
    // 5-10 ms of layout for the spacer's row count; 0.1 ms as a height).
    if (this.spacerHeight !== length * this.height) {
      this.spacerHeight = length * this.height;
      this.spacerEl.setCssProps({ height: `${this.spacerHeight}px` });
    }
  }

  /** Scroll just enough to bring the row at `position` into view. */
  reveal(position: number): void {
    const top = position * this.height;
    const height = this.listEl.clientHeight;
    if (top < this.listEl.scrollTop) this.listEl.scrollTop = top;
    else if (height > 0 && top + this.height > this.listEl.scrollTop + height) this.listEl.scrollTop = top + this.height - height;
  }

  /** Where the focused row is on screen (the keyboard's context menu opens under it). */
  focusedRect(): DOMRect | undefined {
    return this.listEl.querySelector(".source-queue-row.is-focused")?.getBoundingClientRect();
  }

  hit(evt: Event): RowHit | null {
    const target = evt.target instanceof HTMLElement ? evt.target : null;
    const row = target?.closest<HTMLElement>(".source-queue-row");
    const path = row?.dataset.path;
    const drawn = path ? this.rows.get(path) : undefined;
    if (!path || !drawn) return null;
    return { path, position: drawn.position, badge: target?.closest<HTMLElement>("[data-field]") ?? null };
  }

  /** Draw the rows in view (plus a margin); with no layout, a first window. */
  draw(state: WindowState, { height, top }: Viewport = this.viewport()): void {
    const { queue, focused, selection } = state;
    // A position read before the list got shorter may be past its end now: the browser is about to clamp it.
    const scrolled = Math.min(top, Math.max(0, queue.length * this.height - height));
    const first = height > 0 ? Math.max(0, Math.floor(scrolled / this.height) - OVERSCAN) : 0;
    const count = height > 0 ? Math.ceil(height / this.height) + 2 * OVERSCAN : FIRST_WINDOW;
    const items = queue.slice(first, first + count);
    const key = `${first}:${items.length}:${focused}:${selection.version}`;
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
      const position = first + i;
      // Just after Ctrl/Cmd+A the rows drawn are rows of the list selected whole: no lookup needed (see ListedPaths).
      rows.set(item.path, this.drawRow(row, item, position, position === focused, selection.has(item.path, queue.version), now, minute));
    }
    for (const row of spare) row.parts.el.detach();
    this.windowEl.setChildrenInPlace([...rows.values()].map((r) => r.parts.el));
    if (this.windowTop !== first * this.height) {
      this.windowTop = first * this.height;
      this.windowEl.setCssProps({ top: `${this.windowTop}px` });
    }
    this.rows = rows;
    this.ensureDetails(items.filter((i) => i.hints === null).map((i) => i.path));
  }

  /** A row for this entry at this position: the one that showed it, or one to refill, or a new one. */
  private drawRow(old: DrawnRow | undefined, item: QueueItem, position: number, focused: boolean, selected: boolean, now: Date, minute: number): DrawnRow {
    let parts = old?.parts;
    if (!parts) {
      // A row keeps its id while it lives (aria-activedescendant names it).
      const el = this.windowEl.createDiv({ cls: "source-queue-row", attr: { role: "option", id: `source-queue-row-${++rowSerial}` } });
      parts = new RowParts(el);
    }
    if (old?.item !== item || old.minute !== minute) parts.fill(item, now, item.status === "processing" ? this.holderOf(item.path, now) : null);
    if (old?.focused !== focused) parts.el.toggleClass("is-focused", focused);
    if (old?.selected !== selected) {
      parts.el.setAttr("aria-selected", selected ? "true" : "false");
      parts.el.toggleClass("is-selected", selected);
    }
    // Set only when it changes: an attribute write restyles and updates the accessibility tree even when the value is the same.
    if (focused && this.listEl.getAttribute("aria-activedescendant") !== parts.el.id) this.listEl.setAttr("aria-activedescendant", parts.el.id);
    return { parts, item, position, focused, selected, minute };
  }
}
