/**
 * TAbstractFile / TFile / TFolder. One instance per path, owned by the Vault,
 * updated in place on rename (as in Obsidian).
 */
import type { Vault } from "./register";
import { baseName, splitExtension } from "./paths";

export interface FileStats {
  ctime: number;
  mtime: number;
  size: number;
}

export abstract class TAbstractFile {
  vault!: Vault;
  path = "";
  name = "";
  parent: TFolder | null = null;

  /** @internal sets path, name (and basename/extension for files). */
  _setPath(path: string): void {
    this.path = path;
    this.name = path === "/" ? "" : baseName(path);
  }
}

export class TFile extends TAbstractFile {
  stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
  basename = "";
  extension = "";

  override _setPath(path: string): void {
    super._setPath(path);
    const { basename, extension } = splitExtension(this.name);
    this.basename = basename;
    this.extension = extension;
  }
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];

  isRoot(): boolean {
    return this.path === "/";
  }
}
