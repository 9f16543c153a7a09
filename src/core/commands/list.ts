// `list` (SPEC §5) for every door: the filter as typed (`high,medium`) is
// checked and turned into the sidebar's query, and the rows a door read
// (the CLI from disk and its row cache, the plugin from its index) become
// the §5 JSON. Rows are taken in path order, so every door lists alike.
import { PRIORITIES, type Priority } from "../note/model";
import { ALL_STATUSES, countByStatus, DEFAULT_QUERY, queryItems, STATUS_KEYS, type QueueItem, type QueueQuery, type StatusKey } from "../queue/queue-query";
import { listJson } from "./json-output";
import { UsageError } from "./command-error";

/** The filter as a person or script gives it. */
export interface ListFilter {
  status?: string;
  priority?: string;
  domain?: string;
  /** Show processed and null-result sources too (hidden by default, as in the sidebar). */
  all?: boolean;
}

export interface ListResult {
  query: QueueQuery;
  all: QueueItem[];
  shown: QueueItem[];
  counts: Record<StatusKey, number>;
}

function listOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T[] {
  if (value === undefined) return [];
  const parts = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const p of parts) {
    if (!(allowed as readonly string[]).includes(p)) throw new UsageError(`"${p}" is not one of ${allowed.join(", ")}`, name);
  }
  return parts as T[];
}

/** The sidebar's query for a filter; a UsageError names an unknown status or priority. */
export function listQuery(filter: ListFilter): QueueQuery {
  const statuses = listOf<StatusKey>(filter.status, STATUS_KEYS, "status");
  return {
    ...DEFAULT_QUERY,
    statuses: statuses.length > 0 ? statuses : filter.all ? ALL_STATUSES : DEFAULT_QUERY.statuses,
    priorities: listOf<Priority | "unknown">(filter.priority, [...PRIORITIES, "unknown"], "priority"),
    domain: filter.domain?.trim() ?? "",
  };
}

export const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function listQueue(items: readonly QueueItem[], filter: ListFilter): ListResult {
  const query = listQuery(filter);
  const all = [...items].sort(byPath);
  return { query, all, shown: queryItems(all, query), counts: countByStatus(all) };
}

/** The JSON every door answers a list with (SPEC §5). */
export const listResultJson = (vault: string, r: ListResult) => listJson(vault, r.counts, r.shown);
