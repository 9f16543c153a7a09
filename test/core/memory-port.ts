// An in-memory VaultPort for core tests: a Map of path → text, with the same
// contract the plugin and the CLI adapters keep (case-insensitive lookup,
// create never overwrites, replace checks the expected text) and fault
// injection for the all-or-nothing tests.
import { basenameOf } from "../../src/core/note/model";
import type { VaultPort } from "../../src/core/note/vault-port";

export interface MemoryPortOptions {
  /** Make the Nth call to create (1-based) fail before it writes. */
  failCreate?: number;
  /** Make every remove of this path fail (a file the rollback cannot take back). */
  failRemove?: string;
  /** Resolve links by file name, as the app does (without it the port cannot tell, and every link is kept). */
  resolveLinks?: boolean;
}

export class MemoryPort implements VaultPort {
  readonly files = new Map<string, string>();
  readonly folders = new Set<string>();
  /** Every write, in order, for tests that check nothing was written. */
  readonly log: string[] = [];
  creates = 0;
  readonly resolveLink?: (linktext: string, fromPath: string) => string | null;

  constructor(
    files: Record<string, string> = {},
    readonly options: MemoryPortOptions = {},
  ) {
    for (const [path, text] of Object.entries(files)) {
      this.files.set(path, text);
      const parts = path.split("/").slice(0, -1);
      for (let i = 1; i <= parts.length; i++) this.folders.add(parts.slice(0, i).join("/"));
    }
    if (options.resolveLinks) {
      this.resolveLink = (linktext) => {
        const wanted = linktext.replace(/[#|].*$/s, "").trim().toLowerCase();
        return [...this.files.keys()].find((p) => basenameOf(p).toLowerCase() === wanted || p.toLowerCase() === `${wanted}.md`) ?? null;
      };
    }
  }

  existing(path: string): string | null {
    const wanted = path.normalize("NFC").toLowerCase();
    for (const key of this.files.keys()) if (key.normalize("NFC").toLowerCase() === wanted) return key;
    return null;
  }

  read(path: string): Promise<string> {
    const key = this.existing(path);
    if (key === null) return Promise.reject(new Error(`${path} does not exist`));
    return Promise.resolve(this.files.get(key) ?? "");
  }

  ensureFolder(path: string): Promise<string[]> {
    const made: string[] = [];
    const parts = path.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join("/");
      if (!this.folders.has(folder)) {
        this.folders.add(folder);
        made.push(folder);
        this.log.push(`mkdir ${folder}`);
      }
    }
    return Promise.resolve(made);
  }

  create(path: string, text: string): Promise<void> {
    this.creates++;
    if (this.options.failCreate === this.creates) return Promise.reject(new Error(`disk full while writing ${path}`));
    if (this.existing(path) !== null) return Promise.reject(new Error(`${path} already exists`));
    this.files.set(path, text);
    this.log.push(`create ${path}`);
    return Promise.resolve();
  }

  edit(path: string, fn: (current: string) => string | null): Promise<string> {
    const key = this.existing(path);
    if (key === null) return Promise.reject(new Error(`${path} does not exist`));
    const current = this.files.get(key) ?? "";
    let next: string | null;
    try {
      next = fn(current);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    if (next === null || next === current) return Promise.resolve(current);
    this.files.set(key, next);
    this.log.push(`edit ${path}`);
    return Promise.resolve(next);
  }

  replace(path: string, expected: string, next: string): Promise<void> {
    const key = this.existing(path);
    if (key === null) return Promise.reject(new Error(`${path} does not exist`));
    if (this.files.get(key) !== expected) return Promise.reject(new Error(`${path} changed`));
    this.files.set(key, next);
    this.log.push(`replace ${path}`);
    return Promise.resolve();
  }

  remove(path: string): Promise<void> {
    if (this.options.failRemove === path) return Promise.reject(new Error(`cannot remove ${path}`));
    const key = this.existing(path);
    if (key !== null) {
      this.files.delete(key);
      this.log.push(`remove ${path}`);
      return Promise.resolve();
    }
    if (this.folders.has(path)) {
      const prefix = `${path}/`;
      const inUse = [...this.files.keys(), ...this.folders].some((p) => p.startsWith(prefix));
      if (inUse) return Promise.reject(new Error(`${path} is not empty`));
      this.folders.delete(path);
      this.log.push(`rmdir ${path}`);
      return Promise.resolve();
    }
    return Promise.reject(new Error(`${path} does not exist`));
  }

  linkToFile(targetPath: string, _fromPath: string): string {
    return `[[${basenameOf(targetPath)}]]`;
  }

  linkToText(linktext: string, _fromPath: string): string {
    return `[[${linktext}]]`;
  }

  /** Paths of the Markdown files, sorted, for snapshots of the whole vault. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }
}
