// @vitest-environment happy-dom
// Hostile and broken input in Obsidian (the issue "nothing runs, nothing
// escapes, nothing is lost"): the real plugin over the test double. Code in
// frontmatter never runs and the row shows the problem; no title or domain
// leaves the claim folder; huge and malformed notes are rows with problems;
// bursts of clicks, notes deleted or renamed under an open row or preview,
// failed writes and a broken data.json all end cleanly, with nothing lost.
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/core/note/settings";
import type { Harness } from "../../test-support/obsidian/harness";
import { DATA_PATH, FOLDER, frontmatterLines, loadPlugin, openExtract, SEED, SEED_PATH } from "./extract-support";
import { click, openQueue, row, rowPaths, startPlugin } from "./plugin-harness";

// A hang guard for shared, loaded machines, not a speed target (speeds live in `npm run bench`).
const SAFE_MS = 15_000;

let h: Harness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

async function queueOver(files: Record<string, string>, data?: unknown) {
  const started = await startPlugin({ files, data });
  h = started.h;
  // Timed from here: loading the vault is the test double's work, the queue and its rows are the plugin's.
  const start = performance.now();
  const view = await openQueue(started);
  await started.plugin.index.idle();
  await started.h.settle();
  return { ...started, view, ms: performance.now() - start };
}

const problemsOf = (view: HTMLElement, path: string) => row(view, path).querySelector(".source-queue-problems")?.getAttribute("aria-label") ?? "";

/** Vault paths of notes, outside the config folder. */
const notePaths = (harness: Harness) =>
  harness.storage
    .list()
    .filter((p) => !p.startsWith(".obsidian") && !harness.storage.isFolder(p))
    .sort();

describe("code in frontmatter is never run", () => {
  it("---js and ---javascript notes with a payload run nothing; each row shows the problem, and a toggle refuses", async () => {
    const marker = join(tmpdir(), `sq-plugin-pwned-${process.pid}`);
    rmSync(marker, { force: true });
    const payload = `{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned') }`;
    const js = `---js\n${payload}\n---\n**Extraction hints:**\n- A claim\n`;
    const { view, h: harness } = await queueOver({ "inbox/js.md": js, "inbox/javascript.md": `---javascript\n${payload}\n---\nBody\n` });

    for (const path of ["inbox/js.md", "inbox/javascript.md"]) {
      expect(problemsOf(view, path)).toContain("Error: Frontmatter in JavaScript is code; it was not run");
    }
    click(row(view, "inbox/js.md").querySelector('[data-field="priority"]') as HTMLElement);
    await harness.settle();
    expect(harness.notices.at(-1)).toContain("js was not changed: its frontmatter cannot be read");
    expect(harness.read("inbox/js.md")).toBe(js);
    expect(existsSync(marker)).toBe(false);
  });
});

describe("no title, hint or domain leaves the claim folder", () => {
  const nfc = "Café owners claim résumé gains".normalize("NFC");
  const titles = ["../../.obsidian/plugins/x/main", "/etc/passwd", "C:\\Windows\\x", "CON", "nul.txt", "Trailing dots. . .  ", "?!*:|<>", `${"very long claim ".repeat(312)}end`, "Brains 🧠 light up", "النماذج الكبيرة \u202eevil", nfc, nfc.normalize("NFD")];
  const note = ["---", "type: source", "title: Paths", 'domain: "../../.obsidian"', "---", "**Extraction hints:**", ...titles.map((t) => `- ${t}`), ""].join("\n");

  it("hostile hints and an escaping domain: every claim lands inside the claim folder, and NFC/NFD is one claim", async () => {
    const loaded = await loadPlugin({ files: { "inbox/paths.md": note } });
    h = loaded.h;
    const modal = await openExtract(loaded.h, "inbox/paths.md");
    expect(modal.rows).toHaveLength(titles.length);
    for (let n = 1; n <= titles.length; n++) expect(modal.path(n).startsWith("domains/obsidian/")).toBe(true);
    expect(modal.kind(titles.length)).toBe("Exists — link only");
    // A hostile title is rarely a claim a curator leaves selected (SPEC §2): the curator checks each one.
    for (let n = 1; n < titles.length; n++) if (!modal.checkbox(n).checked) modal.checkbox(n).click();
    expect(modal.createButton.textContent).toBe(`Create ${titles.length - 1} notes`);

    await modal.create();
    const created = notePaths(loaded.h).filter((p) => p !== "inbox/paths.md");
    expect(created).toHaveLength(titles.length - 1);
    for (const path of created) {
      expect(path).toMatch(/^domains\/obsidian\/[^/]+\.md$/);
      const name = path.slice("domains/obsidian/".length, -".md".length);
      expect(name).not.toMatch(/[\\/:*?"<>|#^[\]]/);
      expect(name).not.toMatch(/^[.\s]|[.\s]$/);
      expect(name.split(".")[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
    }
    expect(created).toContain(`domains/obsidian/${nfc}.md`);
    expect(loaded.h.storage.list().filter((p) => p.startsWith(".obsidian/") && !p.startsWith(".obsidian/plugins"))).toEqual([]);
  });

  it.each(["/etc/passwd", "C:\\Windows\\x", "CON", "nul.txt", "..", "   ", "🧠"])("a title typed as %j in the preview is written inside the claim folder", async (title) => {
    const loaded = await loadPlugin();
    h = loaded.h;
    const modal = await openExtract(loaded.h);
    modal.type(1, title);
    await modal.create();
    const created = notePaths(loaded.h).filter((p) => p !== SEED_PATH);
    if (title.trim() === "") {
      // An empty title blocks Create (the reason says why); nothing is written.
      expect(created).toEqual([]);
      expect(modal.reason).toContain("empty title");
    } else {
      // The typed title, the other two hints and the curator's (3), all inside the folder.
      expect(created).toHaveLength(4);
      for (const path of created) expect(path).toMatch(new RegExp(`^${FOLDER}/[^/]+\\.md$`));
    }
  });
});

describe("size and shape: each is a row with a clear problem, quickly", () => {
  const fm = (lines: string[], body = "Body\n") => `---\ntype: source\ntitle: Shape\nstatus: unprocessed\n${lines.join("\n")}\n---\n${body}`;
  const bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++) bomb.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
  const hints = Array.from({ length: 100_000 }, (_, i) => `- Claim number ${i} holds`).join("\n");

  it.each<[string, string, string]>([
    ["a 25 MB note", fm([], `**Extraction hints:**\n- ${"word ".repeat(5_000_000)}\n`), "Error: Note is 25.0 million characters; only its frontmatter is read"],
    ["100,000 list items in a hints block", fm([], `**Extraction hints:**\n${hints}\n`), "Error: Extraction hints hold 100,000 items; more than 200 is refused"],
    ["a 10,000-line frontmatter", fm(Array.from({ length: 10_000 }, (_, i) => `field_${i}: ${i}`)), "Warning: Frontmatter is 10,003 lines long"],
    ["a YAML alias bomb", fm(bomb), "Error: Frontmatter YAML does not parse: YAML expands to more than 100,000 values"],
    ["10,000 levels of nested [", fm([`a: ${"[".repeat(10_000)}`]), "Error: Frontmatter YAML does not parse"],
    ["frontmatter that is a list", "---\n- a\n- b\n---\nBody\n", "Error: Frontmatter is a list, not a set of fields"],
    ["frontmatter that is a scalar", "---\njust text\n---\nBody\n", "Error: Frontmatter is a single string value, not a set of fields"],
    ["a missing closing ---", "---\ntype: source\ntitle: x\nBody\n", "Error: Frontmatter is not closed"],
    ["invalid UTF-8 (decoded as U+FFFD)", fm(["note: a\ufffd\ufffdb"]), "Warning: File is not valid UTF-8"],
    ["a NUL byte", fm(["note: a\u0000b"]), "Error: File contains a NUL byte"],
  ])("%s", async (_name, text, problem) => {
    const { view, ms } = await queueOver({ "inbox/shape.md": text });
    expect(ms).toBeLessThan(SAFE_MS);
    expect(rowPaths(view)).toEqual(["inbox/shape.md"]);
    expect(problemsOf(view, "inbox/shape.md")).toContain(problem);
  });

  it("100,000 list items: the preview proposes nothing, names the cap, and Create stays disabled", async () => {
    const loaded = await loadPlugin({ files: { "inbox/shape.md": fm([], `**Extraction hints:**\n${hints}\n`) } });
    h = loaded.h;
    const start = performance.now();
    const modal = await openExtract(loaded.h, "inbox/shape.md");
    expect(performance.now() - start).toBeLessThan(SAFE_MS);
    expect(modal.rows).toHaveLength(0);
    expect(modal.el.textContent).toContain("No candidates are proposed for this source.");
    expect(modal.reason).toBe("Extraction hints hold 100,000 items; more than 200 is refused, so none are proposed (split the hints by hand)");
    expect(modal.createButton.disabled).toBe(true);
  });
});

describe("races", () => {
  it("100 rapid clicks on a priority badge end where the 100th asked, with every other line intact", async () => {
    const { view, h: harness } = await queueOver({ [SEED_PATH]: SEED });
    const badge = row(view, SEED_PATH).querySelector('[data-field="priority"]') as HTMLElement;
    for (let i = 0; i < 100; i++) click(badge);
    await harness.settle();
    // Each click advances one step from what is on disk: medium → low → high → medium …; 100 steps end on low.
    const after = harness.read(SEED_PATH);
    expect(after).toBe(SEED.replace("\npriority: medium\n", "\npriority: low\n"));
    expect(frontmatterLines(after).filter((l) => !l.startsWith("priority:"))).toEqual(frontmatterLines(SEED).filter((l) => !l.startsWith("priority:")));
    expect(row(view, SEED_PATH).querySelector('[data-field="priority"]')?.getAttribute("data-value")).toBe("low");
    expect(harness.errors).toEqual([]);
  });

  it("a click on the row of a note deleted a moment before writes nothing and recreates nothing", async () => {
    const { view, h: harness } = await queueOver({ [SEED_PATH]: SEED });
    const badge = row(view, SEED_PATH).querySelector('[data-field="priority"]') as HTMLElement;
    const file = harness.vault.getFileByPath(SEED_PATH);
    if (!file) throw new Error("no seed");
    const trashed = harness.app.fileManager.trashFile(file);
    click(badge);
    await trashed;
    await harness.settle();
    expect(harness.storage.exists(SEED_PATH)).toBe(false);
    expect(rowPaths(view)).toEqual([]);
    expect(harness.notices).toEqual(["2026-04-06-circuit-tracing-production-safety-mitra no longer exists; nothing was changed."]);
    expect(harness.errors).toEqual([]);
  });

  it("a click on the row of a note renamed a moment before edits the renamed note, one line", async () => {
    const { view, h: harness } = await queueOver({ [SEED_PATH]: SEED });
    const badge = row(view, SEED_PATH).querySelector('[data-field="priority"]') as HTMLElement;
    const file = harness.vault.getFileByPath(SEED_PATH);
    if (!file) throw new Error("no seed");
    const renamed = harness.app.fileManager.renameFile(file, "inbox/renamed.md");
    click(badge);
    await renamed;
    await harness.settle();
    expect(harness.storage.exists(SEED_PATH)).toBe(false);
    expect(harness.read("inbox/renamed.md")).toBe(SEED.replace("\npriority: medium\n", "\npriority: low\n"));
    expect(rowPaths(view)).toEqual(["inbox/renamed.md"]);
  });

  it("a source deleted while its preview is open: Create fails with a notice and creates nothing", async () => {
    const loaded = await loadPlugin();
    h = loaded.h;
    const modal = await openExtract(loaded.h);
    const file = loaded.h.vault.getFileByPath(SEED_PATH);
    if (!file) throw new Error("no seed");
    await loaded.h.app.fileManager.trashFile(file);
    await loaded.h.settle();
    await modal.create();
    expect(notePaths(loaded.h)).toEqual([]);
    expect(loaded.h.storage.exists(FOLDER)).toBe(false);
    expect(loaded.h.notices.at(-1)).toBe(`Nothing was extracted: ${SEED_PATH} no longer exists.`);
    expect(loaded.h.errors).toEqual([]);
  });

  it("a source renamed while its preview is open: Create shows the preview again and creates nothing until confirmed", async () => {
    const loaded = await loadPlugin();
    h = loaded.h;
    const modal = await openExtract(loaded.h);
    const file = loaded.h.vault.getFileByPath(SEED_PATH);
    if (!file) throw new Error("no seed");
    await loaded.h.app.fileManager.renameFile(file, "inbox/renamed.md");
    await loaded.h.settle();
    await modal.create();
    expect(notePaths(loaded.h)).toEqual(["inbox/renamed.md"]);
    expect(loaded.h.read("inbox/renamed.md")).toBe(SEED);
    expect(loaded.h.notices.at(-1)).toBe("The source changed since the preview; review the candidates and create again.");
    await modal.create();
    // The renamed source and its 4 claims (its 3 hints and the curator's (3)).
    expect(notePaths(loaded.h)).toHaveLength(5);
    expect(loaded.h.read("inbox/renamed.md")).toContain("## Extracted claims");
  });
});

describe("faults", () => {
  it("a failing write of the source, after the claims were made: they are removed, the source is untouched, and a notice says so", async () => {
    const loaded = await loadPlugin();
    h = loaded.h;
    const modal = await openExtract(loaded.h);
    loaded.storage.failWhen((op, path) => op === "write" && path === SEED_PATH);
    await modal.create();
    expect(notePaths(loaded.h)).toEqual([SEED_PATH]);
    expect(loaded.h.read(SEED_PATH)).toBe(SEED);
    expect(loaded.h.notices.at(-1)).toMatch(/^Extraction failed and was undone: .*injected fault/);
    expect(modal.isOpen).toBe(true);
    expect(loaded.plugin.data.lastExtraction).toBeNull();
  });

  it("a data.json that is not JSON: a notice, the defaults, and the file left as it was", async () => {
    const broken = '{"settings": {"queueFolder": "inbox", oops';
    const { plugin, h: harness, view } = await queueOver({ [SEED_PATH]: SEED }, broken);
    expect(harness.notices).toContain("Source queue: the settings file could not be read; defaults are used.");
    expect(plugin.data.settings).toEqual(DEFAULT_SETTINGS);
    expect(rowPaths(view)).toEqual([SEED_PATH]);
    expect(harness.read(DATA_PATH)).toBe(broken);
  });

  it("a data.json with wrong types: a notice naming them, their defaults, and the valid values kept", async () => {
    const data = { settings: { queueFolder: 42, claimFolder: ["x"], defaultConfidence: "sure", processedBy: "Ann" }, query: { statuses: "all" }, lastExtraction: { sourcePath: 7 } };
    const { plugin, h: harness } = await queueOver({ [SEED_PATH]: SEED }, data);
    expect(harness.notices).toContain("Source queue: invalid settings were reset to defaults: queueFolder, claimFolder, defaultConfidence.");
    expect(plugin.data.settings).toEqual({ ...DEFAULT_SETTINGS, processedBy: "Ann" });
    expect(plugin.data.lastExtraction).toBeNull();
  });

  it("a data.json holding a list: a notice and the defaults", async () => {
    const { plugin, h: harness } = await queueOver({ [SEED_PATH]: SEED }, "[1, 2, 3]");
    expect(harness.notices.some((n) => n.startsWith("Source queue: invalid settings were reset to defaults"))).toBe(true);
    expect(plugin.data.settings).toEqual(DEFAULT_SETTINGS);
  });
});
