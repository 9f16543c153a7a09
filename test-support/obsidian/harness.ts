/**
 * Test harness: an App over an in-memory (or given) storage, started the way
 * Obsidian starts. Default order (as in Obsidian): the plugin's onload runs
 * first (the vault is still empty), then the vault is indexed — firing
 * 'create' for every folder and file, before layout ready — then restored
 * leaves are put back, then layout ready, then the metadata cache settles.
 * Works in a browser page too (no Node built-ins).
 */
import { App } from "./app";
import { DEFAULT_API_VERSION, setApiVersion } from "./api-version";
import { liveDomListenerCount, liveIntervalCount } from "./component";
import { listenerErrors, type Events } from "./events";
import { currentMenu } from "./menu";
import { openModals } from "./modal";
import { noticeLog, type NoticeRecord } from "./notice";
import type { Plugin, PluginManifest } from "./plugin";
import type { PluginSettingTab } from "./setting-tab";
import { MemoryStorage, type VaultStorage } from "./storage";
import { DeferredView } from "./view";
import type { WorkspaceLeaf } from "./workspace-leaf";

export interface RestoredLeaf {
  type: string;
  side?: "left" | "right" | "root";
  state?: Record<string, unknown>;
  /** make it the active leaf */
  active?: boolean;
  /** keep it deferred until revealed (default true, as background tabs since 1.7.2) */
  deferred?: boolean;
}

export interface HarnessOptions {
  files?: Record<string, string>;
  storage?: VaultStorage;
  /** vault settings: useMarkdownLinks, newLinkFormat, trashOption, alwaysUpdateLinks, newFileLocation, newFileFolderPath */
  config?: Record<string, unknown>;
  vaultName?: string;
  /** simulated Obsidian version (default "1.13.1"); reset by destroy() */
  apiVersion?: string;
  /** "warm" (default): cache ready at startup without 'changed'; "cold": indexed after startup, firing 'changed' per file */
  cache?: "warm" | "cold";
  /** leaves of the saved layout, restored after plugins load and before layout ready */
  restoredLeaves?: RestoredLeaf[];
  /** index the vault before plugins load (getFiles() works in onload, no 'create' seen); default false */
  vaultLoadedBeforePlugins?: boolean;
}

export interface ListenerBreakdown {
  events: number;
  dom: number;
  intervals: number;
}

export type PluginClass<P> = new (app: any, manifest: any) => P;

export interface Harness {
  app: App;
  vault: App["vault"];
  metadataCache: App["metadataCache"];
  workspace: App["workspace"];
  storage: VaultStorage;
  /** texts of the notices shown since the harness was created */
  readonly notices: string[];
  readonly noticeRecords: NoticeRecord[];
  /** errors thrown by event listeners since the harness was created */
  readonly errors: unknown[];
  readonly started: boolean;
  rightSidebarEl: HTMLElement;
  leftSidebarEl: HTMLElement;
  rootEl: HTMLElement;
  ribbonEl: HTMLElement;
  statusBarEl: HTMLElement;
  start(): Promise<void>;
  loadPlugin<P>(PluginCtor: PluginClass<P>, manifest?: Partial<PluginManifest>): Promise<P>;
  unloadPlugin(plugin: unknown): Promise<void>;
  settle(): Promise<void>;
  liveListenerCount(): number;
  listenerBreakdown(): ListenerBreakdown;
  runCommand(id: string): Promise<boolean>;
  openSettings(pluginId: string): PluginSettingTab | null;
  editExternally(path: string, text: string): Promise<void>;
  read(path: string): string;
  destroy(): void;
}

/** Listeners still attached: on the app's Events objects, DOM listeners from registerDomEvent, intervals from registerInterval. */
export function listenerBreakdown(app: App): ListenerBreakdown {
  const objects: Events[] = [app.vault, app.metadataCache, app.workspace, app.viewRegistry];
  const ws = app.workspace;
  objects.push(ws.leftSplit, ws.rightSplit, ws.rootSplit);
  ws.iterateAllLeaves((leaf) => objects.push(leaf, leaf.parent));
  return {
    events: objects.reduce((n, e) => n + e.listenerCount(), 0),
    dom: liveDomListenerCount(),
    intervals: liveIntervalCount(),
  };
}

/** Total of listenerBreakdown(app): 0 after a plugin has unloaded cleanly. */
export function liveListenerCount(app: App): number {
  const b = listenerBreakdown(app);
  return b.events + b.dom + b.intervals;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createHarness(options: HarnessOptions = {}): Harness {
  setApiVersion(options.apiVersion ?? DEFAULT_API_VERSION);
  const storage = options.storage ?? new MemoryStorage(options.files ?? {});
  if (options.storage && options.files) {
    for (const [p, t] of Object.entries(options.files)) {
      storage.mkdir(p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");
      storage.write(p, t);
    }
  }
  const app = new App({ storage, config: options.config, vaultName: options.vaultName });
  storage.mkdir(app.vault.configDir);
  const noticeStart = noticeLog.length;
  const errorStart = listenerErrors.length;
  const plugins: Plugin[] = [];
  let vaultLoaded = false;
  let started = false;

  const loadVault = (): void => {
    if (vaultLoaded) return;
    vaultLoaded = true;
    app.metadataCache._warm = options.cache !== "cold";
    try {
      app.vault._load();
    } finally {
      app.metadataCache._warm = false;
    }
  };

  const restoreLeaves = async (): Promise<void> => {
    const ws = app.workspace;
    for (const spec of options.restoredLeaves ?? []) {
      const side = spec.side ?? "right";
      const leaf: WorkspaceLeaf | null = side === "root" ? ws.getLeaf("tab") : side === "left" ? ws.getLeftLeaf(false) : ws.getRightLeaf(false);
      if (!leaf) continue;
      leaf._setPlaceholder(new DeferredView(leaf, spec.type, spec.state ?? {}));
      if (spec.deferred === false) await leaf.loadIfDeferred();
      if (spec.active) ws.setActiveLeaf(leaf, { focus: true });
    }
  };

  const settle = async (): Promise<void> => {
    for (let round = 0; round < 100; round++) {
      const ops = app.vault._opsQueued;
      await app.vault.whenIdle();
      await app.metadataCache.whenIdle();
      await macrotask();
      if (ops === app.vault._opsQueued && !app.metadataCache.isBusy()) return;
    }
    throw new Error("settle(): the app did not become idle after 100 rounds");
  };

  const start = async (): Promise<void> => {
    if (started) return;
    started = true;
    loadVault();
    await restoreLeaves();
    app.workspace._setLayoutReady();
    app.metadataCache.requestResolve();
    await settle();
  };

  const harness: Harness = {
    app,
    vault: app.vault,
    metadataCache: app.metadataCache,
    workspace: app.workspace,
    storage,
    get notices() {
      return noticeLog.slice(noticeStart).map((r) => r.message);
    },
    get noticeRecords() {
      return noticeLog.slice(noticeStart);
    },
    get errors() {
      return listenerErrors.slice(errorStart);
    },
    get started() {
      return started;
    },
    rightSidebarEl: app.workspace.rightSplit.containerEl,
    leftSidebarEl: app.workspace.leftSplit.containerEl,
    rootEl: app.workspace.rootSplit.containerEl,
    ribbonEl: app.dom.ribbonEl,
    statusBarEl: app.dom.statusBarEl,
    start,
    settle,

    async loadPlugin<P>(PluginCtor: PluginClass<P>, manifest: Partial<PluginManifest> = {}): Promise<P> {
      const id = manifest.id ?? "test-plugin";
      const full: PluginManifest = {
        id,
        name: manifest.name ?? "Test plugin",
        author: manifest.author ?? "Test",
        version: manifest.version ?? "0.0.0",
        minAppVersion: manifest.minAppVersion ?? "0.15.0",
        description: manifest.description ?? "A plugin under test.",
        ...manifest,
      };
      full.dir ??= `${app.vault.configDir}/plugins/${id}`;
      if (options.vaultLoadedBeforePlugins) loadVault();
      const plugin = new PluginCtor(app, full) as unknown as Plugin;
      app.plugins.plugins[id] = plugin;
      app.plugins.manifests[id] = full;
      app.plugins.enabledPlugins.add(id);
      plugins.push(plugin);
      plugin.load();
      await plugin._onloadResult;
      if (!started) await start();
      else await settle();
      return plugin as unknown as P;
    },

    async unloadPlugin(p: unknown): Promise<void> {
      const plugin = p as Plugin;
      plugin.unload();
      const i = plugins.indexOf(plugin);
      if (i !== -1) plugins.splice(i, 1);
      delete app.plugins.plugins[plugin.manifest.id];
      app.plugins.enabledPlugins.delete(plugin.manifest.id);
      await settle();
    },

    listenerBreakdown: () => listenerBreakdown(app),
    liveListenerCount: () => liveListenerCount(app),

    async runCommand(id: string): Promise<boolean> {
      app.commands.lastResult = undefined;
      const ran = app.commands.executeCommandById(id);
      if (ran) await app.commands.lastResult;
      await settle();
      return ran;
    },

    openSettings(pluginId: string): PluginSettingTab | null {
      return app.setting.openTabById(pluginId);
    },

    async editExternally(path: string, text: string): Promise<void> {
      await app.vault.adapter.write(path, text);
      await settle();
    },

    read(path: string): string {
      return storage.read(path);
    },

    destroy(): void {
      for (const plugin of plugins.splice(0).reverse()) plugin.unload();
      currentMenu()?.hide();
      for (const record of noticeLog.slice(noticeStart)) record.notice.hide();
      for (const modal of openModals.slice()) modal.close();
      app.workspace.iterateAllLeaves((leaf) => leaf.detach());
      app.destroy();
      setApiVersion(DEFAULT_API_VERSION);
    },
  };
  return harness;
}
