// A row's relative date (SPEC §4): the same words date-fns's
// formatDistanceToNowStrict gave (floor rounding, "today" for now), now from
// Intl.RelativeTimeFormat to keep main.js small. Checked against date-fns itself.
import { formatDistanceStrict } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relativeDate } from "../../src/plugin/queue-row";

const dateFns = (date: string, now: Date): string => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const at = new Date(y, Math.max(m - 1, 0), Math.max(d, 1));
  return formatDistanceStrict(at, now, { addSuffix: true, roundingMethod: "floor" }).replace(/^0 seconds ago$/, "today");
};

describe("relativeDate", () => {
  it.each<[string, string, string]>([
    ["earlier today", "2026-03-15", "5 hours ago"],
    ["yesterday", "2026-03-14", "1 day ago"],
    ["three weeks back", "2026-02-22", "21 days ago"],
    ["two months back", "2026-01-10", "2 months ago"],
    ["a year and a bit", "2025-02-01", "1 year ago"],
    ["an unknown day counts as the 1st", "2026-03-00", "14 days ago"],
    ["tomorrow", "2026-03-16", "in 18 hours"],
    ["next month", "2026-04-20", "in 1 month"],
  ])("%s", (_name, date, words) => {
    const now = new Date(2026, 2, 15, 5, 30);
    expect(relativeDate(date, now)).toBe(words);
    expect(relativeDate(date, now)).toBe(dateFns(date, now));
  });

  it("says today at the very moment the date begins", () => {
    expect(relativeDate("2026-03-15", new Date(2026, 2, 15))).toBe("today");
  });

  it("gives the same words as date-fns for any date and moment", () => {
    const day = fc.record({ y: fc.integer({ min: 1990, max: 2040 }), m: fc.integer({ min: 0, max: 12 }), d: fc.integer({ min: 0, max: 28 }) });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 50 * 365 * 24 * 3600 * 1000 }), ({ y, m, d }, offset) => {
        const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const now = new Date(new Date(1995, 0, 1).getTime() + offset);
        expect(relativeDate(date, now)).toBe(dateFns(date, now));
      }),
      { numRuns: 2000 },
    );
  });
});
