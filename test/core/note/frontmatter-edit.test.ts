// SPEC §4 "Toggles" and §5 `set`: the line editor changes only the lines of the
// fields it sets. Quotes, comments, key order, list style, CRLF, the BOM and a
// missing final newline stay as they were; unreadable YAML is refused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editFrontmatter, type FieldEdit } from "../../../src/core/note/frontmatter-edit";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";

const lines = (text: string) => text.split(/\r?\n/);

/** Indexes of the lines that differ, for two texts with the same number of lines. */
function changedLines(before: string, after: string): number[] {
  const a = lines(before);
  const b = lines(after);
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

function edited(text: string, edits: FieldEdit[]): string {
  const result = editFrontmatter(text, edits);
  if (!result.ok) throw new Error(`edit refused: ${result.reason}`);
  return result.text;
}

const NOTE = [
  "---",
  "type: source",
  'title: "Probes: a review" # keep me',
  "author: 'Jane O''Doe'",
  "status: \"unprocessed\" # triage",
  "priority: 'low' # bump later",
  "tags:",
  "    - interpretability",
  "    - probes",
  "domain: ai-alignment",
  "z_custom: kept",
  "---",
  "Body line",
  "",
].join("\n");

describe("setting a field changes exactly its line", () => {
  it.each<[string, string, FieldEdit, number, string]>([
    ["double quotes and the trailing comment are kept", NOTE, { key: "status", set: "processed" }, 4, 'status: "processed" # triage'],
    ["single quotes and the trailing comment are kept", NOTE, { key: "priority", set: "high" }, 5, "priority: 'high' # bump later"],
    ["a plain value stays plain", NOTE, { key: "domain", set: "health" }, 9, "domain: health"],
    ["a plain value that needs quotes gets double quotes", NOTE, { key: "domain", set: "a: b # c" }, 9, 'domain: "a: b # c"'],
    ["a single-quoted value doubles its apostrophes", NOTE, { key: "author", set: "Sam O'Neil" }, 3, "author: 'Sam O''Neil'"],
    ["a double-quoted value escapes its quotes", NOTE, { key: "title", set: 'The "best" probe' }, 2, 'title: "The \\"best\\" probe" # keep me'],
    ["a plain value keeps a trailing comment", "---\nstatus: unprocessed # todo\n---\n", { key: "status", set: "processed" }, 1, "status: processed # todo"],
    ["a value that reads as a boolean is quoted", "---\nnotes: x\n---\n", { key: "notes", set: "yes" }, 1, 'notes: "yes"'],
    ["a value that reads as a number is quoted", "---\nnotes: x\n---\n", { key: "notes", set: "2026" }, 1, 'notes: "2026"'],
    ["a value that reads as a binary number is quoted", "---\nnotes: x\n---\n", { key: "notes", set: "0b101" }, 1, 'notes: "0b101"'],
    ["a single-quoted value with a line break switches to double quotes", "---\nnotes: 'x' # why\n---\n", { key: "notes", set: "paywalled\nsee log" }, 1, 'notes: "paywalled\\nsee log" # why'],
    ["control characters YAML cannot hold raw are escaped", "---\nnotes: \"x\"\n---\n", { key: "notes", set: "a\u0085b\u007f" }, 1, 'notes: "a\\u0085b\\u007f"'],
    ["an empty value gets the new value", "---\nstatus:\nx: 1\n---\n", { key: "status", set: "processed" }, 1, "status: processed"],
    ["a quoted key keeps its quotes", '---\n"status": a\n---\n', { key: "status", set: "processed" }, 1, '"status": processed'],
  ])("%s", (_name, text, edit, index, line) => {
    const after = edited(text, [edit]);
    expect(changedLines(text, after)).toEqual([index]);
    expect(lines(after)[index]).toBe(line);
    expect(parseFrontmatter(after).data?.[edit.key]).toBe("set" in edit ? edit.set : undefined);
  });

  it("two fields set at once change exactly two lines, and key order stays", () => {
    const after = edited(NOTE, [
      { key: "status", set: "processed" },
      { key: "priority", set: "high" },
    ]);
    expect(changedLines(NOTE, after)).toEqual([4, 5]);
  });

  it("setting a field to its current value changes nothing", () => {
    const result = editFrontmatter(NOTE, [{ key: "domain", set: "ai-alignment" }]);
    expect(result).toEqual({ ok: true, text: NOTE, changed: false });
  });

  it("a block scalar value is replaced by one line", () => {
    const text = "---\nnotes: |\n  line one\n  line two\nstatus: a\n---\n";
    expect(edited(text, [{ key: "notes", set: "short" }])).toBe("---\nnotes: short\nstatus: a\n---\n");
  });

  it("of duplicate keys, the last occurrence is edited (the one that counts)", () => {
    const text = "---\nstatus: unprocessed\nx: 1\nstatus: processing\n---\n";
    const after = edited(text, [{ key: "status", set: "processed" }]);
    expect(changedLines(text, after)).toEqual([3]);
    expect(after).toBe("---\nstatus: unprocessed\nx: 1\nstatus: processed\n---\n");
    expect(parseFrontmatter(after).data?.status).toBe("processed");
  });
});

describe("line endings, BOM and final newline stay as they were", () => {
  it.each<[string, string, string]>([
    ["CRLF", "---\r\nstatus: a\r\nx: 1\r\n---\r\nbody\r\n", "---\r\nstatus: processed\r\nx: 1\r\n---\r\nbody\r\n"],
    ["a BOM", "\uFEFF---\nstatus: a\n---\nbody\n", "\uFEFF---\nstatus: processed\n---\nbody\n"],
    ["no final newline", "---\nstatus: a\n---\nbody", "---\nstatus: processed\n---\nbody"],
    ["all three together", "\uFEFF---\r\nstatus: a\r\n---\r\nbody", "\uFEFF---\r\nstatus: processed\r\n---\r\nbody"],
    ["a frontmatter-only note without a final newline", "---\nstatus: a\n---", "---\nstatus: processed\n---"],
  ])("%s", (_name, text, expected) => {
    expect(edited(text, [{ key: "status", set: "processed" }])).toBe(expected);
  });

  it("an added field uses the file's CRLF too", () => {
    expect(edited("---\r\nx: 1\r\n---\r\n", [{ key: "status", set: "processed" }])).toBe("---\r\nx: 1\r\nstatus: processed\r\n---\r\n");
  });
});

describe("adding an absent field", () => {
  it("appends one line before the closing ---", () => {
    const after = edited(NOTE, [{ key: "processed_date", set: "2026-05-01" }]);
    const before = lines(NOTE);
    expect(lines(after)).toEqual([...before.slice(0, 11), "processed_date: 2026-05-01", ...before.slice(11)]);
  });

  it("goes before trailing blank lines of the block", () => {
    expect(edited("---\nx: 1\n\n---\n", [{ key: "status", set: "processed" }])).toBe("---\nx: 1\nstatus: processed\n\n---\n");
  });

  it("creates a frontmatter block when the note has none", () => {
    expect(edited("# Note\n", [{ key: "status", set: "processed" }])).toBe("---\nstatus: processed\n---\n# Note\n");
  });
});

describe("appending to a list", () => {
  it.each<[string, string, string[], string]>([
    ["a block list keeps its indentation", "---\ntags:\n    - a\n    - b\nnext: x\n---\n", ["c"], "---\ntags:\n    - a\n    - b\n    - c\nnext: x\n---\n"],
    ["an unindented block list stays unindented", "---\ntags:\n- a\n- b\nnext: x\n---\n", ["c"], "---\ntags:\n- a\n- b\n- c\nnext: x\n---\n"],
    ["a block list keeps a comment line inside it", "---\ntags:\n  - a # first\n  # more below\nnext: x\n---\n", ["b"], "---\ntags:\n  - a # first\n  # more below\n  - b\nnext: x\n---\n"],
    ["a flow list stays a flow list", "---\ntags: [a, b]\n---\n", ["c"], "---\ntags: [a, b, c]\n---\n"],
    ["a flow list quotes an item with a comma", "---\ntags: [a, b]\n---\n", ["c, d"], '---\ntags: [a, b, "c, d"]\n---\n'],
    ["a flow list keeps its trailing comment", "---\ntags: [a, b] # topics\n---\n", ["c"], "---\ntags: [a, b, c] # topics\n---\n"],
    ["an empty flow list stays a flow list", "---\ntags: []\n---\n", ["c"], "---\ntags: [c]\n---\n"],
    ["a string field becomes a list with the old value first", "---\ntags: a\nx: 1\n---\n", ["b"], "---\ntags:\n  - a\n  - b\nx: 1\n---\n"],
    ["an empty field becomes a list", "---\ntags:\nx: 1\n---\n", ["b"], "---\ntags:\n  - b\nx: 1\n---\n"],
    ["an absent field is added as a block list", "---\nx: 1\n---\n", ["b", "c"], "---\nx: 1\ntags:\n  - b\n  - c\n---\n"],
    ["items that need quotes are quoted", "---\ntags:\n  - a\n---\n", ['"Hours" matter: a lot'], '---\ntags:\n  - a\n  - "\\"Hours\\" matter: a lot"\n---\n'],
  ])("%s", (_name, text, append, expected) => {
    expect(edited(text, [{ key: "tags", append }])).toBe(expected);
    const data = parseFrontmatter(expected).data;
    expect(data?.tags).toEqual(expect.arrayContaining(append));
  });

  it("does not append an item that is already there", () => {
    const text = "---\ntags:\n  - a\n  - b\n---\n";
    expect(editFrontmatter(text, [{ key: "tags", append: ["a", "b"] }])).toEqual({ ok: true, text, changed: false });
    expect(edited(text, [{ key: "tags", append: ["b", "c", "c"] }])).toBe("---\ntags:\n  - a\n  - b\n  - c\n---\n");
  });
});

describe("what cannot be edited safely is refused, and nothing changes", () => {
  it.each<[string, string]>([
    ["YAML that does not parse", "---\nstatus: [unclosed\n---\nbody\n"],
    ["frontmatter that is never closed", "---\nstatus: a\nbody\n"],
    ["frontmatter that is a list", "---\n- a\n---\n"],
    ["front matter written as code", "---js\n{ status: 'a' }\n---\n"],
  ])("%s is refused with a reason", (_name, text) => {
    expect(editFrontmatter(text, [{ key: "status", set: "processed" }])).toEqual({
      ok: false,
      reason: "its frontmatter cannot be read, so it is not edited (fix the YAML first)",
    });
  });

  it("an edit that would break another field (an alias of its anchor) is refused", () => {
    const text = "---\nstatus: &s unprocessed\ncopy: *s\n---\n";
    expect(editFrontmatter(text, [{ key: "status", set: "processed" }])).toEqual({
      ok: false,
      reason: 'editing "status" line by line would break the YAML',
    });
  });

  it("a multi-line value of another field is kept when a field is set", () => {
    const text = "---\nstatus: {a: 1,\n  b: 2}\nother: x\n---\n";
    expect(edited(text, [{ key: "other", set: "z" }])).toBe("---\nstatus: {a: 1,\n  b: 2}\nother: z\n---\n");
  });
});

describe("properties", () => {
  const KEYS = ["type", "title", "author", "url", "date", "domain", "tags", "notes", "status", "priority", "extra_field", "Z"];
  const text = fc.string({ unit: "binary", maxLength: 30 });
  const value = fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 4 }));
  const frontmatter = fc.dictionary(fc.constantFrom(...KEYS), value, { minKeys: 0, maxKeys: 8 });
  const quoteStyle = fc.constantFrom<"double" | "single" | "plain">("double", "single", "plain");
  const listStyle = fc.constantFrom("  - ", "- ", "    - ", "flow");

  function scalar(v: string, style: "double" | "single" | "plain"): string {
    if (style === "single" && !/[\n\r]/.test(v)) return `'${v.replace(/'/g, "''")}'`;
    if (style === "plain" && /^[A-Za-z][A-Za-z0-9 _-]*[A-Za-z0-9]$/.test(v) && !/^(true|false|null|yes|no|on|off)$/i.test(v)) return v;
    return JSON.stringify(v);
  }

  function render(data: Record<string, string | string[]>, quote: "double" | "single" | "plain", list: string): string {
    const out = ["---"];
    for (const [key, v] of Object.entries(data)) {
      if (typeof v === "string") out.push(`${key}: ${scalar(v, quote)}`);
      else if (list === "flow") out.push(`${key}: [${v.map((x) => JSON.stringify(x)).join(", ")}]`);
      else out.push(`${key}:`, ...v.map((x) => `${list}${scalar(x, quote)}`));
    }
    out.push("---", "Body text", "");
    return out.join("\n");
  }

  it("setting status or priority to any string re-parses to that value and leaves every other field equal", () => {
    fc.assert(
      fc.property(frontmatter, quoteStyle, listStyle, fc.constantFrom("status", "priority"), text, (data, quote, list, key, next) => {
        const before = render(data, quote, list);
        const parsedBefore = parseFrontmatter(before);
        fc.pre(!parsedBefore.unreadable && JSON.stringify(parsedBefore.data) === JSON.stringify(data));

        const result = editFrontmatter(before, [{ key, set: next }]);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.changed).toBe(data[key] !== next);
        if (!result.changed) return;
        const after = parseFrontmatter(result.text).data ?? {};
        expect(after[key]).toBe(next);
        const { [key]: _a, ...restAfter } = after;
        const { [key]: _b, ...restBefore } = data;
        expect(restAfter).toEqual(restBefore);

        // Only the edited key's lines differ: the text before and after them is unchanged.
        const a = lines(before);
        const b = lines(result.text);
        let head = 0;
        while (head < a.length && a[head] === b[head]) head++;
        let tail = 0;
        while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
        const removed = a.slice(head, a.length - tail);
        const added = b.slice(head, b.length - tail);
        expect(added).toHaveLength(1);
        expect(added[0]?.startsWith(`${key}:`)).toBe(true);
        if (key in data) expect(removed[0]?.startsWith(`${key}:`)).toBe(true);
        else expect(removed).toEqual([]);
        for (const line of removed.slice(1)) expect(line.startsWith(" ") || line.startsWith("- ")).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("appending titles to claims_extracted keeps every other field and holds every title once", () => {
    fc.assert(
      fc.property(frontmatter, quoteStyle, listStyle, fc.array(text, { maxLength: 4 }), fc.array(text, { minLength: 1, maxLength: 4 }), (data, quote, list, existing, added) => {
        const withList = existing.length > 0 ? { ...data, claims_extracted: existing } : data;
        const before = render(withList, quote, list);
        const parsedBefore = parseFrontmatter(before);
        fc.pre(!parsedBefore.unreadable && JSON.stringify(parsedBefore.data) === JSON.stringify(withList));

        const result = editFrontmatter(before, [{ key: "claims_extracted", append: added }]);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const after = parseFrontmatter(result.text).data ?? {};
        const { claims_extracted: claims, ...rest } = after;
        expect(rest).toEqual(data);
        expect(claims).toEqual([...existing, ...added.filter((t, i) => !existing.includes(t) && added.indexOf(t) === i)]);
      }),
      { numRuns: 500 },
    );
  });
});
