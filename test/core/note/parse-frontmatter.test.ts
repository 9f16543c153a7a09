// SPEC §1 "Real vaults are messy": every oddity of the text itself (line
// endings, BOM, missing or broken frontmatter, code in front matter) becomes a
// problem on the note, never a crash and never a silent skip.
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCandidates } from "../../../src/core/extraction/candidates";
import type { Problem } from "../../../src/core/note/model";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";
import { readSource } from "../../../src/core/note/source-note";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";

const warning = (message: string): Problem => ({ level: "warning", message });
const error = (message: string): Problem => ({ level: "error", message });

describe("the shape of the text", () => {
  it.each<[string, string, Record<string, unknown> | null, Problem[]]>([
    ["a plain LF note with a final newline has no problems", "---\ntype: source\n---\nBody\n", { type: "source" }, []],
    ["CRLF line endings are read and reported", "---\r\ntype: source\r\nstatus: processed\r\n---\r\nBody\r\n", { type: "source", status: "processed" }, [warning("File uses Windows line endings (CRLF); edits keep them")]],
    ["a byte-order mark is read past and reported", "\uFEFF---\ntype: source\n---\nBody\n", { type: "source" }, [warning("File starts with a byte-order mark (kept as it is)")]],
    ["a missing final newline is reported", "---\ntype: source\n---\nBody", { type: "source" }, [warning("File has no final newline (kept as it is)")]],
    [
      "BOM, CRLF and no final newline together are three warnings",
      "\uFEFF---\r\ntype: source\r\n---\r\nBody",
      { type: "source" },
      [
        warning("File starts with a byte-order mark (kept as it is)"),
        warning("File uses Windows line endings (CRLF); edits keep them"),
        warning("File has no final newline (kept as it is)"),
      ],
    ],
    ["an empty frontmatter block is an empty mapping", "---\n---\nBody\n", {}, []],
    ["a block closed with ... is a block", "---\ntype: source\n...\nBody\n", { type: "source" }, []],
  ])("%s", (_name, text, data, problems) => {
    const parsed = parseFrontmatter(text);
    expect(parsed.data).toEqual(data);
    expect(parsed.problems).toEqual(problems);
    expect(parsed.unreadable).toBe(false);
  });

  it("reports where the body starts, after the closing line", () => {
    expect(parseFrontmatter("---\na: 1\nb: 2\n---\nBody\n")).toMatchObject({ block: { open: 0, close: 3, language: "" }, bodyStart: 4 });
  });
});

describe("frontmatter that is missing, broken or not a mapping", () => {
  it.each<[string, string, Problem, boolean]>([
    ["no frontmatter at all", "# Just a note\n", error("No frontmatter: the note does not start with a --- line"), false],
    ["an empty file", "", error("No frontmatter: the note does not start with a --- line"), false],
    ["frontmatter that does not start on the first line", "\n---\ntype: source\n---\n", error("No frontmatter: the note does not start with a --- line"), false],
    ["frontmatter that is a list", "---\n- a\n- b\n---\n", error("Frontmatter is a list, not a set of fields"), true],
    ["frontmatter that is a single string", "---\njust text\n---\n", error("Frontmatter is a single string value, not a set of fields"), true],
    ["frontmatter that is a single number", "---\n42\n---\n", error("Frontmatter is a single number value, not a set of fields"), true],
    [
      "YAML that does not parse",
      "---\ntype: source\ntitle: [unclosed\n---\n",
      error("Frontmatter YAML does not parse: unexpected end of the stream within a flow collection (frontmatter line 4)"),
      true,
    ],
    [
      "an unquoted title with a colon, naming the file line",
      "---\ntype: source\ntitle: Probes: a review\n---\n",
      error("Frontmatter YAML does not parse: incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line (frontmatter line 3)"),
      true,
    ],
    ["frontmatter that is never closed", "---\ntype: source\nstatus: processed\n", error("Frontmatter is not closed: no --- line after the opening one"), true],
  ])("%s is an error problem, with no data", (_name, text, problem, unreadable) => {
    const parsed = parseFrontmatter(text);
    expect(parsed.data).toBeNull();
    expect(parsed.problems).toContainEqual(problem);
    expect(parsed.unreadable).toBe(unreadable);
  });

  it("refuses a billion-laughs block of aliases", () => {
    const anchors = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 120; i++) anchors.push(`k${i}: *a`);
    const parsed = parseFrontmatter(`---\n${anchors.join("\n")}\n---\n`);
    expect(parsed.data).toBeNull();
    expect(parsed.problems).toEqual([error("Frontmatter YAML does not parse: YAML uses 120 aliases (*name); more than 100 is refused as unsafe")]);
  });
});

describe("front matter written as code is never run", () => {
  const marker = join(tmpdir(), `source-queue-pwned-${process.pid}`);

  it.each<[string, string]>([
    ["---js", "js"],
    ["---javascript", "javascript"],
    ["---JS", "js"],
  ])("%s front matter with a payload is an error and writes nothing", (open) => {
    rmSync(marker, { force: true });
    const text = `${open}\n{ x: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\nBody\n`;
    const parsed = parseFrontmatter(text);
    expect(existsSync(marker)).toBe(false);
    expect(parsed.data).toBeNull();
    expect(parsed.unreadable).toBe(true);
    expect(parsed.problems).toEqual([error("Frontmatter in JavaScript is code; it was not run")]);
  });

  it("---coffee front matter is an error and is not run", () => {
    const parsed = parseFrontmatter("---coffee\nx: require('fs')\n---\n");
    expect(parsed.problems).toEqual([error("Frontmatter in CoffeeScript is code; it was not run")]);
    expect(parsed.data).toBeNull();
  });

  it("---json front matter is read as data, not run", () => {
    const parsed = parseFrontmatter('---json\n{"type": "source", "status": "processed"}\n---\n');
    expect(parsed.data).toEqual({ type: "source", status: "processed" });
    expect(parsed.problems).toEqual([]);
  });

  it("a note whose front matter is code still reads as a listed note with the problem", () => {
    const { note } = readSource("inbox/code.md", "---js\n{ type: 'source' }\n---\n", DEFAULT_SETTINGS);
    expect(note.title).toBe("code");
    expect(note.data).toBeNull();
    expect(note.problems).toEqual([error("Frontmatter in JavaScript is code; it was not run")]);
  });
});

describe("values are kept as written", () => {
  it("keeps dates as text: 2026-03-00 is not turned into a Date", () => {
    const parsed = parseFrontmatter("---\ndate: 2026-03-00\nfrom: 2026-00-00\nplain: 2026-01-05\nstamp: 2026-01-05T10:00:00Z\n---\n");
    expect(parsed.data).toEqual({ date: "2026-03-00", from: "2026-00-00", plain: "2026-01-05", stamp: "2026-01-05T10:00:00Z" });
  });

  it("reads duplicate keys with the last value counting, and warns once per key", () => {
    const parsed = parseFrontmatter("---\nstatus: unprocessed\npriority: low\nstatus: processed\nstatus: processing\n---\n");
    expect(parsed.data).toEqual({ status: "processing", priority: "low" });
    expect(parsed.problems).toEqual([warning('Field "status" appears 3 times; the last value counts')]);
  });

  it("keeps unknown fields and nested values untouched", () => {
    const parsed = parseFrontmatter("---\ntype: source\nmy_field: {a: 1, b: [x, y]}\nrating: 5\nflag: true\n---\n");
    expect(parsed.data).toEqual({ type: "source", my_field: { a: 1, b: ["x", "y"] }, rating: 5, flag: true });
  });

  it("does not count a list item or an indented key as a duplicate", () => {
    const parsed = parseFrontmatter("---\ntags:\n  - status: a\nnested:\n  status: b\nstatus: c\n---\n");
    expect(parsed.problems).toEqual([]);
  });
});

describe("any text at all", () => {
  const fragment = fc.constantFrom(
    "---\n", "---js\n", "---json\n", "...\n", "\r\n", "\uFEFF", "type: source\n", "status: \"processed\"\n", "status: partial\n",
    "tags: a\n", "date: 2026-03-00\n", "- a\n", "  - b\n", "key: [a, b\n", "&a x\n", "*a\n", "? x\n", "**Extraction hints:**\n",
    "EXTRACTION HINT: (1) a (2) b\n", "## Curator Notes\n", "```\n", "\u0000", "\ufffd", "{", "}", ":", "'", '"',
  );
  const noteText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.array(fc.oneof(fragment, fc.string({ maxLength: 10 })), { maxLength: 40 }).map((parts) => parts.join("")),
  );

  it("is read without throwing, and every problem has a level and a message", () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const { note, sections } = readSource("inbox/any.md", text, DEFAULT_SETTINGS);
        buildCandidates(note, sections, DEFAULT_SETTINGS, () => null);
        for (const p of note.problems) {
          expect(["error", "warning"]).toContain(p.level);
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
