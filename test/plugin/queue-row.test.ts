// @vitest-environment happy-dom
// A row element is refilled for whatever note it shows next (SPEC §4 "Queue
// sidebar": only the rows in view exist). A refilled row must look exactly
// like a row drawn fresh for that note: nothing of the note it showed before.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import "../../test-support/obsidian/index";
import { PRIORITIES, STATUSES, type Problem } from "../../src/core/note/model";
import type { QueueItem } from "../../src/core/queue/queue-query";
import { renderRow } from "../../src/plugin/queue-row";

const problem = fc.record({ level: fc.constantFrom("error" as const, "warning" as const), message: fc.constantFrom("No author", "Status is odd", "No date") }) as fc.Arbitrary<Problem>;

const item = fc.record({
  path: fc.constantFrom("inbox/a.md", "inbox/b.md", "inbox/c d.md"),
  title: fc.constantFrom("Alpha", "A longer title — with a dash", ""),
  author: fc.constantFrom(null, "Ann", "Bo"),
  date: fc.constantFrom(null, "2026-03-15", "2026-03-00", "early 2026"),
  domain: fc.constantFrom(null, "ai-alignment", "health"),
  status: fc.constantFrom(null, ...STATUSES),
  priority: fc.constantFrom(null, ...PRIORITIES),
  hints: fc.constantFrom(null, 0, 1, 3),
  problems: fc.array(problem, { maxLength: 3 }),
}) as fc.Arbitrary<QueueItem>;

const NOW = new Date("2026-11-20T12:00:00Z");

describe("a queue row", () => {
  it("refilled for another note, is the same DOM as a row drawn fresh for that note", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), (shown) => {
        const reused = createDiv();
        const parts = renderRow(reused, shown[0] as QueueItem, NOW);
        for (const next of shown.slice(1)) parts.fill(next, NOW);
        const fresh = createDiv();
        renderRow(fresh, shown[shown.length - 1] as QueueItem, NOW);
        expect(reused.outerHTML).toBe(fresh.outerHTML);
      }),
      { numRuns: 300 },
    );
  });

  it("shows the problem marker only while the note has problems", () => {
    const el = createDiv();
    const base: QueueItem = { path: "inbox/a.md", title: "A", author: null, date: null, domain: null, status: null, priority: null, hints: 2, problems: [{ level: "error", message: "No type field" }] };
    const parts = renderRow(el, base, NOW);
    expect(el.querySelector(".source-queue-problems.is-error")?.getAttribute("aria-label")).toBe("Error: No type field");
    parts.fill({ ...base, problems: [] }, NOW);
    expect(el.querySelector(".source-queue-problems")).toBeNull();
  });
});
