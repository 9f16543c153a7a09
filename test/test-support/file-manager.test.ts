// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test-support/obsidian/harness";
import type { TFile } from "../../test-support/obsidian/index";

let h: Harness;
afterEach(() => h?.destroy());

async function started(files: Record<string, string>, config: Record<string, unknown> = {}): Promise<Harness> {
  h = createHarness({ files, config });
  await h.start();
  return h;
}

const file = (path: string): TFile => h.vault.getFileByPath(path) as TFile;

describe("FileManager.generateMarkdownLink", () => {
  const files = { "Sources/My source.md": "", "Claims/Claim one.md": "", "Claims/Dup.md": "", "Other/Dup.md": "" };

  it("writes a wikilink with the name when it is unique (defaults: wikilinks, shortest)", async () => {
    await started(files);
    const fm = h.app.fileManager;
    expect(fm.generateMarkdownLink(file("Claims/Claim one.md"), "Sources/My source.md")).toBe("[[Claim one]]");
    expect(fm.generateMarkdownLink(file("Claims/Claim one.md"), "Sources/My source.md", "#Evidence", "the claim")).toBe("[[Claim one#Evidence|the claim]]");
  });

  it("uses the full path without .md when the name is not unique", async () => {
    await started(files);
    expect(h.app.fileManager.generateMarkdownLink(file("Claims/Dup.md"), "Sources/My source.md")).toBe("[[Claims/Dup]]");
  });

  it("writes Markdown links with an encoded path and the .md extension when useMarkdownLinks is on", async () => {
    await started(files, { useMarkdownLinks: true });
    expect(h.app.fileManager.generateMarkdownLink(file("Sources/My source.md"), "Claims/Claim one.md")).toBe("[My source](My%20source.md)");
    expect(h.app.fileManager.generateMarkdownLink(file("Sources/My source.md"), "Claims/Claim one.md", undefined, "src")).toBe("[src](My%20source.md)");
  });

  it("follows newLinkFormat relative and absolute", async () => {
    await started(files, { newLinkFormat: "relative" });
    expect(h.app.fileManager.generateMarkdownLink(file("Sources/My source.md"), "Claims/Claim one.md")).toBe("[[../Sources/My source]]");
    h.vault.setConfig("newLinkFormat", "absolute");
    h.vault.setConfig("useMarkdownLinks", true);
    expect(h.app.fileManager.generateMarkdownLink(file("Sources/My source.md"), "Claims/Claim one.md")).toBe("[My source](Sources/My%20source.md)");
  });
});

describe("FileManager", () => {
  it("trashes to the system trash by default and fires the vault's 'delete'", async () => {
    await started({ "a.md": "A" });
    const deleted: string[] = [];
    h.vault.on("delete", (f: TFile) => deleted.push(f.path));
    await h.app.fileManager.trashFile(file("a.md"));
    expect(deleted).toEqual(["a.md"]);
    expect(h.vault.systemTrash.map((t) => t.path)).toEqual(["a.md"]);
  });

  it("trashes into .trash when the trash option is local", async () => {
    await started({ "a.md": "A" }, { trashOption: "local" });
    await h.app.fileManager.trashFile(file("a.md"));
    expect(h.read(".trash/a.md")).toBe("A");
  });

  it("renames a file and updates the links to it in other notes", async () => {
    await started({ "Old.md": "", "Sources/s.md": "See [[Old]] and [[Old#H|alias]].", "x.md": "[[Old]]" });
    await h.app.fileManager.renameFile(file("Old.md"), "New name.md");
    await h.settle();
    expect(h.read("Sources/s.md")).toBe("See [[New name]] and [[New name#H|alias]].");
    expect(h.read("x.md")).toBe("[[New name]]");
  });

  it("re-serializes the whole frontmatter block in processFrontMatter (quotes and comments are lost)", async () => {
    await started({ "a.md": "---\ntitle: \"Quoted\" # comment\ndate: 2026-03-01\n---\nBody\n" });
    await h.app.fileManager.processFrontMatter(file("a.md"), (fm: Record<string, unknown>) => {
      fm.status = "processed";
    });
    expect(h.read("a.md")).toBe("---\ntitle: Quoted\ndate: 2026-03-01\nstatus: processed\n---\nBody\n");
  });

  it("throws from processFrontMatter when the YAML does not parse, leaving the file alone", async () => {
    await started({ "a.md": "---\ntitle: [x\n---\n" });
    await expect(h.app.fileManager.processFrontMatter(file("a.md"), () => {})).rejects.toThrow();
    expect(h.read("a.md")).toBe("---\ntitle: [x\n---\n");
  });

  it("adds a frontmatter block to a note without one", async () => {
    await started({ "a.md": "Body" });
    await h.app.fileManager.processFrontMatter(file("a.md"), (fm: Record<string, unknown>) => {
      fm.tags = ["x"];
    });
    expect(h.read("a.md")).toBe("---\ntags:\n  - x\n---\nBody");
  });

  it("puts new files at the root unless configured otherwise", async () => {
    await started({ "Sources/s.md": "" }, { newFileLocation: "current" });
    expect(h.app.fileManager.getNewFileParent("Sources/s.md").path).toBe("Sources");
    h.vault.setConfig("newFileLocation", "root");
    expect(h.app.fileManager.getNewFileParent("Sources/s.md").isRoot()).toBe(true);
  });
});
