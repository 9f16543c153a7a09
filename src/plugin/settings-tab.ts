// Settings (SPEC §1, §3, §4; issue #14 for the vault's conventions and
// compact rows): every setting, validated with the same zod schema as
// data.json; an invalid value is shown, not saved. One table describes them:
// display() draws it for apps before 1.13, getSettingDefinitions() hands it
// to 1.13's declarative settings (which also puts them in settings search).
import { PluginSettingTab, Setting, type App, type Plugin, type SettingDefinitionItem, type SettingDefinition } from "obsidian";
import { CONFIDENCES, STATUSES } from "../core/note/model";
import { AI_PROVIDERS, settingsSchema, type Settings } from "../core/note/settings";
import { applyConventions, type Conventions } from "../core/commands/conventions";
import { ConventionsModal } from "./conventions-modal";
import { NEEDS_NEWER_APP, secretPicker } from "./ai-request";
import { QueueView, VIEW_TYPE } from "./queue-view";

type Key = keyof Settings;

/** What the tab needs: the settings it edits, a way to save them, and the index to rebuild when the queue's scope changes. */
export interface SettingsHost {
  settings(): Settings;
  save(): Promise<void>;
  rebuildIndex(): void;
  /** The settings the vault's notes suggest (SPEC §1 "Detect from this vault"); absent: no button. */
  detect?(): Conventions;
}

interface Entry {
  key: Key;
  name: string;
  desc: string;
  kind: "text" | "list" | "toggle" | "dropdown" | "number" | "secret";
  options?: readonly string[];
  placeholder?: string;
}

interface Group {
  heading: string;
  entries: Entry[];
}

/** What is sent and where, in the settings tab's words (the README says the same). */
export const AI_SENT =
  "Off (none) by default. When a provider is chosen, nothing is sent until you press Draft with AI in the extract preview or run Draft claims with AI; then one request sends that source's title, content, extraction hints and curator notes, and the titles of up to 20 similar claims of this vault, to the base URL below. Nothing else of the vault is sent.";

/** Every setting, in the order the tab shows them. */
export const SETTING_GROUPS: Group[] = [
  {
    heading: "Queue",
    entries: [
      { key: "queueFolder", kind: "text", name: "Queue folder", desc: "Every note under this folder is a queue item, except notes of the other note types below. Leave empty for the whole vault. Default: inbox." },
      { key: "sourceTypes", kind: "list", name: "Source types", desc: "Values of the type field that mark a source, separated by commas. Legacy evidence and archive are accepted with a warning. Default: source." },
      { key: "otherNoteTypes", kind: "list", name: "Other note types", desc: "Notes of these types are left out of the queue even inside the queue folder, separated by commas. Default: claim." },
      { key: "compactRows", kind: "toggle", name: "Compact rows", desc: "One line per source, with priority and status as small badges; the author and date are left out." },
    ],
  },
  {
    heading: "Vault conventions",
    entries: [
      { key: "usePriority", kind: "toggle", name: "Use priority", desc: "Turn off when this vault's sources have no priority field: no priority warnings, badge or filter." },
      { key: "reasonField", kind: "text", name: "Reason field", desc: "The field a null-result's reason is written to. Empty (the default): the field most null-result notes of this vault use. Validate accepts a reason in notes or extraction_notes." },
      { key: "enrichmentsField", kind: "text", name: "Enrichments field", desc: "The field that lists the claims a source enriched. Default: enrichments." },
    ],
  },
  {
    heading: "Claims",
    entries: [
      { key: "claimFolder", kind: "text", name: "Claim folder", desc: "Where new claims go. auto (the default): the folder that already holds the most claims of the source's domain, else domains/{{domain}}. Or a pattern: {{domain}} is replaced by the source's domain." },
      { key: "fallbackClaimFolder", kind: "text", name: "Folder for sources without a domain", desc: "Default: inbox/claims." },
      { key: "defaultConfidence", kind: "dropdown", options: CONFIDENCES, name: "Default confidence", desc: "The confidence new claims start with; each can be changed in the preview." },
      { key: "statusAfterExtraction", kind: "dropdown", options: STATUSES, name: "Status after extraction", desc: "The status a source gets once its claims are created." },
      { key: "processedBy", kind: "text", placeholder: "Your name", name: "Processed by", desc: "Written to processed_by when a source is processed. Leave empty to omit the field." },
    ],
  },
  {
    heading: "AI drafts",
    entries: [
      { key: "aiProvider", kind: "dropdown", options: AI_PROVIDERS, name: "AI provider", desc: AI_SENT },
      { key: "aiBaseUrl", kind: "text", placeholder: "http://127.0.0.1:11434", name: "AI base URL", desc: "Where requests go. Empty: the provider's default (api.openai.com/v1, 127.0.0.1:11434 for Ollama, api.anthropic.com). LM Studio: http://127.0.0.1:1234/v1." },
      { key: "aiModel", kind: "text", placeholder: "llama3.1:8b", name: "AI model", desc: "The model's name as the provider knows it. It is recorded in a source's extraction_model when a drafted claim is created." },
      { key: "aiTimeoutSeconds", kind: "number", name: "AI time limit (seconds)", desc: "A draft with no answer by then is stopped; the rule-based candidates stay. Default: 60." },
      { key: "aiKeySecret", kind: "secret", name: "AI key", desc: "Kept in Obsidian's secret storage, never in this plugin's data.json, so a synced or committed vault does not carry it. A local server (Ollama, LM Studio) needs none. Needs Obsidian 1.11.4 or newer." },
    ],
  },
  {
    heading: "Agents",
    entries: [
      { key: "reviewBranch", kind: "text", name: "Review branch", desc: "With source-queue --sync git --review, the git branch each agent's extraction goes to for review. {{slug}} is the source's file name without .md. Default: extract/{{slug}}." },
    ],
  },
];

const DETECT_NAME = "Detect from this vault";
const DETECT_DESC =
  "Propose settings from this vault's notes (queue folder, source type, reason field, priority, claim folders per domain), with the counts behind each. Nothing changes until you apply them.";

const ENTRIES = new Map(SETTING_GROUPS.flatMap((g) => g.entries).map((e) => [e.key, e]));

const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

/** A control's raw value as the setting holds it: lists split, numbers read. */
const valueOf = (e: Entry, raw: unknown): unknown => (e.kind === "list" && typeof raw === "string" ? list(raw) : e.kind === "number" && typeof raw === "string" ? (raw.trim() === "" ? Number.NaN : Number(raw)) : raw);

/** Settings whose change alters which problems notes have: the index reads every note again. */
const REINDEX: ReadonlySet<Key> = new Set(["queueFolder", "sourceTypes", "otherNoteTypes", "usePriority", "reasonField"]);

export class SourceQueueSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  /** The value as the control shows it (lists as comma-separated text). */
  override getControlValue(key: string): unknown {
    const value = (this.host.settings() as Record<string, unknown>)[key];
    return Array.isArray(value) ? value.join(", ") : value;
  }

  /** Saves a valid value; an invalid one is ignored here (validate() has said why). */
  override async setControlValue(key: string, raw: unknown): Promise<void> {
    if (this.parse(key, raw) !== null) return;
    await this.save(key as Key, raw);
  }

  /** Why a value is invalid, or null. */
  private parse(key: string, raw: unknown): string | null {
    const entry = ENTRIES.get(key as Key);
    if (!entry) return "Unknown setting";
    const parsed = settingsSchema.shape[entry.key].safeParse(valueOf(entry, raw));
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Invalid value");
  }

  private async save(key: Key, raw: unknown): Promise<void> {
    const entry = ENTRIES.get(key);
    const parsed = settingsSchema.shape[key].safeParse(entry ? valueOf(entry, raw) : raw);
    if (!parsed.success) return;
    (this.host.settings() as Record<string, unknown>)[key] = parsed.data;
    await this.host.save();
    if (REINDEX.has(key)) this.host.rebuildIndex();
    // Compact rows and the priority badge are drawn by the open queue: it redraws now.
    for (const leaf of this.app.workspace.getLeavesOfType(VIEW_TYPE)) if (leaf.view instanceof QueueView) leaf.view.render();
  }

  /** Obsidian 1.13 and later: the same table, declared. */
  override getSettingDefinitions(): SettingDefinitionItem[] {
    const detect = this.host.detect?.bind(this.host);
    return SETTING_GROUPS.map((group) => {
      const items: SettingDefinition[] = group.entries.map((e) => this.definition(e));
      if (detect && group.heading === "Vault conventions") items.unshift({ name: DETECT_NAME, desc: DETECT_DESC, action: () => this.openDetected(detect()) });
      return { type: "group" as const, heading: group.heading, items };
    });
  }

  private definition(e: Entry): SettingDefinition {
    const validate = (value: unknown) => this.parse(e.key, value) ?? undefined;
    if (e.kind === "toggle") return { name: e.name, desc: e.desc, control: { type: "toggle", key: e.key } };
    if (e.kind === "number") return { name: e.name, desc: e.desc, control: { type: "number", key: e.key, min: 1, max: 3600, validate } };
    if (e.kind === "secret") return { name: e.name, desc: e.desc, render: (setting) => this.secretControl(setting) };
    if (e.kind === "dropdown") {
      return { name: e.name, desc: e.desc, control: { type: "dropdown", key: e.key, options: Object.fromEntries((e.options ?? []).map((o) => [o, o])), validate } };
    }
    return { name: e.name, desc: e.desc, control: { type: "text", key: e.key, placeholder: e.placeholder, validate } };
  }

  /** Apps before 1.13 (minAppVersion is lower): the same table, drawn by hand. */
  override display(): void {
    this.drawAll();
  }

  private drawAll(): void {
    const { containerEl } = this;
    containerEl.empty();
    const detect = this.host.detect?.bind(this.host);
    if (detect) {
      new Setting(containerEl)
        .setName(DETECT_NAME)
        .setDesc(DETECT_DESC)
        .addButton((b) => b.setButtonText(DETECT_NAME).onClick(() => this.openDetected(detect())));
    }
    for (const group of SETTING_GROUPS) {
      new Setting(containerEl).setName(group.heading).setHeading();
      for (const e of group.entries) this.draw(containerEl, e);
    }
  }

  private draw(containerEl: HTMLElement, e: Entry): void {
    const setting = new Setting(containerEl).setName(e.name).setDesc(e.desc);
    const value = this.getControlValue(e.key);
    if (e.kind === "toggle") {
      setting.addToggle((t) => t.setValue(value === true).onChange((v) => this.saveFrom(e.key, v, t.toggleEl)));
    } else if (e.kind === "dropdown") {
      setting.addDropdown((d) => {
        for (const o of e.options ?? []) d.addOption(o, o);
        d.setValue(String(value)).onChange((v) => this.saveFrom(e.key, v, d.selectEl));
      });
    } else if (e.kind === "secret") {
      this.secretControl(setting);
    } else {
      setting.addText((t) => {
        if (e.placeholder) t.setPlaceholder(e.placeholder);
        t.setValue(String(value)).onChange((v) => this.saveFrom(e.key, v, t.inputEl));
      });
    }
  }

  /** Shows what the vault suggests; Apply saves exactly those settings, then the tab redraws. */
  openDetected(found: Conventions): ConventionsModal {
    const modal = new ConventionsModal(this.app, found, () => void this.applyDetected(found));
    modal.open();
    return modal;
  }

  private async applyDetected(found: Conventions): Promise<void> {
    const next = applyConventions(this.host.settings(), found.proposals);
    Object.assign(this.host.settings(), next);
    await this.host.save();
    this.host.rebuildIndex();
    // Redraw the drawn tab of apps before 1.13; 1.13 reads the values through getControlValue.
    if (this.containerEl.childElementCount > 0) this.drawAll();
  }

  /** The key's control: Obsidian's secret picker; on an app without secret storage, a line that says so. */
  private secretControl(setting: Setting): void {
    const picker = secretPicker(this.app, setting.controlEl);
    if (picker === null) {
      setting.setDesc(NEEDS_NEWER_APP);
      return;
    }
    picker.setValue(this.host.settings().aiKeySecret).onChange((name) => void this.save("aiKeySecret", name));
  }

  /** From a drawn control: marks it invalid (and why) or saves. */
  private async saveFrom(key: Key, raw: unknown, input: HTMLElement): Promise<void> {
    const problem = this.parse(key, raw);
    input.toggleClass("source-queue-invalid", problem !== null);
    if (problem !== null) {
      input.setAttr("aria-invalid", "true");
      input.setAttr("title", problem);
      return;
    }
    input.removeAttribute("aria-invalid");
    input.removeAttribute("title");
    await this.save(key, raw);
  }
}
