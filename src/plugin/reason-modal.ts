// Asks why a source is a null-result (SPEC §4); the answer goes to `notes`.
import { Modal, Setting, type App } from "obsidian";

export class ReasonModal extends Modal {
  private reason = "";

  constructor(
    app: App,
    private readonly noteName: string,
    private readonly onSubmit: (reason: string) => void,
    /** For a bulk change: how many sources, and the field the reason goes to (settings.reasonField). */
    private readonly opts: { count?: number; field?: string } = {},
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle("Mark as null-result");
    const field = this.opts.field ?? "notes";
    const what = this.opts.count !== undefined && this.opts.count > 1 ? `these ${this.opts.count} sources` : `"${this.noteName}"`;
    const where = this.opts.count !== undefined && this.opts.count > 1 ? `each note's ${field} field` : `the note's ${field} field`;
    this.contentEl.createEl("p", { text: `Why did ${what} yield nothing? This is saved in ${where}.` });
    const submit = () => {
      if (this.reason.trim() === "") return;
      this.close();
      this.onSubmit(this.reason.trim());
    };
    new Setting(this.contentEl).setName("Reason").addTextArea((t) => {
      t.setPlaceholder("Paywalled; no new evidence; duplicate of…").onChange((v) => {
        this.reason = v;
      });
      t.inputEl.addClass("source-queue-reason");
      t.inputEl.addEventListener("keydown", (evt) => {
        if (evt.key === "Enter" && (evt.metaKey || evt.ctrlKey)) submit();
      });
    });
    new Setting(this.contentEl)
      .addButton((b) => b.setButtonText("Cancel").onClick(() => this.close()))
      .addButton((b) => b.setButtonText("Set null-result").setCta().onClick(submit));
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
