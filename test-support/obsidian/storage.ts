/**
 * The storage under the vault: an interface (synchronous, path-based, no Node
 * built-ins) with an in-memory implementation. Fault injection lets a test make
 * any operation fail, e.g. the second write, to simulate a disk error.
 */

export type StorageOp = "read" | "write" | "remove" | "rename" | "mkdir";

export interface StorageStat {
  type: "file" | "folder";
  ctime: number;
  mtime: number;
  size: number;
}

export interface WriteOptions {
  ctime?: number;
  mtime?: number;
}

export interface VaultStorage {
  /** Every path held, files and folders (no leading or trailing slash, root excluded). */
  list(): string[];
  exists(path: string): boolean;
  isFolder(path: string): boolean;
  stat(path: string): StorageStat | null;
  /** Throws if the path is missing or is a folder. */
  read(path: string): string;
  /** Creates or replaces a file; throws if the parent folder is missing. */
  write(path: string, data: string, options?: WriteOptions): void;
  /** Removes a file or an empty folder; throws if missing or a non-empty folder. */
  remove(path: string): void;
  /** Moves a file or a folder (with its contents); throws if `to` exists or its parent is missing. */
  rename(from: string, to: string): void;
  /** Creates a folder and any missing parents; no-op if it exists. */
  mkdir(path: string): void;
}

export type FaultPredicate = (op: StorageOp, path: string) => boolean;

export interface StorageOpRecord {
  op: StorageOp;
  path: string;
  to?: string;
}

interface Entry {
  folder: boolean;
  data: string;
  ctime: number;
  mtime: number;
}

const encoder = new TextEncoder();

function parentOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i === -1 ? "" : path.slice(0, i);
}

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: "ENOENT" });
}

export class MemoryStorage implements VaultStorage {
  private entries = new Map<string, Entry>();
  private faults: { pred: FaultPredicate; message: string }[] = [];
  private lastTime = 0;
  /** Every successful mutating operation, in order (test-only). */
  readonly opLog: StorageOpRecord[] = [];
  /** Source of time for ctime/mtime; strictly increasing so every write changes mtime. */
  clock: () => number = () => Date.now();

  constructor(files: Record<string, string> = {}) {
    for (const [path, data] of Object.entries(files)) {
      this.mkdir(parentOf(path));
      this.writeEntry(path, data);
    }
    this.opLog.length = 0;
  }

  /**
   * Makes every operation for which `pred(op, path)` returns true throw
   * (without changing anything). Returns a function that removes this fault.
   */
  failWhen(pred: FaultPredicate, message = "EIO: i/o error (injected fault)"): () => void {
    const fault = { pred, message };
    this.faults.push(fault);
    return () => {
      const i = this.faults.indexOf(fault);
      if (i !== -1) this.faults.splice(i, 1);
    };
  }

  /** Makes the `n`th (1-based) future operation `op` fail, once. */
  failNth(op: StorageOp, n: number, message?: string): () => void {
    let seen = 0;
    return this.failWhen((o) => o === op && ++seen === n, message);
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  private check(op: StorageOp, path: string): void {
    for (const fault of this.faults.slice()) {
      if (fault.pred(op, path)) throw Object.assign(new Error(fault.message), { code: "EIO", op, path });
    }
  }

  now(): number {
    const t = Math.max(this.clock(), this.lastTime + 1);
    this.lastTime = t;
    return t;
  }

  private writeEntry(path: string, data: string, options: WriteOptions = {}): void {
    const prev = this.entries.get(path);
    const t = this.now();
    this.entries.set(path, {
      folder: false,
      data,
      ctime: options.ctime ?? prev?.ctime ?? t,
      mtime: options.mtime ?? t,
    });
  }

  list(): string[] {
    return Array.from(this.entries.keys());
  }

  exists(path: string): boolean {
    return path === "" || path === "/" || this.entries.has(path);
  }

  isFolder(path: string): boolean {
    return path === "" || path === "/" || this.entries.get(path)?.folder === true;
  }

  stat(path: string): StorageStat | null {
    const e = this.entries.get(path);
    if (!e) return null;
    return { type: e.folder ? "folder" : "file", ctime: e.ctime, mtime: e.mtime, size: e.folder ? 0 : encoder.encode(e.data).length };
  }

  read(path: string): string {
    this.check("read", path);
    const e = this.entries.get(path);
    if (!e) throw enoent(path);
    if (e.folder) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: "EISDIR" });
    return e.data;
  }

  write(path: string, data: string, options?: WriteOptions): void {
    this.check("write", path);
    if (!this.isFolder(parentOf(path))) throw enoent(path);
    if (this.entries.get(path)?.folder) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${path}'`), { code: "EISDIR" });
    this.writeEntry(path, data, options);
    this.opLog.push({ op: "write", path });
  }

  remove(path: string): void {
    this.check("remove", path);
    const e = this.entries.get(path);
    if (!e) throw enoent(path);
    if (e.folder && this.list().some((p) => p.startsWith(path + "/"))) {
      throw Object.assign(new Error(`ENOTEMPTY: directory not empty, rmdir '${path}'`), { code: "ENOTEMPTY" });
    }
    this.entries.delete(path);
    this.opLog.push({ op: "remove", path });
  }

  rename(from: string, to: string): void {
    this.check("rename", from);
    if (!this.entries.has(from)) throw enoent(from);
    if (this.entries.has(to)) throw Object.assign(new Error(`EEXIST: file already exists, rename '${from}' -> '${to}'`), { code: "EEXIST" });
    if (!this.isFolder(parentOf(to))) throw enoent(to);
    const moved = new Map<string, Entry>();
    for (const [p, e] of this.entries) {
      if (p === from) moved.set(to, e);
      else if (p.startsWith(from + "/")) moved.set(to + p.slice(from.length), e);
    }
    for (const p of this.list()) if (p === from || p.startsWith(from + "/")) this.entries.delete(p);
    for (const [p, e] of moved) this.entries.set(p, e);
    this.opLog.push({ op: "rename", path: from, to });
  }

  mkdir(path: string): void {
    if (path === "" || path === "/") return;
    this.check("mkdir", path);
    const e = this.entries.get(path);
    if (e && !e.folder) throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${path}'`), { code: "EEXIST" });
    if (e) return;
    this.mkdir(parentOf(path));
    const t = this.now();
    this.entries.set(path, { folder: true, data: "", ctime: t, mtime: t });
    this.opLog.push({ op: "mkdir", path });
  }
}
