// The validate-queue command (SPEC §4): every problem of every queue note,
// grouped by note, each note a link that opens it.
import { Modal, TFile, type App } from "obsidian";
import type { Problem } from "../core/note/model";

export interface FileProblems {
  path: string;
  problems: Problem[];
}

export class ValidateModal extends Modal {
  constructor(
    app: App,
    /** Opens a note from a click (modifier-click: a new tab). */
    private readonly openNote: (file: TFile, evt: MouseEvent) => void,
    private readonly report: FileProblems[],
    private readonly checked: number,
  ) {
    super(app);
  }

  override onOpen(): void {
    const errors = this.report.reduce((n, f) => n + f.problems.filter((p) => p.level === "error").length, 0);
    const warnings = this.report.reduce((n, f) => n + f.problems.filter((p) => p.level === "warning").length, 0);
    this.setTitle("Source queue problems");
    this.modalEl.addClass("source-queue-report");
    this.contentEl.createEl("p", {
      cls: "source-queue-report-summary",
      text: `${this.checked} sources checked: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${this.report.length} note${this.report.length === 1 ? "" : "s"}.`,
    });
    if (this.report.length === 0) {
      this.contentEl.createEl("p", { text: "Every source reads cleanly." });
      return;
    }
    const list = this.contentEl.createEl("ul", { cls: "source-queue-report-list" });
    for (const entry of this.report) {
      const li = list.createEl("li");
      const link = li.createEl("a", { text: entry.path, href: "#", cls: "internal-link" });
      link.addEventListener("click", (evt) => {
        evt.preventDefault();
        const file = this.app.vault.getAbstractFileByPath(entry.path);
        if (file instanceof TFile) {
          this.openNote(file, evt);
          this.close();
        }
      });
      const problems = li.createEl("ul");
      for (const p of entry.problems) {
        problems.createEl("li", { cls: `source-queue-problem-${p.level}`, text: `${p.level === "error" ? "Error" : "Warning"}: ${p.message}` });
      }
    }
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
