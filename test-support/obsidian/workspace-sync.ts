/**
 * Keeps the workspace in step with the vault (registered as an internal vault
 * observer): file views hear about renames, leaves showing a deleted file
 * become empty, and open text views show the new text after a change on disk.
 */
import type { App } from "./register";
import { TFile, type TAbstractFile } from "./files";
import { FileView, TextFileView } from "./markdown-view";
import type { VaultObserver } from "./vault";

export class WorkspaceFileSync implements VaultObserver {
  constructor(private app: App) {}

  onRename(file: TAbstractFile, oldPath: string): void {
    const ws = this.app.workspace;
    if (!(file instanceof TFile)) return;
    ws.iterateAllLeaves((leaf) => {
      if (leaf.view instanceof FileView && leaf.view.file === file) void leaf.view.onRename(file);
    });
    ws._recentFiles = ws._recentFiles.map((p) => (p === oldPath ? file.path : p));
  }

  onDelete(file: TAbstractFile): void {
    const ws = this.app.workspace;
    ws.iterateAllLeaves((leaf) => {
      if (leaf.view instanceof FileView && leaf.view.file === file) {
        leaf.view.file = null;
        void leaf.setViewState({ type: "empty" });
      }
    });
    if (ws._activeFile === file) ws._activeFile = null;
  }

  onModify(file: TFile): void {
    const app = this.app;
    const ws = app.workspace;
    ws.iterateAllLeaves((leaf) => {
      const view = leaf.view;
      if (view instanceof TextFileView && view.file === file) {
        try {
          view._onDiskChange(app.vault.storage.read(file.path));
        } catch {
          // unreadable: keep showing the old text
        }
      }
    });
  }
}
