// @vitest-environment happy-dom
// Issue #14: select many rows, set them at once, undo them at once.
import { afterEach, describe, expect, it } from "vitest";
import type { Menu, TAbstractFile } from "obsidian";
import { changedLines } from "../cli/run-cli";
import { click, key, openQueue, row, rowPaths, rows, startPlugin, type Started } from "./plugin-harness";

let s: Started | null = null;
afterEach(() => {
  s?.h.destroy();
  s = null;
});

const selected = (view: HTMLElement) => rows(view).filter((r) => r.getAttribute("aria-selected") === "true").map((r) => r.dataset.path);
const menuItems = () => Array.from(document.querySelectorAll<HTMLElement>(".menu .menu-item"));
const menuTitles = () => menuItems().map((i) => i.querySelector(".menu-item-title")?.textContent ?? "");
const openMenu = (r: HTMLElement) => r.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));
const title = (view: HTMLElement, path: string) => row(view, path).querySelector(".source-queue-title")!;

/** Waits for a bulk run (it yields to the screen between notes) to finish. */
async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) {
    await s!.h.settle();
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(ok()).toBe(true);
}

describe("selecting rows in the queue", () => {
  it("Shift-click selects a range, shown by aria-selected, a check mark and the header's N selected", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const paths = rowPaths(view);
    click(title(view, paths[2]!));
    click(title(view, paths[6]!), { shiftKey: true });
    await s.h.settle();
    expect(selected(view)).toEqual(paths.slice(2, 7));
    expect(rows(view).filter((r) => r.hasClass("is-selected"))).toHaveLength(5);
    expect(row(view, paths[3]!).querySelector(".source-queue-check svg")).not.toBeNull();
    expect(view.querySelector(".source-queue-selected")?.textContent).toBe("5 selected");
    expect(view.querySelector(".source-queue-list")?.getAttribute("aria-multiselectable")).toBe("true");
  });

  it("Ctrl/Cmd-click toggles rows, Ctrl/Cmd+A selects every row shown, Esc clears", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const paths = rowPaths(view);
    const list = view.querySelector<HTMLElement>(".source-queue-list")!;
    click(title(view, paths[0]!), { ctrlKey: true });
    click(title(view, paths[3]!), { metaKey: true });
    await s.h.settle();
    expect(selected(view)).toEqual([paths[0], paths[3]]);
    click(title(view, paths[0]!), { ctrlKey: true });
    await s.h.settle();
    expect(selected(view)).toEqual([paths[3]]);
    key(list, "a", { ctrlKey: true });
    await s.h.settle();
    expect(selected(view)).toEqual(paths);
    expect(view.querySelector(".source-queue-selected")?.textContent).toBe(`${paths.length} selected`);
    key(list, "Escape");
    await s.h.settle();
    expect(selected(view)).toEqual([]);
    expect(view.querySelector(".source-queue-selected")?.hasClass("is-hidden")).toBe(true);
  });

  it("Shift+↓ and Shift+↑ extend the selection from the focused row", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const paths = rowPaths(view);
    const list = view.querySelector<HTMLElement>(".source-queue-list")!;
    list.focus();
    key(list, "ArrowDown");
    key(list, "ArrowDown", { shiftKey: true });
    key(list, "ArrowDown", { shiftKey: true });
    await s.h.settle();
    expect(selected(view)).toEqual(paths.slice(1, 4));
    key(list, "ArrowUp", { shiftKey: true });
    await s.h.settle();
    expect(selected(view)).toEqual(paths.slice(1, 3));
  });

  it("keeps the selection through live updates, and moves it with a rename", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const paths = rowPaths(view);
    click(title(view, paths[0]!));
    click(title(view, paths[2]!), { shiftKey: true });
    await s.h.settle();
    await s.h.editExternally(paths[5]!, s.h.read(paths[5]!).replace(/\npriority: \w+/, "\npriority: low"));
    await s.h.settle();
    expect(selected(view).sort()).toEqual(paths.slice(0, 3).sort());
    const file = s.h.vault.getFileByPath(paths[1]!);
    if (!file) throw new Error("no file");
    await s.h.app.fileManager.renameFile(file, "inbox/renamed-source.md");
    await s.h.settle();
    expect(selected(view).sort()).toEqual([paths[0], paths[2], "inbox/renamed-source.md"].sort());
  });
});

describe("a selection of every row (Ctrl/Cmd+A)", () => {
  it("follows live changes: a moved row stays selected, a deleted note leaves, a new note is not taken in", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const paths = rowPaths(view);
    const list = view.querySelector<HTMLElement>(".source-queue-list")!;
    key(list, "a", { ctrlKey: true });
    await s.h.settle();
    expect(selected(view)).toEqual(paths);
    // The top row drops to low priority and moves down the list: still selected.
    await s.h.editExternally(paths[0]!, s.h.read(paths[0]!).replace(/\npriority: \w+/, "\npriority: low"));
    await s.h.settle();
    expect(rowPaths(view)[0]).not.toBe(paths[0]);
    expect(selected(view).sort()).toEqual([...paths].sort());
    const gone = s.h.vault.getFileByPath(paths[1]!);
    if (!gone) throw new Error("no file");
    await s.h.app.vault.delete(gone);
    await s.h.vault.create("inbox/2026-04-01-arrived-after.md", "---\ntitle: Arrived after\nstatus: unprocessed\npriority: high\n---\n# Arrived after\n");
    await s.h.settle();
    expect(rowPaths(view)).toContain("inbox/2026-04-01-arrived-after.md");
    expect(selected(view)).not.toContain("inbox/2026-04-01-arrived-after.md");
    expect(selected(view)).not.toContain(paths[1]);
    expect(view.querySelector(".source-queue-selected")?.textContent).toBe(`${paths.length - 1} selected`);
  });
});

describe("setting many sources at once", () => {
  it("sets 5 selected rows to high from the row menu, each a one-line diff, and undoes all five", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    // Rows below the high ones, so every one of them changes.
    const paths = rowPaths(view).filter((p) => !/\npriority: high\n/.test(s!.h.read(p))).slice(0, 5);
    const before = new Map(paths.map((p) => [p, s!.h.read(p)]));
    for (const [i, p] of paths.entries()) click(title(view, p), i === 0 ? {} : { ctrlKey: true });
    await s.h.settle();
    openMenu(row(view, paths[2]!));
    expect(menuTitles()[0]).toBe("5 sources selected");
    expect(menuTitles()).not.toContain("Extract claims…");
    click(menuItems().find((i) => i.textContent === "Priority: high")!);
    await until(() => paths.every((p) => /\npriority: high\r?\n/.test(s!.h.read(p))));
    for (const p of paths) expect(changedLines(before.get(p)!, s.h.read(p))).toHaveLength(1);
    expect(s.h.notices.at(-1)).toBe("Set priority high on 5 notes.Undo");
    await s.h.runCommand("source-queue:undo-last-bulk-change");
    await until(() => paths.every((p) => s!.h.read(p) === before.get(p)));
    expect(s.h.notices.at(-1)).toBe("Undid the change on 5 notes.");
  });

  it("the notice's Undo button undoes, and leaves alone a note edited since", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const paths = rowPaths(view).slice(0, 3);
    const before = new Map(paths.map((p) => [p, s!.h.read(p)]));
    click(title(view, paths[0]!));
    click(title(view, paths[2]!), { shiftKey: true });
    openMenu(row(view, paths[0]!));
    click(menuItems().find((i) => i.textContent === "Status: processing")!);
    await until(() => s!.h.notices.at(-1)?.startsWith("Set status processing") === true);
    const edited = `${s.h.read(paths[1]!)}\nA line added by hand.\n`;
    await s.h.editExternally(paths[1]!, edited);
    document.querySelector<HTMLElement>(".source-queue-notice-undo")!.click();
    await until(() => s!.h.notices.at(-1)?.startsWith("Undid") === true);
    expect(s.h.read(paths[0]!)).toBe(before.get(paths[0]!));
    expect(s.h.read(paths[2]!)).toBe(before.get(paths[2]!));
    expect(s.h.read(paths[1]!)).toBe(edited);
    expect(s.h.notices.at(-1)).toContain("Left alone because edited since:");
  });

  it("p on a selection gives every note the focused row's next priority", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const paths = rowPaths(view).slice(0, 4);
    const list = view.querySelector<HTMLElement>(".source-queue-list")!;
    click(title(view, paths[0]!));
    click(title(view, paths[3]!), { shiftKey: true });
    // The focused row (the last clicked) is high at the top of the default sort: the next is medium.
    expect(s.h.read(paths[3]!)).toMatch(/\npriority: high\n/);
    list.focus();
    key(list, "p");
    await until(() => paths.every((p) => /\npriority: medium\r?\n/.test(s!.h.read(p))));
  });

  it("shows a progress notice beyond 20 notes and asks for a null-result reason once, writing it to the reason field", async () => {
    s = await startPlugin({ data: { settings: { reasonField: "extraction_notes" } } });
    const view = await openQueue(s);
    const list = view.querySelector<HTMLElement>(".source-queue-list")!;
    list.focus();
    key(list, "a", { ctrlKey: true });
    await s.h.settle();
    const paths = rowPaths(view);
    // The first window of rows may not be every row: take the count from the header.
    const count = Number(view.querySelector(".source-queue-selected")?.textContent?.split(" ")[0]);
    expect(count).toBeGreaterThan(20);
    openMenu(row(view, paths[0]!));
    click(menuItems().find((i) => i.textContent === "Status: null-result…")!);
    await s.h.settle();
    expect(document.querySelectorAll(".modal")).toHaveLength(1);
    const modal = document.querySelector<HTMLElement>(".modal")!;
    expect(modal.textContent).toContain(`these ${count} sources`);
    expect(modal.textContent).toContain("extraction_notes");
    const area = modal.querySelector<HTMLTextAreaElement>("textarea")!;
    area.value = "Duplicate batch";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    click(Array.from(modal.querySelectorAll("button")).find((b) => b.textContent === "Set null-result")!);
    await until(() => s!.h.notices.some((n) => n.startsWith("Set status null-result")));
    expect(s.h.notices.some((n) => new RegExp(`^Setting status null-result: \\d+ of ${count}`).test(n))).toBe(true);
    expect(s.h.noticeRecords.find((r) => r.message.startsWith("Setting status"))?.hidden).toBe(true);
    expect(s.h.read(paths[0]!)).toContain("\nextraction_notes: Duplicate batch");
    expect(document.querySelectorAll(".modal")).toHaveLength(0);
  });
});

describe("the row menu", () => {
  it("has an icon on every item and brings other plugins' file-menu items", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const seen: { file: string; source: string }[] = [];
    s.h.app.workspace.on("file-menu", (menu: Menu, file: TAbstractFile, source: string) => {
      seen.push({ file: file.path, source });
      menu.addItem((i) => i.setTitle("From another plugin").setIcon("star"));
    });
    const path = rowPaths(view)[0]!;
    openMenu(row(view, path));
    expect(seen).toEqual([{ file: path, source: "source-queue" }]);
    expect(menuTitles()).toContain("From another plugin");
    for (const item of menuItems()) expect(item.querySelector(".menu-item-icon svg"), item.textContent ?? "").not.toBeNull();
  });
});
