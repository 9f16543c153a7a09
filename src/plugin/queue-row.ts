// One row of the queue (SPEC §4): title, author, date (absolute and
// relative), domain, hint count, priority and status badges and a problem
// marker. Stable hooks: the row alone has data-path; badges have data-field
// and data-value; the marker's aria-label lists the problems.
import { formatDistanceToNowStrict } from "date-fns";
import { setIcon, setTooltip } from "obsidian";
import type { QueueItem } from "../core/queue-query";

/** A date as written, with `00` parts meaning the month or day is unknown. */
export function relativeDate(date: string | null, now = new Date()): string | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Number(m[1]), Math.max(Number(m[2]) - 1, 0), Math.max(Number(m[3]), 1));
  if (Number.isNaN(d.getTime())) return null;
  return formatDistanceToNowStrict(d, { addSuffix: true, roundingMethod: "floor" }).replace(/^0 seconds ago$/, "today");
}

const label = (value: string | null) => (value ? value.charAt(0).toUpperCase() + value.slice(1) : "Unknown");

export function renderRow(el: HTMLElement, item: QueueItem, now: Date): void {
  el.empty();
  el.dataset.path = item.path;

  const main = el.createDiv({ cls: "source-queue-row-main" });
  // Badges are not buttons: a listbox option may not hold controls. A click
  // cycles them; from the keyboard, p and s do (their tooltips say so).
  main.createSpan({
    cls: ["source-queue-badge", "source-queue-priority", `is-${item.priority ?? "unknown"}`],
    text: label(item.priority),
    attr: { "data-field": "priority", "data-value": item.priority ?? "unknown", title: "Click to change the priority (p)" },
  });
  main.createSpan({ cls: "source-queue-title", text: item.title });
  if (item.problems.length > 0) {
    const errors = item.problems.some((p) => p.level === "error");
    const marker = main.createSpan({ cls: ["source-queue-problems", errors ? "is-error" : "is-warning"] });
    setIcon(marker, errors ? "alert-octagon" : "alert-triangle");
    setTooltip(marker, item.problems.map((p) => `${p.level === "error" ? "Error" : "Warning"}: ${p.message}`).join("\n"));
  }

  // Who and what about, then where it stands: status, when, how much to split.
  const about = el.createDiv({ cls: "source-queue-row-meta" });
  about.createSpan({ cls: "source-queue-author", text: item.author ?? "Unknown author" });
  if (item.domain) about.createSpan({ cls: "source-queue-domain", text: item.domain });

  const meta = el.createDiv({ cls: "source-queue-row-meta" });
  meta.createSpan({
    cls: ["source-queue-badge", "source-queue-status", `is-${item.status ?? "unknown"}`],
    text: label(item.status),
    attr: { "data-field": "status", "data-value": item.status ?? "unknown", title: "Click to change the status (s)" },
  });
  if (item.date) {
    const relative = relativeDate(item.date, now);
    meta.createSpan({ cls: "source-queue-date", text: relative ? `${item.date} · ${relative}` : item.date });
  }
  meta.createSpan({
    cls: "source-queue-hints",
    text: item.hints === null ? "… hints" : `${item.hints} hint${item.hints === 1 ? "" : "s"}`,
  });
}
