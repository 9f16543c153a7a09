import { SecretStorage } from "./secrets";
import { requireApiVersion } from "./api-version";
/**
 * App: vault, metadata cache, file manager, workspace, keymap, plus the
 * internal registries plugins talk to (commands, views, settings, CLI). Its
 * DOM is `.app-container` in document.body: the ribbon (`.side-dock-ribbon`),
 * the workspace and the status bar.
 */
import { Commands } from "./commands";
import "./dom-helpers";
import { FileManager } from "./file-manager";
import { Keymap, Scope, type UserEvent } from "./keymap";
import { MetadataCache } from "./metadata-cache";
import { MemoryStorage, type VaultStorage } from "./storage";
import type { PluginSettingTab } from "./setting-tab";
import { Vault } from "./vault";
import { ViewRegistry } from "./view-registry";
import { Workspace } from "./workspace";

export interface AppOptions {
  storage?: VaultStorage;
  vaultName?: string;
  /** Vault settings: useMarkdownLinks, newLinkFormat, trashOption, alwaysUpdateLinks, newFileLocation… */
  config?: Record<string, unknown>;
}

export interface CliHandlerRecord {
  command: string;
  description: string;
  flags: Record<string, { value?: string; description: string; required?: boolean }> | null;
  handler: (params: Record<string, string>) => string | Promise<string>;
  pluginId: string;
}

/** app.setting: the settings modal, with the plugins' tabs. */
export class SettingRegistry {
  pluginTabs: PluginSettingTab[] = [];
  activeTab: PluginSettingTab | null = null;
  containerEl: HTMLElement;
  private contentEl: HTMLElement;

  constructor() {
    this.containerEl = createDiv({ cls: ["modal-container", "mod-settings"] });
    const modal = this.containerEl.createDiv({ cls: ["modal", "mod-settings"] });
    this.contentEl = modal.createDiv({ cls: "vertical-tab-content-container" });
  }

  addSettingTab(tab: PluginSettingTab): void {
    tab.id = tab.plugin.manifest.id;
    tab.name = tab.plugin.manifest.name;
    this.pluginTabs.push(tab);
  }

  removeSettingTab(tab: PluginSettingTab): void {
    if (this.activeTab === tab) this.close();
    this.pluginTabs = this.pluginTabs.filter((t) => t !== tab);
  }

  open(): void {
    if (!this.containerEl.isConnected) document.body.appendChild(this.containerEl);
  }

  /** Opens the settings on the tab of plugin `id` and calls its display(). */
  openTabById(id: string): PluginSettingTab | null {
    const tab = this.pluginTabs.find((t) => t.id === id) ?? null;
    if (!tab) return null;
    this.open();
    if (this.activeTab && this.activeTab !== tab) this.activeTab.hide();
    this.activeTab = tab;
    this.contentEl.empty();
    this.contentEl.appendChild(tab.containerEl);
    tab.display();
    return tab;
  }

  close(): void {
    this.activeTab?.hide();
    this.activeTab = null;
    this.containerEl.detach();
  }
}

/** The workspace, its leaves and views, the registries and the settings tabs name App from register.ts: importing it from here would be an import circle. */
declare module "./register" {
  interface Register {
    app: RegisteredApp;
  }
}
/** Inside the block above, `App` would be register.ts's own alias of it. */
type RegisteredApp = App;

export class App {
  keymap: Keymap;
  scope: Scope;
  workspace: Workspace;
  vault: Vault;
  metadataCache: MetadataCache;
  fileManager: FileManager;
  lastEvent: UserEvent | null = null;
  commands: Commands;
  viewRegistry: ViewRegistry;
  setting = new SettingRegistry();
  /** Obsidian's secret storage (1.11.4): absent on an older simulated app. */
  private readonly secrets = new SecretStorage();
  get secretStorage(): SecretStorage {
    if (!requireApiVersion("1.11.4")) return undefined as unknown as SecretStorage;
    return this.secrets;
  }
  plugins: { plugins: Record<string, unknown>; manifests: Record<string, unknown>; enabledPlugins: Set<string>; getPlugin(id: string): unknown } = {
    plugins: {},
    manifests: {},
    enabledPlugins: new Set(),
    getPlugin: (id: string) => this.plugins.plugins[id] ?? null,
  };
  /** Handlers registered with Plugin.registerCliHandler (Obsidian's own command line). */
  cli = {
    handlers: new Map<string, CliHandlerRecord>(),
    /** Runs a CLI command as `obsidian <command> key=value…` would. */
    run: async (command: string, params: Record<string, string> = {}): Promise<string> => {
      const record = this.cli.handlers.get(command);
      if (!record) throw new Error(`Unknown command: ${command}`);
      return record.handler(params);
    },
  };
  protocolHandlers: Record<string, (params: Record<string, string>) => unknown> = {};
  /** DOM: `.app-container` and its parts. */
  dom: { appContainerEl: HTMLElement; ribbonEl: HTMLElement; ribbonActionsEl: HTMLElement; statusBarEl: HTMLElement };
  private local = new Map<string, unknown>();
  private readonly trackEvent = (evt: Event): void => {
    this.lastEvent = evt as UserEvent;
  };

  constructor(options: AppOptions = {}) {
    this.scope = new Scope();
    this.keymap = new Keymap(this.scope);
    this.vault = new Vault(options.storage ?? new MemoryStorage(), { name: options.vaultName, config: options.config });
    this.metadataCache = new MetadataCache(this.vault);
    this.fileManager = new FileManager(this);
    this.viewRegistry = new ViewRegistry(this);
    this.workspace = new Workspace(this);
    this.commands = new Commands(this);

    const appContainerEl = document.body.createDiv({ cls: "app-container" });
    const main = appContainerEl.createDiv({ cls: "horizontal-main-container" });
    const ribbonEl = main.createDiv({ cls: ["workspace-ribbon", "side-dock-ribbon", "mod-left"] });
    const ribbonActionsEl = ribbonEl.createDiv({ cls: "side-dock-actions" });
    main.appendChild(this.workspace.containerEl);
    const statusBarEl = appContainerEl.createDiv({ cls: "status-bar" });
    this.dom = { appContainerEl, ribbonEl, ribbonActionsEl, statusBarEl };

    this.keymap._viewScopeFor = (target) => {
      let found: Scope | null = null;
      this.workspace.iterateAllLeaves((leaf) => {
        if (!found && target instanceof Node && leaf.containerEl.contains(target)) found = leaf.view.scope;
      });
      return found ?? (target === document.body ? (this.workspace.activeLeaf?.view.scope ?? null) : null);
    };
    document.addEventListener("keydown", this.keymap._onKeyDown);
    for (const type of ["keydown", "mousedown", "click", "contextmenu"]) document.addEventListener(type, this.trackEvent, true);
  }

  isDarkMode(): boolean {
    return document.body.classList.contains("theme-dark");
  }

  loadLocalStorage(key: string): any | null {
    return this.local.get(key) ?? null;
  }

  saveLocalStorage(key: string, data: unknown | null): void {
    if (data === null) this.local.delete(key);
    else this.local.set(key, data);
  }

  /** Test-only: removes the app's DOM and document listeners. */
  destroy(): void {
    document.removeEventListener("keydown", this.keymap._onKeyDown);
    for (const type of ["keydown", "mousedown", "click", "contextmenu"]) document.removeEventListener(type, this.trackEvent, true);
    this.setting.close();
    this.dom.appContainerEl.detach();
  }
}
