// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test-support/obsidian/harness";
import { ItemView, Keymap, MarkdownView, Plugin, Scope, requireApiVersion, type TFile, type WorkspaceLeaf } from "../../test-support/obsidian/index";

const log: string[] = [];

class ListView extends ItemView {
  state: Record<string, unknown> = {};
  getViewType(): string {
    return "list-view";
  }
  getDisplayText(): string {
    return "List";
  }
  override async onOpen(): Promise<void> {
    log.push("open");
    this.contentEl.createDiv({ cls: "list-root", text: "rows" });
    this.registerEvent(this.app.vault.on("modify", () => log.push("modify seen")));
    this.scope = new Scope(this.app.scope);
    this.scope.register([], "j", () => {
      log.push("j pressed");
      return false;
    });
  }
  override async onClose(): Promise<void> {
    log.push("close");
  }
  override async setState(state: unknown): Promise<void> {
    this.state = state as Record<string, unknown>;
  }
}

class ViewPlugin extends Plugin {
  override onload(): void {
    this.registerView("list-view", (leaf) => new ListView(leaf));
  }
}

let h: Harness;
afterEach(() => {
  h?.destroy();
  log.length = 0;
});

async function withPlugin(files: Record<string, string> = {}, options: Parameters<typeof createHarness>[0] = {}): Promise<ViewPlugin> {
  h = createHarness({ files, ...options });
  return h.loadPlugin(ViewPlugin, { id: "views" });
}

describe("WorkspaceLeaf and views", () => {
  it("creates the view from the registered factory, mounts it and awaits onOpen", async () => {
    await withPlugin();
    const leaf = h.workspace.getRightLeaf(false) as WorkspaceLeaf;
    await leaf.setViewState({ type: "list-view", active: true, state: { filter: "x" } });
    const view = leaf.view as ListView;
    expect(view).toBeInstanceOf(ListView);
    expect(log).toEqual(["open"]);
    expect(view.state).toEqual({ filter: "x" });
    expect(view.containerEl.children[0]?.classList.contains("view-header")).toBe(true);
    expect(view.containerEl.children[1]).toBe(view.contentEl);
    expect(h.rightSidebarEl.querySelector(".list-root")?.textContent).toBe("rows");
    expect(document.body.contains(view.contentEl)).toBe(true);
    expect(h.workspace.getLeavesOfType("list-view")).toEqual([leaf]);
    expect(leaf.getViewState()).toMatchObject({ type: "list-view", active: true });
  });

  it("calls onClose, removes the DOM and releases the view's listeners on detach", async () => {
    await withPlugin({ "a.md": "" });
    const leaf = h.workspace.getRightLeaf(false) as WorkspaceLeaf;
    await leaf.setViewState({ type: "list-view" });
    const before = h.liveListenerCount();
    expect(before).toBeGreaterThan(0);
    leaf.detach();
    await h.settle();
    expect(log).toEqual(["open", "close"]);
    expect(h.rightSidebarEl.querySelector(".list-root")).toBeNull();
    expect(h.liveListenerCount()).toBe(0);
  });

  it("throws for a view type nobody registered", async () => {
    await withPlugin();
    await expect(h.workspace.getLeaf(true).setViewState({ type: "nope" })).rejects.toThrow(/No view registered/);
  });

  it("creates the side leaf once with ensureSideLeaf and reveals it", async () => {
    await withPlugin();
    h.workspace.rightSplit.collapse();
    const a = await h.workspace.ensureSideLeaf("list-view", "right", { active: true });
    const b = await h.workspace.ensureSideLeaf("list-view", "right");
    expect(a).toBe(b);
    expect(h.workspace.rightSplit.collapsed).toBe(false);
    expect(log).toEqual(["open"]);
  });

  it("hides ensureSideLeaf before API 1.7.2", async () => {
    h = createHarness({ apiVersion: "1.7.1" });
    expect(requireApiVersion("1.7.2")).toBe(false);
    expect(typeof (h.workspace as unknown as Record<string, unknown>).ensureSideLeaf).toBe("undefined");
  });

  it("keeps restored background leaves deferred until revealed", async () => {
    await withPlugin({}, { restoredLeaves: [{ type: "list-view", side: "right" }] });
    const [leaf] = h.workspace.getLeavesOfType("list-view");
    expect(leaf?.isDeferred).toBe(true);
    expect(leaf?.view).not.toBeInstanceOf(ListView);
    await h.workspace.revealLeaf(leaf as WorkspaceLeaf);
    expect(leaf?.view).toBeInstanceOf(ListView);
    expect(log).toEqual(["open"]);
  });

  it("keeps the leaf with a placeholder when the plugin unloads", async () => {
    const plugin = await withPlugin();
    const leaf = await h.workspace.ensureSideLeaf("list-view", "right");
    await h.unloadPlugin(plugin);
    expect(log).toEqual(["open", "close"]);
    expect(leaf.isDeferred).toBe(true);
    expect(h.workspace.getLeavesOfType("list-view")).toEqual([leaf]);
    expect(h.liveListenerCount()).toBe(0);
  });

  it("opens a note in a MarkdownView, makes it the active file and fires 'file-open'", async () => {
    await withPlugin({ "Sources/a.md": "# Source A\ntext" });
    const opened: (TFile | null)[] = [];
    h.workspace.on("file-open", (f: TFile | null) => opened.push(f));
    const f = h.vault.getFileByPath("Sources/a.md") as TFile;
    await h.workspace.getLeaf(false).openFile(f);
    expect(h.workspace.getActiveFile()).toBe(f);
    expect(opened).toEqual([f]);
    const view = h.workspace.getActiveViewOfType(MarkdownView);
    expect(view?.file).toBe(f);
    expect(view?.getViewData()).toBe("# Source A\ntext");
    expect(h.rootEl.querySelector("pre.markdown-text")?.textContent).toBe("# Source A\ntext");
  });

  it("records whether a note opened in a new tab", async () => {
    await withPlugin({ "a.md": "", "b.md": "" });
    await h.workspace.getLeaf(false).openFile(h.vault.getFileByPath("a.md") as TFile);
    const mod = new MouseEvent("click", { ctrlKey: true });
    await h.workspace.getLeaf(Keymap.isModEvent(mod)).openFile(h.vault.getFileByPath("b.md") as TFile);
    expect(h.workspace.openedFiles.map((o) => [o.path, o.paneType])).toEqual([
      ["a.md", false],
      ["b.md", "tab"],
    ]);
    let roots = 0;
    h.workspace.iterateRootLeaves(() => roots++);
    expect(roots).toBe(2);
  });

  it("resolves openLinkText and creates the note when the link does not resolve", async () => {
    await withPlugin({ "Claims/c.md": "" });
    await h.workspace.openLinkText("c", "");
    expect(h.workspace.getActiveFile()?.path).toBe("Claims/c.md");
    await h.workspace.openLinkText("Brand new", "");
    expect(h.vault.getFileByPath("Brand new.md")).not.toBeNull();
  });

  it("shows the new text of an open note when the file changes", async () => {
    await withPlugin({ "a.md": "old" });
    await h.workspace.getLeaf(false).openFile(h.vault.getFileByPath("a.md") as TFile);
    await h.vault.modify(h.vault.getFileByPath("a.md") as TFile, "new");
    expect(h.workspace.getActiveViewOfType(MarkdownView)?.getViewData()).toBe("new");
  });

  it("runs onLayoutReady callbacks at once when the layout is ready, else queues them", async () => {
    h = createHarness();
    const calls: string[] = [];
    h.workspace.onLayoutReady(() => calls.push("queued"));
    expect(calls).toEqual([]);
    await h.start();
    h.workspace.onLayoutReady(() => calls.push("immediate"));
    expect(calls).toEqual(["queued", "immediate"]);
  });

  it("routes keys to the scope of the view that holds the focus", async () => {
    await withPlugin();
    const leaf = h.workspace.getRightLeaf(false) as WorkspaceLeaf;
    await leaf.setViewState({ type: "list-view" });
    const target = leaf.view.containerEl.querySelector(".list-root") as HTMLElement;
    const evt = new KeyboardEvent("keydown", { key: "j", bubbles: true, cancelable: true });
    target.dispatchEvent(evt);
    expect(log).toContain("j pressed");
    expect(evt.defaultPrevented).toBe(true);
  });

  it("fires 'active-leaf-change' and 'layout-change'", async () => {
    await withPlugin();
    const events: string[] = [];
    h.workspace.on("active-leaf-change", () => events.push("active"));
    h.workspace.on("layout-change", () => events.push("layout"));
    const leaf = h.workspace.getLeaf("split");
    h.workspace.setActiveLeaf(leaf, { focus: true });
    expect(events).toEqual(["layout", "active"]);
    expect(h.workspace.activeLeaf).toBe(leaf);
  });
});
