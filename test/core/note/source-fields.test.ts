// SPEC §1 fields and "Which notes are in the queue": each real-vault oddity
// becomes one specific problem, with the value normalized as the spec says.
import { describe, expect, it } from "vitest";
import type { Problem, SourceNote } from "../../../src/core/note/model";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/note/settings";
import { classifyType, isValidDate, normalizeFields, normalizePriority, normalizeStatus } from "../../../src/core/note/source-fields";
import { isQueueNote, readSource } from "../../../src/core/note/source-note";

const warning = (message: string): Problem => ({ level: "warning", message });
const error = (message: string): Problem => ({ level: "error", message });

/** A clean source note with one or more fields replaced (null removes a field). */
function note(overrides: Record<string, string | null> = {}, settings: Settings = DEFAULT_SETTINGS): SourceNote {
  const fields: Record<string, string | null> = {
    type: "source",
    title: "Probes beat SAEs",
    author: "Jane Doe",
    url: "https://example.com/a",
    date: "2026-01-01",
    domain: "ai-alignment",
    status: "unprocessed",
    priority: "high",
    ...overrides,
  };
  const lines = Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => (v.includes("\n") ? `${k}:${v}` : `${k}: ${v}`));
  return readSource("inbox/probes.md", `---\n${lines.join("\n")}\n---\nBody\n`, settings).note;
}

describe("a clean source", () => {
  it("has no problems and every field normalized", () => {
    const n = note();
    expect(n.problems).toEqual([]);
    expect(n).toMatchObject({
      type: "source",
      typeClass: "source",
      title: "Probes beat SAEs",
      author: "Jane Doe",
      url: "https://example.com/a",
      date: "2026-01-01",
      domain: "ai-alignment",
      status: "unprocessed",
      priority: "high",
      tags: [],
      secondaryDomains: [],
      claimsExtracted: [],
    });
  });
});

describe("status", () => {
  it.each<[string, string | null, string | null, Problem[]]>([
    ["a quoted status is read as the plain value", '"processed"', "processed", []],
    ["a single-quoted status is read as the plain value", "'processing'", "processing", []],
    ["a status in capitals is normalized", "Processed", "processed", []],
    ["null-result is canonical (with notes saying why)", "null-result", "null-result", [warning("Status is null-result but no reason is given (in notes or extraction_notes)")]],
    ["legacy 'partial' means processing, with a warning", "partial", "processing", [warning('Status "partial" is a legacy value; it counts as processing')]],
    ["free text 'complete (13 pages)' is unknown, with an error", "complete (13 pages)", null, [error('Status "complete (13 pages)" is not one of unprocessed, processing, processed, null-result (did you mean "processed"?)')]],
    ["an unknown word is unknown, with an error", "reading", null, [error('Status "reading" is not one of unprocessed, processing, processed, null-result')]],
    ["a list is not a status", "\n  - processed", null, [error("Status is not a single value")]],
    ["a missing status is unknown, with a warning", null, null, [warning("No status; it counts as unknown")]],
    ["an empty status is unknown, with a warning", '""', null, [warning("No status; it counts as unknown")]],
  ])("%s", (_name, raw, value, problems) => {
    const n = note({ status: raw });
    expect(n.status).toBe(value);
    expect(n.problems).toEqual(problems);
  });

  it("a null-result with notes is clean", () => {
    const n = note({ status: "null-result", notes: "paywalled" });
    expect(n.problems).toEqual([]);
    expect(n.notes).toBe("paywalled");
  });

  it.each([["in-progress", "processing"], ["null result", "null-result"], ["null_result", "null-result"]])("legacy %j counts as %s", (raw, value) => {
    expect(normalizeStatus(raw).value).toBe(value);
  });
});

describe("a null-result's reason (SPEC §1, the vault's conventions)", () => {
  it.each<[string, Record<string, string>, Problem[]]>([
    ["in extraction_notes, as the knowledge base's agents write it", { extraction_notes: '"Futardio proposal with no substantive content beyond the title."' }, []],
    ["in notes", { notes: "Paywalled; only the abstract was read" }, []],
    ["in neither: one warning naming both fields", {}, [warning("Status is null-result but no reason is given (in notes or extraction_notes)")]],
  ])("%s", (_name, extra, problems) => {
    expect(note({ status: "null-result", ...extra }).problems).toEqual(problems);
  });

  it("a reason field of the vault's own is accepted beside the two", () => {
    const settings = { ...DEFAULT_SETTINGS, reasonField: "why_null" };
    expect(note({ status: "null-result", why_null: "duplicate of an archived thread" }, settings).problems).toEqual([]);
    expect(note({ status: "null-result" }, settings).problems).toEqual([warning("Status is null-result but no reason is given (in why_null or notes or extraction_notes)")]);
  });
});

describe("priority", () => {
  it.each<[string, string | null, string | null, Problem[]]>([
    ["a quoted priority is read as the plain value", '"medium"', "medium", []],
    ["a priority in capitals is normalized", "LOW", "low", []],
    ["an unknown priority is an error", "urgent", null, [error('Priority "urgent" is not one of high, medium, low')]],
    ["a number is an unknown priority", "1", null, [error('Priority "1" is not one of high, medium, low')]],
    ["a missing priority is a warning", null, null, [warning("No priority; it counts as unknown")]],
  ])("%s", (_name, raw, value, problems) => {
    const n = note({ priority: raw });
    expect(n.priority).toBe(value);
    expect(n.problems).toEqual(problems);
  });

  it.each<[string, string, Problem[]]>([
    ["a source still in the queue (unprocessed) is warned", "unprocessed", [warning("No priority; it counts as unknown")]],
    ["a source being processed is warned", "processing", [warning("No priority; it counts as unknown")]],
    ["a processed source is not: its priority no longer matters", "processed", []],
    ["a null-result source is not", "null-result", []],
  ])("a missing priority: %s", (_name, status, problems) => {
    expect(note({ priority: null, status, extraction_notes: "Futardio proposal with no substantive content" }).problems).toEqual(problems);
  });

  it("an unknown priority is an error on a finished source too", () => {
    expect(note({ priority: "urgent", status: "processed" }).problems).toEqual([error('Priority "urgent" is not one of high, medium, low')]);
  });

  it("a mapping is an unknown priority", () => {
    expect(normalizePriority({ a: 1 })).toEqual({ value: null, problem: error('Priority "?" is not one of high, medium, low') });
  });
});

describe("dates", () => {
  it.each<[string, string, Problem[]]>([
    ["a full date is valid", "2026-03-15", []],
    ["a date with an unknown day (00) is valid and kept as written", "2026-03-00", []],
    ["a date with an unknown month and day (00-00) is valid", "2026-00-00", []],
    ["a quoted date is the same date", '"2026-03-00"', []],
    ["February 30 is not a date", "2026-02-30", [warning('Date "2026-02-30" is not YYYY-MM-DD (00 for an unknown month or day)')]],
    ["a month of 13 is not a date", "2026-13-01", [warning('Date "2026-13-01" is not YYYY-MM-DD (00 for an unknown month or day)')]],
    ["an unknown month with a known day is not a date", "2026-00-05", [warning('Date "2026-00-05" is not YYYY-MM-DD (00 for an unknown month or day)')]],
    ["free text is not a date", "early 2026", [warning('Date "early 2026" is not YYYY-MM-DD (00 for an unknown month or day)')]],
  ])("%s", (_name, raw, problems) => {
    const n = note({ date: raw });
    expect(n.date).toBe(raw.replace(/"/g, ""));
    expect(typeof n.date).toBe("string");
    expect(n.problems).toEqual(problems);
  });

  it("a missing date is a warning", () => {
    expect(note({ date: null }).problems).toEqual([warning("No date")]);
  });

  it("a leap day is valid only in a leap year", () => {
    expect(isValidDate("2024-02-29")).toBe(true);
    expect(isValidDate("2026-02-29")).toBe(false);
  });

  it("a day is valid exactly when the calendar has it (years 0–99 as 1900–1999, as Date.UTC reads them)", () => {
    const calendar = (y: number, m: number, d: number) => {
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    };
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    for (const y of [0, 1, 4, 96, 99, 100, 104, 1896, 1900, 1904, 2000, 2024, 2026, 2100, 2400, 9996, 9999]) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) expect(isValidDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`), `${y}-${m}-${d}`).toBe(calendar(y, m, d));
      }
    }
  });

  it("processed_date must be a date too", () => {
    expect(note({ processed_date: "yesterday" }).problems).toEqual([warning('processed_date "yesterday" is not YYYY-MM-DD')]);
    expect(note({ processed_date: "2026-02-01" }).processedDate).toBe("2026-02-01");
  });
});

describe("lists and text fields", () => {
  it("tags as a single string become a one-item list, with a warning", () => {
    const n = note({ tags: "interpretability" });
    expect(n.tags).toEqual(["interpretability"]);
    expect(n.problems).toEqual([warning('Field "tags" is a single string; a list was expected')]);
  });

  it("tags as a flow list or a block list are read as they are", () => {
    expect(note({ tags: "[a, b]" }).tags).toEqual(["a", "b"]);
    expect(note({ tags: "\n  - a\n  - b" }).tags).toEqual(["a", "b"]);
    expect(note({ tags: "[a, 2026]" }).tags).toEqual(["a", "2026"]);
  });

  it("a mapping where a list belongs is a warning and an empty list", () => {
    const n = note({ claims_extracted: "{a: 1}" });
    expect(n.claimsExtracted).toEqual([]);
    expect(n.problems).toEqual([warning('Field "claims_extracted" should be a list of claim titles')]);
  });

  it("a list where text belongs is a warning", () => {
    const n = note({ author: "[a, b]" });
    expect(n.author).toBeNull();
    expect(n.problems).toEqual([warning('Field "author" should be text, found a list'), warning("No author")]);
  });

  it("a missing title falls back to the file's basename", () => {
    const n = note({ title: null });
    expect(n.title).toBe("probes");
    expect(n.problems).toEqual([warning("No title; the file name is used")]);
  });

  it("a missing domain is a warning naming the fallback folder", () => {
    expect(note({ domain: null }).problems).toEqual([warning('No domain; claims go to the fallback folder "inbox/claims"')]);
  });

  it("the legacy url field `source` is read, with a warning", () => {
    const n = note({ url: null, source: "https://example.com/legacy" });
    expect(n.url).toBe("https://example.com/legacy");
    expect(n.problems).toEqual([warning('URL is in the legacy field "source"; use "url"')]);
  });

  it("url wins over a legacy source field", () => {
    expect(note({ source: "https://example.com/legacy" }).url).toBe("https://example.com/a");
  });

  it("secondary_domains, processed_by, claims_extracted and extraction_hints are read", () => {
    const n = note({
      secondary_domains: "[health, economics]",
      processed_by: "agent-7",
      claims_extracted: '\n  - "First claim"\n  - Second claim',
      extraction_hints: "\n  - Probes beat SAEs\n  - Monitors fail",
      format: "paper",
    });
    expect(n).toMatchObject({
      secondaryDomains: ["health", "economics"],
      processedBy: "agent-7",
      claimsExtracted: ["First claim", "Second claim"],
      extractionHints: ["Probes beat SAEs", "Monitors fail"],
      format: "paper",
    });
    expect(n.problems).toEqual([]);
  });

  it("unknown extra fields are kept untouched in data", () => {
    const n = note({ reviewer: "Sam", score: "7", nested: "\n  deep: [1, 2]" });
    expect(n.data).toMatchObject({ reviewer: "Sam", score: 7, nested: { deep: [1, 2] } });
    expect(n.problems).toEqual([]);
  });
});

describe("values of every kind, read alike whether they are strings or not", () => {
  const problemsOf = (data: Record<string, unknown>) => normalizeFields({ type: "source", title: "t", author: "a", date: "2026-01-01", domain: "d", status: "processed", priority: "low", ...data }, "b", DEFAULT_SETTINGS);

  it.each<[string, Record<string, unknown>, Partial<SourceNote>, Problem[]]>([
    ["strings are trimmed", { title: "  T  ", tags: [" a", "b "] }, { title: "T", tags: ["a", "b"] }, []],
    ["a number or a boolean is its text", { title: 12, author: true, tags: [1, "a"] }, { title: "12", author: "true", tags: ["1", "a"] }, []],
    ["empty strings in a list are dropped", { tags: ["", " ", "a"] }, { tags: ["a"] }, []],
    ["a list holding a boolean is not a list of tags", { tags: ["a", true] }, { tags: [] }, [warning('Field "tags" should be a list of tags')]],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the case under test
    ["a list with a hole is not a list of tags", { tags: [, "a"] }, { tags: [] }, [warning('Field "tags" should be a list of tags')]],
    ["a list where text belongs", { author: ["x"] }, { author: null }, [warning('Field "author" should be text, found a list'), warning("No author")]],
    ["a mapping where text belongs", { format: { a: 1 } }, { format: null }, [warning('Field "format" should be text, found object')]],
    ["a status that is a number", { status: 3 }, { status: null }, [error('Status "3" is not one of unprocessed, processing, processed, null-result')]],
    ["a status that is not a finite number", { status: Number.NaN }, { status: null }, [error("Status is not a single value")]],
    ["a priority that is a list", { priority: ["high"] }, { priority: null }, [error('Priority "?" is not one of high, medium, low')]],
  ])("%s", (_name, data, fields, problems) => {
    const { fields: f, problems: p } = problemsOf(data);
    expect(f).toMatchObject(fields);
    expect(p).toEqual(problems);
  });
});

describe("type: which notes are in the queue", () => {
  it.each<[string, string | null, string, boolean, Problem[]]>([
    ["a source is in the queue", "source", "source", true, []],
    ["a source type in capitals is a source", "Source", "source", true, []],
    ["evidence is a legacy source, with a warning", "evidence", "legacy", true, [warning('Type "evidence" is a legacy source type; use "source"')]],
    ["archive is a legacy source, with a warning", "archive", "legacy", true, [warning('Type "archive" is a legacy source type; use "source"')]],
    ["a claim is another note type and not in the queue", "claim", "other-note", false, []],
    ["a missing type is an error", null, "missing", true, [error('No type field; a source note needs "type: source"')]],
    ["newsletter is an error naming it", "newsletter", "unknown", true, [error('Type "newsletter" is not a source type (expected "source"; was "format: newsletter" meant?)')]],
    ["essay is an error naming it", "essay", "unknown", true, [error('Type "essay" is not a source type (expected "source"; was "format: essay" meant?)')]],
  ])("%s", (_name, raw, typeClass, inQueue, problems) => {
    const n = note({ type: raw });
    expect(n.typeClass).toBe(typeClass);
    expect(isQueueNote(n)).toBe(inQueue);
    expect(n.problems).toEqual(problems);
  });

  it("follows the settings for source types and other note types", () => {
    const settings = { ...DEFAULT_SETTINGS, sourceTypes: ["article"], otherNoteTypes: ["claim", "moc"] };
    expect(classifyType("Article", settings)).toEqual({ type: "Article", typeClass: "source" });
    expect(classifyType("moc", settings)).toEqual({ type: "moc", typeClass: "other-note" });
    expect(classifyType("source", settings).typeClass).toBe("unknown");
    expect(classifyType(undefined, settings).problem).toEqual(error('No type field; a source note needs "type: article"'));
  });
});

describe("notes that cannot be read still appear", () => {
  it.each<[string, string, Problem[]]>([
    ["a note without frontmatter", "# Hello\n", [error("No frontmatter: the note does not start with a --- line")]],
    ["a note with a NUL byte", "---\ntype: source\n---\n\u0000", [error("File contains a NUL byte; it may not be a text note")]],
    ["a note with replacement characters", "---\ntype: source\n---\n\ufffd", [warning("File is not valid UTF-8 (some bytes could not be read as text)")]],
  ])("%s is listed with its problem", (_name, text, problems) => {
    const { note: n } = readSource("inbox/odd.md", text, DEFAULT_SETTINGS);
    expect(n.path).toBe("inbox/odd.md");
    expect(n.title).toBe("odd");
    for (const p of problems) expect(n.problems).toContainEqual(p);
  });

  it("a note without frontmatter has empty fields and the missing type class", () => {
    const { note: n } = readSource("inbox/plain.md", "Just text\n", DEFAULT_SETTINGS);
    expect(n).toMatchObject({ type: null, typeClass: "missing", status: null, priority: null, data: null });
    expect(isQueueNote(n)).toBe(true);
  });
});
