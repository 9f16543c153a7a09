// Hostile and broken input (the issue "nothing runs, nothing escapes, nothing
// is lost"), at the core: every note is untrusted text. Code in frontmatter
// is never run, no title or domain leaves the claim folder, and notes built
// to be slow or huge finish quickly with a problem that says what is wrong.
// The time and memory bounds are safety limits, not benchmarks.
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_CANDIDATES } from "../../src/core/extraction/candidates";
import { planExtraction, type ExtractionPlan } from "../../src/core/extraction/extraction";
import { MAX_NAME_BYTES } from "../../src/core/text/file-name";
import { editFrontmatter } from "../../src/core/note/frontmatter-edit";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { queueItemFromText } from "../../src/core/queue/queue-item";
import { splitHints } from "../../src/core/extraction/split-hints";
import { DEFAULT_SETTINGS } from "../../src/core/note/settings";
import { MemoryPort } from "./memory-port";

/**
 * A hang guard, not a speed target (speeds live in `npm run bench`): these
 * inputs take well under a second, and what they guard against (a regular
 * expression or a loop gone quadratic on 10 MB) takes minutes. 2 s failed
 * under a loaded 2-core machine (2.3 s while a soak ran beside CI).
 */
const SAFE_SECONDS = 20;
const bytes = (s: string) => new TextEncoder().encode(s).length;

function timed<T>(fn: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = fn();
  return { value, seconds: (performance.now() - start) / 1000 };
}

const source = (frontmatter: string[], body: string) => ["---", "type: source", "title: Hostile", ...frontmatter, "---", body, ""].join("\n");
const withHints = (hints: string, frontmatter: string[] = ["domain: ai-alignment"]) => source(frontmatter, `## Agent Notes\n**Extraction hints:**\n${hints}\n`);

/** `picked`: the curator checks every candidate (a hostile title is rarely a claim a curator would leave selected, SPEC §2). */
function plan(text: string, files: Record<string, string> = {}, picked = false): ExtractionPlan {
  const port = new MemoryPort({ "inbox/hostile.md": text, ...files });
  const choices = picked ? new Map(Array.from({ length: MAX_CANDIDATES }, (_, i) => [i + 1, { selected: true }] as const)) : undefined;
  return planExtraction({ path: "inbox/hostile.md", text, settings: DEFAULT_SETTINGS, today: "2026-05-01", port, choices });
}

const messages = (text: string) => queueItemFromText("inbox/hostile.md", text, DEFAULT_SETTINGS)?.problems.map((p) => `${p.level}: ${p.message}`) ?? [];

describe("code in frontmatter is never run", () => {
  const marker = join(tmpdir(), `source-queue-hostile-${process.pid}`);
  const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned')`;

  it.each(["js", "javascript", "JavaScript", "coffee", "cson"])("---%s front matter that would write a file runs nothing, and the note is listed with the problem", (language) => {
    rmSync(marker, { force: true });
    const text = `---${language}\n{ title: ${payload} }\n---\n**Extraction hints:**\n- A claim\n`;
    const item = queueItemFromText("inbox/code.md", text, DEFAULT_SETTINGS);
    const p = plan(text);
    expect(editFrontmatter(text, [{ key: "status", set: "processing" }]).ok).toBe(false);
    expect(existsSync(marker)).toBe(false);
    expect(item?.problems).toContainEqual({ level: "error", message: expect.stringMatching(/^Frontmatter in (JavaScript|CoffeeScript) is code; it was not run$/) });
    expect(p.sourceAfter).toBeNull();
  });

  it("front matter in an unknown language is not read", () => {
    expect(parseFrontmatter("---toml\ntitle = 'x'\n---\n").problems).toEqual([{ level: "error", message: 'Frontmatter in "toml" is not YAML or JSON; it was not read' }]);
  });
});

describe("no title, hint or domain leaves the claim folder", () => {
  const hostileTitles: [string, string][] = [
    ["a climb into the config folder", "../../.obsidian/plugins/x/main"],
    ["an absolute Unix path", "/etc/passwd"],
    ["an absolute Windows path", "C:\\Windows\\x"],
    ["a Windows device name", "CON"],
    ["a device name with an extension", "nul.txt"],
    ["trailing dots and spaces", "Claims end here. . .   "],
    ["only punctuation", "?!*:|<>"],
    ["5,000 characters", `${"very long claim ".repeat(312)}end`],
    ["emoji", "Brains 🧠 light up 🔥 under probes 👨‍👩‍👧"],
    ["right-to-left text", "النماذج الكبيرة تتعلم \u202eevil\u202c"],
    ["combining marks", "Cafe\u0301 owners claim re\u0301sume\u0301 gains"],
  ];

  it.each(hostileTitles)("%s becomes one usable file inside the folder", (_name, title) => {
    const p = plan(withHints(`- ${title}`), {}, true);
    expect(p.blockers).toEqual([]);
    const [claim] = p.creates;
    if (!claim) throw new Error("nothing planned");
    const path = claim.candidate.path;
    const name = path.slice("domains/ai-alignment/".length, -".md".length);
    expect(path.startsWith("domains/ai-alignment/")).toBe(true);
    expect(name).not.toMatch(/[\\/:*?"<>|#^[\]]/);
    expect(name).not.toMatch(/^[.\s]|[.\s]$/);
    expect(name.split(".")[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
    expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name).toBe(name.normalize("NFC"));
    // The exact title is kept in the note, so nothing the hint said is lost.
    expect(claim.text).toContain(`\n# ${claim.candidate.title}\n`);
  });

  it("the same title in NFC and NFD is one claim: the second is exists — link only", () => {
    const nfc = "Café owners claim résumé gains".normalize("NFC");
    const p = plan(withHints(`- ${nfc}\n- ${nfc.normalize("NFD")}`));
    expect(p.creates.map((c) => c.candidate.path)).toEqual([`domains/ai-alignment/${nfc}.md`]);
    expect(p.candidates.map((c) => [c.selected, c.existing])).toEqual([
      [true, null],
      [false, `domains/ai-alignment/${nfc}.md`],
    ]);
    expect(p.linked).toEqual([]);
    expect(p.sourceAfter?.match(/\n- \[\[/g)).toHaveLength(1);
  });

  it("an NFD title whose NFC claim exists already is exists — link only", () => {
    const nfc = "Café owners claim résumé gains".normalize("NFC");
    const p = plan(withHints(`- ${nfc.normalize("NFD")}`), { [`domains/ai-alignment/${nfc}.md`]: "claim" });
    expect(p.creates).toEqual([]);
    expect(p.candidates[0]?.existing).toBe(`domains/ai-alignment/${nfc}.md`);
  });

  it.each(["../../.obsidian", "/etc", "..", "C:\\Windows", "CON", "🧠/../../x"])("a domain of %j stays under domains/ (or the fallback folder)", (domain) => {
    const p = plan(withHints("- A claim", [`domain: ${JSON.stringify(domain)}`]), {}, true);
    expect(p.folder === "inbox/claims" || /^domains\/[^/]+$/.test(p.folder)).toBe(true);
    expect(p.folder.split("/")).not.toContain("..");
    expect(p.creates[0]?.candidate.path.startsWith(`${p.folder}/`)).toBe(true);
  });
});

describe("size and shape: each finishes quickly with a clear problem", () => {
  it("a 25 MB note: only its frontmatter is read", () => {
    const text = withHints(`- ${"word ".repeat(5_000_000)}`);
    const { value, seconds } = timed(() => messages(text));
    expect(seconds).toBeLessThan(SAFE_SECONDS);
    expect(value).toContain("error: Note is 25.0 million characters; only its frontmatter is read");
  });

  it("a 10 MB source (a pasted transcript) is read whole and its hints are split", () => {
    const transcript = "A speaker says something long about the topic at hand.\n".repeat(190_000);
    const text = `${withHints("- First claim from the transcript holds\n- Second claim from the transcript holds")}\n## Content\n\n${transcript}`;
    expect(text.length).toBeGreaterThan(10_000_000);
    const { value, seconds } = timed(() => plan(text));
    expect(seconds).toBeLessThan(SAFE_SECONDS);
    expect(value.creates.map((c) => c.candidate.title)).toEqual(["First claim from the transcript holds", "Second claim from the transcript holds"]);
    expect(value.problems.map((p) => p.message).join(" ")).not.toMatch(/only its frontmatter/);
  });

  it("a one-megabyte hint is split, titled and named in linear time", () => {
    const { value, seconds } = timed(() => plan(withHints(`- ${"word ".repeat(200_000)}`), {}, true));
    expect(seconds).toBeLessThan(SAFE_SECONDS);
    expect(value.creates).toHaveLength(1);
    expect(bytes(value.creates[0]?.candidate.fileName ?? "")).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it("100,000 list items in a hints block: split in linear time, and refused as candidates with the cap named", () => {
    const hints = Array.from({ length: 100_000 }, (_, i) => `- Claim number ${i} holds`).join("\n");
    const split = timed(() => splitHints(hints));
    expect(split.value).toHaveLength(100_000);
    expect(split.seconds).toBeLessThan(SAFE_SECONDS);
    const { value, seconds } = timed(() => plan(withHints(hints)));
    expect(seconds).toBeLessThan(SAFE_SECONDS);
    const message = `Extraction hints hold 100,000 items; more than ${MAX_CANDIDATES} is refused, so none are proposed (split the hints by hand)`;
    expect(value.candidates).toEqual([]);
    expect(value.creates).toEqual([]);
    expect(value.blockers).toEqual([message]);
    expect(value.problems).toContainEqual({ level: "error", message });
    expect(messages(withHints(hints))).toContain(`error: ${message}`);
  });

  it(`${MAX_CANDIDATES} items are still proposed; one more is refused`, () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `- Claim number ${i} holds`).join("\n");
    expect(plan(withHints(items(MAX_CANDIDATES))).creates).toHaveLength(MAX_CANDIDATES);
    expect(plan(withHints(items(MAX_CANDIDATES + 1))).blockers).toHaveLength(1);
  });

  it("a 10,000-line frontmatter is read, with a warning, and a toggle still edits one line", () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `field_${i}: value ${i}`);
    const text = source(["status: unprocessed", ...lines], "Body");
    const { value, seconds } = timed(() => messages(text));
    const edit = timed(() => editFrontmatter(text, [{ key: "status", set: "processing" }]));
    expect(seconds + edit.seconds).toBeLessThan(SAFE_SECONDS);
    expect(value).toContain("warning: Frontmatter is 10,003 lines long; more than 1,000 is unusual for a source (check what wrote it)");
    expect(edit.value).toEqual({ ok: true, changed: true, text: text.replace("status: unprocessed", "status: processing") });
  });

  it("a frontmatter of 100,000 blank lines is read in linear time", () => {
    const { value, seconds } = timed(() => parseFrontmatter(`---\ntype: source${"\n".repeat(100_000)}---\n`));
    expect(seconds).toBeLessThan(SAFE_SECONDS);
    expect(value.data).toEqual({ type: "source" });
  });

  it.each<[string, string]>([
    ["a flow list", `k: [a,\nb${" ".repeat(1_000_000)}c]`],
    ["a quoted value", `k: "a\nb${" ".repeat(1_000_000)}c"`],
  ])("%s continued on a line of 1,000,000 spaces is read and edited in linear time", (_name, yamlText) => {
    const text = source(["status: unprocessed", yamlText], "Body");
    const { value, seconds } = timed(() => editFrontmatter(text, [{ key: "status", set: "processing" }]));
    expect(seconds).toBeLessThan(SAFE_SECONDS);
    expect(value.ok).toBe(true);
  });

  it("a YAML alias bomb (billion laughs) is refused, in bounded time and memory", () => {
    // Ten levels of nine aliases each (81 aliases, under the alias limit): 9^10 values if expanded.
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
    const text = source(lines, "Body");
    const before = process.memoryUsage().heapUsed;
    const { value, seconds } = timed(() => messages(text));
    const grown = process.memoryUsage().heapUsed - before;
    expect(seconds).toBeLessThan(SAFE_SECONDS);
    expect(grown).toBeLessThan(200 * 1024 * 1024);
    expect(value).toContain("error: Frontmatter YAML does not parse: YAML expands to more than 100,000 values (each alias counted in full); refused as unsafe");
    expect(editFrontmatter(text, [{ key: "status", set: "processing" }]).ok).toBe(false);
  });

  it.each<[string, string]>([
    ["10,000 levels of [", `a: ${"[".repeat(10_000)}`],
    ["10,000 levels of [ ]", `a: ${"[".repeat(10_000)}${"]".repeat(10_000)}`],
    ["10,000 levels of {", `a: ${"{b: ".repeat(10_000)}`],
    ["3,000 levels of indentation", Array.from({ length: 3_000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")],
  ])("deeply nested YAML (%s) is a problem, not a stack overflow", (_name, yamlText) => {
    const { value, seconds } = timed(() => messages(source([yamlText], "Body")));
    expect(seconds).toBeLessThan(SAFE_SECONDS);
    expect(value).toContainEqual(expect.stringMatching(/^error: Frontmatter YAML does not parse: YAML is nested (too deeply to read|more than 64 levels deep)$/));
  });

  it.each<[string, string, string]>([
    ["frontmatter that is a list", "---\n- a\n- b\n---\nBody\n", "error: Frontmatter is a list, not a set of fields"],
    ["frontmatter that is a scalar", "---\njust some text\n---\nBody\n", "error: Frontmatter is a single string value, not a set of fields"],
    ["a missing closing ---", "---\ntype: source\ntitle: x\nBody\n", "error: Frontmatter is not closed: no --- line after the opening one"],
    ["invalid UTF-8 (decoded as U+FFFD)", "---\ntype: source\ntitle: a\ufffd\ufffdb\n---\nBody\n", "warning: File is not valid UTF-8 (some bytes could not be read as text)"],
    ["a NUL byte", "---\ntype: source\ntitle: a\u0000b\n---\nBody\n", "error: File contains a NUL byte; it may not be a text note"],
  ])("%s is listed with a clear problem", (_name, text, problem) => {
    const { value, seconds } = timed(() => messages(text));
    expect(seconds).toBeLessThan(SAFE_SECONDS);
    expect(value).toContain(problem);
  });

  // Lines built to make a backtracking regex (or a per-item rescan) take
  // quadratic or worse time. Each was slow before the scanners were fixed.
  it.each<[string, string]>([
    ["a bold marker followed by 1,000,000 spaces", `**${" ".repeat(1_000_000)}x`],
    ["a heading of 1,000,000 spaces and colons", `# ${" : ".repeat(330_000)}`],
    ["1,000,000 opening brackets", "[[".repeat(500_000)],
    ["1,000,000 unclosed wikilink pipes", "[[a|".repeat(250_000)],
    ["1,000,000 opening curly quotes", "“".repeat(1_000_000)],
    ["1,000,000 zero-width spaces", "\u200b".repeat(1_000_000)],
    ["a title of 1,000,000 dots and spaces", `a${". ".repeat(500_000)}b`],
    ["20,000 quoted claims", Array.from({ length: 20_000 }, (_, i) => `"this is claim number ${i} ok"`).join(" ")],
    ["20,000 inline enumeration markers", Array.from({ length: 20_000 }, (_, i) => `${i + 1}) claim ${i}`).join(" ")],
  ])("%s in the hints finishes quickly", (_name, hints) => {
    const text = withHints(hints);
    const { value, seconds } = timed(() => plan(text));
    expect(seconds).toBeLessThan(SAFE_SECONDS);
    expect(value.creates.length).toBeLessThanOrEqual(MAX_CANDIDATES);
  });
});
