// A row read from the metadata cache's frontmatter (SPEC §4 "Queue
// sidebar"): the same fields and problems as the full normalization gives,
// whatever the values, with the problems worked out only when asked for.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDemoVault } from "../../../test-support/demo-vault";
import { queueItemFromFrontmatter } from "../../../src/core/queue/frontmatter-row";
import { basenameOf } from "../../../src/core/note/model";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";
import { queueItem } from "../../../src/core/queue/queue-item";
import { loadSettings } from "../../../src/core/note/settings";
import { normalizeFields } from "../../../src/core/note/source-fields";

const settings = loadSettings({ otherNoteTypes: ["claim", "Entity"] }).settings;

/** The row the full normalization gives (null for a note outside the queue). */
function expected(path: string, data: Record<string, unknown>) {
  const { fields, problems } = normalizeFields(data, basenameOf(path), settings);
  return fields.typeClass === "other-note" ? null : queueItem(path, fields, null, problems);
}

const plain = (row: unknown) => (row === null ? null : (JSON.parse(JSON.stringify(row)) as unknown));

const value = fc.oneof(
  fc.constantFrom(undefined, null, "", "  ", "source", "Source ", "claim", "entity", "evidence", "high", " HIGH", "medium", "low", "urgent"),
  fc.constantFrom("unprocessed", "Processing", "partial", "in progress", "null result", "processed", "done", "null-result"),
  fc.constantFrom("2026-03-15", "2026-03-00", "2026-02-30", "early 2026", 2026, 0, true, false, ["a", "b"], { nested: 1 }, [1, { x: 2 }]),
  fc.string(),
);
const frontmatter = fc.record(
  { type: value, title: value, author: value, date: value, domain: value, status: value, priority: value, url: value, source: value, notes: value, tags: value, extraction_hints: value },
  { requiredKeys: [] },
);

describe("a row from the metadata cache", () => {
  it("has the fields and problems of the full normalization, for every demo note", () => {
    for (const [path, text] of Object.entries(readDemoVault())) {
      const data = parseFrontmatter(text).data;
      if (!data) continue;
      expect(plain(queueItemFromFrontmatter(path, data, settings)), path).toEqual(plain(expected(path, data)));
    }
  });

  it("has the fields and problems of the full normalization, for any odd values", () => {
    fc.assert(
      fc.property(frontmatter, (data) => {
        const d = data as Record<string, unknown>;
        expect(plain(queueItemFromFrontmatter("inbox/a note.md", d, settings))).toEqual(plain(expected("inbox/a note.md", d)));
      }),
      { numRuns: 2000 },
    );
  });

  it("works its problems out once, when first asked for", () => {
    const row = queueItemFromFrontmatter("inbox/x.md", { type: "source", status: "done" }, settings);
    expect(row?.problems).toBe(row?.problems);
    expect(row?.problems.map((p) => p.message)).toContain('Status "done" is not one of unprocessed, processing, processed, null-result (did you mean "processed"?)');
  });
});
