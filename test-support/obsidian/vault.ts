/**
 * Vault over a VaultStorage. Every operation is queued (FIFO) and applied in one
 * step after the caller's synchronous code, like real disk I/O; events fire
 * synchronously right after the change is applied, then the promise resolves.
 * Internal observers (metadata cache, workspace) are told before public
 * listeners, as Obsidian's own handlers are registered first.
 */
import { since } from "./api-version";
import { TAbstractFile, TFile, TFolder } from "./files";
import { VaultAdapter } from "./adapter";
import { VaultQueries } from "./vault-queries";
import { assertValidNewPath, parentPath } from "./paths";
import type { VaultStorage, WriteOptions } from "./storage";
import { DEFAULT_VAULT_CONFIG } from "./vault-config";

export { DEFAULT_VAULT_CONFIG };

export type DataWriteOptions = WriteOptions;

export interface VaultObserver {
  onCreate?(file: TAbstractFile): void;
  onModify?(file: TFile): void;
  onDelete?(file: TAbstractFile): void;
  onRename?(file: TAbstractFile, oldPath: string): void;
}


export interface TrashedEntry {
  path: string;
  data: string | null;
  system: boolean;
}

/** Files (TAbstractFile.vault), the adapter and the vault's index name Vault from register.ts: importing it from here would be an import circle. */
declare module "./register" {
  interface Register {
    vault: RegisteredVault;
  }
}
/** Inside the block above, `Vault` would be register.ts's own alias of it. */
type RegisteredVault = Vault;

export class Vault extends VaultQueries {
  configDir = ".obsidian";
  adapter: VaultAdapter;
  readonly storage: VaultStorage;
  /** Test-only: what was sent to the system trash (files with their text). */
  readonly systemTrash: TrashedEntry[] = [];
  /** @internal */
  readonly _observers: VaultObserver[] = [];
  private config: Record<string, unknown>;
  /** @internal number of operations ever queued (lets the harness see new work) */
  _opsQueued = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private name: string;

  constructor(storage: VaultStorage, options: { name?: string; config?: Record<string, unknown> } = {}) {
    super(storage);
    this.storage = storage;
    this.name = options.name ?? "Test vault";
    this.config = { ...DEFAULT_VAULT_CONFIG, ...(options.config ?? {}) };
    this.adapter = new VaultAdapter(this, storage);
  }

  getName(): string {
    return this.name;
  }

  /** Undocumented in the typings but present in Obsidian: app settings such as useMarkdownLinks. */
  getConfig(key: string): unknown {
    return this.config[key];
  }

  setConfig(key: string, value: unknown): void {
    this.config[key] = value;
  }

  /** @internal Indexes the storage; fires 'create' for every folder and file, as at startup. */
  _load(): void {
    for (const file of this._tree.loadAll()) this._emit("create", file);
  }

  /** @internal runs internal observers, then public listeners. */
  _emit(kind: "create" | "modify" | "delete" | "rename", file: TAbstractFile, oldPath?: string): void {
    for (const o of this._observers) {
      if (kind === "create") o.onCreate?.(file);
      else if (kind === "modify") o.onModify?.(file as TFile);
      else if (kind === "delete") o.onDelete?.(file);
      else o.onRename?.(file, oldPath ?? "");
    }
    if (kind === "rename") this.trigger("rename", file, oldPath);
    else this.trigger(kind, file);
  }

  /** @internal queue an operation; it runs after all earlier ones. */
  _enqueue<T>(fn: () => T): Promise<T> {
    this._opsQueued++;
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Test-only: resolves when every queued vault operation has been applied. */
  async whenIdle(): Promise<void> {
    let tail: Promise<unknown>;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }

  getResourcePath(file: TFile): string {
    return `app://local/${encodeURI(file.path)}?${file.stat.mtime}`;
  }

  private requireParent(path: string): TFolder {
    const parent = this._tree.get(parentPath(path) || "/");
    if (!(parent instanceof TFolder)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}' (parent folder does not exist)`), { code: "ENOENT" });
    return parent;
  }

  private requireLive<T extends TAbstractFile>(file: T): T {
    if (this._tree.get(file.path) !== file) throw Object.assign(new Error(`ENOENT: no such file or directory, '${file.path}'`), { code: "ENOENT" });
    return file;
  }

  create(path: string, data: string, options?: DataWriteOptions): Promise<TFile> {
    return this._enqueue(() => {
      assertValidNewPath(path);
      if (this._tree.collides(path)) throw new Error("File already exists.");
      this.requireParent(path);
      this.storage.write(path, data, options);
      const file = this._tree.addFile(path);
      this._emit("create", file);
      return file;
    });
  }

  createFolder(path: string): Promise<TFolder> {
    return this._enqueue(() => {
      assertValidNewPath(path);
      if (this._tree.collides(path)) throw new Error("Folder already exists.");
      this.storage.mkdir(path);
      const created = this._tree.addFolders(path);
      for (const folder of created) this._emit("create", folder);
      return this._tree.get(path) as TFolder;
    });
  }

  read(file: TFile): Promise<string> {
    return this._enqueue(() => this.storage.read(this.requireLive(file).path));
  }

  cachedRead(file: TFile): Promise<string> {
    return this.read(file);
  }

  /** Binary data goes through the text storage as UTF-8 (the double keeps text only). */
  readBinary(file: TFile): Promise<ArrayBuffer> {
    return this.read(file).then((t) => new TextEncoder().encode(t).buffer);
  }

  createBinary(path: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<TFile> {
    return this.create(path, new TextDecoder().decode(data), options);
  }

  modifyBinary(file: TFile, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
    return this.modify(file, new TextDecoder().decode(data), options);
  }

  appendBinary(file: TFile, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
    return this.append(file, new TextDecoder().decode(data), options);
  }

  private writeNow(file: TFile, data: string, options?: DataWriteOptions): void {
    this.storage.write(file.path, data, options);
    this._tree.refreshStat(file);
    this._emit("modify", file);
  }

  modify(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
    return this._enqueue(() => this.writeNow(this.requireLive(file), data, options));
  }

  append(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
    return this._enqueue(() => {
      this.requireLive(file);
      this.writeNow(file, this.storage.read(file.path) + data, options);
    });
  }

  /** Atomic read-modify-write: nothing else touches the file between the read and the write. */
  process(file: TFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
    return this._enqueue(() => {
      this.requireLive(file);
      const next = fn(this.storage.read(file.path));
      if (typeof next !== "string") throw new TypeError("Vault.process: fn must return a string");
      this.writeNow(file, next, options);
      return next;
    });
  }

  delete(file: TAbstractFile, force = false): Promise<void> {
    return this._enqueue(() => {
      this.requireLive(file);
      if (file instanceof TFolder && file.children.length > 0 && !force) {
        throw Object.assign(new Error(`ENOTEMPTY: directory not empty, rmdir '${file.path}'`), { code: "ENOTEMPTY" });
      }
      this.removeNow(file, null);
    });
  }

  /** Moves to the system trash (recorded in `systemTrash`) or, if `system` is false, to `.trash/`. */
  trash(file: TAbstractFile, system: boolean): Promise<void> {
    return this._enqueue(() => {
      this.requireLive(file);
      this.removeNow(file, system ? "system" : "local");
    });
  }

  private removeNow(file: TAbstractFile, trash: "system" | "local" | null): void {
    const doomed = this._tree.descendants(file).reverse();
    if (trash === "local") {
      this.storage.mkdir(".trash");
      let target = `.trash/${file.name}`;
      for (let n = 1; this.storage.exists(target); n++) target = `.trash/${file.name} ${n}`;
      this.storage.rename(file.path, target);
    } else {
      for (const f of doomed) {
        if (trash === "system") this.systemTrash.push({ path: f.path, data: f instanceof TFile ? this.storage.read(f.path) : null, system: true });
        this.storage.remove(f.path);
      }
    }
    for (const f of doomed) {
      this._tree.detach(f);
      this._emit("delete", f);
    }
  }

  rename(file: TAbstractFile, newPath: string): Promise<void> {
    return this._enqueue(() => this._renameNow(file, newPath));
  }

  /** @internal */
  _renameNow(file: TAbstractFile, newPath: string): void {
    this.requireLive(file);
    if (newPath === file.path) return;
    assertValidNewPath(newPath);
    if (this._tree.collides(newPath, file)) throw new Error("Destination file already exists!");
    this.requireParent(newPath);
    this.storage.rename(file.path, newPath);
    for (const [f, oldPath] of this._tree.move(file, newPath)) this._emit("rename", f, oldPath);
  }

  copy<T extends TAbstractFile>(file: T, newPath: string): Promise<T> {
    return this._enqueue(() => {
      this.requireLive(file);
      assertValidNewPath(newPath);
      if (this._tree.collides(newPath)) throw new Error("File already exists.");
      this.requireParent(newPath);
      for (const f of this._tree.descendants(file)) {
        const target = newPath + f.path.slice(file.path.length);
        if (f instanceof TFolder) this.storage.mkdir(target);
        else this.storage.write(target, this.storage.read(f.path));
      }
      const created = this._tree.indexSubtree(newPath);
      for (const f of created) this._emit("create", f);
      return this._tree.get(newPath) as unknown as T;
    });
  }
}

since(Vault.prototype, "process", "1.1.0");
