// @vitest-environment happy-dom
// Issue #14: compact rows, the priority convention, the status chips' on/off
// state, and the settings tab (display() and the 1.13 declarative table).
import { afterEach, describe, expect, it } from "vitest";
import { click, manifest, openQueue, rows, startPlugin, type Started } from "./plugin-harness";

let s: Started | null = null;
afterEach(() => {
  s?.h.destroy();
  s = null;
});

const menuTitles = () => Array.from(document.querySelectorAll(".menu .menu-item-title")).map((t) => t.textContent);

describe("the queue's display settings", () => {
  it("draws compact rows: the view says so, rows keep their badges, and the author line is marked to be left out", async () => {
    s = await startPlugin({ data: { settings: { compactRows: true } } });
    const view = await openQueue(s);
    expect(view.querySelector(".source-queue-view")?.hasClass("is-compact") ?? view.hasClass("is-compact")).toBe(true);
    const first = rows(view)[0]!;
    expect(first.querySelector(".source-queue-priority")).not.toBeNull();
    expect(first.querySelector(".source-queue-status")).not.toBeNull();
    expect(first.querySelector(".source-queue-row-about")).not.toBeNull();
  });

  it("without priorities, a priority filter saved before is ignored, and kept for when priorities are used again", async () => {
    s = await startPlugin({ data: { settings: { usePriority: false }, query: { priorities: ["low"] } } });
    const view = await openQueue(s);
    const shown = rows(view).length;
    expect(shown).toBeGreaterThan(0);
    expect(rows(view).some((r) => s!.plugin.index.get(r.dataset.path!)?.priority !== "low")).toBe(true);
    // Another filter changed meanwhile: the saved priority filter stays in data.json.
    const search = view.querySelector<HTMLInputElement>(".source-queue-search")!;
    search.value = "a";
    search.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 200));
    await s.h.settle();
    expect(s.plugin.data.query).toMatchObject({ search: "a", priorities: ["low"] });
  });

  it("without priorities: no priority badge or filter, no priority menu items, and p does nothing", async () => {
    s = await startPlugin({ data: { settings: { usePriority: false } } });
    const view = await openQueue(s);
    const root = view.querySelector(".source-queue-view") ?? view;
    expect(root.hasClass("is-without-priority")).toBe(true);
    expect(view.querySelector(".source-queue-priority-filter")?.hasClass("is-hidden")).toBe(true);
    const first = rows(view)[0]!;
    const path = first.dataset.path!;
    const before = s.h.read(path);
    first.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }));
    expect(menuTitles().some((t) => t?.startsWith("Priority"))).toBe(false);
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    const list = view.querySelector<HTMLElement>(".source-queue-list")!;
    list.focus();
    list.dispatchEvent(new KeyboardEvent("keydown", { key: "p", bubbles: true }));
    await s.h.settle();
    expect(s.h.read(path)).toBe(before);
    // Rows carry no "No priority" warning either.
    expect(s.plugin.index.all().some((i) => i.problems.some((p) => p.message.startsWith("No priority")))).toBe(false);
  });

  it("writes a single note's null-result reason to the reason field, and then warns about nothing", async () => {
    s = await startPlugin({ data: { settings: { reasonField: "extraction_notes" } } });
    const view = await openQueue(s);
    const first = rows(view)[0]!;
    const path = first.dataset.path!;
    first.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }));
    click(Array.from(document.querySelectorAll<HTMLElement>(".menu .menu-item")).find((i) => i.textContent === "Status: null-result…")!);
    await s.h.settle();
    const modal = document.querySelector<HTMLElement>(".modal")!;
    expect(modal.textContent).toContain("the note's extraction_notes field");
    const area = modal.querySelector<HTMLTextAreaElement>("textarea")!;
    area.value = "Only an abstract";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    click(Array.from(modal.querySelectorAll("button")).find((b) => b.textContent === "Set null-result")!);
    await s.h.settle();
    expect(s.h.read(path)).toContain("\nextraction_notes: Only an abstract");
    expect(s.h.read(path)).not.toContain("\nnotes: Only an abstract");
    expect(s.plugin.index.get(path)?.problems.some((p) => p.message.includes("does not say why"))).toBe(false);
  });

  it("shows a status chip's state by a check mark and aria-pressed, not by fill alone", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const chip = (status: string) => view.querySelector<HTMLElement>(`.source-queue-chip[data-status="${status}"]`)!;
    expect(chip("unprocessed").getAttribute("aria-pressed")).toBe("true");
    expect(chip("unprocessed").querySelector(".source-queue-chip-check svg")).not.toBeNull();
    expect(chip("processed").getAttribute("aria-pressed")).toBe("false");
    expect(chip("unprocessed").textContent).toMatch(/^Unprocessed \d+$/);
    click(chip("processed"));
    await s.h.settle();
    expect(chip("processed").getAttribute("aria-pressed")).toBe("true");
    expect(chip("processed").hasClass("is-active")).toBe(true);
  });
});

describe("the settings tab", () => {
  it("lists the vault conventions and compact rows, and a change redraws the open queue", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const tab = s.h.openSettings(manifest.id)!;
    const names = Array.from(tab.containerEl.querySelectorAll(".setting-item-name")).map((n) => n.textContent);
    expect(names).toEqual(expect.arrayContaining(["Vault conventions", "Use priority", "Reason field", "Enrichments field", "Compact rows"]));
    const toggleOf = (name: string) =>
      Array.from(tab.containerEl.querySelectorAll<HTMLElement>(".setting-item")).find((i) => i.querySelector(".setting-item-name")?.textContent === name)!.querySelector<HTMLElement>(".checkbox-container")!;
    click(toggleOf("Compact rows"));
    await s.h.settle();
    expect(s.plugin.data.settings.compactRows).toBe(true);
    expect((view.querySelector(".source-queue-view") ?? view).hasClass("is-compact")).toBe(true);
  });

  it("declares the same settings for Obsidian 1.13, validated by the shared schema", async () => {
    s = await startPlugin();
    const tab = s.h.openSettings(manifest.id)! as unknown as {
      getSettingDefinitions(): { heading: string; items: { name: string; control?: { key: string; type: string; validate?: (v: unknown) => unknown }; action?: () => void; render?: unknown }[] }[];
      getControlValue(key: string): unknown;
      setControlValue(key: string, v: unknown): Promise<void>;
    };
    const groups = tab.getSettingDefinitions();
    expect(groups.map((g) => g.heading)).toEqual(["Queue", "Vault conventions", "Claims", "AI drafts", "Agents"]);
    const controls = groups.flatMap((g) => g.items.flatMap((i) => (i.control ? [i.control] : [])));
    expect(groups[1]?.items[0]).toMatchObject({ name: "Detect from this vault", action: expect.any(Function) });
    // The AI key is Obsidian's secret picker, drawn by a render function: the key never passes through a control of data.json's.
    const rendered = groups.flatMap((g) => g.items.filter((i) => typeof i.render === "function").map((i) => i.name));
    expect(rendered).toEqual(["AI key"]);
    expect(controls.map((c) => c.key).sort()).toEqual(Object.keys(s.plugin.data.settings).filter((k) => k !== "aiKeySecret").sort());
    const reason = controls.find((c) => c.key === "reasonField")!;
    expect(reason.validate?.("why: not")).toBe("must be a plain frontmatter key (no colon)");
    expect(reason.validate?.("extraction_notes")).toBeUndefined();
    expect(tab.getControlValue("sourceTypes")).toBe("source");
    await tab.setControlValue("reasonField", "extraction_notes");
    await tab.setControlValue("usePriority", "not a boolean");
    expect(s.plugin.data.settings.reasonField).toBe("extraction_notes");
    expect(s.plugin.data.settings.usePriority).toBe(true);
  });
});
