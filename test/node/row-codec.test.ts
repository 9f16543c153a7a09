// The row cache's entry check (SPEC §5 `list`, issue #6): written by hand for
// speed, it must accept exactly what the entry schema accepts, since the
// cache file is read back from disk and may hold anything.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entrySchema, isEntry } from "../../src/node/row-codec";

const good = fc.tuple(
  fc.string(),
  fc.nat(),
  fc.double({ min: 0, max: 2e12, noNaN: true }),
  fc.double({ min: 0, max: 2e12, noNaN: true }),
  fc.nat(),
  fc.option(
    fc.tuple(
      fc.string(),
      fc.option(fc.string()),
      fc.option(fc.string()),
      fc.option(fc.string()),
      fc.option(fc.constantFrom("unprocessed", "processing", "processed", "null-result")),
      fc.option(fc.constantFrom("high", "medium", "low")),
      fc.option(fc.nat()),
      fc.array(fc.nat(), { maxLength: 4 }),
    ),
  ),
);

/** Anything a damaged or foreign file could hold where an entry should be. */
const odd = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, "processed", "Processed", null, [], {}),
);

/** A good entry with one element (or one of its row's) replaced by something odd, or cut short, or made longer. */
const damaged = fc.tuple(good, fc.nat(), fc.nat(), odd, fc.constantFrom("replace", "replace-in-row", "cut", "extend")).map(([entry, i, j, value, how]) => {
  const copy = structuredClone(entry) as unknown[];
  const row = copy[5] as unknown[] | null;
  if (how === "replace") copy[i % 6] = value;
  else if (how === "replace-in-row" && row) row[j % 8] = value;
  else if (how === "cut") copy.length = i % 6;
  else if (how === "extend") copy.push(value);
  return copy;
});

describe("the row cache's entry check", () => {
  it("accepts exactly what the entry schema accepts", () => {
    fc.assert(
      fc.property(fc.oneof(good, damaged, odd), (value) => {
        expect(isEntry(value)).toBe(entrySchema.safeParse(value).success);
      }),
      { numRuns: 5000 },
    );
  });

  it("accepts every well-formed entry", () => {
    fc.assert(
      fc.property(good, (entry) => {
        expect(isEntry(entry)).toBe(true);
      }),
    );
  });
});
