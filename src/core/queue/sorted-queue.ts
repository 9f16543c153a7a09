// The queue in order, kept in order as single notes change. A sort of 50,000
// entries costs tens of milliseconds; a binary search and one splice cost
// microseconds, so a sort happens once per sort order and a filter change is
// one pass over entries already in order.
import { compareItems, queryMatcher, sortItems, statusKey, type CompareItems, type QueueItem, type QueueQuery, type SortOrder, type StatusKey } from "./queue-query";

/** Where `item` goes in `list` (sorted by `compare`): after every entry that sorts before it or equal. */
export function insertionPoint(list: readonly QueueItem[], item: QueueItem, compare: CompareItems): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid] as QueueItem, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The position of this very entry in `list`, or -1. The order is total (the
 * path breaks ties), so the entry is where a binary search says; a linear
 * search is the fallback should an entry ever be out of place.
 */
export function positionOf(list: readonly QueueItem[], item: QueueItem, compare: CompareItems): number {
  const at = insertionPoint(list, item, compare) - 1;
  if (list[at] === item) return at;
  return list.indexOf(item);
}

/** Take `old` out of `list` and put `next` in its place in the order; either may be missing. */
function replaceIn(list: QueueItem[], old: QueueItem | undefined, next: QueueItem | undefined, compare: CompareItems): void {
  if (old) {
    const at = positionOf(list, old, compare);
    if (at >= 0) list.splice(at, 1);
  }
  if (next) list.splice(insertionPoint(list, next, compare), 0, next);
}

const STATUS_CODE: Record<StatusKey, number> = { unprocessed: 0, processing: 1, processed: 2, "null-result": 3, unknown: 4 };
const PRIORITY_CODE: Record<string, number> = { high: 0, medium: 1, low: 2, unknown: 3 };
/** Status and priority in one small number (status × 4 + priority): what most filters ask about. */
const codeOf = (item: QueueItem) => STATUS_CODE[statusKey(item.status)] * 4 + (PRIORITY_CODE[item.priority ?? "unknown"] ?? 3);

/** Which codes the query's status and priority filters let through. */
function acceptedCodes(query: QueueQuery): Uint8Array {
  const accept = new Uint8Array(20);
  const statuses = new Set<string>(query.statuses);
  const priorities = new Set<string>(query.priorities);
  for (const [status, s] of Object.entries(STATUS_CODE)) {
    for (const [priority, p] of Object.entries(PRIORITY_CODE)) {
      accept[s * 4 + p] = (statuses.size === 0 || statuses.has(status)) && (priorities.size === 0 || priorities.has(priority)) ? 1 : 0;
    }
  }
  return accept;
}

/** Deferred changes past which an order is dropped and sorted afresh when next wanted (a sort of 50,000 costs about as much as this many replaces). */
const MAX_DEFERRED = 2_000;

/**
 * Every entry in one sort order (the index keeps one per order asked for),
 * with each entry's status and priority code beside it in a byte array: a
 * status filter then reads 50,000 bytes in a row instead of 50,000 objects
 * spread over the heap (each a likely cache miss).
 */
export class QueueOrder {
  readonly items: QueueItem[];
  private codes: Uint8Array;
  private readonly compare: CompareItems;
  /** Changes not yet applied (see defer). */
  private pending: [QueueItem | undefined, QueueItem | undefined][] = [];

  constructor(all: readonly QueueItem[], sort: SortOrder) {
    this.compare = compareItems(sort);
    this.items = sortItems(all, sort);
    this.codes = new Uint8Array(Math.max(16, this.items.length * 2));
    this.items.forEach((item, i) => (this.codes[i] = codeOf(item)));
  }

  /**
   * Note a change to apply when this order is next used: an order nobody
   * looks at should not cost every edit a binary search and a splice. Returns
   * false when so many are waiting that sorting afresh would be cheaper (the
   * caller then drops this order).
   */
  defer(old: QueueItem | undefined, next: QueueItem | undefined): boolean {
    this.pending.push([old, next]);
    return this.pending.length <= MAX_DEFERRED;
  }

  /** Apply the changes deferred so far. */
  catchUp(): void {
    const pending = this.pending;
    this.pending = [];
    for (const [old, next] of pending) this.replace(old, next);
  }

  replace(old: QueueItem | undefined, next: QueueItem | undefined): void {
    const { items, codes } = this;
    if (old) {
      const at = positionOf(items, old, this.compare);
      if (at >= 0) {
        items.splice(at, 1);
        codes.copyWithin(at, at + 1, items.length + 1);
      }
    }
    if (!next) return;
    const at = insertionPoint(items, next, this.compare);
    items.splice(at, 0, next);
    if (items.length > this.codes.length) {
      this.codes = new Uint8Array(items.length * 2);
      this.codes.set(codes);
    }
    this.codes.copyWithin(at + 1, at, items.length - 1);
    this.codes[at] = codeOf(next);
  }

  /** The entries that match the query, in this order. */
  filter(query: QueueQuery): QueueItem[] {
    const accept = acceptedCodes(query);
    const rest = query.domain.trim() === "" && query.search.trim() === "" ? null : queryMatcher(query);
    const { items, codes } = this;
    const out: QueueItem[] = [];
    for (let i = 0; i < items.length; i++) {
      if (accept[codes[i] as number] === 1 && (rest === null || rest(items[i] as QueueItem))) out.push(items[i] as QueueItem);
    }
    return out;
  }
}

/** The sidebar's list: the entries that match the query, in its order. */
export class SortedQueue {
  private items: QueueItem[] = [];
  private compare: CompareItems;
  private matches: (item: QueueItem) => boolean;
  private changes = 0;

  constructor(private query: QueueQuery) {
    this.compare = compareItems(query.sort);
    this.matches = queryMatcher(query);
  }

  get length(): number {
    return this.items.length;
  }

  /** Bumped by every reset and update: equal versions mean the same rows in the same places. */
  get version(): number {
    return this.changes;
  }

  at(i: number): QueueItem | undefined {
    return this.items[i];
  }

  /** Where this entry is in the list, or -1 when the query leaves it out. */
  indexOf(item: QueueItem | undefined): number {
    return item && this.matches(item) ? positionOf(this.items, item, this.compare) : -1;
  }

  slice(start: number, end: number): QueueItem[] {
    return this.items.slice(start, end);
  }

  /**
   * A new query, or a rebuilt index: keep the entries that match. `ordered`
   * must be in the query's sort order (the index keeps one per order).
   */
  reset(ordered: QueueOrder, query: QueueQuery = this.query): void {
    this.query = query;
    this.compare = compareItems(query.sort);
    this.matches = queryMatcher(query);
    this.items = ordered.filter(query);
    this.changes++;
  }

  /**
   * One note changed: take out its old entry (if the query let it in) and
   * put the new one (if it does now) in its place. `old` must be the entry
   * this list was reset or updated with.
   */
  update(old: QueueItem | undefined, next: QueueItem | undefined): void {
    replaceIn(this.items, old && this.matches(old) ? old : undefined, next && this.matches(next) ? next : undefined, this.compare);
    this.changes++;
  }
}
