// A curator's write to a source an agent holds asks first (SPEC §7 "Holders,
// versions and limits"): the core refuses it (SourceHeld) unless the write is
// a take-over, which ends the agent's lease in the same edit.
import { Modal, Setting, type App } from "obsidian";
import type { SourceHeld } from "../core/commands/holder";

class TakeOverModal extends Modal {
  private taken = false;

  constructor(
    app: App,
    private readonly held: SourceHeld,
    private readonly done: (takeOver: boolean) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    const { hold } = this.held;
    this.setTitle("Take over from the agent?");
    const until = hold.until === null ? "" : ` until ${hold.until.toLocaleString()}`;
    this.contentEl.createEl("p", { text: `${this.held.path} is held by ${hold.by ?? "an agent"}${until}. Taking it over ends the agent's lease in the same change; the agent's next write to it is refused.` });
    new Setting(this.contentEl)
      .addButton((b) => b.setButtonText("Cancel").onClick(() => this.close()))
      .addButton((b) =>
        b
          .setButtonText("Take over")
          .setCta()
          .onClick(() => {
            this.taken = true;
            this.close();
          }),
      );
  }

  override onClose(): void {
    this.contentEl.empty();
    this.done(this.taken);
  }
}

/** Asks whether to take the held source over; true when the curator said so. */
export const confirmTakeOver = (app: App, held: SourceHeld): Promise<boolean> => new Promise((resolve) => new TakeOverModal(app, held, resolve).open());

/** A source of a bulk change that an agent holds: who, and until when. */
export interface HeldNote {
  path: string;
  by: string | null;
  until: Date | null;
}

/** The curator's answer for the held sources of a batch: take them over, leave them as they are, or (null) change nothing at all. */
export type BatchTakeOver = "take-over" | "skip" | null;

/** Held notes named in the dialog; the rest are counted. */
const NAMED = 5;

const nameOf = (path: string): string => path.replace(/^.*\//, "").replace(/\.md$/i, "");

/** "2 of the 5 selected sources are held by agents (agent-a, agent-b): take them over?" */
export function batchQuestion(held: readonly HeldNote[], selected: number): string {
  const agents = [...new Set(held.map((h) => h.by ?? "unnamed"))];
  const one = held.length === 1;
  const whom = agents.length === 1 ? "an agent" : "agents";
  return `${held.length} of the ${selected} selected sources ${one ? "is" : "are"} held by ${whom} (${agents.join(", ")}): take ${one ? "it" : "them"} over?`;
}

// One question for the whole batch, never one per note: a selection of 200
// with 12 held must not open 12 dialogs.
class BatchTakeOverModal extends Modal {
  private answer: BatchTakeOver = null;

  constructor(
    app: App,
    private readonly held: readonly HeldNote[],
    private readonly selected: number,
    private readonly done: (answer: BatchTakeOver) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle("Take over from agents?");
    this.contentEl.createEl("p", { text: batchQuestion(this.held, this.selected) });
    const list = this.contentEl.createEl("ul", { cls: "source-queue-take-over-list" });
    for (const h of this.held.slice(0, NAMED)) {
      const until = h.until === null ? "" : ` until ${h.until.toLocaleString()}`;
      list.createEl("li", { text: `${nameOf(h.path)}: ${h.by ?? "unnamed"}${until}` });
    }
    if (this.held.length > NAMED) list.createEl("li", { text: `and ${this.held.length - NAMED} more` });
    this.contentEl.createEl("p", { text: "Taking over ends their leases in the same change; the agents' next writes to them are refused. Skip held changes only the others." });
    const answer = (a: BatchTakeOver) => () => {
      this.answer = a;
      this.close();
    };
    new Setting(this.contentEl)
      .addButton((b) => b.setButtonText("Cancel").onClick(answer(null)))
      .addButton((b) => b.setButtonText("Skip held").onClick(answer("skip")))
      .addButton((b) => b.setButtonText("Take over").setCta().onClick(answer("take-over")));
  }

  override onClose(): void {
    this.contentEl.empty();
    this.done(this.answer);
  }
}

/** Asks once what to do with the held sources of a bulk change of `selected` sources. */
export const confirmBatchTakeOver = (app: App, held: readonly HeldNote[], selected: number): Promise<BatchTakeOver> =>
  new Promise((resolve) => new BatchTakeOverModal(app, held, selected, resolve).open());
