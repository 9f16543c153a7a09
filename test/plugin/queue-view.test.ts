// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { changedLines } from "../cli/run-cli";
import { click, key, openQueue, row, rowPaths, rows, startPlugin, type Started } from "./plugin-harness";

const SEED = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";
let s: Started | null = null;
afterEach(() => {
  s?.h.destroy();
  s = null;
});

describe("the queue sidebar", () => {
  it("opens in the right sidebar with one row per visible source and counts per status", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    expect(s.h.rightSidebarEl.contains(view)).toBe(true);
    expect(rows(view)).toHaveLength(23);
    expect(view.querySelectorAll("[data-path]")).toHaveLength(23);
    const chips = Array.from(view.querySelectorAll(".source-queue-chip")).map((c) => c.textContent);
    expect(chips).toEqual(["Unprocessed 15", "Processing 4", "Processed 2", "Null-result 1", "Unknown 4"]);
  });

  it("shows title, author, dates, domain, hint count, badges and a problem marker on a row", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const seed = row(view, SEED);
    expect(seed.querySelector(".source-queue-title")?.textContent).toMatch(/^Circuit Tracing for the Rest of Us/);
    expect(seed.querySelector(".source-queue-author")?.textContent).toBe("Subhadip Mitra (@subhadipmitra)");
    expect(seed.querySelector(".source-queue-date")?.textContent).toMatch(/^2026-01-01 · \d+ (months?|years?) ago$/);
    expect(seed.querySelector(".source-queue-domain")?.textContent).toBe("ai-alignment");
    expect(seed.querySelector(".source-queue-hints")?.textContent).toBe("3 hints");
    expect(seed.querySelector('[data-field="priority"]')?.getAttribute("data-value")).toBe("medium");
    expect(seed.querySelector('[data-field="status"]')?.getAttribute("data-value")).toBe("unprocessed");
    const broken = row(view, "inbox/2025-12-03-phage-therapy-resistance-tradeoff.md");
    expect(broken.querySelector(".source-queue-problems")?.getAttribute("aria-label")).toContain('Error: Status "complete (13 pages)" is not one of');
  });

  it("sorts by priority, then newest first", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const values = rows(view).map((r) => r.querySelector('[data-field="priority"]')?.getAttribute("data-value"));
    const rank = (p: string | null | undefined) => ["high", "medium", "low", "unknown"].indexOf(p ?? "unknown");
    for (let i = 1; i < values.length; i++) expect(rank(values[i - 1])).toBeLessThanOrEqual(rank(values[i]));
    expect(rowPaths(view)[0]).toBe("inbox/2026-03-27-sandbagging-scheming-evals.md");
  });

  it("cycles priority when its badge is clicked: one line changes on disk and the row follows", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const before = s.h.read(SEED);
    click(row(view, SEED).querySelector('[data-field="priority"]')!);
    await s.h.settle();
    const after = s.h.read(SEED);
    expect(changedLines(before, after)).toEqual([10]);
    expect(after.split("\n")[10]).toBe("priority: low");
    expect(row(view, SEED).querySelector('[data-field="priority"]')?.getAttribute("data-value")).toBe("low");
  });

  it("cycles status and writes processed_date when a source becomes processed", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    click(row(view, SEED).querySelector('[data-field="status"]')!);
    await s.h.settle();
    expect(s.h.read(SEED)).toContain("status: processing\n");
    click(row(view, SEED).querySelector('[data-field="status"]')!);
    await s.h.settle();
    expect(s.h.read(SEED)).toMatch(/status: processed\n[\s\S]*processed_date: \d{4}-\d{2}-\d{2}\n---/);
    // Processed sources are hidden by default, so the row leaves the list.
    expect(rowPaths(view)).not.toContain(SEED);
  });

  it("keeps quotes and comments when a toggle edits a field", async () => {
    const text = '---\ntype: source\ntitle: "Quoted"\nstatus: "unprocessed" # triage later\npriority: \'low\'\n---\nBody\n';
    s = await startPlugin({ files: { "inbox/q.md": text } });
    const view = await openQueue(s);
    click(row(view, "inbox/q.md").querySelector('[data-field="status"]')!);
    click(row(view, "inbox/q.md").querySelector('[data-field="priority"]')!);
    await s.h.settle();
    expect(s.h.read("inbox/q.md")).toBe('---\ntype: source\ntitle: "Quoted"\nstatus: "processing" # triage later\npriority: \'high\'\n---\nBody\n');
  });

  it("refuses to toggle a note whose YAML does not parse, with a notice, and leaves it as it is", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const path = "inbox/2026-03-18-sae-feature-splitting-illusions.md";
    const before = s.h.read(path);
    click(row(view, path).querySelector('[data-field="priority"]')!);
    await s.h.settle();
    expect(s.h.read(path)).toBe(before);
    expect(s.h.notices.at(-1)).toContain("was not changed: its frontmatter cannot be read");
  });

  it("filters by search text, status, priority and domain, and remembers the filters", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const search = view.querySelector<HTMLInputElement>(".source-queue-search")!;
    search.value = "heat pump";
    search.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 200));
    await s.h.settle();
    expect(rowPaths(view)).toEqual(["inbox/2026-01-15-cold-climate-heat-pump-field-trials.md"]);
    search.value = "";
    search.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 200));

    click(view.querySelector('.source-queue-chip[data-status="processed"]')!);
    await s.h.settle();
    expect(rowPaths(view)).toContain("inbox/2025-07-02-inflation-expectations-households-firms.md");

    const priority = view.querySelector<HTMLSelectElement>(".source-queue-priority-filter")!;
    priority.value = "high";
    priority.dispatchEvent(new Event("change", { bubbles: true }));
    await s.h.settle();
    expect(rows(view).every((r) => r.querySelector('[data-field="priority"]')?.getAttribute("data-value") === "high")).toBe(true);

    const domain = view.querySelector<HTMLSelectElement>(".source-queue-domain-filter")!;
    domain.value = "climate";
    domain.dispatchEvent(new Event("change", { bubbles: true }));
    await s.h.settle();
    expect(rows(view).length).toBeGreaterThan(0);
    expect(rows(view).every((r) => r.querySelector(".source-queue-domain")?.textContent === "climate")).toBe(true);

    const saved = JSON.parse(s.h.read(".obsidian/plugins/source-queue/data.json")) as { query: { statuses: string[]; priorities: string[]; domain: string } };
    expect(saved.query).toMatchObject({ priorities: ["high"], domain: "climate" });
    expect(saved.query.statuses).toContain("processed");
  });

  it("changes the sort order from the header", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const sort = view.querySelector<HTMLSelectElement>(".source-queue-sort")!;
    sort.value = "title";
    sort.dispatchEvent(new Event("change", { bubbles: true }));
    await s.h.settle();
    const titles = rows(view).map((r) => r.querySelector(".source-queue-title")?.textContent ?? "");
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });

  it("shows notes changed while another sort order was on screen in their right place when that order comes back", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const sort = view.querySelector<HTMLSelectElement>(".source-queue-sort")!;
    const choose = async (value: string) => {
      sort.value = value;
      sort.dispatchEvent(new Event("change", { bubbles: true }));
      await s!.h.settle();
    };
    await choose("title");
    await choose("priority-newest");
    // Changed while the title order is kept but not shown: a retitled note and a new one.
    const seed = s.h.app.vault.getFileByPath(SEED)!;
    await s.h.app.vault.process(seed, (text) => text.replace(/^title: .*$/m, 'title: "Aardvark first"'));
    await s.h.app.vault.create("inbox/zz.md", "---\ntype: source\ntitle: Zebra last\nstatus: unprocessed\npriority: high\n---\n");
    await s.h.settle();
    await s.plugin.index.idle();
    await choose("title");
    const titles = rows(view).map((r) => r.querySelector(".source-queue-title")?.textContent ?? "");
    expect(titles).toContain("Aardvark first");
    expect(titles).toContain("Zebra last");
    expect(titles.filter((t) => t.startsWith("Circuit Tracing"))).toEqual([]);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });

  it("opens a note on click, and in a new tab on middle-click (Ctrl/Cmd-click selects)", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    click(row(view, SEED).querySelector(".source-queue-title")!);
    await s.h.settle();
    expect(s.h.app.workspace.getActiveFile()?.path).toBe(SEED);
    const tabsBefore = s.h.app.workspace.getLeavesOfType("markdown").length;
    row(view, "inbox/2026-03-02-ocean-heat-content-record.md")
      .querySelector(".source-queue-title")!
      .dispatchEvent(new MouseEvent("auxclick", { bubbles: true, cancelable: true, button: 1 }));
    await s.h.settle();
    expect(s.h.app.workspace.getLeavesOfType("markdown").length).toBe(tabsBefore + 1);
    expect(s.h.app.workspace.getActiveFile()?.path).toBe("inbox/2026-03-02-ocean-heat-content-record.md");
  });

  it("moves with the arrow keys and acts on the focused row with Enter, p, s, x and /", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const list = view.querySelector<HTMLElement>(".source-queue-list")!;
    list.focus();
    key(list, "ArrowDown");
    await s.h.settle();
    const focused = view.querySelector<HTMLElement>(".source-queue-row.is-focused")!;
    expect(focused.dataset.path).toBe(rowPaths(view)[1]);
    const path = focused.dataset.path!;
    key(list, "p");
    await s.h.settle();
    expect(s.h.read(path)).toMatch(/\npriority: medium\n/);
    key(list, "s");
    await s.h.settle();
    expect(s.h.read(path)).toMatch(/\nstatus: processing\n/);
    key(list, "Enter");
    await s.h.settle();
    expect(s.h.app.workspace.getActiveFile()?.path).toBe(path);
    key(list, "/");
    expect(document.activeElement).toBe(view.querySelector(".source-queue-search"));
    key(list, "x");
    await s.h.settle();
    expect(document.querySelector(".modal")?.textContent).toContain("Create");
  });

  it("opens a menu with every action on right-click, and null-result asks for the reason", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    row(view, SEED).dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));
    const titles = Array.from(document.querySelectorAll(".menu .menu-item-title")).map((t) => t.textContent);
    expect(titles).toEqual([
      "Open",
      "Open in new tab",
      "Priority: high",
      "Priority: medium",
      "Priority: low",
      "Status: unprocessed",
      "Status: processing",
      "Status: processed",
      "Status: null-result…",
      "Extract claims…",
    ]);
    const nullItem = Array.from(document.querySelectorAll<HTMLElement>(".menu .menu-item")).find((i) => i.textContent?.includes("null-result"))!;
    click(nullItem);
    await s.h.settle();
    const modal = document.querySelector<HTMLElement>(".modal")!;
    const area = modal.querySelector<HTMLTextAreaElement>("textarea")!;
    area.value = "Paywalled after the first page";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    click(Array.from(modal.querySelectorAll("button")).find((b) => b.textContent === "Set null-result")!);
    await s.h.settle();
    expect(s.h.read(SEED)).toContain("status: null-result\n");
    expect(s.h.read(SEED)).toContain("notes: Paywalled after the first page\n");
  });

  it("follows renames, deletions and new notes made outside the view", async () => {
    s = await startPlugin();
    const view = await openQueue(s);
    const file = s.h.app.vault.getFileByPath(SEED)!;
    await s.h.app.fileManager.renameFile(file, "inbox/renamed-seed.md");
    await s.h.settle();
    expect(rowPaths(view)).toContain("inbox/renamed-seed.md");
    expect(rowPaths(view)).not.toContain(SEED);
    await s.h.app.fileManager.trashFile(s.h.app.vault.getFileByPath("inbox/renamed-seed.md")!);
    await s.h.settle();
    expect(rowPaths(view)).not.toContain("inbox/renamed-seed.md");
    await s.h.app.vault.create("inbox/new.md", "---\ntype: source\ntitle: Fresh arrival\nstatus: unprocessed\npriority: high\n---\n");
    await s.h.settle();
    expect(row(view, "inbox/new.md").querySelector(".source-queue-title")?.textContent).toBe("Fresh arrival");
    await s.h.editExternally("inbox/new.md", "---\ntype: source\ntitle: Fresh arrival, edited\nstatus: unprocessed\npriority: high\n---\n");
    expect(row(view, "inbox/new.md").querySelector(".source-queue-title")?.textContent).toBe("Fresh arrival, edited");
  });

  it("says which folder it looked in when the queue is empty", async () => {
    s = await startPlugin({ files: { "notes/a.md": "# A\n" } });
    const view = await openQueue(s);
    expect(view.querySelector(".source-queue-empty")?.textContent).toContain('No notes found in the folder "inbox".');
  });

  it("renders a first window of rows, not every row, for a large queue", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`inbox/s${i}.md`] = `---\ntype: source\ntitle: Source ${i}\nstatus: unprocessed\npriority: low\ndate: 2026-01-01\n---\n`;
    s = await startPlugin({ files });
    const view = await openQueue(s);
    expect(rows(view).length).toBeLessThanOrEqual(100);
    expect(view.querySelector(".source-queue-summary")?.textContent).toBe("2000 of 2000 shown");
  });

  it("releases every listener when the plugin unloads", async () => {
    s = await startPlugin({ files: {} });
    const baseline = s.h.liveListenerCount();
    await s.h.unloadPlugin(s.plugin);
    const again = await startPlugin();
    s.h.destroy();
    s = again;
    const before = s.h.liveListenerCount();
    await openQueue(s);
    expect(s.h.liveListenerCount()).toBeGreaterThan(before);
    await s.h.unloadPlugin(s.plugin);
    expect(s.h.liveListenerCount()).toBeLessThanOrEqual(baseline);
  });
});
