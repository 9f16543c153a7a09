/**
 * vault.adapter: path-based async access to the storage, hidden paths included
 * (e.g. `.obsidian/plugins/<id>/data.json`). Changes to indexed (non-hidden)
 * paths are reflected in the vault and fire its events, as Obsidian's file
 * watcher does for changes made outside the Vault API.
 */
import { TFile, TFolder } from "./files";
import { isHiddenPath } from "./paths";
import type { StorageStat, VaultStorage, WriteOptions } from "./storage";
import type { Vault } from "./register";

export interface ListedFiles {
  files: string[];
  folders: string[];
}

export class VaultAdapter {
  constructor(private vault: Vault, private storage: VaultStorage) {}

  getName(): string {
    return this.vault.getName();
  }

  private run<T>(fn: () => T): Promise<T> {
    return this.vault._enqueue(fn);
  }

  /** Reflects a storage change at `path` in the vault index, firing the events the watcher would. */
  private sync(path: string): void {
    if (isHiddenPath(path)) return;
    const tree = this.vault._tree;
    const known = tree.get(path);
    if (!this.storage.exists(path)) {
      if (known) {
        for (const f of tree.descendants(known).reverse()) {
          tree.detach(f);
          this.vault._emit("delete", f);
        }
      }
      return;
    }
    if (known instanceof TFile) {
      tree.refreshStat(known);
      this.vault._emit("modify", known);
    } else if (!known) {
      for (const f of tree.indexSubtree(path)) this.vault._emit("create", f);
    }
  }

  exists(normalizedPath: string, _sensitive?: boolean): Promise<boolean> {
    return this.run(() => this.storage.exists(normalizedPath));
  }

  stat(normalizedPath: string): Promise<StorageStat | null> {
    return this.run(() => this.storage.stat(normalizedPath));
  }

  list(normalizedPath: string): Promise<ListedFiles> {
    return this.run(() => {
      const base = normalizedPath === "/" || normalizedPath === "" ? "" : normalizedPath;
      if (!this.storage.isFolder(base)) throw Object.assign(new Error(`ENOENT: no such file or directory, scandir '${normalizedPath}'`), { code: "ENOENT" });
      const out: ListedFiles = { files: [], folders: [] };
      for (const p of this.storage.list()) {
        const rest = base === "" ? p : p.startsWith(base + "/") ? p.slice(base.length + 1) : null;
        if (rest === null || rest.includes("/")) continue;
        (this.storage.isFolder(p) ? out.folders : out.files).push(p);
      }
      return out;
    });
  }

  read(normalizedPath: string): Promise<string> {
    return this.run(() => this.storage.read(normalizedPath));
  }

  readBinary(normalizedPath: string): Promise<ArrayBuffer> {
    return this.run(() => new TextEncoder().encode(this.storage.read(normalizedPath)).buffer);
  }

  write(normalizedPath: string, data: string, options?: WriteOptions): Promise<void> {
    return this.run(() => {
      this.storage.write(normalizedPath, data, options);
      this.sync(normalizedPath);
    });
  }

  writeBinary(normalizedPath: string, data: ArrayBuffer, options?: WriteOptions): Promise<void> {
    return this.write(normalizedPath, new TextDecoder().decode(data), options);
  }

  append(normalizedPath: string, data: string, options?: WriteOptions): Promise<void> {
    return this.run(() => {
      const prev = this.storage.exists(normalizedPath) ? this.storage.read(normalizedPath) : "";
      this.storage.write(normalizedPath, prev + data, options);
      this.sync(normalizedPath);
    });
  }

  appendBinary(normalizedPath: string, data: ArrayBuffer, options?: WriteOptions): Promise<void> {
    return this.append(normalizedPath, new TextDecoder().decode(data), options);
  }

  process(normalizedPath: string, fn: (data: string) => string, options?: WriteOptions): Promise<string> {
    return this.run(() => {
      const next = fn(this.storage.read(normalizedPath));
      this.storage.write(normalizedPath, next, options);
      this.sync(normalizedPath);
      return next;
    });
  }

  getResourcePath(normalizedPath: string): string {
    return `app://local/${encodeURI(normalizedPath)}`;
  }

  mkdir(normalizedPath: string): Promise<void> {
    return this.run(() => {
      this.storage.mkdir(normalizedPath);
      this.sync(normalizedPath);
    });
  }

  trashSystem(normalizedPath: string): Promise<boolean> {
    return this.run(() => {
      const data = this.storage.isFolder(normalizedPath) ? null : this.storage.read(normalizedPath);
      this.vault.systemTrash.push({ path: normalizedPath, data, system: true });
      this.removeTree(normalizedPath);
      this.sync(normalizedPath);
      return true;
    });
  }

  trashLocal(normalizedPath: string): Promise<void> {
    return this.run(() => {
      this.storage.mkdir(".trash");
      const name = normalizedPath.slice(normalizedPath.lastIndexOf("/") + 1);
      this.storage.rename(normalizedPath, `.trash/${name}`);
      this.sync(normalizedPath);
    });
  }

  private removeTree(path: string): void {
    const inside = this.storage.list().filter((p) => p.startsWith(path + "/")).sort().reverse();
    for (const p of inside) this.storage.remove(p);
    this.storage.remove(path);
  }

  rmdir(normalizedPath: string, recursive: boolean): Promise<void> {
    return this.run(() => {
      if (!this.storage.isFolder(normalizedPath)) throw Object.assign(new Error(`ENOTDIR: not a directory, rmdir '${normalizedPath}'`), { code: "ENOTDIR" });
      if (recursive) this.removeTree(normalizedPath);
      else this.storage.remove(normalizedPath);
      this.sync(normalizedPath);
    });
  }

  remove(normalizedPath: string): Promise<void> {
    return this.run(() => {
      this.storage.remove(normalizedPath);
      this.sync(normalizedPath);
    });
  }

  rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
    return this.run(() => {
      const known = this.vault._tree.get(normalizedPath);
      if (known && !isHiddenPath(normalizedNewPath) && this.vault._tree.get(normalizedNewPath.slice(0, Math.max(0, normalizedNewPath.lastIndexOf("/"))) || "/") instanceof TFolder) {
        this.vault._renameNow(known, normalizedNewPath);
        return;
      }
      this.storage.rename(normalizedPath, normalizedNewPath);
      this.sync(normalizedPath);
      this.sync(normalizedNewPath);
    });
  }

  copy(normalizedPath: string, normalizedNewPath: string): Promise<void> {
    return this.run(() => {
      if (this.storage.exists(normalizedNewPath)) throw Object.assign(new Error(`EEXIST: file already exists, copyfile '${normalizedNewPath}'`), { code: "EEXIST" });
      this.storage.write(normalizedNewPath, this.storage.read(normalizedPath));
      this.sync(normalizedNewPath);
    });
  }
}

/** Present for `instanceof` checks; the double's adapter is neither (it has no real file system). */
export class FileSystemAdapter {}

/** Present for `instanceof` checks; the double's adapter is neither. */
export class CapacitorAdapter {}
