// The fast YAML reader against js-yaml: on every block it reads, it gives what
// js-yaml gives (CORE_SCHEMA, `json: true`): the same values, the same key
// order, the same top-level keys as written; on everything else it declines.
import fc from "fast-check";
import yaml from "js-yaml";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDemoVault } from "../../../test-support/demo-vault";
import { findBlock, shapeOf } from "../../../src/core/note/frontmatter-block";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";
import { topLevelKeys } from "../../../src/core/note/yaml";
import { readSimpleYaml } from "../../../src/core/note/yaml-fast";
import { seedNote } from "../../fixtures/seed";

/** js-yaml's reading of frontmatter lines, as parseYaml calls it; `threw` when it refuses them. */
function jsYaml(lines: readonly string[]): { threw: true } | { threw: false; value: unknown } {
  try {
    return { threw: false, value: yaml.load(`\n${lines.join("\n")}`, { schema: yaml.CORE_SCHEMA, json: true }) };
  } catch {
    return { threw: true };
  }
}

/** Declines, or agrees with js-yaml exactly (values, key order, keys as written); true when it read the block. */
function agrees(lines: readonly string[]): boolean {
  const fast = readSimpleYaml(lines);
  if (fast === undefined) return false;
  const slow = jsYaml(lines);
  expect(slow.threw, `js-yaml refuses what the fast reader read:\n${lines.join("\n")}`).toBe(false);
  if (slow.threw) return true;
  expect(fast.value).toEqual(slow.value);
  expect(Object.keys(fast.value)).toEqual(Object.keys(slow.value as object));
  for (const [key, value] of Object.entries(fast.value)) {
    // toEqual already tells -0 from 0 and NaN from a string; this pins the kind of each value too.
    const other = (slow.value as Record<string, unknown>)[key];
    expect(Object.prototype.toString.call(value)).toBe(Object.prototype.toString.call(other));
  }
  expect(fast.keys).toEqual(topLevelKeys(lines).map((k) => k.key));
  return true;
}

const frontmatterLines = (text: string): string[] | null => {
  const shape = shapeOf(text);
  const block = findBlock(shape.lines);
  return block.kind === "block" ? shape.lines.slice(1, block.close) : null;
};

/**
 * Real source notes kept outside the repository (never committed), such as a
 * copy of teleo-codex's inbox/archive: `REAL_NOTES_DIR=… npx vitest run
 * test/core/note/yaml-fast.test.ts`. Without it the block is skipped.
 */
const REAL_NOTES = process.env.REAL_NOTES_DIR ?? "";

describe.skipIf(REAL_NOTES === "" || !existsSync(REAL_NOTES))("the fast reader on the real notes of the archive (where present)", () => {
  // Read inside the test: a skipped describe's body still runs when tests are collected.
  const readNotes = () =>
    readdirSync(REAL_NOTES)
      .filter((name) => name.endsWith(".md"))
      .map((name) => [name, readFileSync(join(REAL_NOTES, name), "utf8")] as const);

  it("reads every real note's frontmatter as js-yaml reads it, or leaves it to js-yaml", () => {
    const notes = readNotes();
    let read = 0;
    for (const [, text] of notes) {
      const lines = frontmatterLines(text);
      if (lines && agrees(lines)) read++;
    }
    expect(notes.length).toBeGreaterThan(0);
    // Most real blocks are simple key: value lines: that is what the reader is for.
    expect(read / notes.length).toBeGreaterThan(0.5);
  });
});

describe("the fast reader on real notes", () => {
  const vault = readDemoVault();
  const notes = Object.entries({ ...vault, "seed.md": seedNote() }).filter(([path]) => path.endsWith(".md"));

  it.each(notes)("%s reads as js-yaml reads it, or is left to js-yaml", (_path, text) => {
    const lines = frontmatterLines(text);
    if (lines) agrees(lines);
  });

  it("reads most of the demo vault's frontmatter itself (the point of having it)", () => {
    const read = notes.filter(([, text]) => {
      const lines = frontmatterLines(text);
      return lines !== null && readSimpleYaml(lines) !== undefined;
    });
    expect(read.length).toBeGreaterThanOrEqual(notes.length - 5);
  });
});

describe("the fast reader on the oddities of real vaults", () => {
  const rows: [string, string[], "read" | "declined"][] = [
    ["plain, quoted and commented values", ["type: source", 'status: "processed"', "priority: high   # triaged", "title: 'It''s here'"], "read"],
    ["free text with colons, brackets and hashes inside", ["status: complete (13 pages)", "url: https://x.org/a#b?c=1", "notes: a [b] {c}, d#e"], "read"],
    ["dates with 00 parts stay text", ["date: 2026-03-00", "processed_date: 2025-00-00", "other: 2026-02-30"], "read"],
    ["numbers, booleans and nulls as js-yaml makes them", ["pages: 13", "ratio: 1e3", "hex: 0x1F", "octal: 017", "not_octal: 0o7", "inf: -.inf", "nan: .NaN", "yes: yes", "no: No", "on: TRUE", "off: False", "none: ~", "null: Null", "sexagesimal: 1:30"], "read"],
    ["a repeated key keeps its first place and its last value", ["priority: low", "type: source", "priority: high"], "read"],
    ["keys that are numbers or booleans become their text", ["1e3: a", "true: b", "0x10: c", "Null: d", "1_000: e"], "read"],
    ["flow lists of scalars", ["tags: [a, b-c, 'd e', \"f\", 12, true, ~]", "secondary_domains: []", "empty: [ ]"], "read"],
    ["block lists at either indentation, with blank lines and comments between", ["claims_extracted:", "  - First claim", "", "  - 'Second: claim'", "# note", "tags:", "- x", "- 2026-01-01", "status:"], "read"],
    ["escapes in double quotes", ['a: "tab\\there \\u00e9 \\x41 \\U0001F600 \\\\ \\" \\/ \\0"'], "read"],
    ["a multi-line title", ['title: "Interpretability Illusions', '  and more"'], "declined"],
    ["a plain value continued on the next line", ["title: one", "  two"], "declined"],
    ["a nested mapping", ["source:", "  url: x"], "declined"],
    ["anchors and aliases", ["a: &x 1", "b: *x"], "declined"],
    ["asterisks inside text (not aliases)", ["title: a *b* c", "tags: [a*, b]"], "read"],
    ["block scalars", ["notes: |", "  text"], "declined"],
    ["tags", ["a: !!str 1"], "declined"],
    ["tabs", ["a:\tb"], "declined"],
    ["a missing space after the colon", ["a:b"], "declined"],
    ["a bare list", ["- climate", "- high"], "declined"],
    ["a mapping inside a list item", ["a:", "- b: c"], "declined"],
    ["an unclosed flow list", ["a: [b, c"], "declined"],
    ["an unknown escape", ['a: "\\q"'], "declined"],
    ["an indented first line", ["  a: b"], "declined"],
    ["a key named __proto__", ["__proto__: x"], "declined"],
    ["text after a quoted value", ["a: 'b' c"], "declined"],
  ];

  it.each(rows)("%s: %s", (_name, lines, expected) => {
    expect(agrees(lines) ? "read" : "declined").toBe(expected);
  });

  it("more than 100 asterisks that look like aliases are refused, even in text the fast reader could read", () => {
    const lines = Array.from({ length: 120 }, (_, i) => `k${i}: a *b`);
    expect(parseFrontmatter(`---\n${lines.join("\n")}\n---\n`).problems).toEqual([
      { level: "error", message: "Frontmatter YAML does not parse: YAML uses 120 aliases (*name); more than 100 is refused as unsafe" },
    ]);
  });

  it("a block of more values than the fast reader counts is left to js-yaml's limits", () => {
    const lines = ["big:", ...Array.from({ length: 100_001 }, () => "- x")];
    expect(readSimpleYaml(lines)).toBeUndefined();
    expect(parseFrontmatter(`---\n${lines.join("\n")}\n---\n`).problems).toContainEqual({
      level: "error",
      message: "Frontmatter YAML does not parse: YAML expands to more than 100,000 values (each alias counted in full); refused as unsafe",
    });
  });

  it("a duplicate key read fast is reported as before", () => {
    const text = "---\npriority: low\ntype: source\npriority: high\n---\n";
    expect(parseFrontmatter(text).problems).toEqual([{ level: "warning", message: 'Field "priority" appears 2 times; the last value counts' }]);
    expect(parseFrontmatter(text).data).toEqual({ priority: "high", type: "source" });
  });
});

describe("plain scalars the fast reader settles without asking js-yaml", () => {
  // A dash after the first character, other than an exponent's sign, makes text
  // in the core schema; the reader relies on it to leave dates alone.
  const rows: [string, string[]][] = [
    ["dates and date-like text", ["a: 2026-03-00", "b: 2026-01-22T10:00:00Z", "c: 1-2", "d: -1-2", "e: +-1", "f: 1_000-1", "g: .5-", "h: ~-1", "i: 1:30-1"]],
    ["exponents keep their sign, and are still asked about", ["a: 1e-3", "b: 1E-3", "c: -1.5e-3", "d: 1e-3-1", "e: 0x1e-5", "f: .5e-1", "g: 1e--3"]],
    ["in flow and block lists, and as keys", ["tags: [2026-03-00, 1e-3, -1-1]", "list:", "- 2026-03-00", "- 1e-3", "2026-03-00: x", "1e-3: y"]],
  ];

  it.each(rows)("%s: %s", (_name, lines) => {
    expect(agrees(lines)).toBe(true);
  });
});

describe("the fast reader against js-yaml on generated blocks", () => {
  const nasty = fc.constantFrom(
    "yes", "No", "on", "OFF", "y", "n", "true", "True", "TRUE", "tRue", "false", "FALSE", "null", "Null", "NULL", "nULL", "~",
    "1e3", "1E3", "1.5e-3", "-1", "+1", "0", "-0", "00", "007", "08", "0o7", "0b101", "0b", "0x1F", "0xg", "0x", "1_000", "_1", "1_",
    "1:30", "1:60", "1:30.5", ".5", "5.", ".", "..", "...", ".inf", "-.Inf", "+.INF", ".NaN", ".nan", ".NAN", "-.nan", "1e", "1e+", "2026-03-00",
    "2026-02-30", "2026-01-22T10:00:00Z", "12:00", "a:b", "http://x.org/a?b=c#d", "a #b", "a#b", "#a", ":", ":a", "a:", "a: b", "-", "-a", "- a",
    "--", "---", "?", "?a", "!a", "&a", "*a", "|", ">", "%a", "@a", "`a`", "[a]", "{a}", "a,b", "a, b", "a]", "a}", "'", "''", "'a'", "'a''b'",
    "'a'b", '"', '""', '"a"', '"a\\"b"', '"\\u00e9"', '"\\x4"', '"\\q"', '"\\N\\_\\L\\P"', '"a" # c', "'a' # c", "\u00e9t\u00e9", "日本語", "🧠",
    "a\u00a0", "\u00a0a", "a\u2028b", "a\u0085b", "a\ufeffb", "a\u0000b", "a\tb", "a  b", "a ", " a", "__proto__", "constructor", "toString",
  );
  const word = fc.stringMatching(/^[a-z0-9 _.:#'"-]{0,8}$/);
  const value = fc.oneof({ weight: 3, arbitrary: nasty }, { weight: 2, arbitrary: word }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
  const quoted = fc.oneof(
    value.map((v) => `'${v.replace(/'/g, "''")}'`),
    value.map((v) => JSON.stringify(v)),
    value.map((v) => `'${v}'`),
    value.map((v) => `"${v}"`),
  );
  const scalar = fc.oneof({ weight: 3, arbitrary: value }, { weight: 2, arbitrary: quoted });
  const comment = fc.constantFrom("", "", " # c", "  #c", "#c", " #", " # a: b");
  const space = fc.constantFrom(" ", " ", "  ", "", "\t");
  const key = fc.oneof(fc.constantFrom("type", "title", "tags", "a", "b c", "x.y", "_k", "1", "1e3", "0x10", "true", "Null", "~", "yes", "-k", "? k", "'k'", "\"k\"", "k ", "__proto__", "k#", "é"), word);
  const flowList = fc.tuple(fc.array(fc.tuple(space, scalar, space), { maxLength: 4 }), fc.constantFrom("]", "]", ",]", "")).map(
    ([items, close]) => `[${items.map(([a, s, b]) => `${a}${s}${b}`).join(",")}${close}`,
  );
  const indent = fc.constantFrom("", "", "  ", " ", "    ");
  const line = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(key, space, scalar, comment).map(([k, s, v, c]) => `${k}:${s}${v}${c}`) },
    { weight: 2, arbitrary: fc.tuple(key, space, flowList, comment).map(([k, s, v, c]) => `${k}:${s}${v}${c}`) },
    { weight: 2, arbitrary: fc.tuple(key, comment).map(([k, c]) => `${k}:${c}`) },
    { weight: 4, arbitrary: fc.tuple(indent, fc.constantFrom("- ", "- ", "-  ", "-"), scalar, comment).map(([i, d, v, c]) => `${i}${d}${v}${c}`) },
    { weight: 1, arbitrary: fc.constantFrom("", "", "   ", "# comment", "  # indented comment", "#", "---", "...", "%YAML 1.2") },
    { weight: 1, arbitrary: fc.tuple(indent, value).map(([i, v]) => `${i}${v}`) },
  );
  const block = fc.array(line, { minLength: 1, maxLength: 12 });
  // Blocks shaped like real ones, with a nasty value here and there: most of these must be read.
  const plainKey = fc.constantFrom("type", "title", "tags", "date", "status", "url", "b c", "x.y", "_k", "1", "true", "Null", "0x10");
  const realLine = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(plainKey, scalar, comment).map(([k, v, c]) => `${k}: ${v}${c}`) },
    { weight: 2, arbitrary: fc.tuple(plainKey, flowList).map(([k, v]) => `${k}: ${v}`) },
    { weight: 1, arbitrary: fc.tuple(plainKey, fc.constantFrom("", "  "), fc.array(scalar, { minLength: 0, maxLength: 3 })).map(([k, i, items]) => [`${k}:`, ...items.map((v) => `${i}- ${v}`)].join("\n")) },
    { weight: 1, arbitrary: fc.constantFrom("", "# comment") },
  );
  const realBlock = fc.array(realLine, { minLength: 1, maxLength: 6 }).map((ls) => ls.join("\n").split("\n"));

  it("declines or agrees on any block", () => {
    fc.assert(
      fc.property(block, (lines) => {
        agrees(lines);
      }),
      { numRuns: 5_000 },
    );
  });

  it("declines or agrees on blocks shaped like real ones, and reads a good share of them", () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(realBlock, (lines) => {
        runs++;
        if (agrees(lines)) read++;
      }),
      { numRuns: 5_000 },
    );
    // A reader that declined everything would pass the property; it must also do its job.
    expect(read / runs).toBeGreaterThan(0.2);
  });

  it("declines or agrees on single lines of any characters", () => {
    fc.assert(
      fc.property(fc.tuple(key, fc.string({ unit: "binary", maxLength: 12 })), ([k, v]) => {
        agrees([`${k}: ${v}`]);
      }),
      { numRuns: 3_000 },
    );
  });
});
