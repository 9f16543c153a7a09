// Settings (SPEC §1, §3, §4): every setting, validated with the same zod
// schema as data.json; an invalid value is shown, not saved.
import { PluginSettingTab, Setting, type App, type Plugin } from "obsidian";
import { CONFIDENCES, STATUSES } from "../core/model";
import { settingsSchema, type Settings } from "../core/settings";

/** What the tab needs: the settings it edits, a way to save them, and the index to rebuild when the queue's scope changes. */
export interface SettingsHost {
  settings(): Settings;
  save(): Promise<void>;
  rebuildIndex(): void;
}

const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

export class SourceQueueSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  private async save<K extends keyof Settings>(key: K, raw: unknown, input: HTMLElement): Promise<void> {
    const parsed = settingsSchema.shape[key].safeParse(raw);
    input.toggleClass("source-queue-invalid", !parsed.success);
    if (!parsed.success) {
      input.setAttr("aria-invalid", "true");
      input.setAttr("title", parsed.error.issues[0]?.message ?? "Invalid value");
      return;
    }
    input.removeAttribute("aria-invalid");
    input.removeAttribute("title");
    (this.host.settings() as Record<string, unknown>)[key] = parsed.data;
    await this.host.save();
    if (key === "queueFolder" || key === "sourceTypes" || key === "otherNoteTypes") this.host.rebuildIndex();
  }

  override display(): void {
    const { containerEl } = this;
    const s = this.host.settings();
    containerEl.empty();

    new Setting(containerEl).setName("Queue").setHeading();
    new Setting(containerEl)
      .setName("Queue folder")
      .setDesc("Every note under this folder is a queue item, except notes of the other note types below. Leave empty for the whole vault. Default: inbox.")
      .addText((t) => t.setValue(s.queueFolder).onChange((v) => this.save("queueFolder", v, t.inputEl)));
    new Setting(containerEl)
      .setName("Source types")
      .setDesc("Values of the type field that mark a source, separated by commas. Legacy evidence and archive are accepted with a warning. Default: source.")
      .addText((t) => t.setValue(s.sourceTypes.join(", ")).onChange((v) => this.save("sourceTypes", list(v), t.inputEl)));
    new Setting(containerEl)
      .setName("Other note types")
      .setDesc("Notes of these types are left out of the queue even inside the queue folder, separated by commas. Default: claim.")
      .addText((t) => t.setValue(s.otherNoteTypes.join(", ")).onChange((v) => this.save("otherNoteTypes", list(v), t.inputEl)));

    new Setting(containerEl).setName("Claims").setHeading();
    new Setting(containerEl)
      .setName("Claim folder")
      .setDesc("Where new claims go. {{domain}} is replaced by the source's domain. Default: domains/{{domain}}.")
      .addText((t) => t.setValue(s.claimFolder).onChange((v) => this.save("claimFolder", v, t.inputEl)));
    new Setting(containerEl)
      .setName("Folder for sources without a domain")
      .setDesc("Default: inbox/claims.")
      .addText((t) => t.setValue(s.fallbackClaimFolder).onChange((v) => this.save("fallbackClaimFolder", v, t.inputEl)));
    new Setting(containerEl)
      .setName("Default confidence")
      .setDesc("The confidence new claims start with; each can be changed in the preview.")
      .addDropdown((d) => {
        for (const c of CONFIDENCES) d.addOption(c, c);
        d.setValue(s.defaultConfidence).onChange((v) => this.save("defaultConfidence", v, d.selectEl));
      });
    new Setting(containerEl)
      .setName("Status after extraction")
      .setDesc("The status a source gets once its claims are created.")
      .addDropdown((d) => {
        for (const st of STATUSES) d.addOption(st, st);
        d.setValue(s.statusAfterExtraction).onChange((v) => this.save("statusAfterExtraction", v, d.selectEl));
      });
    new Setting(containerEl)
      .setName("Processed by")
      .setDesc("Written to processed_by when a source is processed. Leave empty to omit the field.")
      .addText((t) => t.setPlaceholder("Your name").setValue(s.processedBy).onChange((v) => this.save("processedBy", v, t.inputEl)));
  }
}
