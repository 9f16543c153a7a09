// The sidebar's list kept in order as notes change (SPEC §4 "Queue
// sidebar"): whatever happens to the entries, the list is what filtering and
// sorting everything afresh would give.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRIORITIES, STATUSES } from "../../../src/core/note/model";
import { queryItems, SORT_ORDERS, STATUS_KEYS, type QueueItem, type QueueQuery } from "../../../src/core/queue/queue-query";
import { QueueOrder, SortedQueue } from "../../../src/core/queue/sorted-queue";

const item = fc.record({
  path: fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `inbox/n${i}.md`)),
  title: fc.constantFrom("Alpha", "alpha", "Beta", "Éclair", "eclair", "Zed", "b"),
  author: fc.constantFrom(null, "Ann"),
  date: fc.constantFrom(null, "2026-03-15", "2026-03-00", "2026-00-00", "2025-12-31", "early 2026", "2026-03-15T10:00"),
  domain: fc.constantFrom(null, "ai-alignment", "Health"),
  status: fc.constantFrom(null, ...STATUSES),
  priority: fc.constantFrom(null, ...PRIORITIES),
  hints: fc.constant(null),
  problems: fc.constant([]),
}) as fc.Arbitrary<QueueItem>;

const query = fc.record({
  statuses: fc.subarray([...STATUS_KEYS]),
  priorities: fc.subarray([...PRIORITIES, "unknown" as const]),
  domain: fc.constantFrom("", "health", "ai-alignment"),
  search: fc.constantFrom("", "alpha", "ann ai"),
  sort: fc.constantFrom(...SORT_ORDERS),
}) as fc.Arbitrary<QueueQuery>;

/** A change: a note written (its new entry) or deleted (its path). */
const change = fc.oneof(item, item.map((i) => i.path));

function byPath(items: readonly QueueItem[]): Map<string, QueueItem> {
  return new Map(items.map((i) => [i.path, i]));
}

describe("the queue kept in order", () => {
  it("after any run of changes, shows what filtering and sorting everything afresh shows", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), query, fc.array(change, { maxLength: 20 }), (start, q, changes) => {
        const entries = byPath(start);
        const order = new QueueOrder([...entries.values()], q.sort);
        // The same order kept by deferred changes, caught up at the end.
        const deferred = new QueueOrder([...entries.values()], q.sort);
        const queue = new SortedQueue(q);
        queue.reset(order, q);
        for (const c of changes) {
          const path = typeof c === "string" ? c : c.path;
          const old = entries.get(path);
          if (typeof c === "string") entries.delete(path);
          else entries.set(path, c);
          order.replace(old, typeof c === "string" ? undefined : c);
          deferred.defer(old, typeof c === "string" ? undefined : c);
          queue.update(old, entries.get(path));
        }
        deferred.catchUp();
        expect(deferred.items).toEqual(order.items);
        const expected = queryItems([...entries.values()], q);
        expect(queue.slice(0, queue.length)).toEqual(expected);
        expect(order.items).toEqual(queryItems([...entries.values()], { ...q, statuses: [], priorities: [], domain: "", search: "" }));
        // A fresh filter of the kept order agrees too (the byte codes moved with their entries).
        const fresh = new SortedQueue(q);
        fresh.reset(order, q);
        expect(fresh.slice(0, fresh.length)).toEqual(expected);
        for (const [i, e] of expected.entries()) expect(queue.indexOf(e)).toBe(i);
      }),
      { numRuns: 400 },
    );
  });

  it("finds an entry's place by binary search, and says -1 for an entry the query leaves out", () => {
    const items = ["c", "a", "b", "z"].map((t): QueueItem => ({ path: `${t}.md`, title: t, author: null, date: null, domain: null, status: t === "z" ? "processed" : "unprocessed", priority: "high", hints: null, problems: [] }));
    const q: QueueQuery = { statuses: ["unprocessed"], priorities: [], domain: "", search: "", sort: "title" };
    const queue = new SortedQueue(q);
    queue.reset(new QueueOrder(items, "title"), q);
    expect(items.map((i) => queue.indexOf(i))).toEqual([2, 0, 1, -1]);
    expect(queue.indexOf(undefined)).toBe(-1);
  });

  it("grows its byte codes past the size it started with", () => {
    const order = new QueueOrder([], "title");
    const many = Array.from({ length: 100 }, (_, i): QueueItem => ({ path: `n${i}.md`, title: `t${i}`, author: null, date: null, domain: null, status: i % 2 ? "processed" : "unprocessed", priority: null, hints: null, problems: [] }));
    for (const m of many) order.replace(undefined, m);
    const q: QueueQuery = { statuses: ["processed"], priorities: [], domain: "", search: "", sort: "title" };
    expect(order.filter(q)).toEqual(queryItems(many, q));
  });
});
