// The queue's header (SPEC §4): counts per status (each a filter toggle),
// a search box, priority and domain filters and the sort order.
import { debounce, setIcon } from "obsidian";
import { PRIORITIES } from "../core/note/model";
import { SORT_LABELS, SORT_ORDERS, STATUS_KEYS, type QueueQuery, type SortOrder, type StatusKey } from "../core/queue/queue-query";

export interface HeaderHandlers {
  query: () => QueueQuery;
  setQuery: (q: QueueQuery) => void;
  clearSelection: () => void;
  /** settings.usePriority: without it there is no priority filter. */
  usePriority: () => boolean;
}

const STATUS_LABELS: Record<StatusKey, string> = {
  unprocessed: "Unprocessed",
  processing: "Processing",
  processed: "Processed",
  "null-result": "Null-result",
  unknown: "Unknown",
};

export class QueueHeader {
  readonly searchEl: HTMLInputElement;
  private chips = new Map<StatusKey, HTMLButtonElement>();
  private domainEl: HTMLSelectElement;
  private priorityEl: HTMLSelectElement;
  private sortEl: HTMLSelectElement;
  private summaryEl: HTMLElement;
  private selectedEl: HTMLElement;
  private selectedText: HTMLElement;
  /** What the controls show now: a render after a one-note change then touches only what differs. */
  private current = { chips: new Map<StatusKey, string>(), domains: null as readonly string[] | null, domain: "", priority: "", sort: "", summary: "", selected: -1, usePriority: true };

  constructor(
    parent: HTMLElement,
    private readonly h: HeaderHandlers,
  ) {
    const root = parent.createDiv({ cls: "source-queue-header" });
    const counts = root.createDiv({ cls: "source-queue-counts", attr: { role: "group", "aria-label": "Filter by status" } });
    for (const key of STATUS_KEYS) {
      const chip = counts.createEl("button", { cls: "source-queue-chip", attr: { "data-status": key } });
      // On/off is shown by a check mark and an outline as well as the fill (aria-pressed says it to screen readers).
      setIcon(chip.createSpan({ cls: "source-queue-chip-check", attr: { "aria-hidden": "true" } }), "check");
      chip.createSpan({ cls: "source-queue-chip-label" });
      chip.addEventListener("click", () => this.toggleStatus(key));
      this.chips.set(key, chip);
    }
    const controls = root.createDiv({ cls: "source-queue-controls" });
    this.searchEl = controls.createEl("input", {
      type: "search",
      cls: "source-queue-search",
      placeholder: "Search title, author, domain",
      attr: { "aria-label": "Search sources" },
    });
    const saveSearch = debounce((value: string) => this.h.setQuery({ ...this.h.query(), search: value }), 150, true);
    this.searchEl.addEventListener("input", () => saveSearch(this.searchEl.value));
    this.priorityEl = controls.createEl("select", { cls: "dropdown source-queue-priority-filter", attr: { "aria-label": "Filter by priority" } });
    this.priorityEl.createEl("option", { value: "", text: "Any priority" });
    for (const p of [...PRIORITIES, "unknown"]) this.priorityEl.createEl("option", { value: p, text: `Priority ${p}` });
    this.priorityEl.addEventListener("change", () => {
      const v = this.priorityEl.value;
      this.h.setQuery({ ...this.h.query(), priorities: v === "" ? [] : [v as QueueQuery["priorities"][number]] });
    });
    this.domainEl = controls.createEl("select", { cls: "dropdown source-queue-domain-filter", attr: { "aria-label": "Filter by domain" } });
    this.domainEl.addEventListener("change", () => this.h.setQuery({ ...this.h.query(), domain: this.domainEl.value }));
    this.sortEl = controls.createEl("select", { cls: "dropdown source-queue-sort", attr: { "aria-label": "Sort order" } });
    for (const order of SORT_ORDERS) this.sortEl.createEl("option", { value: order, text: SORT_LABELS[order] });
    this.sortEl.addEventListener("change", () => this.h.setQuery({ ...this.h.query(), sort: this.sortEl.value as SortOrder }));
    const status = root.createDiv({ cls: "source-queue-status-line" });
    this.summaryEl = status.createDiv({ cls: "source-queue-summary", attr: { "aria-live": "polite" } });
    this.selectedEl = status.createDiv({ cls: "source-queue-selected is-hidden", attr: { "aria-live": "polite" } });
    this.selectedText = this.selectedEl.createSpan();
    const clear = this.selectedEl.createEl("button", { cls: "clickable-icon source-queue-clear-selection", attr: { "aria-label": "Clear the selection" } });
    setIcon(clear, "x");
    clear.addEventListener("click", () => this.h.clearSelection());
  }

  private toggleStatus(key: StatusKey): void {
    const q = this.h.query();
    const statuses = q.statuses.includes(key) ? q.statuses.filter((s) => s !== key) : [...q.statuses, key];
    this.h.setQuery({ ...q, statuses });
  }

  /** "N selected", from two rows on (one row is just the row clicked). */
  showSelected(count: number): void {
    if (count === this.current.selected) return;
    this.current.selected = count;
    this.selectedEl.toggleClass("is-hidden", count < 2);
    this.selectedText.setText(`${count} selected`);
  }

  update(counts: Record<StatusKey, number>, domains: readonly string[], shown: number, total: number, selected: number): void {
    this.showSelected(selected);
    const usePriority = this.h.usePriority();
    if (usePriority !== this.current.usePriority) {
      this.current.usePriority = usePriority;
      this.priorityEl.toggleClass("is-hidden", !usePriority);
    }
    const q = this.h.query();
    const last = this.current;
    for (const [key, chip] of this.chips) {
      const on = q.statuses.length === 0 || q.statuses.includes(key);
      const state = `${counts[key]}:${on ? 1 : 0}`;
      if (last.chips.get(key) === state) continue;
      last.chips.set(key, state);
      chip.querySelector(".source-queue-chip-label")?.setText(`${STATUS_LABELS[key]} ${counts[key]}`);
      chip.toggleClass("is-active", on);
      chip.setAttr("aria-pressed", on ? "true" : "false");
      chip.toggleClass("is-empty", counts[key] === 0);
    }
    if (this.searchEl.value !== q.search && this.searchEl.ownerDocument.activeElement !== this.searchEl) this.searchEl.value = q.search;
    const priority = q.priorities.length === 1 ? (q.priorities[0] ?? "") : "";
    if (priority !== last.priority || this.priorityEl.value !== priority) this.priorityEl.value = last.priority = priority;
    // The index hands out the same list until a domain comes or goes.
    if (domains !== last.domains || q.domain !== last.domain) {
      const options = ["", ...domains];
      if (q.domain && !options.includes(q.domain)) options.push(q.domain);
      if (this.domainEl.options.length !== options.length || options.some((d, i) => this.domainEl.options[i]?.value !== d)) {
        this.domainEl.empty();
        for (const d of options) this.domainEl.createEl("option", { value: d, text: d === "" ? "Any domain" : d });
      }
      this.domainEl.value = q.domain;
      last.domains = domains;
      last.domain = q.domain;
    }
    if (q.sort !== last.sort) this.sortEl.value = last.sort = q.sort;
    const summary = `${shown} of ${total} shown`;
    if (summary !== last.summary) this.summaryEl.setText((last.summary = summary));
  }
}
