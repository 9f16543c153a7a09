// The sidebar's list: queue items filtered and sorted once, then kept in
// order as single notes change (remove + binary insert), so one edit in a
// 50,000-source vault costs microseconds, not a re-sort.
import { compareItems, filterItems, type QueueItem, type QueueQuery } from "./queue-query";

export class SortedQueue {
  private items: QueueItem[] = [];
  private compare: (a: QueueItem, b: QueueItem) => number;

  constructor(private query: QueueQuery) {
    this.compare = compareItems(query.sort);
  }

  get length(): number {
    return this.items.length;
  }

  at(i: number): QueueItem | undefined {
    return this.items[i];
  }

  indexOf(path: string): number {
    return this.items.findIndex((i) => i.path === path);
  }

  slice(start: number, end: number): QueueItem[] {
    return this.items.slice(start, end);
  }

  /** Filter and sort everything again (a new query, or a rebuilt index). */
  reset(all: readonly QueueItem[], query: QueueQuery = this.query): void {
    this.query = query;
    this.compare = compareItems(query.sort);
    this.items = filterItems(all, query).sort(this.compare);
  }

  /** One note changed: take out its old entry and put the new one (if it still matches) in its place. */
  update(path: string, item: QueueItem | undefined): void {
    const old = this.indexOf(path);
    if (old >= 0) this.items.splice(old, 1);
    if (!item || filterItems([item], this.query).length === 0) return;
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(this.items[mid] as QueueItem, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }
}
