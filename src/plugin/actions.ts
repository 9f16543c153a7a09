// Everything a user can do to a queue note, in one place, so the sidebar's
// clicks, keys and menu and the command palette all do the same thing.
import { Keymap, Menu, Notice, TFile, type PaneType } from "obsidian";
import { applyExtraction, messageOf, undoExtraction, type ExtractionPlan } from "../core/extraction";
import { PRIORITIES, STATUSES } from "../core/model";
import type SourceQueuePlugin from "./main";
import { ExtractModal } from "./extract-modal";
import { writeField, type FieldChange } from "./field-writer";
import { pluginJournal } from "./journal-store";
import { ObsidianVaultPort } from "./obsidian-vault-port";
import { ReasonModal } from "./reason-modal";

export class QueueActions {
  constructor(private readonly plugin: SourceQueuePlugin) {}

  private get app() {
    return this.plugin.app;
  }

  async open(file: TFile, where: PaneType | boolean = false): Promise<void> {
    await this.app.workspace.getLeaf(where).openFile(file);
  }

  /** Open from a click: modifier-click opens a new tab, as everywhere in Obsidian. */
  openFromEvent(file: TFile, evt: MouseEvent | KeyboardEvent): Promise<void> {
    return this.open(file, Keymap.isModEvent(evt));
  }

  async change(file: TFile, change: FieldChange): Promise<void> {
    if ("to" in change && change.field === "status" && change.to === "null-result" && change.reason === undefined) {
      new ReasonModal(this.app, file.basename, (reason) => void this.change(file, { field: "status", to: "null-result", reason })).open();
      return;
    }
    try {
      await writeField(this.app, file, change, this.plugin.data.settings);
    } catch (err) {
      // A row clicked just as its note was deleted: say that, not the disk's error.
      const gone = this.app.vault.getFileByPath(file.path) === null;
      new Notice(gone ? `${file.basename} no longer exists; nothing was changed.` : messageOf(err));
    }
  }

  cyclePriority(file: TFile): Promise<void> {
    return this.change(file, { field: "priority", cycle: true });
  }

  cycleStatus(file: TFile): Promise<void> {
    return this.change(file, { field: "status", cycle: true });
  }

  extract(file: TFile): void {
    new ExtractModal(this.plugin, file).open();
  }

  /** Apply a reviewed plan; keep its record for undo (a run that created nothing keeps the previous one). */
  async applyPlan(plan: ExtractionPlan): Promise<boolean> {
    const result = await applyExtraction(plan, new ObsidianVaultPort(this.app), pluginJournal(this.app, this.plugin.manifest));
    if (!result.ok) {
      const left = result.leftBehind.length > 0 ? ` Could not remove: ${result.leftBehind.join(", ")}.` : "";
      new Notice(`Extraction failed and was undone: ${result.error}.${left}`, 10000);
      return false;
    }
    if (result.record) {
      this.plugin.data.lastExtraction = result.record;
      await this.plugin.persist();
    }
    // Skipped: candidates the user left unchecked (existing ones are linked, not skipped).
    const skipped = plan.candidates.filter((c) => !c.selected && c.existing === null).length;
    const made = result.created.length;
    new Notice(`Created ${made} claim${made === 1 ? "" : "s"}, linked ${result.linked.length} existing, skipped ${skipped}.`);
    return true;
  }

  async undoLastExtraction(): Promise<void> {
    const record = this.plugin.data.lastExtraction;
    if (!record) {
      new Notice("There is no extraction to undo.");
      return;
    }
    try {
      const result = await undoExtraction(record, new ObsidianVaultPort(this.app));
      this.plugin.data.lastExtraction = null;
      await this.plugin.persist();
      const lines = [`Undid the extraction from ${record.sourcePath}: moved ${result.trashed.length} claim${result.trashed.length === 1 ? "" : "s"} to the trash.`];
      if (result.keptEdited.length > 0) lines.push(`Kept because edited since: ${result.keptEdited.join(", ")}.`);
      if (result.missing.length > 0) lines.push(`Already gone: ${result.missing.join(", ")}.`);
      if (result.sourceRestored) lines.push("The source is restored.");
      else if (result.sourceNote) lines.push(`${result.sourceNote}.`);
      new Notice(lines.join("\n"), 10000);
    } catch (err) {
      new Notice(`Undo failed: ${messageOf(err)}`);
    }
  }

  /** The highest-priority unprocessed source, newest first within a priority. */
  async openNextUnprocessed(): Promise<void> {
    const next = this.plugin.index.ordered("priority-newest", false).items.find((i) => i.status === "unprocessed");
    const file = next ? this.plugin.index.fileOf(next.path) : null;
    if (!file) {
      new Notice("No unprocessed sources in the queue.");
      return;
    }
    await this.open(file);
  }

  /** The row's menu: every action on one note. */
  fillMenu(menu: Menu, file: TFile): void {
    const item = this.plugin.index.get(file.path);
    menu.addItem((i) => i.setTitle("Open").setIcon("file-text").setSection("open").onClick(() => void this.open(file)));
    menu.addItem((i) => i.setTitle("Open in new tab").setIcon("file-plus").setSection("open").onClick(() => void this.open(file, "tab")));
    for (const p of PRIORITIES) {
      menu.addItem((i) =>
        i
          .setTitle(`Priority: ${p}`)
          .setSection("priority")
          .setChecked(item?.priority === p)
          .onClick(() => void this.change(file, { field: "priority", to: p })),
      );
    }
    for (const s of STATUSES) {
      menu.addItem((i) =>
        i
          .setTitle(s === "null-result" ? "Status: null-result…" : `Status: ${s}`)
          .setSection("status")
          .setChecked(item?.status === s)
          .onClick(() => void this.change(file, { field: "status", to: s })),
      );
    }
    menu.addItem((i) => i.setTitle("Extract claims…").setIcon("split").setSection("extract").onClick(() => this.extract(file)));
    if (this.plugin.data.lastExtraction?.sourcePath === file.path) {
      menu.addItem((i) => i.setTitle("Undo last extraction").setIcon("undo-2").setSection("extract").onClick(() => void this.undoLastExtraction()));
    }
  }
}
