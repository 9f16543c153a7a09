/** The vault's index of TFile/TFolder objects: one object per path, kept in step with the storage. */
import { TAbstractFile, TFile, TFolder } from "./files";
import { isHiddenPath, parentPath } from "./paths";
import type { VaultStorage } from "./storage";
import type { Vault } from "./register";

export class VaultTree {
  readonly root: TFolder;
  private map = new Map<string, TAbstractFile>();
  /** lower-cased path → objects (several only on a case-sensitive disk) */
  private lower = new Map<string, TAbstractFile[]>();

  constructor(private vault: Vault, private storage: VaultStorage) {
    this.root = new TFolder();
    this.root.vault = vault;
    this.root._setPath("/");
  }

  get(path: string): TAbstractFile | null {
    if (path === "/") return this.root;
    return this.map.get(path) ?? null;
  }

  /** Objects whose path equals `path` ignoring case. */
  getIgnoringCase(path: string): TAbstractFile[] {
    return this.lower.get(path.toLowerCase()) ?? [];
  }

  private put(path: string, f: TAbstractFile): void {
    this.map.set(path, f);
    const key = path.toLowerCase();
    const list = this.lower.get(key);
    if (list) list.push(f);
    else this.lower.set(key, [f]);
  }

  private drop(path: string): void {
    const f = this.map.get(path);
    this.map.delete(path);
    const key = path.toLowerCase();
    const list = this.lower.get(key)?.filter((x) => x !== f);
    if (list && list.length > 0) this.lower.set(key, list);
    else this.lower.delete(key);
  }

  all(): TAbstractFile[] {
    return [this.root, ...this.map.values()];
  }

  /** True if `path` is taken, compared case-insensitively (as on macOS and Windows), ignoring `except`. */
  collides(path: string, except?: TAbstractFile): boolean {
    if (this.storage.exists(path) && this.map.get(path) !== except) return true;
    return this.getIgnoringCase(path).some((f) => f !== except);
  }

  private parentFolder(path: string): TFolder {
    const parent = this.get(parentPath(path) || "/");
    if (!(parent instanceof TFolder)) throw new Error(`No folder for '${parentPath(path)}'`);
    return parent;
  }

  private attach(f: TAbstractFile, path: string): void {
    f.vault = this.vault;
    f._setPath(path);
    const parent = this.parentFolder(path);
    f.parent = parent;
    parent.children.push(f);
    this.put(path, f);
  }

  addFile(path: string): TFile {
    const file = new TFile();
    this.attach(file, path);
    this.refreshStat(file);
    return file;
  }

  /** Creates TFolders for `path` and its missing ancestors; returns the new ones, outermost first. */
  addFolders(path: string): TFolder[] {
    if (path === "" || path === "/" || this.map.has(path)) return [];
    const created = this.addFolders(parentPath(path));
    const folder = new TFolder();
    this.attach(folder, path);
    created.push(folder);
    return created;
  }

  refreshStat(file: TFile): void {
    const s = this.storage.stat(file.path);
    if (s) file.stat = { ctime: s.ctime, mtime: s.mtime, size: s.size };
  }

  /** `file` and everything under it, parents before children. */
  descendants(file: TAbstractFile): TAbstractFile[] {
    const out: TAbstractFile[] = [file];
    if (file instanceof TFolder) for (const child of file.children) out.push(...this.descendants(child));
    return out;
  }

  detach(f: TAbstractFile): void {
    this.drop(f.path);
    const siblings = f.parent?.children;
    if (siblings) {
      const i = siblings.indexOf(f);
      if (i !== -1) siblings.splice(i, 1);
    }
  }

  /** Moves `file` (and its subtree) to `newPath`, in place. Returns [object, oldPath] pairs. */
  move(file: TAbstractFile, newPath: string): [TAbstractFile, string][] {
    const moved: [TAbstractFile, string][] = this.descendants(file).map((f) => [f, f.path]);
    const oldBase = file.path;
    for (const [f] of moved) this.drop(f.path);
    this.detach(file);
    for (const [f, oldPath] of moved) {
      const p = newPath + oldPath.slice(oldBase.length);
      if (f === file) this.attach(f, p);
      else {
        f._setPath(p);
        this.put(p, f);
      }
    }
    return moved;
  }

  /** Indexes what the storage holds at `path` and below ("" = everything); returns the new objects in order. */
  indexSubtree(path: string): TAbstractFile[] {
    const paths = this.storage
      .list()
      .filter((p) => (path === "" || p === path || p.startsWith(path + "/")) && !isHiddenPath(p) && !this.map.has(p))
      .sort();
    const out: TAbstractFile[] = [];
    for (const p of paths) {
      if (this.storage.isFolder(p)) out.push(...this.addFolders(p));
      else {
        out.push(...this.addFolders(parentPath(p)));
        out.push(this.addFile(p));
      }
    }
    return out;
  }

  /** Indexes the whole storage (startup). */
  loadAll(): TAbstractFile[] {
    return this.indexSubtree("");
  }
}
