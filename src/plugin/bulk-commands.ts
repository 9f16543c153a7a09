// The commands of bulk changes (issue #14): set a field on the queue's
// selection, and undo the last bulk change. No default hotkeys.
import type { App, Plugin, TFile } from "obsidian";
import { PRIORITIES, STATUSES } from "../core/note/model";
import type { Settings } from "../core/note/settings";
import type { VaultPort } from "../core/note/vault-port";
import { holdAgainst } from "../core/writes/source-lease";
import { BulkSetter, vaultRestoreOne, vaultSetOne } from "./bulk-set";
import { ChoiceModal } from "./choice-modal";
import { QueueView, VIEW_TYPE } from "./queue-view";

/** What the bulk commands need, handed over by main.ts. */
export interface BulkHost {
  /** Registers the commands (and unregisters them on unload). */
  plugin: Plugin;
  port: VaultPort;
  settings: () => Settings;
  now: () => Date;
}

/** The notes selected in the open queue, in list order (none when it is closed). */
export function selectedFiles(app: App): TFile[] {
  for (const leaf of app.workspace.getLeavesOfType(VIEW_TYPE)) {
    // A deferred view is a placeholder until shown: it has no selection.
    if (leaf.view instanceof QueueView) return leaf.view.selectedFiles();
  }
  return [];
}

/** Makes the plugin's bulk setter and registers its commands. */
export function registerBulkChanges(host: BulkHost): BulkSetter {
  const { plugin, settings } = host;
  const bulk = new BulkSetter({
    app: plugin.app,
    setOne: vaultSetOne(host.port, settings, host.now),
    restoreOne: vaultRestoreOne(plugin.app),
    reasonField: () => settings().reasonField,
    // Asked from the metadata cache, before anything is written; the core checks again inside each edit, so a claim made since is refused, not overwritten.
    heldBy: (path) => {
      const file = plugin.app.vault.getFileByPath(path);
      const hold = holdAgainst(file ? (plugin.app.metadataCache.getFileCache(file)?.frontmatter ?? null) : null, {}, host.now());
      return hold ? { path, by: hold.by, until: hold.until } : null;
    },
  });
  const onSelection = (id: string, name: string, run: (paths: string[]) => void) =>
    plugin.addCommand({
      id,
      name,
      checkCallback: (checking) => {
        const files = selectedFiles(plugin.app);
        if (files.length === 0) return false;
        if (!checking) run(files.map((f) => f.path));
        return true;
      },
    });
  onSelection("set-priority-of-selection", "Set priority of the selected sources…", (paths) => {
    if (!settings().usePriority) return;
    new ChoiceModal(plugin.app, PRIORITIES, "Priority", (to) => void bulk.set(paths, { field: "priority", to })).open();
  });
  onSelection("set-status-of-selection", "Set status of the selected sources…", (paths) =>
    new ChoiceModal(plugin.app, STATUSES, "Status", (to) => void bulk.set(paths, { field: "status", to })).open(),
  );
  plugin.addCommand({
    id: "undo-last-bulk-change",
    name: "Undo last bulk change",
    checkCallback: (checking) => {
      if (!bulk.canUndo) return false;
      if (!checking) void bulk.undo();
      return true;
    },
  });
  return bulk;
}
