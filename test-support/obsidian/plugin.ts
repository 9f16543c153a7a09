/**
 * Plugin: everything it adds to the app is removed again on unload (ribbon
 * icons, status bar items, commands, views, setting tab, handlers). Leaves of
 * its view types are not detached (Obsidian keeps them as placeholders).
 * loadData/saveData use `<configDir>/plugins/<id>/data.json` through the
 * adapter: missing → null; broken JSON → JSON.parse's SyntaxError.
 */
import type { App } from "./app";
import { since } from "./api-version";
import type { Command } from "./commands";
import { Component } from "./component";
import "./dom-helpers";
import { setIcon, setTooltip } from "./icons";
import type { PluginSettingTab } from "./setting-tab";
import type { ViewCreator } from "./workspace";

export interface PluginManifest {
  dir?: string;
  id: string;
  name: string;
  author: string;
  version: string;
  minAppVersion: string;
  description: string;
  authorUrl?: string;
  isDesktopOnly?: boolean;
}

export interface CliFlag {
  value?: string;
  description: string;
  required?: boolean;
}

export type CliHandler = (params: Record<string, string>) => string | Promise<string>;

/** Settings tabs (PluginSettingTab.plugin) name Plugin from register.ts: importing it from here would be an import circle. */
declare module "./register" {
  interface Register {
    plugin: RegisteredPlugin;
  }
}
/** Inside the block above, `Plugin` would be register.ts's own alias of it. */
type RegisteredPlugin = Plugin;

export abstract class Plugin extends Component {
  app: App;
  manifest: PluginManifest;
  settings?: unknown;
  /** Test-only: what the plugin registered that the double only records. */
  readonly registered = {
    markdownPostProcessors: [] as unknown[],
    codeBlockProcessors: [] as { language: string; handler: unknown }[],
    editorExtensions: [] as unknown[],
    editorSuggests: [] as unknown[],
    hoverLinkSources: {} as Record<string, unknown>,
  };

  constructor(app: App, manifest: PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  override onload(): Promise<void> | void {}

  private dataPath(): string {
    const dir = this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`;
    return `${dir}/data.json`;
  }

  async loadData(): Promise<any> {
    const adapter = this.app.vault.adapter;
    const path = this.dataPath();
    if (!(await adapter.exists(path))) return null;
    return JSON.parse(await adapter.read(path));
  }

  async saveData(data: any): Promise<void> {
    const adapter = this.app.vault.adapter;
    const path = this.dataPath();
    await adapter.mkdir(path.slice(0, path.lastIndexOf("/")));
    await adapter.write(path, JSON.stringify(data, null, 2));
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => any): HTMLElement {
    const el = this.app.dom.ribbonActionsEl.createDiv({ cls: ["side-dock-ribbon-action", "clickable-icon"] });
    setIcon(el, icon);
    setTooltip(el, title, { placement: "right" });
    el.addEventListener("click", callback);
    this.register(() => el.detach());
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = this.app.dom.statusBarEl.createDiv({ cls: ["status-bar-item", `plugin-${this.manifest.id.toLowerCase().replace(/[^a-z0-9-]/g, "-")}`] });
    this.register(() => el.detach());
    return el;
  }

  addCommand(command: Command): Command {
    command.id = `${this.manifest.id}:${command.id}`;
    command.name = `${this.manifest.name}: ${command.name}`;
    this.app.commands.addCommand(command);
    const id = command.id;
    this.register(() => this.app.commands.removeCommand(id));
    return command;
  }

  removeCommand(commandId: string): void {
    this.app.commands.removeCommand(`${this.manifest.id}:${commandId}`);
  }

  addSettingTab(settingTab: PluginSettingTab): void {
    this.app.setting.addSettingTab(settingTab);
    this.register(() => this.app.setting.removeSettingTab(settingTab));
  }

  registerView(type: string, viewCreator: ViewCreator): void {
    this.app.viewRegistry.registerView(type, viewCreator);
    this.register(() => this.app.viewRegistry.unregisterView(type));
  }

  registerHoverLinkSource(id: string, info: { display: string; defaultMod: boolean }): void {
    this.registered.hoverLinkSources[id] = info;
    this.register(() => delete this.registered.hoverLinkSources[id]);
  }

  registerExtensions(extensions: string[], viewType: string): void {
    this.app.viewRegistry.registerExtensions(extensions, viewType);
    this.register(() => this.app.viewRegistry.unregisterExtensions(extensions));
  }

  registerMarkdownPostProcessor<T>(postProcessor: T, sortOrder?: number): T {
    void sortOrder;
    this.registered.markdownPostProcessors.push(postProcessor);
    return postProcessor;
  }

  registerMarkdownCodeBlockProcessor(language: string, handler: (source: string, el: HTMLElement, ctx: unknown) => Promise<any> | void, sortOrder?: number): unknown {
    void sortOrder;
    this.registered.codeBlockProcessors.push({ language, handler });
    return handler;
  }

  registerBasesView(viewId: string, registration: unknown): boolean {
    void viewId;
    void registration;
    return false;
  }

  registerEditorExtension(extension: unknown): void {
    this.registered.editorExtensions.push(extension);
  }

  registerObsidianProtocolHandler(action: string, handler: (params: Record<string, string>) => any): void {
    this.app.protocolHandlers[action] = handler;
    this.register(() => delete this.app.protocolHandlers[action]);
  }

  registerEditorSuggest(editorSuggest: unknown): void {
    this.registered.editorSuggests.push(editorSuggest);
  }

  /** Registers `command` for Obsidian's command line; run it with `app.cli.run(command, params)`. */
  registerCliHandler(command: string, description: string, flags: Record<string, CliFlag> | null, handler: CliHandler): void {
    const handlers = this.app.cli.handlers;
    if (handlers.has(command)) throw new Error(`CLI command "${command}" is already registered`);
    handlers.set(command, { command, description, flags, handler, pluginId: this.manifest.id });
    this.register(() => handlers.delete(command));
  }

  onUserEnable(): void {}
}

since(Plugin.prototype, "registerCliHandler", "1.12.2");
since(Plugin.prototype, "registerBasesView", "1.10.0");
