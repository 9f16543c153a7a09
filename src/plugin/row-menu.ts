// The queue row's menu (SPEC §4, issue #14): on one note, every action on it
// plus the app's standard file items (the `file-menu` event, so other
// plugins add theirs); on a selection of several, the set actions for all of
// them (and `files-menu`). Every item has an icon, so the labels line up.
import type { App, Menu, TFile } from "obsidian";
import type { QueueViewHost } from "./queue-view-host";
import { PRIORITIES, STATUSES, type Priority, type Status } from "../core/note/model";
import type { BulkFieldChange } from "./bulk-set";

/** The menu's source name for `file-menu` handlers: the view's type, VIEW_TYPE (spelt out: queue-view.ts imports this module, not the other way round). */
const MENU_SOURCE = "source-queue";

export const PRIORITY_ICONS: Record<Priority, string> = { high: "signal-high", medium: "signal-medium", low: "signal-low" };
export const STATUS_ICONS: Record<Status, string> = {
  unprocessed: "circle",
  processing: "loader",
  processed: "check-circle",
  "null-result": "circle-slash",
};

/** The app's internal helpers where this version has them; the menu offers them only then. */
interface MaybeRename {
  promptForFileRename?: (file: TFile) => unknown;
}
interface MaybeReveal {
  revealInFolder?: (file: TFile) => unknown;
}

export interface RowMenuContext {
  app: App;
  plugin: QueueViewHost;
  /** The note the menu was opened on. */
  file: TFile;
  /** What the set items act on: the selection when the row is in it, else the row alone. */
  targets: readonly TFile[];
  /** Runs a set on the targets (the bulk runner for several; the single-note path for one). */
  set: (change: BulkFieldChange) => void;
}

export function fillRowMenu(menu: Menu, ctx: RowMenuContext): void {
  const { app, plugin, file, targets } = ctx;
  const many = targets.length > 1;
  const item = many ? undefined : plugin.index.get(file.path);
  if (many) {
    menu.addItem((i) => i.setTitle(`${targets.length} sources selected`).setIcon("list-checks").setSection("open").setDisabled(true));
  } else {
    menu.addItem((i) => i.setTitle("Open").setIcon("file-text").setSection("open").onClick(() => void plugin.actions.open(file)));
    menu.addItem((i) => i.setTitle("Open in new tab").setIcon("file-plus").setSection("open").onClick(() => void plugin.actions.open(file, "tab")));
  }
  if (plugin.data.settings.usePriority) {
    for (const p of PRIORITIES) {
      menu.addItem((i) =>
        i
          .setTitle(`Priority: ${p}`)
          .setIcon(PRIORITY_ICONS[p])
          .setSection("priority")
          .setChecked(item?.priority === p)
          .onClick(() => ctx.set({ field: "priority", to: p })),
      );
    }
  }
  for (const s of STATUSES) {
    menu.addItem((i) =>
      i
        .setTitle(s === "null-result" ? "Status: null-result…" : `Status: ${s}`)
        .setIcon(STATUS_ICONS[s])
        .setSection("status")
        .setChecked(item?.status === s)
        .onClick(() => ctx.set({ field: "status", to: s })),
    );
  }
  // Extraction stays one source at a time: each needs its own preview.
  if (!many) {
    menu.addItem((i) => i.setTitle("Extract claims…").setIcon("split").setSection("extract").onClick(() => plugin.actions.extract(file)));
    if (plugin.data.lastExtraction?.sourcePath === file.path) {
      menu.addItem((i) => i.setTitle("Undo last extraction").setIcon("undo-2").setSection("extract").onClick(() => void plugin.actions.undoLastExtraction()));
    }
  }
  if (plugin.bulk.canUndo) {
    menu.addItem((i) => i.setTitle("Undo last bulk change").setIcon("undo-2").setSection("extract").onClick(() => void plugin.bulk.undo()));
  }
  if (!many) addFileItems(menu, app, file);
  // Other plugins' items, as in the file explorer (its source name is ours: the view type).
  if (many) app.workspace.trigger("files-menu", menu, [...targets], MENU_SOURCE);
  else app.workspace.trigger("file-menu", menu, file, MENU_SOURCE);
}

/** Reveal and rename, where the app has them (they are not in the public API: offered only when present). */
function addFileItems(menu: Menu, app: App, file: TFile): void {
  const explorer = app.workspace.getLeavesOfType("file-explorer")[0]?.view as MaybeReveal | undefined;
  if (typeof explorer?.revealInFolder === "function") {
    const reveal = explorer.revealInFolder.bind(explorer);
    menu.addItem((i) => i.setTitle("Reveal in file explorer").setIcon("folder-open").setSection("file").onClick(() => void reveal(file)));
  }
  const manager = app.fileManager as unknown as MaybeRename;
  if (typeof manager.promptForFileRename === "function") {
    const rename = manager.promptForFileRename.bind(manager);
    menu.addItem((i) => i.setTitle("Rename…").setIcon("pencil").setSection("file").onClick(() => void rename(file)));
  }
}
