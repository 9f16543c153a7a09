// Source Queue for Obsidian (SPEC §4). Wires the core to the app: the queue
// index, the sidebar view, commands, settings, and the CLI handlers. Each
// module is handed what it needs (the port, a settings reader, the clock,
// callbacks), never this object, so nothing imports this file back. Work
// that reads the vault waits for the layout to be ready, so start-up stays
// cheap; everything is registered through `this.register*`, so unloading
// leaves nothing behind.
import { Notice, Plugin, TFile, type WorkspaceLeaf } from "obsidian";
import { settingsFile, validateQueue } from "../core/commands/validate";
import { PRIORITIES, STATUSES } from "../core/note/model";
import type { QueueQuery } from "../core/queue/queue-query";
import { QueueActions } from "./actions";
import { registerBulkChanges } from "./bulk-commands";
import type { BulkSetter } from "./bulk-set";
import { ChoiceModal } from "./choice-modal";
import { ClaimIndexLive } from "./claim-index-live";
import { registerCliHandlers } from "./cli-handlers";
import { ExtractModal } from "./extract-modal";
import { aiConfigIn } from "./ai-request";
import { ObsidianVaultPort } from "./obsidian-vault-port";
import { pluginJournal, recoverInterrupted } from "./journal-store";
import { loadPluginData, type PluginData } from "./plugin-data";
import { QueueIndex } from "./queue-index";
import { readQueueRows } from "./queue-rows";
import { QueueView, VIEW_TYPE } from "./queue-view";
import { SourceQueueSettingTab } from "./settings-tab";
import { detectConventions } from "../core/commands/conventions";
import { listedClaims } from "../core/claims/claim-input";
import { conventionNotesOf, writingSettings } from "./conventions-modal";
import { ValidateModal } from "./validate-modal";

/** The one clock of the plugin: every door asks it for "today". */
const now = () => new Date();

export default class SourceQueuePlugin extends Plugin {
  data!: PluginData;
  index!: QueueIndex;
  actions!: QueueActions;
  /** Settings that were invalid in data.json at load and fell back to defaults; validate reports them. */
  rejectedSettings: string[] = [];
  /** Changes on the queue's selection, and their undo (issue #14). */
  bulk!: BulkSetter;
  /** The vault's claims, live from the metadata cache (SPEC §6): near-duplicates and enrichment targets. */
  claimIndex!: ClaimIndexLive;

  override async onload(): Promise<void> {
    let raw: unknown = null;
    try {
      raw = await this.loadData();
    } catch (err) {
      this.rejectedSettings = [`(${err instanceof Error ? err.message.split("\n")[0] : "unreadable"})`];
      new Notice("Source queue: the settings file could not be read; defaults are used.");
    }
    const { data, rejected } = loadPluginData(raw);
    this.data = data;
    this.rejectedSettings.push(...rejected);
    if (rejected.length > 0) new Notice(`Source queue: invalid settings were reset to defaults: ${rejected.join(", ")}.`);

    const port = new ObsidianVaultPort(this.app);
    const settings = () => this.data.settings;
    this.index = new QueueIndex(this.app, settings);
    // A child component: it starts listening at layout ready and stops with the plugin.
    this.claimIndex = this.addChild(new ClaimIndexLive(this.app));
    const claims = () => this.claimIndex.index;
    // Writes use the detected reason field when none is set (SPEC §1); the tab edits the stored settings themselves.
    const writing = () => writingSettings(this.app, settings());
    this.actions = new QueueActions({
      app: this.app,
      port,
      settings: writing,
      now,
      index: this.index,
      lastExtraction: () => this.data.lastExtraction,
      setLastExtraction: async (record) => {
        this.data.lastExtraction = record;
        await this.persist();
      },
      journal: pluginJournal(this.app, this.manifest),
      openExtract: (file, draft) => new ExtractModal({ app: this.app, settings, now, claims, ai: () => aiConfigIn(this.app, settings()), applyPlan: (plan) => this.actions.applyPlan(plan) }, file, draft === true).open(),
    });

    const current = () => this.data;
    const bulk = () => this.bulk;
    this.registerView(VIEW_TYPE, (leaf) => new QueueView(leaf, {
      get data() {
        return current();
      },
      index: this.index,
      actions: this.actions,
      get bulk() {
        return bulk();
      },
      saveQuery: (q) => this.saveQuery(q),
    }));
    this.addRibbonIcon("list-checks", "Open source queue", () => void this.openQueue());
    const detect = () => detectConventions(conventionNotesOf(this.app), claims(), settings());
    this.addSettingTab(new SourceQueueSettingTab(this.app, this, { settings, save: () => this.persist(), rebuildIndex: () => void this.index.rebuild(), detect }));
    this.addCommands();
    this.bulk = registerBulkChanges({ plugin: this, port, settings: writing, now });
    registerCliHandlers(this, {
      port,
      vaultName: () => this.app.vault.getName(),
      settings,
      rejectedSettings: () => this.rejectedSettings,
      settingsPath: () => settingsFile(this.app.vault.configDir),
      now,
      rows: () => this.queueRows(),
      claims,
      // Obsidian's command line names its writer (agent=, take-over) and is never asked.
      applyPlan: (plan, writer) => this.actions.applyPlanOutcome(plan, writer, false),
      listedClaims: (paths) => this.listedClaims(paths),
    });

    this.app.workspace.onLayoutReady(() => {
      void recoverInterrupted(this.app, this.manifest);
      void this.index.rebuild();
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
    // SPEC §9: the preview opens and asks the configured model at once (the user's action is this command).
    onSource("draft-claims-with-ai", "Draft claims with AI", (file) => this.actions.extract(file, true));
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
      new ChoiceModal(this.app, PRIORITIES, "Priority", (priority) => void this.actions.change(file, { priority })).open(),
    );
    onSource("set-status", "Set status of this source…", (file) =>
      new ChoiceModal(this.app, STATUSES, "Status", (status) => void this.actions.change(file, { status })).open(),
    );
    this.addCommand({ id: "next-unprocessed", name: "Open next unprocessed source", callback: () => void this.actions.openNextUnprocessed() });
    this.addCommand({ id: "validate-queue", name: "Validate queue", callback: () => void this.validateQueue() });
  }

  /** Every queue row, read from the text (the index alone misses BOM, CRLF, duplicate keys). */
  queueRows() {
    return readQueueRows(this.app, this.index, this.data.settings);
  }

  /** What each note lists in claims_extracted, from the metadata cache: entries naming no claim note are warned (SPEC §2 rule 9). */
  listedClaims(paths: readonly string[]): Map<string, string[]> {
    const frontmatterOf = (path: string) => {
      const file = this.app.vault.getFileByPath(path);
      return (file ? this.app.metadataCache.getFileCache(file)?.frontmatter : undefined) ?? {};
    };
    return new Map(paths.map((p) => [p, listedClaims(frontmatterOf(p))]));
  }

  async validateQueue(): Promise<void> {
    const items = await this.queueRows();
    const claims = { index: this.claimIndex.index, listed: this.listedClaims(items.map((i) => i.path)) };
    const result = validateQueue({ items, settingsPath: settingsFile(this.app.vault.configDir), rejected: this.rejectedSettings, claims });
    new ValidateModal(this.app, (file, evt) => void this.actions.openFromEvent(file, evt), result.files, result.checked).open();
  }
}
