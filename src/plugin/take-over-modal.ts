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
