// Which notes of a folder changed since a long-running process last looked
// (the MCP server, SPEC §7): fs.watch, recursive, turned into a set of vault
// paths, or "all" when the watcher cannot say (it failed, or named nothing)
// and the folder must be walked again. Events stop at a linked folder.
import { statSync, watch, type FSWatcher } from "node:fs";
import { join } from "node:path";
import { folderPrefix } from "../core/note/source-note";

export class FolderWatch {
  private watcher: FSWatcher | null = null;
  /** Vault paths an event named since the last take(); "all" when a rescan is needed. */
  private dirty: Set<string> | "all" = "all";

  /** Watch this folder of the vault ("" for all of it). Without a working watcher every take() says "all". */
  start(root: string, folder: string): void {
    this.close();
    const prefix = folderPrefix(folder);
    try {
      this.watcher = watch(join(root, folder), { recursive: true, persistent: false }, (_event, name) => {
        if (this.dirty === "all") return;
        if (name === null) this.dirty = "all";
        else this.dirty.add(prefix + String(name).split("\\").join("/"));
      });
      this.watcher.on("error", () => this.close());
    } catch {
      this.watcher = null;
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    this.dirty = "all";
  }

  /**
   * What changed since the last take: "all" (walk the folder again), or the
   * paths the events named. Take first, then read: a change during the read
   * is then seen again, never missed.
   */
  take(): Set<string> | "all" {
    const taken = this.watcher === null ? "all" : this.dirty;
    this.dirty = new Set();
    return taken;
  }

  /** This process wrote these notes: read them again on the next take, before any event says so. */
  touched(paths: readonly string[]): void {
    if (this.dirty === "all") return;
    for (const p of paths) this.dirty.add(p);
  }
}

/** true for a folder, false for anything else, null when nothing is there. */
export function isFolder(full: string): boolean | null {
  try {
    const st = statSync(full, { throwIfNoEntry: false });
    return st === undefined ? null : st.isDirectory();
  } catch {
    return null;
  }
}
