// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test-support/obsidian/harness";
import { MemoryStorage, TFile, TFolder } from "../../test-support/obsidian/index";

let h: Harness;

async function started(files: Record<string, string> = {}, storage?: MemoryStorage): Promise<Harness> {
  h = createHarness({ files, storage });
  await h.start();
  return h;
}

afterEach(() => h?.destroy());

describe("Vault", () => {
  it("indexes files and folders at startup and fires 'create' for each before layout ready", async () => {
    h = createHarness({ files: { "a.md": "A", "Sources/b.md": "B", ".obsidian/app.json": "{}" } });
    const seen: string[] = [];
    h.vault.on("create", (f: TFile) => seen.push(`${f.path}:${h.workspace.layoutReady}`));
    await h.start();
    expect(seen).toEqual(["Sources:false", "Sources/b.md:false", "a.md:false"]);
    expect(h.vault.getMarkdownFiles().map((f) => f.path).sort()).toEqual(["Sources/b.md", "a.md"]);
    expect(h.vault.getAbstractFileByPath(".obsidian/app.json")).toBeNull();
    expect(h.workspace.layoutReady).toBe(true);
  });

  it("gives TFile name, basename, extension, parent and stat", async () => {
    await started({ "Sources/My note.v2.md": "hello" });
    const f = h.vault.getFileByPath("Sources/My note.v2.md");
    expect(f).toBeInstanceOf(TFile);
    expect(f?.name).toBe("My note.v2.md");
    expect(f?.basename).toBe("My note.v2");
    expect(f?.extension).toBe("md");
    expect(f?.parent?.path).toBe("Sources");
    expect(f?.stat.size).toBe(5);
    expect(h.vault.getRoot().isRoot()).toBe(true);
    expect(h.vault.getFolderByPath("Sources")).toBeInstanceOf(TFolder);
    expect(h.vault.getFolderByPath("Sources")?.parent).toBe(h.vault.getRoot());
  });

  it("returns the same TFile object for a path across calls", async () => {
    await started({ "a.md": "A" });
    expect(h.vault.getFileByPath("a.md")).toBe(h.vault.getAbstractFileByPath("a.md"));
    expect(h.vault.getFiles()[0]).toBe(h.vault.getFileByPath("a.md"));
  });

  it("creates a file, fires 'create' after the change, and resolves with the TFile", async () => {
    await started();
    const events: string[] = [];
    h.vault.on("create", (f: TFile) => events.push(`${f.path}=${h.read(f.path)}`));
    const file = await h.vault.create("new.md", "body");
    expect(events).toEqual(["new.md=body"]);
    expect(file).toBe(h.vault.getFileByPath("new.md"));
  });

  it("applies a write only after the caller's synchronous code, like disk I/O", async () => {
    await started();
    const p = h.vault.create("n.md", "x");
    expect(h.vault.getFileByPath("n.md")).toBeNull();
    await p;
    expect(h.vault.getFileByPath("n.md")).not.toBeNull();
  });

  it("refuses to create a file that exists, also differing only in case", async () => {
    await started({ "Note.md": "A" });
    await expect(h.vault.create("Note.md", "B")).rejects.toThrow("File already exists.");
    await expect(h.vault.create("note.md", "B")).rejects.toThrow("File already exists.");
    expect(h.read("Note.md")).toBe("A");
  });

  it("refuses to create a file in a missing folder and does not create the folder", async () => {
    await started();
    await expect(h.vault.create("Missing/x.md", "B")).rejects.toThrow(/ENOENT/);
    expect(h.vault.getFolderByPath("Missing")).toBeNull();
  });

  it("refuses paths that are not normalized or contain forbidden characters", async () => {
    await started();
    await expect(h.vault.create("/x.md", "")).rejects.toThrow(/normalizePath/);
    await expect(h.vault.create("a:b.md", "")).rejects.toThrow(/cannot contain/);
  });

  it("creates folders with their missing parents and refuses an existing one", async () => {
    await started();
    const created: string[] = [];
    h.vault.on("create", (f: TFolder) => created.push(f.path));
    await h.vault.createFolder("a/b");
    expect(created).toEqual(["a", "a/b"]);
    await expect(h.vault.createFolder("a/b")).rejects.toThrow("Folder already exists.");
  });

  it("modifies a file, updates its stat in place and fires 'modify'", async () => {
    await started({ "a.md": "A" });
    const f = h.vault.getFileByPath("a.md") as TFile;
    const before = f.stat.mtime;
    let fired = 0;
    h.vault.on("modify", (file: TFile) => {
      expect(file).toBe(f);
      fired++;
    });
    await h.vault.modify(f, "ABC");
    expect(fired).toBe(1);
    expect(await h.vault.read(f)).toBe("ABC");
    expect(f.stat.size).toBe(3);
    expect(f.stat.mtime).toBeGreaterThan(before);
  });

  it("process applies a synchronous function atomically, with no other write in between", async () => {
    await started({ "a.md": "n=0" });
    const f = h.vault.getFileByPath("a.md") as TFile;
    const bump = (d: string): string => `n=${Number(d.slice(2)) + 1}`;
    await Promise.all([h.vault.process(f, bump), h.vault.process(f, bump), h.vault.process(f, bump)]);
    expect(h.read("a.md")).toBe("n=3");
  });

  it("loses an update when the caller reads and modifies separately (no atomicity)", async () => {
    await started({ "a.md": "n=0" });
    const f = h.vault.getFileByPath("a.md") as TFile;
    const racy = async (): Promise<void> => {
      const d = await h.vault.read(f);
      await h.vault.modify(f, `n=${Number(d.slice(2)) + 1}`);
    };
    await Promise.all([racy(), racy()]);
    expect(h.read("a.md")).toBe("n=1");
  });

  it("does not write when the process function throws", async () => {
    await started({ "a.md": "A" });
    const f = h.vault.getFileByPath("a.md") as TFile;
    await expect(h.vault.process(f, () => { throw new Error("nope"); })).rejects.toThrow("nope");
    expect(h.read("a.md")).toBe("A");
  });

  it("rejects reading or modifying a deleted file", async () => {
    await started({ "a.md": "A" });
    const f = h.vault.getFileByPath("a.md") as TFile;
    await h.vault.delete(f);
    await expect(h.vault.read(f)).rejects.toThrow(/ENOENT/);
    await expect(h.vault.modify(f, "x")).rejects.toThrow(/ENOENT/);
  });

  it("renames in place, keeps the object, and fires 'rename' with the old path", async () => {
    await started({ "a.md": "A" });
    await h.vault.createFolder("Done");
    const f = h.vault.getFileByPath("a.md") as TFile;
    const events: [TFile, string][] = [];
    h.vault.on("rename", (file: TFile, old: string) => events.push([file, old]));
    await h.vault.rename(f, "Done/b.md");
    expect(events).toEqual([[f, "a.md"]]);
    expect(f.path).toBe("Done/b.md");
    expect(f.basename).toBe("b");
    expect(f.parent?.path).toBe("Done");
    expect(h.vault.getFileByPath("a.md")).toBeNull();
    expect(h.vault.getFileByPath("Done/b.md")).toBe(f);
  });

  it("renames a folder and every file under it, firing 'rename' for each", async () => {
    await started({ "A/x.md": "X", "A/B/y.md": "Y" });
    const x = h.vault.getFileByPath("A/x.md") as TFile;
    const olds: string[] = [];
    h.vault.on("rename", (_f: TFile, old: string) => olds.push(old));
    await h.vault.rename(h.vault.getFolderByPath("A") as TFolder, "Z");
    expect(olds.sort()).toEqual(["A", "A/B", "A/B/y.md", "A/x.md"]);
    expect(x.path).toBe("Z/x.md");
    expect(h.vault.getFileByPath("Z/B/y.md")?.parent?.path).toBe("Z/B");
  });

  it("refuses to rename onto an existing file", async () => {
    await started({ "a.md": "A", "b.md": "B" });
    await expect(h.vault.rename(h.vault.getFileByPath("a.md") as TFile, "b.md")).rejects.toThrow("Destination file already exists!");
  });

  it("deletes a file and fires 'delete'; refuses a non-empty folder unless forced", async () => {
    await started({ "F/a.md": "A" });
    const deleted: string[] = [];
    h.vault.on("delete", (f: TFile) => deleted.push(f.path));
    const folder = h.vault.getFolderByPath("F") as TFolder;
    await expect(h.vault.delete(folder)).rejects.toThrow(/ENOTEMPTY/);
    await h.vault.delete(folder, true);
    expect(deleted).toEqual(["F/a.md", "F"]);
    expect(h.storage.exists("F/a.md")).toBe(false);
  });

  it("trashes to the system trash or to .trash, firing 'delete'", async () => {
    await started({ "a.md": "A", "b.md": "B" });
    let deletes = 0;
    h.vault.on("delete", () => deletes++);
    await h.vault.trash(h.vault.getFileByPath("a.md") as TFile, true);
    await h.vault.trash(h.vault.getFileByPath("b.md") as TFile, false);
    expect(deletes).toBe(2);
    expect(h.vault.systemTrash).toEqual([{ path: "a.md", data: "A", system: true }]);
    expect(h.read(".trash/b.md")).toBe("B");
    expect(h.vault.getFiles()).toEqual([]);
  });

  it("copies a file and appends to one", async () => {
    await started({ "a.md": "A" });
    const copy = await h.vault.copy(h.vault.getFileByPath("a.md") as TFile, "c.md");
    await h.vault.append(copy, "+");
    expect(h.read("c.md")).toBe("A+");
  });

  it("stops listening after off and offref", async () => {
    await started();
    let n = 0;
    const cb = (): void => void n++;
    h.vault.on("create", cb);
    const ref = h.vault.on("create", cb);
    h.vault.off("create", cb);
    await h.vault.create("a.md", "");
    h.vault.offref(ref);
    expect(n).toBe(0);
    expect(h.vault.listenerCount()).toBe(0);
  });

  it("fails the write a test injects a fault for, without changing the vault", async () => {
    const storage = new MemoryStorage();
    await started({}, storage);
    storage.failNth("write", 2);
    await h.vault.create("one.md", "1");
    await expect(h.vault.create("two.md", "2")).rejects.toThrow(/EIO/);
    await h.vault.create("three.md", "3");
    expect(h.vault.getFiles().map((f) => f.path).sort()).toEqual(["one.md", "three.md"]);
  });

  it("keeps working after a fault is removed", async () => {
    const storage = new MemoryStorage({ "a.md": "A" });
    await started({}, storage);
    const remove = storage.failWhen((op, path) => op === "write" && path === "a.md");
    const f = h.vault.getFileByPath("a.md") as TFile;
    await expect(h.vault.modify(f, "B")).rejects.toThrow();
    remove();
    await h.vault.modify(f, "B");
    expect(h.read("a.md")).toBe("B");
  });

  it("reflects writes through the adapter as the file watcher would", async () => {
    await started({ "a.md": "A" });
    const events: string[] = [];
    h.vault.on("modify", (f: TFile) => events.push(`modify ${f.path}`));
    h.vault.on("create", (f: TFile) => events.push(`create ${f.path}`));
    await h.editExternally("a.md", "changed");
    await h.vault.adapter.write("new.md", "N");
    await h.vault.adapter.write(".obsidian/x.json", "{}");
    expect(events).toEqual(["modify a.md", "create new.md"]);
    expect(await h.vault.adapter.list(".obsidian")).toEqual({ files: [".obsidian/x.json"], folders: [] });
  });
});
