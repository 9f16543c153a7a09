// SPEC §4 "Queue sidebar" and "Toggles", §5 `list`: the default filter, the
// sort, the search, the counts and the badge cycles.
import { describe, expect, it } from "vitest";
import type { Priority, Status } from "../../../src/core/note/model";
import {
  ALL_STATUSES,
  countByStatus,
  DEFAULT_QUERY,
  nextPriority,
  nextStatus,
  queryItems,
  type QueueItem,
  type QueueQuery,
} from "../../../src/core/queue/queue-query";

function item(path: string, fields: Partial<QueueItem> = {}): QueueItem {
  return { path, title: path, author: null, date: null, domain: null, status: "unprocessed", priority: "medium", hints: null, problems: [], ...fields };
}

const query = (change: Partial<QueueQuery> = {}): QueueQuery => ({ ...DEFAULT_QUERY, ...change });
const paths = (items: QueueItem[]) => items.map((i) => i.path);

describe("the default filter", () => {
  const items = (["unprocessed", "processing", "processed", "null-result", null] as (Status | null)[]).map((status) => item(String(status), { status }));

  it("hides processed and null-result, and shows unknown statuses", () => {
    expect(paths(queryItems(items, DEFAULT_QUERY))).toEqual(["null", "processing", "unprocessed"]);
  });

  it("shows everything with all statuses (`--all`)", () => {
    expect(queryItems(items, query({ statuses: ALL_STATUSES }))).toHaveLength(5);
    expect(queryItems(items, query({ statuses: [] }))).toHaveLength(5);
  });

  it("filters by priority, unknown included", () => {
    const byPriority = (["high", "low", null] as (Priority | null)[]).map((priority) => item(String(priority), { priority }));
    expect(paths(queryItems(byPriority, query({ priorities: ["high", "unknown"] })))).toEqual(["high", "null"]);
  });

  it("filters by domain, ignoring case", () => {
    const list = [item("a", { domain: "AI-Alignment" }), item("b", { domain: "health" }), item("c")];
    expect(paths(queryItems(list, query({ domain: " ai-alignment " })))).toEqual(["a"]);
  });
});

describe("sorting", () => {
  it("sorts by priority, then newest first, with unknown priority last", () => {
    const list = [
      item("low-new", { priority: "low", date: "2026-05-01" }),
      item("unknown", { priority: null, date: "2026-06-01" }),
      item("high-old", { priority: "high", date: "2025-01-01" }),
      item("high-new", { priority: "high", date: "2026-01-01" }),
      item("medium", { priority: "medium", date: "2026-01-01" }),
    ];
    expect(paths(queryItems(list, DEFAULT_QUERY))).toEqual(["high-new", "high-old", "medium", "low-new", "unknown"]);
  });

  it.each<[string, QueueQuery["sort"], string[]]>([
    ["priority then newest puts missing dates last", "priority-newest", ["2026-03-15", "2026-03-00", "2026-00-00", "2025-12-31", "early 2026", "none"]],
    ["priority then oldest puts missing dates last too", "priority-oldest", ["2025-12-31", "2026-00-00", "2026-03-00", "2026-03-15", "early 2026", "none"]],
    ["newest first", "newest", ["2026-03-15", "2026-03-00", "2026-00-00", "2025-12-31", "early 2026", "none"]],
    ["oldest first", "oldest", ["2025-12-31", "2026-00-00", "2026-03-00", "2026-03-15", "early 2026", "none"]],
  ])("%s", (_name, sort, expected) => {
    const list = ["none", "2026-03-00", "early 2026", "2025-12-31", "2026-03-15", "2026-00-00"].map((d) =>
      item(d, { date: d === "none" ? null : d, title: d === "early 2026" ? "a" : "b" }),
    );
    expect(paths(queryItems(list, query({ sort })))).toEqual(expected);
  });

  it("sorts by title, then path, on request and as the tie-breaker", () => {
    const list = [item("z", { title: "Beta" }), item("y", { title: "alpha" }), item("x", { title: "Beta" })];
    expect(paths(queryItems(list, query({ sort: "title" })))).toEqual(["y", "x", "z"]);
    expect(paths(queryItems(list, DEFAULT_QUERY))).toEqual(["y", "x", "z"]);
  });

  it("does not reorder the input array", () => {
    const list = [item("b", { priority: "low" }), item("a", { priority: "high" })];
    queryItems(list, DEFAULT_QUERY);
    expect(paths(list)).toEqual(["b", "a"]);
  });
});

describe("search", () => {
  const list = [
    item("inbox/one.md", { title: "Circuit Tracing for the Rest of Us", author: "Subhadip Mitra", domain: "ai-alignment" }),
    item("inbox/two.md", { title: "Probes", author: "Jane Doe", domain: "health" }),
  ];

  it.each<[string, string, string[]]>([
    ["matches the title, ignoring case", "circuit", ["inbox/one.md"]],
    ["matches the author", "doe", ["inbox/two.md"]],
    ["matches the domain", "alignment", ["inbox/one.md"]],
    ["matches the path", "two", ["inbox/two.md"]],
    ["needs every word to match", "circuit mitra", ["inbox/one.md"]],
    ["finds nothing when one word matches nothing", "circuit nobody", []],
    ["an empty search matches everything", "   ", ["inbox/one.md", "inbox/two.md"]],
  ])("%s", (_name, search, expected) => {
    expect(paths(queryItems(list, query({ search })))).toEqual(expected);
  });
});

describe("counts per status", () => {
  it("counts every status, with unknown for missing or unreadable ones", () => {
    const list = (["unprocessed", "unprocessed", "processed", "null-result", null] as (Status | null)[]).map((status, i) => item(String(i), { status }));
    expect(countByStatus(list)).toEqual({ unprocessed: 2, processing: 0, processed: 1, "null-result": 1, unknown: 1 });
  });
});

describe("badge cycles", () => {
  it.each<[Priority | null, Priority]>([
    ["high", "medium"],
    ["medium", "low"],
    ["low", "high"],
    [null, "high"],
  ])("priority %s → %s", (from, to) => {
    expect(nextPriority(from)).toBe(to);
  });

  it.each<[Status | null, Status]>([
    ["unprocessed", "processing"],
    ["processing", "processed"],
    ["processed", "unprocessed"],
    ["null-result", "unprocessed"],
    [null, "unprocessed"],
  ])("status %s → %s", (from, to) => {
    expect(nextStatus(from)).toBe(to);
  });
});
