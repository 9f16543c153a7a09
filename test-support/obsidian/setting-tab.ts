/**
 * SettingTab / PluginSettingTab. The tab is shown with
 * `app.setting.openTabById(pluginId)`, which calls display(); hide() empties
 * it. The 1.13 declarative API (getSettingDefinitions…) is present from API
 * 1.13.0 on, but the double does not render definitions: it always calls display().
 */
import type { App } from "./register";
import { since } from "./api-version";
import "./dom-helpers";
import type { Plugin } from "./register";

export abstract class SettingTab {
  icon = "settings";
  app: App;
  containerEl: HTMLElement;
  settingItems: unknown[] = [];

  constructor(app: App) {
    this.app = app;
    this.containerEl = createDiv({ cls: "vertical-tab-content" });
  }

  getSettingDefinitions(): unknown[] {
    return [];
  }

  update(): void {
    this.settingItems = this.getSettingDefinitions();
  }

  getControlValue(key: string): unknown {
    return this.app.vault.getConfig(key);
  }

  setControlValue(key: string, value: unknown): void | Promise<void> {
    this.app.vault.setConfig(key, value);
  }

  refreshDomState(): void {}

  display(): void {}

  hide(): void {
    this.containerEl.empty();
  }
}

export abstract class PluginSettingTab extends SettingTab {
  plugin: Plugin;
  /** @internal set by addSettingTab */
  id = "";
  /** @internal set by addSettingTab */
  name = "";

  constructor(app: App, plugin: Plugin) {
    super(app);
    this.plugin = plugin;
  }

  override getControlValue(key: string): unknown {
    return (this.plugin.settings as Record<string, unknown> | undefined)?.[key];
  }

  override async setControlValue(key: string, value: unknown): Promise<void> {
    const settings = (this.plugin.settings ??= {}) as Record<string, unknown>;
    settings[key] = value;
    await this.plugin.saveData(settings);
  }
}

for (const name of ["getSettingDefinitions", "update", "getControlValue", "setControlValue", "refreshDomState"]) {
  since(SettingTab.prototype, name, "1.13.0");
}
for (const name of ["getControlValue", "setControlValue"]) since(PluginSettingTab.prototype, name, "1.13.0");
