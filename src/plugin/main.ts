// Source Queue for Obsidian (SPEC §4). Wires the core to the app: the queue
// index, the sidebar view, commands, settings, and the CLI handlers. Work
// that reads the vault waits for the layout to be ready, so start-up stays
// cheap; everything is registered through `this.register*`, so unloading
// leaves nothing behind.
import { Notice, Plugin, TFile, type WorkspaceLeaf } from "obsidian";
import { PRIORITIES, STATUSES } from "../core/model";
import type { QueueQuery } from "../core/queue-query";
import { queueItemFromText } from "../core/queue-item";
import { QueueActions } from "./actions";
import { ChoiceModal } from "./choice-modal";
import { registerCliHandlers } from "./cli-handlers";
import { recoverInterrupted } from "./journal-store";
import { loadPluginData, type PluginData } from "./plugin-data";
import { QueueIndex } from "./queue-index";
import { QueueView, VIEW_TYPE } from "./queue-view";
import { SourceQueueSettingTab } from "./settings-tab";
import { ValidateModal, type FileProblems } from "./validate-modal";

export default class SourceQueuePlugin extends Plugin {
  data!: PluginData;
  index!: QueueIndex;
  actions!: QueueActions;

  override async onload(): Promise<void> {
    let raw: unknown = null;
    try {
      raw = await this.loadData();
    } catch {
      new Notice("Source queue: the settings file could not be read; defaults are used.");
    }
    const { data, rejected } = loadPluginData(raw);
    this.data = data;
    if (rejected.length > 0) new Notice(`Source queue: invalid settings were reset to defaults: ${rejected.join(", ")}.`);

    this.index = new QueueIndex(this.app, () => this.data.settings);
    this.actions = new QueueActions(this);

    this.registerView(VIEW_TYPE, (leaf) => new QueueView(leaf, this));
    this.addRibbonIcon("list-checks", "Open source queue", () => void this.openQueue());
    this.addSettingTab(new SourceQueueSettingTab(this.app, this));
    this.addCommands();
    registerCliHandlers(this);

    this.app.workspace.onLayoutReady(() => {
      void recoverInterrupted(this.app, this.manifest);
      this.index.rebuild();
      this.registerEvent(this.app.metadataCache.on("changed", (file, _data, cache) => this.index.update(file, cache)));
      this.registerEvent(this.app.vault.on("delete", (file) => this.index.remove(file.path)));
      this.registerEvent(
        this.app.vault.on("rename", (file, oldPath) => {
          if (file instanceof TFile) this.index.rename(file, oldPath);
        }),
      );
    });
  }

  async persist(): Promise<void> {
    await this.saveData(this.data);
  }

  async saveQuery(query: QueueQuery): Promise<void> {
    this.data.query = query;
    await this.persist();
  }

  async openQueue(): Promise<void> {
    const { workspace } = this.app;
    let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(VIEW_TYPE)[0] ?? null;
    if (!leaf) {
      leaf = workspace.getRightLeaf(false);
      if (!leaf) return;
      await leaf.setViewState({ type: VIEW_TYPE, active: true });
    }
    await workspace.revealLeaf(leaf);
  }

  /** The active note, when it is a queue note. */
  private activeSource(): TFile | null {
    const file = this.app.workspace.getActiveFile();
    return file && this.index.isQueuePath(file.path) ? file : null;
  }

  private addCommands(): void {
    const onSource = (id: string, name: string, run: (file: TFile) => void) =>
      this.addCommand({
        id,
        name,
        checkCallback: (checking) => {
          const file = this.activeSource();
          if (!file) return false;
          if (!checking) run(file);
          return true;
        },
      });

    // Obsidian shows "Source Queue: Open queue" in the palette; the plugin name is not repeated.
    this.addCommand({ id: "open-queue", name: "Open queue", callback: () => void this.openQueue() });
    onSource("extract-claims", "Extract claims from this source", (file) => this.actions.extract(file));
    this.addCommand({
      id: "undo-last-extraction",
      name: "Undo last extraction",
      checkCallback: (checking) => {
        if (!this.data.lastExtraction) return false;
        if (!checking) void this.actions.undoLastExtraction();
        return true;
      },
    });
    onSource("cycle-priority", "Cycle priority of this source", (file) => void this.actions.cyclePriority(file));
    onSource("cycle-status", "Cycle status of this source", (file) => void this.actions.cycleStatus(file));
    onSource("set-priority", "Set priority of this source…", (file) =>
      new ChoiceModal(this.app, PRIORITIES, "Priority", (to) => void this.actions.change(file, { field: "priority", to })).open(),
    );
    onSource("set-status", "Set status of this source…", (file) =>
      new ChoiceModal(this.app, STATUSES, "Status", (to) => void this.actions.change(file, { field: "status", to })).open(),
    );
    this.addCommand({ id: "next-unprocessed", name: "Open next unprocessed source", callback: () => void this.actions.openNextUnprocessed() });
    this.addCommand({ id: "validate-queue", name: "Validate queue", callback: () => void this.validateQueue() });
  }

  /** Every problem of every queue note, read from the text (the index alone misses BOM, CRLF, duplicate keys). */
  async collectProblems(): Promise<FileProblems[]> {
    const report: FileProblems[] = [];
    for (const item of this.index.all()) {
      const file = this.index.fileOf(item.path);
      if (!file) continue;
      const full = queueItemFromText(file.path, await this.app.vault.cachedRead(file), this.data.settings);
      if (full && full.problems.length > 0) report.push({ path: file.path, problems: full.problems });
    }
    return report.sort((a, b) => a.path.localeCompare(b.path));
  }

  async validateQueue(): Promise<void> {
    new ValidateModal(this, await this.collectProblems(), this.index.size).open();
  }
}
