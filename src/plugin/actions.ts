// Everything a user can do to a queue note, in one place, so the sidebar's
// clicks, keys and menu and the command palette all do the same thing. A
// thin door over the core commands: it turns a click into a command call and
// the result into a notice. It gets what it needs (port, settings, clock,
// index, callbacks) from main.ts, never the plugin object, so no module here
// imports the plugin and there is no import circle.
import { Keymap, Notice, type App, type Menu, type PaneType, type TFile } from "obsidian";
import { EditRefused, UsageError } from "../core/commands/command-error";
import { applyPlan, undo, type ExtractOutcome } from "../core/commands/extract";
import { setFields, type FieldChange } from "../core/commands/set-fields";
import { type ExtractionPlan } from "../core/extraction/extraction";
import { type ExtractionRecord } from "../core/extraction/apply-extraction";
import { messageOf } from "../core/text/error-message";
import { PRIORITIES, STATUSES } from "../core/note/model";
import { summaryLine } from "../core/commands/json-output";
import type { JournalContext } from "../core/extraction/apply-extraction";
import type { Settings } from "../core/note/settings";
import type { VaultPort } from "../core/note/vault-port";
import type { QueueIndex } from "./queue-index";
import { ReasonModal } from "./reason-modal";
import { SourceHeld, type Writer } from "../core/commands/holder";
import { confirmTakeOver } from "./take-over-modal";

export interface ActionsHost {
  app: App;
  port: VaultPort;
  settings(): Settings;
  /** The clock: "today" for every date written. */
  now(): Date;
  index: QueueIndex;
  lastExtraction(): ExtractionRecord | null;
  /** Keep (or forget, with null) the record undo reverts, across reloads. */
  setLastExtraction(record: ExtractionRecord | null): Promise<void>;
  /** Open the extract preview for a source. */
  /** Opens the preview; `draft`: and asks the configured model for a draft at once ("Draft claims with AI"). */
  openExtract(file: TFile, draft?: boolean): void;
  /** Where an extraction writes its intent before the first change (SPEC §8). */
  journal: JournalContext;
}

export class QueueActions {
  constructor(private readonly host: ActionsHost) {}

  private get app() {
    return this.host.app;
  }

  async open(file: TFile, where: PaneType | boolean = false): Promise<void> {
    await this.app.workspace.getLeaf(where).openFile(file);
  }

  /** Open from a click: modifier-click opens a new tab, as everywhere in Obsidian. */
  openFromEvent(file: TFile, evt: MouseEvent | KeyboardEvent): Promise<void> {
    return this.open(file, Keymap.isModEvent(evt));
  }

  /** Set or cycle fields; null-result without a reason asks for one first, and a source an agent holds asks before taking it over. */
  async change(file: TFile, change: FieldChange, takeOver = false): Promise<void> {
    if (change.status?.trim().toLowerCase() === "null-result" && !change.reason?.trim()) {
      const field = this.host.settings().reasonField;
      new ReasonModal(this.app, file.basename, (reason) => void this.change(file, { ...change, reason }, takeOver), { field }).open();
      return;
    }
    try {
      await setFields(this.host.port, file.path, change, { settings: this.host.settings(), now: this.host.now(), writer: { takeOver } });
    } catch (err) {
      if (err instanceof SourceHeld && !takeOver) {
        if (await confirmTakeOver(this.app, err)) await this.change(file, change, true);
        return;
      }
      // A row clicked just as its note was deleted: say that, not the disk's error.
      const gone = this.app.vault.getFileByPath(file.path) === null;
      if (gone) new Notice(`${file.basename} no longer exists; nothing was changed.`);
      else if (err instanceof EditRefused) new Notice(`${file.basename} was not changed: ${err.reason}`);
      else new Notice(err instanceof UsageError ? `${file.basename} was not changed: ${err.message}` : messageOf(err));
    }
  }

  cyclePriority(file: TFile): Promise<void> {
    return this.change(file, { cycle: "priority" });
  }

  cycleStatus(file: TFile): Promise<void> {
    return this.change(file, { cycle: "status" });
  }

  extract(file: TFile, draft = false): void {
    this.host.openExtract(file, draft);
  }

  /** Apply a reviewed plan and say what happened; keeps its record for undo (a run that created nothing keeps the previous one). A source an agent holds asks first. */
  async applyPlanOutcome(plan: ExtractionPlan, writer: Writer = {}, ask = true): Promise<ExtractOutcome> {
    let outcome: ExtractOutcome;
    try {
      outcome = await applyPlan(this.host.port, plan, { writer, now: this.host.now() }, this.host.journal);
    } catch (err) {
      if (!(err instanceof SourceHeld) && !(err instanceof UsageError)) throw err;
      if (err instanceof SourceHeld && ask && writer.takeOver !== true && (await confirmTakeOver(this.app, err))) return this.applyPlanOutcome(plan, { ...writer, takeOver: true });
      outcome = { plan, dryRun: false, code: 1, created: [], enriched: [], errors: [err.message], record: null };
    }
    if (outcome.failure) {
      const left = outcome.failure.leftBehind.length > 0 ? ` Could not remove: ${outcome.failure.leftBehind.join(", ")}.` : "";
      new Notice(`Extraction failed and was undone: ${outcome.failure.error}.${left}`, 10000);
      return outcome;
    }
    if (outcome.code !== 0) {
      new Notice(`Nothing was extracted: ${outcome.errors.join("; ")}.`, 10000);
      return outcome;
    }
    if (outcome.record) await this.host.setLastExtraction(outcome.record);
    // Skipped: candidates the user left unchecked (existing ones are linked, not skipped).
    const skipped = plan.candidates.filter((c) => !c.selected && c.existing === null).length;
    const made = outcome.created.length;
    new Notice(`${summaryLine(made, outcome.enriched.length, plan.linked.length)}, skipped ${skipped}.`);
    return outcome;
  }

  /** The same, answering whether it succeeded (the preview closes on success). */
  async applyPlan(plan: ExtractionPlan): Promise<boolean> {
    return (await this.applyPlanOutcome(plan)).code === 0;
  }

  async undoLastExtraction(): Promise<void> {
    const record = this.host.lastExtraction();
    if (!record) {
      new Notice("There is no extraction to undo.");
      return;
    }
    try {
      const result = await undo(this.host.port, record, { maker: null, now: this.host.now() });
      await this.host.setLastExtraction(null);
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
    // Just after start-up the index may still be reading the vault: the answer waits for all of it.
    await this.host.index.built();
    const next = this.host.index.ordered("priority-newest", false).items.find((i) => i.status === "unprocessed");
    const file = next ? this.host.index.fileOf(next.path) : null;
    if (!file) {
      new Notice("No unprocessed sources in the queue.");
      return;
    }
    await this.open(file);
  }

  /** The row's menu: every action on one note. */
  fillMenu(menu: Menu, file: TFile): void {
    const item = this.host.index.get(file.path);
    menu.addItem((i) => i.setTitle("Open").setIcon("file-text").setSection("open").onClick(() => void this.open(file)));
    menu.addItem((i) => i.setTitle("Open in new tab").setIcon("file-plus").setSection("open").onClick(() => void this.open(file, "tab")));
    for (const p of PRIORITIES) {
      menu.addItem((i) =>
        i
          .setTitle(`Priority: ${p}`)
          .setSection("priority")
          .setChecked(item?.priority === p)
          .onClick(() => void this.change(file, { priority: p })),
      );
    }
    for (const s of STATUSES) {
      menu.addItem((i) =>
        i
          .setTitle(s === "null-result" ? "Status: null-result…" : `Status: ${s}`)
          .setSection("status")
          .setChecked(item?.status === s)
          .onClick(() => void this.change(file, { status: s })),
      );
    }
    menu.addItem((i) => i.setTitle("Extract claims…").setIcon("split").setSection("extract").onClick(() => this.extract(file)));
    if (this.host.lastExtraction()?.sourcePath === file.path) {
      menu.addItem((i) => i.setTitle("Undo last extraction").setIcon("undo-2").setSection("extract").onClick(() => void this.undoLastExtraction()));
    }
  }
}
