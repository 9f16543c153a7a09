// Where a vault path lands on disk: inside the vault folder, and still inside
// it once symbolic links are followed (a link out of the vault, or one that
// leads nowhere, is refused). FsVault asks this before every read and write.
import { existsSync, lstatSync, realpathSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { UsageError } from "./note-file";

function lstatOrNull(path: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

export class VaultBounds {
  /** Real locations of folders already checked: a vault of 50,000 notes has few folders. */
  private realDirs = new Map<string, string>();

  /** `root`: the vault folder, resolved; `realRoot`: the same with every link resolved. */
  constructor(
    readonly root: string,
    readonly realRoot: string,
  ) {}

  /** Absolute path for a vault path; throws if it would leave the vault. */
  abs(path: string): string {
    const full = resolve(this.root, path);
    const rel = relative(this.root, full);
    if (rel.startsWith("..") || resolve(this.root, rel) !== full) throw new UsageError(`path is outside the vault: ${path}`);
    this.assertInsideReal(full);
    return full;
  }

  private realpathOf(path: string, isDir: boolean): string {
    if (!isDir) return realpathSync(path);
    let real = this.realDirs.get(path);
    if (real === undefined) {
      real = realpathSync(path);
      this.realDirs.set(path, real);
    }
    return real;
  }

  private linkTarget(link: string, full: string): string {
    try {
      return this.realpathOf(link, false);
    } catch {
      throw new UsageError(`refusing to follow a broken link: ${relative(this.root, full)}`);
    }
  }

  /** The real location of the deepest existing part of the path must be inside the vault too. */
  assertInsideReal(full: string): void {
    let probe = full;
    let st = lstatOrNull(probe);
    while (st === null && probe !== dirname(probe)) {
      probe = dirname(probe);
      st = lstatOrNull(probe);
    }
    // A plain file is as real as its folder; only links need resolving (one that leads nowhere is refused too).
    const real = st?.isSymbolicLink() ? this.linkTarget(probe, full) : st?.isDirectory() ? this.realpathOf(probe, true) : join(this.realpathOf(dirname(probe), true), probe.slice(dirname(probe).length + 1));
    if (real !== this.realRoot && !real.startsWith(this.realRoot + sep)) {
      throw new UsageError(`refusing to follow a link out of the vault: ${relative(this.root, full)}`);
    }
  }

  /** Vault path for a user's argument: vault-relative, or a file-system path inside the vault. */
  toVaultPath(arg: string): string {
    const candidates = [resolve(this.root, arg), resolve(arg)];
    for (const full of candidates) {
      const rel = relative(this.root, full);
      if (!rel.startsWith("..") && existsSync(full)) return rel.split(sep).join("/");
    }
    return arg.replace(/\\/g, "/").replace(/^\.\//, "");
  }
}
