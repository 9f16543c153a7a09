// Queue filtering, sorting and counts (SPEC §4 "Queue sidebar", §5 `list`).
// Shared by the sidebar and the CLI so both show the same queue.
import * as z from "zod/mini";
import { PRIORITIES, STATUSES, type Priority, type Problem, type Status } from "./model";

export interface QueueItem {
  path: string;
  title: string;
  author: string | null;
  date: string | null;
  domain: string | null;
  status: Status | null;
  priority: Priority | null;
  /** Number of hint candidates, or null until counted. */
  hints: number | null;
  problems: Problem[];
}

export const SORT_ORDERS = ["priority-newest", "priority-oldest", "newest", "oldest", "title"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const SORT_LABELS: Record<SortOrder, string> = {
  "priority-newest": "Priority, then newest",
  "priority-oldest": "Priority, then oldest",
  newest: "Newest first",
  oldest: "Oldest first",
  title: "Title",
};

export type StatusKey = Status | "unknown";
export const STATUS_KEYS: readonly StatusKey[] = [...STATUSES, "unknown"];

export const queueQuerySchema = z.object({
  statuses: z._default(z.array(z.enum([...STATUSES, "unknown"])), ["unprocessed", "processing", "unknown"]),
  priorities: z._default(z.array(z.enum([...PRIORITIES, "unknown"])), []),
  domain: z._default(z.string(), ""),
  search: z._default(z.string(), ""),
  sort: z._default(z.enum(SORT_ORDERS), "priority-newest"),
});

export type QueueQuery = z.infer<typeof queueQuerySchema>;

export const DEFAULT_QUERY: QueueQuery = queueQuerySchema.parse({});
/** `--all` / "show everything": no status filter. */
export const ALL_STATUSES: StatusKey[] = [...STATUS_KEYS];

const PRIORITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };
const rank = (p: Priority | null) => (p === null ? 3 : (PRIORITY_RANK[p] ?? 3));

/** A date that sorts: `YYYY-MM-DD…` as written; anything else ("early 2026") sorts as missing. */
const sortableDate = (d: string | null) => (d !== null && /^\d{4}-\d{2}-\d{2}/.test(d) ? d : null);

/** Dates compare as text (YYYY-MM-DD, with 00 parts sorting first in their month); missing dates last. */
function compareDate(rawA: string | null, rawB: string | null, newestFirst: boolean): number {
  const a = sortableDate(rawA);
  const b = sortableDate(rawB);
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return newestFirst ? (a < b ? 1 : -1) : a < b ? -1 : 1;
}

const byTitle = (a: QueueItem, b: QueueItem) => a.title.localeCompare(b.title) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function compareItems(order: SortOrder): (a: QueueItem, b: QueueItem) => number {
  switch (order) {
    case "priority-newest":
    case "priority-oldest": {
      const newest = order === "priority-newest";
      return (a, b) => rank(a.priority) - rank(b.priority) || compareDate(a.date, b.date, newest) || byTitle(a, b);
    }
    case "newest":
    case "oldest": {
      const newest = order === "newest";
      return (a, b) => compareDate(a.date, b.date, newest) || byTitle(a, b);
    }
    case "title":
      return byTitle;
  }
}

export const statusKey = (s: Status | null): StatusKey => s ?? "unknown";

function matchesSearch(item: QueueItem, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const hay = `${item.title}\n${item.author ?? ""}\n${item.domain ?? ""}\n${item.path}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function filterItems(items: readonly QueueItem[], query: QueueQuery): QueueItem[] {
  const statuses = new Set<string>(query.statuses);
  const priorities = new Set<string>(query.priorities);
  const domain = query.domain.trim().toLowerCase();
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter(
    (i) =>
      (statuses.size === 0 || statuses.has(statusKey(i.status))) &&
      (priorities.size === 0 || priorities.has(i.priority ?? "unknown")) &&
      (domain === "" || (i.domain ?? "").toLowerCase() === domain) &&
      matchesSearch(i, words),
  );
}

export function queryItems(items: readonly QueueItem[], query: QueueQuery): QueueItem[] {
  return filterItems(items, query).sort(compareItems(query.sort));
}

export function countByStatus(items: readonly QueueItem[]): Record<StatusKey, number> {
  const counts: Record<StatusKey, number> = { unprocessed: 0, processing: 0, processed: 0, "null-result": 0, unknown: 0 };
  for (const i of items) counts[statusKey(i.status)]++;
  return counts;
}

export const PRIORITY_CYCLE: Record<string, Priority> = { high: "medium", medium: "low", low: "high" };
export const STATUS_CYCLE: Record<string, Status> = { unprocessed: "processing", processing: "processed", processed: "unprocessed" };

/** Next value when a badge is clicked; unknown values start the cycle. */
export const nextPriority = (p: Priority | null): Priority => (p === null ? "high" : (PRIORITY_CYCLE[p] ?? "high"));
export const nextStatus = (s: Status | null): Status => (s === null || s === "null-result" ? "unprocessed" : (STATUS_CYCLE[s] ?? "unprocessed"));
