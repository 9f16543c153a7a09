// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test-support/obsidian/harness";
import { MarkdownView, Plugin, PluginSettingTab, Setting, TFile, requireApiVersion } from "../../test-support/obsidian/index";

let h: Harness;
afterEach(() => h?.destroy());

class SampleTab extends PluginSettingTab {
  override display(): void {
    this.containerEl.empty();
    new Setting(this.containerEl).setName("Folder");
  }
}

class SamplePlugin extends Plugin {
  events: string[] = [];
  data: unknown;
  override async onload(): Promise<void> {
    this.data = await this.loadData();
    this.events.push(`onload files=${this.app.vault.getFiles().length} ready=${this.app.workspace.layoutReady}`);
    this.registerEvent(this.app.vault.on("create", (f: TFile) => this.events.push(`create ${f.path} ready=${this.app.workspace.layoutReady}`)));
    this.app.workspace.onLayoutReady(() => {
      this.events.push("layout ready");
      this.registerEvent(this.app.metadataCache.on("changed", () => this.events.push("changed")));
    });
    this.addRibbonIcon("list", "Open source queue", () => this.events.push("ribbon"));
    this.addStatusBarItem().setText("3 sources");
    this.addCommand({ id: "open-queue", name: "Open source queue", callback: () => this.events.push("command") });
    this.addCommand({
      id: "extract-claims",
      name: "Extract claims",
      checkCallback: (checking) => {
        const file = this.app.workspace.getActiveFile();
        if (!file) return false;
        if (!checking) this.events.push(`extract ${file.path}`);
        return true;
      },
    });
    this.addCommand({ id: "editor-only", name: "Editor", editorCallback: (_e, view) => this.events.push(`editor ${(view as MarkdownView).file?.path}`) });
    this.addSettingTab(new SampleTab(this.app, this));
    this.registerDomEvent(document, "click", () => {});
    this.registerInterval(window.setInterval(() => {}, 100_000));
    if (requireApiVersion("1.12.2")) {
      this.registerCliHandler("sample:list", "List sources", null, () => "a\nb");
    }
  }
}

describe("Plugin", () => {
  it("loads before the vault is indexed, sees 'create' for each file before layout ready, then layout ready", async () => {
    h = createHarness({ files: { "a.md": "", "b.md": "" } });
    const p = await h.loadPlugin(SamplePlugin, { id: "sample", name: "Sample" });
    expect(p.events.slice(0, 4)).toEqual(["onload files=0 ready=false", "create a.md ready=false", "create b.md ready=false", "layout ready"]);
  });

  it("returns null from loadData when there is no data.json and round-trips saveData", async () => {
    h = createHarness();
    const p = await h.loadPlugin(SamplePlugin, { id: "sample" });
    expect(p.data).toBeNull();
    await p.saveData({ folder: "Sources" });
    expect(h.read(".obsidian/plugins/sample/data.json")).toBe('{\n  "folder": "Sources"\n}');
    expect(await p.loadData()).toEqual({ folder: "Sources" });
  });

  it("throws a SyntaxError from loadData when data.json is broken", async () => {
    h = createHarness({ files: { ".obsidian/plugins/sample/data.json": "{ broken" } });
    class Bare extends Plugin {}
    const p = await h.loadPlugin(Bare, { id: "sample" });
    await expect(p.loadData()).rejects.toThrow(SyntaxError);
  });

  it("prefixes command ids and names and runs them as the palette would", async () => {
    h = createHarness({ files: { "s.md": "" } });
    const p = await h.loadPlugin(SamplePlugin, { id: "sample", name: "Sample" });
    expect(h.app.commands.commands["sample:open-queue"]?.name).toBe("Sample: Open source queue");
    expect(await h.runCommand("sample:open-queue")).toBe(true);
    expect(await h.runCommand("sample:extract-claims")).toBe(false);
    expect(await h.runCommand("sample:editor-only")).toBe(false);
    await h.workspace.getLeaf(false).openFile(h.vault.getFileByPath("s.md") as TFile);
    expect(await h.runCommand("sample:extract-claims")).toBe(true);
    expect(await h.runCommand("sample:editor-only")).toBe(true);
    expect(p.events.filter((e) => !e.startsWith("create") && e !== "changed").slice(-3)).toEqual(["command", "extract s.md", "editor s.md"]);
  });

  it("puts the ribbon icon in .side-dock-ribbon and the settings tab in app.setting", async () => {
    h = createHarness();
    const p = await h.loadPlugin(SamplePlugin, { id: "sample" });
    const icon = h.ribbonEl.querySelector(".side-dock-ribbon-action") as HTMLElement;
    expect(icon.getAttribute("aria-label")).toBe("Open source queue");
    icon.click();
    expect(p.events).toContain("ribbon");
    expect(h.statusBarEl.textContent).toBe("3 sources");
    const tab = h.openSettings("sample");
    expect(tab?.containerEl.querySelector(".setting-item-name")?.textContent).toBe("Folder");
  });

  it("releases every listener, interval, command, icon and view on unload", async () => {
    h = createHarness({ files: { "a.md": "" } });
    const p = await h.loadPlugin(SamplePlugin, { id: "sample" });
    expect(h.listenerBreakdown()).toEqual({ events: 2, dom: 1, intervals: 1 });
    await h.unloadPlugin(p);
    expect(h.liveListenerCount()).toBe(0);
    expect(Object.keys(h.app.commands.commands)).toEqual([]);
    expect(h.ribbonEl.querySelector(".side-dock-ribbon-action")).toBeNull();
    expect(h.app.setting.pluginTabs).toEqual([]);
    expect(h.app.cli.handlers.size).toBe(0);
  });

  it("registers CLI handlers from API 1.12.2 and runs them as Obsidian's command line would", async () => {
    h = createHarness();
    await h.loadPlugin(SamplePlugin, { id: "sample" });
    expect(await h.app.cli.run("sample:list")).toBe("a\nb");
  });

  it("has no registerCliHandler on an app older than 1.12.2", async () => {
    h = createHarness({ apiVersion: "1.12.1" });
    const p = await h.loadPlugin(SamplePlugin, { id: "sample" });
    expect(requireApiVersion("1.12.1")).toBe(true);
    expect(requireApiVersion("1.12.2")).toBe(false);
    expect(typeof (p as unknown as Record<string, unknown>).registerCliHandler).toBe("undefined");
    expect(h.app.cli.handlers.size).toBe(0);
  });
});
