// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test-support/obsidian/harness";
import { getFrontMatterInfo, type CachedMetadata, type TFile } from "../../test-support/obsidian/index";
import { parseMarkdown } from "../../test-support/obsidian/markdown-parser";

let h: Harness;
afterEach(() => h?.destroy());

async function started(files: Record<string, string>, cache: "warm" | "cold" = "warm"): Promise<Harness> {
  h = createHarness({ files, cache });
  await h.start();
  return h;
}

const file = (path: string): TFile => h.vault.getFileByPath(path) as TFile;

describe("MetadataCache", () => {
  it("has the cache of every file when layout is ready (warm start) without 'changed' events", async () => {
    h = createHarness({ files: { "a.md": "---\ntitle: A\n---\nbody" } });
    let changed = 0;
    h.metadataCache.on("changed", () => changed++);
    h.workspace.onLayoutReady(() => expect(h.metadataCache.getCache("a.md")?.frontmatter).toEqual({ title: "A" }));
    await h.start();
    expect(changed).toBe(0);
  });

  it("indexes after startup and fires 'changed' for each file on a cold start", async () => {
    h = createHarness({ files: { "a.md": "x", "b.md": "y" }, cache: "cold" });
    const changed: string[] = [];
    h.metadataCache.on("changed", (f: TFile) => changed.push(f.path));
    h.workspace.onLayoutReady(() => expect(h.metadataCache.getCache("a.md")).toBeNull());
    await h.start();
    expect(changed.sort()).toEqual(["a.md", "b.md"]);
  });

  it("updates asynchronously after a write, then fires 'changed' with the data and the cache, then 'resolved'", async () => {
    await started({ "a.md": "---\nstatus: new\n---\n" });
    const order: string[] = [];
    h.metadataCache.on("changed", (f: TFile, data: string, cache: CachedMetadata) => {
      order.push(`changed ${f.path} ${cache.frontmatter?.status} ${data.length}`);
    });
    h.metadataCache.on("resolved", () => order.push("resolved"));
    await h.vault.modify(file("a.md"), "---\nstatus: done\n---\n");
    expect(h.metadataCache.getFileCache(file("a.md"))?.frontmatter?.status).toBe("new");
    await h.metadataCache.whenIdle();
    expect(order).toEqual(["changed a.md done 21", "resolved"]);
    expect(h.metadataCache.getFileCache(file("a.md"))?.frontmatter?.status).toBe("done");
  });

  it("fires 'deleted' with the previous cache and drops the entry", async () => {
    await started({ "a.md": "---\nk: 1\n---\n" });
    const f = file("a.md");
    const seen: (CachedMetadata | null)[] = [];
    h.metadataCache.on("deleted", (_f: TFile, prev: CachedMetadata | null) => seen.push(prev));
    let cacheInVaultDelete: CachedMetadata | null | undefined;
    h.vault.on("delete", (df: TFile) => (cacheInVaultDelete = h.metadataCache.getFileCache(df)));
    await h.vault.delete(f);
    expect(seen[0]?.frontmatter).toEqual({ k: 1 });
    expect(cacheInVaultDelete).toBeNull();
  });

  it("moves the cache to the new path on rename without 'changed'", async () => {
    await started({ "a.md": "# H" });
    let changed = 0;
    h.metadataCache.on("changed", () => changed++);
    const f = file("a.md");
    await h.vault.rename(f, "b.md");
    expect(h.metadataCache.getFileCache(f)?.headings?.[0]?.heading).toBe("H");
    expect(h.metadataCache.getCache("a.md")).toBeNull();
    await h.settle();
    expect(changed).toBe(0);
  });

  it("keeps dates in frontmatter as strings and lets the last duplicate key win", () => {
    const c = parseMarkdown("---\ndate: 2026-03-00\nadded: 2026-03-01\nn: 3\nk: a\nk: b\n---\n");
    expect(c.frontmatter).toEqual({ date: "2026-03-00", added: "2026-03-01", n: 3, k: "b" });
  });

  it("sets the frontmatter position but no frontmatter when the YAML does not parse", () => {
    const c = parseMarkdown("---\ntitle: [unclosed\n---\nbody\n");
    expect(c.frontmatter).toBeUndefined();
    expect(c.frontmatterPosition).toEqual({ start: { line: 0, col: 0, offset: 0 }, end: { line: 2, col: 3, offset: 24 } });
  });

  it("finds frontmatter after a BOM and with CRLF line endings", () => {
    const c = parseMarkdown("\uFEFF---\r\ntitle: T\r\ntags:\r\n  - a\r\n---\r\n# Head\r\n");
    expect(c.frontmatter).toEqual({ title: "T", tags: ["a"] });
    expect(c.frontmatterPosition?.end).toEqual({ line: 4, col: 3, offset: 32 });
    expect(c.headings).toEqual([{ heading: "Head", level: 1, position: { start: { line: 5, col: 0, offset: 34 }, end: { line: 5, col: 6, offset: 40 } } }]);
    const info = getFrontMatterInfo("\uFEFF---\r\ntitle: T\r\n---\r\nrest");
    expect(info.exists).toBe(true);
    expect(info.frontmatter).toBe("title: T\r\n");
  });

  it("reports no frontmatter unless the file starts with a --- line", () => {
    expect(parseMarkdown("\n---\na: 1\n---\n").frontmatter).toBeUndefined();
    expect(getFrontMatterInfo("text\n---\na: 1\n---\n").exists).toBe(false);
    expect(getFrontMatterInfo("---\na: 1\n---\nrest")).toEqual({ exists: true, frontmatter: "a: 1\n", from: 4, to: 9, contentStart: 13 });
  });

  it("gives headings, sections and list items with 0-based positions", () => {
    const text = ["---", "a: 1", "---", "# Title", "", "Para one", "continues", "", "## Hints", "- first", "  - nested [[Note B|alias]]", "- [x] done", "", "```", "# not a heading", "```"].join("\n");
    const c = parseMarkdown(text);
    expect(c.headings?.map((x) => [x.heading, x.level, x.position.start.line])).toEqual([
      ["Title", 1, 3],
      ["Hints", 2, 8],
    ]);
    expect(c.sections?.map((s) => [s.type, s.position.start.line, s.position.end.line])).toEqual([
      ["yaml", 0, 2],
      ["heading", 3, 3],
      ["paragraph", 5, 6],
      ["heading", 8, 8],
      ["list", 9, 11],
      ["code", 13, 15],
    ]);
    expect(c.listItems?.map((li) => [li.position.start.line, li.parent, li.task])).toEqual([
      [9, -9, undefined],
      [10, 9, undefined],
      [11, -9, "x"],
    ]);
    expect(c.links).toEqual([
      { link: "Note B", original: "[[Note B|alias]]", displayText: "alias", position: { start: { line: 10, col: 11, offset: 70 }, end: { line: 10, col: 27, offset: 86 } } },
    ]);
  });

  it("reads Markdown links, embeds, tags and frontmatter links", () => {
    const c = parseMarkdown("---\nsource: \"[[Origin]]\"\n---\nSee [the note](Other%20note.md) and ![[img.png]] #topic/sub [web](https://x.org)\n");
    expect(c.links?.map((l) => [l.link, l.displayText])).toEqual([["Other note.md", "the note"]]);
    expect(c.embeds?.map((l) => l.link)).toEqual(["img.png"]);
    expect(c.tags?.map((t) => t.tag)).toEqual(["#topic/sub"]);
    expect(c.frontmatterLinks).toEqual([{ key: "source", link: "Origin", original: "[[Origin]]", displayText: "Origin" }]);
  });

  it("resolves link paths by name, path and relative path, case-insensitively", async () => {
    await started({ "Sources/Note.md": "", "Claims/Note.md": "", "Claims/Other.md": "", "top.md": "" });
    const mc = h.metadataCache;
    expect(mc.getFirstLinkpathDest("Sources/Note", "top.md")?.path).toBe("Sources/Note.md");
    expect(mc.getFirstLinkpathDest("note", "Claims/Other.md")?.path).toBe("Claims/Note.md");
    expect(mc.getFirstLinkpathDest("Other.md", "top.md")?.path).toBe("Claims/Other.md");
    expect(mc.getFirstLinkpathDest("../Sources/Note", "Claims/Other.md")?.path).toBe("Sources/Note.md");
    expect(mc.getFirstLinkpathDest("Missing", "top.md")).toBeNull();
  });

  it("makes link text from the name when unique, else from the full path", async () => {
    await started({ "Sources/Note.md": "", "Claims/Note.md": "", "Claims/Other.md": "" });
    const mc = h.metadataCache;
    expect(mc.fileToLinktext(file("Claims/Other.md"), "")).toBe("Other");
    expect(mc.fileToLinktext(file("Claims/Other.md"), "", false)).toBe("Other.md");
    expect(mc.fileToLinktext(file("Claims/Note.md"), "")).toBe("Claims/Note");
  });

  it("keeps resolved and unresolved link counts", async () => {
    await started({ "a.md": "[[b]] [[b]] [[nowhere]]", "b.md": "" });
    expect(h.metadataCache.resolvedLinks["a.md"]).toEqual({ "b.md": 2 });
    expect(h.metadataCache.unresolvedLinks["a.md"]).toEqual({ nowhere: 1 });
  });
});
