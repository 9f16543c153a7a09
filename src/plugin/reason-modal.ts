// Asks why a source is a null-result (SPEC §4); the answer goes to `notes`.
import { Modal, Setting, type App } from "obsidian";

export class ReasonModal extends Modal {
  private reason = "";

  constructor(
    app: App,
    private readonly noteName: string,
    private readonly onSubmit: (reason: string) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle("Mark as null-result");
    this.contentEl.createEl("p", { text: `Why did "${this.noteName}" yield nothing? This is saved in the note's notes field.` });
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
