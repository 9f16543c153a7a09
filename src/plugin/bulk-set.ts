// A priority or status change on the whole selection (issue #14), with one
// undo for all of it. The runner (src/core/queue/bulk-change.ts) is given `setOne`;
// `vaultSetOne` below is the core command layer's `setFields` over the
// port: one Vault.process per note, the same checks as every other door.
// Sources agents hold are asked about once, before anything is written
// (SPEC §7: a curator's take-over is explicit): taken over in the same edit
// as the change, skipped, or the whole change called off.
import { Notice, type App } from "obsidian";
import { bulkSummary, runBulk, undoBulk, undoSummary, type BulkOutcome, type NoteChange, type RestoreOne, type SetResult } from "../core/queue/bulk-change";
import { messageOf } from "../core/text/error-message";
import { setFields, type FieldChange } from "../core/commands/set-fields";
import type { Priority, Status } from "../core/note/model";
import type { Settings } from "../core/note/settings";
import type { VaultPort } from "../core/note/vault-port";
import type { Writer } from "../core/commands/holder";
import { ReasonModal } from "./reason-modal";
import { confirmBatchTakeOver, type HeldNote } from "./take-over-modal";
import { nextFrame } from "./steps";

export type BulkFieldChange =
  | { field: "priority"; to: Priority }
  | { field: "status"; to: Status; reason?: string }
  | { field: "priority" | "status"; cycle: true };

/** Beyond this many notes a progress notice counts them. */
export const PROGRESS_FROM = 20;

/** A bulk change as the command layer's change of one note. */
export const fieldChangeOf = (change: BulkFieldChange): FieldChange =>
  "cycle" in change ? { cycle: change.field } : change.field === "priority" ? { priority: change.to } : { status: change.to, reason: change.reason };

/** One note's change; `writer` says whether a held source is taken over. */
export type BulkSetOne = (path: string, change: BulkFieldChange, writer?: Writer) => Promise<SetResult>;

/** One note, one atomic edit through the core command: its text before and after, or why it refused. */
export function vaultSetOne(port: VaultPort, settings: () => Settings, now: () => Date): BulkSetOne {
  return async (path, change, writer = {}) => {
    if (port.existing(path) === null) return { ok: false, error: "no longer exists" };
    try {
      const result = await setFields(port, path, fieldChangeOf(change), { settings: settings(), now: now(), writer });
      return { ok: true, before: result.before, after: result.after };
    } catch (err) {
      return { ok: false, error: messageOf(err) };
    }
  };
}

/** Puts a note back only if it is still byte for byte what the change left. */
export function vaultRestoreOne(app: App): RestoreOne {
  return async ({ path, before, after }) => {
    const file = app.vault.getFileByPath(path);
    if (!file) return "missing";
    let result: "restored" | "edited" = "edited";
    await app.vault.process(file, (text) => {
      if (text !== after) return text;
      result = "restored";
      return before;
    });
    return result;
  };
}

const describe = (change: BulkFieldChange): string =>
  "cycle" in change ? `the next ${change.field}` : `${change.field} ${change.to}`;

export interface BulkSetterDeps {
  app: App;
  setOne: BulkSetOne;
  restoreOne: RestoreOne;
  /** Who holds this source against a curator's write (an agent's live lease), or null; none: nothing is asked. */
  heldBy?: (path: string) => HeldNote | null;
  /** Where null-result reasons go (settings.reasonField), named in the dialog. */
  reasonField: () => string;
  pause?: () => Promise<void>;
}

/** Runs bulk changes, shows their progress and summary, and keeps the last one for undo (in memory: texts of hundreds of notes do not belong in data.json). */
export class BulkSetter {
  private last: NoteChange[] | null = null;
  private running = false;

  constructor(private readonly deps: BulkSetterDeps) {}

  get canUndo(): boolean {
    return this.last !== null && this.last.length > 0;
  }

  /**
   * Set one field on these notes. Null-result without a reason asks once for
   * all of them, and so do sources agents hold. Resolves when done (or, with
   * null, when a dialog is dismissed: then nothing is written).
   */
  async set(paths: readonly string[], change: BulkFieldChange): Promise<BulkOutcome | null> {
    if (paths.length === 0) return null;
    if ("to" in change && change.field === "status" && change.to === "null-result" && change.reason === undefined) {
      const reason = await this.askReason(paths);
      if (reason === null) return null;
      return this.set(paths, { ...change, reason });
    }
    if (this.running) {
      new Notice("A bulk change is still running; wait for it to finish.");
      return null;
    }
    this.running = true;
    let progress: Notice | null = null;
    try {
      const held = this.deps.heldBy ? paths.map(this.deps.heldBy).filter((h): h is HeldNote => h !== null) : [];
      const answer = held.length > 0 ? await confirmBatchTakeOver(this.deps.app, held, paths.length) : "skip";
      if (answer === null) return null;
      const heldPaths = new Set(held.map((h) => h.path));
      // Skipped held sources are not written at all; taken-over ones are changed with the rest, each lease ended in the same edit.
      const run = answer === "skip" ? paths.filter((p) => !heldPaths.has(p)) : paths;
      const writerOf = (path: string): Writer => (answer === "take-over" && heldPaths.has(path) ? { takeOver: true } : {});
      if (run.length > PROGRESS_FROM) progress = new Notice(`Setting ${describe(change)}: 0 of ${run.length}…`, 0);
      const outcome = await runBulk(run, change, (path, c) => this.deps.setOne(path, c, writerOf(path)), {
        pause: this.deps.pause ?? nextFrame,
        onProgress: (done, total) => {
          if (progress && (done % 10 === 0 || done === total)) progress.setMessage(`Setting ${describe(change)}: ${done} of ${total}…`);
        },
      });
      progress?.hide();
      if (answer === "skip") for (const h of held) outcome.refused.push({ path: h.path, error: `held by ${h.by ?? "an agent"}, skipped` });
      if (outcome.changed.length > 0) this.last = outcome.changed;
      // A one-note change says nothing unless it was refused: the row shows it.
      if (paths.length > 1 || outcome.refused.length > 0) this.summary(bulkSummary(outcome, describe(change)), outcome.changed.length > 0 && paths.length > 1);
      return outcome;
    } finally {
      progress?.hide();
      this.running = false;
    }
  }

  /** Puts back every note of the last bulk change that nobody edited since. */
  async undo(): Promise<void> {
    const last = this.last;
    if (!last || last.length === 0) {
      new Notice("There is no bulk change to undo.");
      return;
    }
    this.last = null;
    const outcome = await undoBulk(last, this.deps.restoreOne, { pause: this.deps.pause ?? nextFrame });
    new Notice(undoSummary(outcome), 8000);
  }

  private summary(text: string, offerUndo: boolean): void {
    if (!offerUndo) {
      new Notice(text, 6000);
      return;
    }
    // The message as a fragment with the button in it (Notice.messageEl needs 1.8.7; a fragment works from 0.x).
    let notice: Notice | null = null;
    const message = createFragment((f) => {
      f.appendText(text);
      const button = f.createEl("button", { cls: "source-queue-notice-undo", text: "Undo" });
      button.addEventListener("click", (evt) => {
        evt.stopPropagation();
        notice?.hide();
        void this.undo();
      });
    });
    notice = new Notice(message, 10000);
  }

  private askReason(paths: readonly string[]): Promise<string | null> {
    return new Promise((resolve) => {
      let answered = false;
      const name = (paths[0] ?? "").replace(/^.*\//, "").replace(/\.md$/i, "");
      const modal = new ReasonModal(
        this.deps.app,
        name,
        (reason) => {
          answered = true;
          resolve(reason);
        },
        { count: paths.length, field: this.deps.reasonField() },
      );
      const close = modal.onClose.bind(modal);
      modal.onClose = () => {
        close();
        // Dismissed without a reason: nothing is set.
        window.setTimeout(() => {
          if (!answered) resolve(null);
        }, 0);
      };
      modal.open();
    });
  }
}
