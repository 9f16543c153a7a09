// One row of the queue (SPEC §4): title, author, date (absolute and
// relative), domain, hint count, priority and status badges and a problem
// marker. Stable hooks: the row alone has data-path; badges have data-field
// and data-value; the marker's aria-label lists the problems.
import { setIcon, setTooltip } from "obsidian";
import type { QueueItem } from "../core/queue/queue-query";
import type { HolderShown } from "../core/writes/source-lease";

/** A date as written, with `00` parts meaning the month or day is unknown. */
export function relativeDate(date: string | null, now = new Date()): string | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Number(m[1]), Math.max(Number(m[2]) - 1, 0), Math.max(Number(m[3]), 1));
  if (Number.isNaN(d.getTime())) return null;
  return distanceToNow(d, now);
}

const MINUTE = 60_000;
const DAY_MINUTES = 1440;
const MONTH_MINUTES = 43_200;
const YEAR_MINUTES = 525_600;
let format: Intl.RelativeTimeFormat | null = null;

/**
 * "3 days ago", "in 2 months": date-fns's formatDistanceToNowStrict (floor
 * rounding, its units and thresholds, daylight-saving normalized days) over
 * the platform's Intl.RelativeTimeFormat. date-fns's version brings its whole
 * English locale, 9 KB of main.js, for these few words.
 */
function distanceToNow(d: Date, now: Date): string {
  const ms = Math.abs(now.getTime() - d.getTime());
  if (ms < 1000) return "today";
  const future = d.getTime() > now.getTime();
  const [earlier, later] = future ? [now, d] : [d, now];
  const minutes = ms / MINUTE;
  const normalized = (ms - (earlier.getTimezoneOffset() - later.getTimezoneOffset()) * MINUTE) / MINUTE;
  let value: number;
  let unit: Intl.RelativeTimeFormatUnit;
  if (minutes < 1) [value, unit] = [Math.floor(ms / 1000), "second"];
  else if (minutes < 60) [value, unit] = [Math.floor(minutes), "minute"];
  else if (minutes < DAY_MINUTES) [value, unit] = [Math.floor(minutes / 60), "hour"];
  else if (normalized < MONTH_MINUTES) [value, unit] = [Math.floor(normalized / DAY_MINUTES), "day"];
  else if (normalized < YEAR_MINUTES) {
    const months = Math.floor(normalized / MONTH_MINUTES);
    [value, unit] = months === 12 ? [1, "year"] : [months, "month"];
  } else [value, unit] = [Math.floor(normalized / YEAR_MINUTES), "year"];
  format ??= new Intl.RelativeTimeFormat("en", { numeric: "always" });
  return format.format(future ? value : -value, unit);
}

const label = (value: string | null) => (value ? value.charAt(0).toUpperCase() + value.slice(1) : "Unknown");

/**
 * The parts of one row element. A row element is made once and then refilled
 * for whatever entry it shows next (a scroll, a filter change, an edit): text
 * and attributes are set where they differ, and no element is built for a
 * row that already has it. Building 30 rows from scratch on every filter
 * change is most of that render's time.
 */
export class RowParts {
  private readonly priority: HTMLElement;
  private readonly title: HTMLElement;
  private readonly main: HTMLElement;
  private marker: HTMLElement | null = null;
  private markerLevel: "error" | "warning" | null = null;
  private markerText = "";
  private readonly author: HTMLElement;
  private readonly about: HTMLElement;
  private domain: HTMLElement | null = null;
  private readonly status: HTMLElement;
  private date: HTMLElement | null = null;
  private holder: HTMLElement | null = null;
  private readonly meta: HTMLElement;
  private readonly hints: HTMLElement;

  constructor(readonly el: HTMLElement) {
    el.empty();
    this.main = el.createDiv({ cls: "source-queue-row-main" });
    // The selected state is shown by a check mark and a bar, not by colour alone (aria-selected says it too).
    setIcon(this.main.createSpan({ cls: "source-queue-check", attr: { "aria-hidden": "true" } }), "check");
    // Badges are not buttons: a listbox option may not hold controls. A click
    // cycles them; from the keyboard, p and s do (their tooltips say so).
    this.priority = this.main.createSpan({ attr: { "data-field": "priority", title: "Click to change the priority (p)" } });
    this.title = this.main.createSpan({ cls: "source-queue-title" });
    // Who and what about, then where it stands: status, when, how much to split.
    this.about = el.createDiv({ cls: ["source-queue-row-meta", "source-queue-row-about"] });
    this.author = this.about.createSpan({ cls: "source-queue-author" });
    this.meta = el.createDiv({ cls: "source-queue-row-meta" });
    this.status = this.meta.createSpan({ attr: { "data-field": "status", title: "Click to change the status (s)" } });
    this.hints = this.meta.createSpan({ cls: "source-queue-hints" });
  }

  /** Show this entry; `holder`: who holds it, when it is processing. */
  fill(item: QueueItem, now: Date, holder: HolderShown | null = null): void {
    const { el } = this;
    if (el.dataset.path !== item.path) el.dataset.path = item.path;
    badge(this.priority, "source-queue-priority", item.priority);
    text(this.title, item.title);
    this.fillMarker(item);
    text(this.author, item.author ?? "Unknown author");
    this.domain = optional(this.domain, item.domain, () => this.about.createSpan({ cls: "source-queue-domain" }));
    badge(this.status, "source-queue-status", item.status);
    this.fillHolder(holder, now);
    const relative = item.date ? relativeDate(item.date, now) : null;
    const date = item.date ? (relative ? `${item.date} · ${relative}` : item.date) : null;
    // The date goes between the status and the hint count.
    this.date = optional(this.date, date, () => this.meta.insertBefore(this.meta.createSpan({ cls: "source-queue-date" }), this.hints));
    text(this.hints, item.hints === null ? "… hints" : `${item.hints} hint${item.hints === 1 ? "" : "s"}`);
  }

  /** "agent-a · until in 52 minutes", or "agent-a · lease ran out 3 minutes ago": after the status badge. */
  private fillHolder(holder: HolderShown | null, now: Date): void {
    this.holder = optional(this.holder, holder === null ? null : holderText(holder, now), () => this.meta.insertAfter(this.meta.createSpan({ cls: "source-queue-holder" }), this.status));
    if (this.holder === null || holder === null) return;
    const review = holder.reviewBranch ?? null;
    // In review the branch holds the source, not the lease: not struck through.
    this.holder.toggleClass("is-expired", holder.expired && review === null);
    this.holder.toggleClass("is-in-review", review !== null);
    const lease = holder.until === null ? "Held with no end (no processing_until)" : `${holder.expired ? "Lease ran out" : "Lease ends"} ${holder.until.toISOString()}`;
    const tip = review === null ? lease : `Extraction in review on the branch ${review}; held while that branch is open on the remote. ${lease}`;
    if (this.holder.getAttribute("title") !== tip) this.holder.setAttr("title", tip);
  }

  private fillMarker(item: QueueItem): void {
    const level = item.problems.length === 0 ? null : item.problems.some((p) => p.level === "error") ? "error" : "warning";
    if (level === null) {
      this.marker?.detach();
      this.marker = null;
      this.markerLevel = null;
      this.markerText = "";
      return;
    }
    if (!this.marker) this.marker = this.main.createSpan();
    if (level !== this.markerLevel) {
      this.marker.className = `source-queue-problems is-${level}`;
      setIcon(this.marker, level === "error" ? "alert-octagon" : "alert-triangle");
      this.markerLevel = level;
    }
    const tip = item.problems.map((p) => `${p.level === "error" ? "Error" : "Warning"}: ${p.message}`).join("\n");
    if (tip !== this.markerText) setTooltip(this.marker, tip);
    this.markerText = tip;
  }
}

/** The holder's line: the agent, then when its lease ends or ended. */
export function holderText(holder: HolderShown, now: Date): string {
  const who = holder.by ?? "Someone";
  // SPEC §7 "Extractions that go through review": the branch its claim named, and the agent.
  if (holder.reviewBranch) return `in review · ${holder.reviewBranch} · ${who}`;
  if (holder.until === null) return `${who} · no lease end`;
  const when = distanceToNow(holder.until, now);
  return holder.expired ? `${who} · lease ran out ${when}` : `${who} · until ${when}`;
}

function text(el: HTMLElement, value: string): void {
  if (el.textContent !== value) el.setText(value);
}

function badge(el: HTMLElement, kind: string, value: string | null): void {
  const v = value ?? "unknown";
  if (el.dataset.value === v) return;
  el.className = `source-queue-badge ${kind} is-${v}`;
  el.dataset.value = v;
  el.setText(label(value));
}

/** An element that is there only when its text is: made, refilled or taken out. */
function optional(el: HTMLElement | null, value: string | null, make: () => HTMLElement): HTMLElement | null {
  if (value === null) {
    el?.detach();
    return null;
  }
  const target = el ?? make();
  text(target, value);
  return target;
}

/** Render an entry into a fresh row element (tests and one-off rows). */
export function renderRow(el: HTMLElement, item: QueueItem, now: Date, holder: HolderShown | null = null): RowParts {
  const parts = new RowParts(el);
  parts.fill(item, now, holder);
  return parts;
}
