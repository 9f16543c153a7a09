// Settings (SPEC §1, §3, §4; issue #14 for the vault's conventions and
// compact rows): every setting, validated with the same zod schema as
// data.json; an invalid value is shown, not saved. One table describes them:
// display() draws it for apps before 1.13, getSettingDefinitions() hands it
// to 1.13's declarative settings (which also puts them in settings search).
import { PluginSettingTab, Setting, type App, type Plugin, type SettingDefinitionItem, type SettingDefinition } from "obsidian";
import { CONFIDENCES, STATUSES } from "../core/note/model";
import { settingsSchema, type Settings } from "../core/note/settings";
import { QueueView, VIEW_TYPE } from "./queue-view";

type Key = keyof Settings;

/** What the tab needs: the settings it edits, a way to save them, and the index to rebuild when the queue's scope changes. */
export interface SettingsHost {
  settings(): Settings;
  save(): Promise<void>;
  rebuildIndex(): void;
}

interface Entry {
  key: Key;
  name: string;
  desc: string;
  kind: "text" | "list" | "toggle" | "dropdown";
  options?: readonly string[];
  placeholder?: string;
}

interface Group {
  heading: string;
  entries: Entry[];
}

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
      { key: "reasonField", kind: "text", name: "Reason field", desc: "The field that says why a source is a null-result: read by validate, written when you set null-result. Default: notes." },
      { key: "enrichmentsField", kind: "text", name: "Enrichments field", desc: "The field that lists the claims a source enriched. Default: enrichments." },
    ],
  },
  {
    heading: "Claims",
    entries: [
      { key: "claimFolder", kind: "text", name: "Claim folder", desc: "Where new claims go. {{domain}} is replaced by the source's domain. Default: domains/{{domain}}." },
      { key: "fallbackClaimFolder", kind: "text", name: "Folder for sources without a domain", desc: "Default: inbox/claims." },
      { key: "defaultConfidence", kind: "dropdown", options: CONFIDENCES, name: "Default confidence", desc: "The confidence new claims start with; each can be changed in the preview." },
      { key: "statusAfterExtraction", kind: "dropdown", options: STATUSES, name: "Status after extraction", desc: "The status a source gets once its claims are created." },
      { key: "processedBy", kind: "text", placeholder: "Your name", name: "Processed by", desc: "Written to processed_by when a source is processed. Leave empty to omit the field." },
    ],
  },
  {
    heading: "Agents",
    entries: [
      { key: "reviewBranch", kind: "text", name: "Review branch", desc: "With source-queue --sync git --review, the git branch each agent's extraction goes to for review. {{slug}} is the source's file name without .md. Default: extract/{{slug}}." },
    ],
  },
];

const ENTRIES = new Map(SETTING_GROUPS.flatMap((g) => g.entries).map((e) => [e.key, e]));

const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

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
    const parsed = settingsSchema.shape[entry.key].safeParse(entry.kind === "list" && typeof raw === "string" ? list(raw) : raw);
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Invalid value");
  }

  private async save(key: Key, raw: unknown): Promise<void> {
    const entry = ENTRIES.get(key);
    const parsed = settingsSchema.shape[key].safeParse(entry?.kind === "list" && typeof raw === "string" ? list(raw) : raw);
    if (!parsed.success) return;
    (this.host.settings() as Record<string, unknown>)[key] = parsed.data;
    await this.host.save();
    if (REINDEX.has(key)) this.host.rebuildIndex();
    // Compact rows and the priority badge are drawn by the open queue: it redraws now.
    for (const leaf of this.app.workspace.getLeavesOfType(VIEW_TYPE)) if (leaf.view instanceof QueueView) leaf.view.render();
  }

  /** Obsidian 1.13 and later: the same table, declared. */
  override getSettingDefinitions(): SettingDefinitionItem[] {
    return SETTING_GROUPS.map((group) => ({
      type: "group" as const,
      heading: group.heading,
      items: group.entries.map((e) => this.definition(e)),
    }));
  }

  private definition(e: Entry): SettingDefinition {
    const validate = (value: unknown) => this.parse(e.key, value) ?? undefined;
    if (e.kind === "toggle") return { name: e.name, desc: e.desc, control: { type: "toggle", key: e.key } };
    if (e.kind === "dropdown") {
      return { name: e.name, desc: e.desc, control: { type: "dropdown", key: e.key, options: Object.fromEntries((e.options ?? []).map((o) => [o, o])), validate } };
    }
    return { name: e.name, desc: e.desc, control: { type: "text", key: e.key, placeholder: e.placeholder, validate } };
  }

  /** Apps before 1.13 (minAppVersion is lower): the same table, drawn by hand. */
  override display(): void {
    const { containerEl } = this;
    containerEl.empty();
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
    } else {
      setting.addText((t) => {
        if (e.placeholder) t.setPlaceholder(e.placeholder);
        t.setValue(String(value)).onChange((v) => this.saveFrom(e.key, v, t.inputEl));
      });
    }
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
