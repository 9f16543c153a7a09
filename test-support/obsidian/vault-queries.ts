/** The read-only lookups of the Vault over its index (paths → TFile/TFolder objects). */
import { since } from "./api-version";
import { Events } from "./events";
import { TFile, TFolder, type TAbstractFile } from "./files";
import type { VaultStorage } from "./storage";
import type { Vault } from "./register";
import { VaultTree } from "./vault-tree";

export abstract class VaultQueries extends Events {
  /** @internal */
  readonly _tree: VaultTree;

  constructor(storage: VaultStorage) {
    super();
    this._tree = new VaultTree(this as unknown as Vault, storage);
  }

  getRoot(): TFolder {
    return this._tree.root;
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this._tree.get(path);
  }

  getFileByPath(path: string): TFile | null {
    const f = this._tree.get(path);
    return f instanceof TFile ? f : null;
  }

  getFolderByPath(path: string): TFolder | null {
    const f = this._tree.get(path);
    return f instanceof TFolder ? f : null;
  }

  getAllLoadedFiles(): TAbstractFile[] {
    return this._tree.all();
  }

  getAllFolders(includeRoot = false): TFolder[] {
    return this._tree.all().filter((f): f is TFolder => f instanceof TFolder && (includeRoot || !f.isRoot()));
  }

  getFiles(): TFile[] {
    return this._tree.all().filter((f): f is TFile => f instanceof TFile);
  }

  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === "md");
  }

  static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => any): void {
    cb(root);
    for (const child of root.children.slice()) {
      if (child instanceof TFolder) VaultQueries.recurseChildren(child, cb);
      else cb(child);
    }
  }
}

since(VaultQueries.prototype, "getFileByPath", "1.5.7");
since(VaultQueries.prototype, "getFolderByPath", "1.5.7");
