// "Detect from this vault" (SPEC §1, the vault's conventions): the settings
// the vault's notes suggest, each with the counts behind it, read from the
// metadata cache. Nothing changes until the user presses Apply.
import { Modal, Setting, type App } from "obsidian";
import { conventionLines, detectReasonField, type ConventionNote, type Conventions } from "../core/commands/conventions";
import type { Settings } from "../core/note/settings";

/** Every Markdown note (under `folder`, when given) with its frontmatter, from the metadata cache. */
export function conventionNotesOf(app: App, folder = ""): ConventionNote[] {
  const prefix = folder === "" ? "" : `${folder}/`;
  return app.vault
    .getMarkdownFiles()
    .filter((f) => f.path.startsWith(prefix))
    .map((f) => ({ path: f.path, data: (app.metadataCache.getFileCache(f)?.frontmatter) ?? null }));
}

/** The settings a write uses: with no reason field set, the one the queue's null-result notes use (SPEC §1). */
export function writingSettings(app: App, settings: Settings): Settings {
  if (settings.reasonField !== "") return settings;
  return { ...settings, reasonField: detectReasonField(conventionNotesOf(app, settings.queueFolder)).field };
}

export class ConventionsModal extends Modal {
  constructor(
    app: App,
    private readonly found: Conventions,
    private readonly onApply: () => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle("Settings this vault suggests");
    this.contentEl.createEl("p", { text: "Counted from the vault's notes. Nothing is changed unless you apply them." });
    const list = this.contentEl.createEl("ul", { cls: "source-queue-conventions" });
    const lines = conventionLines(this.found);
    for (let i = 0; i < lines.length; i += 2) {
      const item = list.createEl("li", { attr: { "data-setting": this.found.proposals[i / 2]?.setting ?? "" } });
      item.createDiv({ text: lines[i] ?? "" });
      item.createDiv({ cls: "setting-item-description", text: (lines[i + 1] ?? "").trim() });
    }
    new Setting(this.contentEl)
      .addButton((b) => b.setButtonText("Cancel").onClick(() => this.close()))
      .addButton((b) =>
        b
          .setButtonText("Apply")
          .setCta()
          .onClick(() => {
            this.close();
            this.onApply();
          }),
      );
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
