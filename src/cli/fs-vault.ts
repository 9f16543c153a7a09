// The CLI's vault: a folder on disk, seen as Obsidian sees it. Paths are
// vault-relative with forward slashes; nothing outside the vault is read or
// written, and a symbolic link that points outside the vault is refused.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { mkdir, readFile, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { DEFAULT_LINK_STYLE, formatLink, formatTextLink, type LinkStyle } from "../core/links";
import { loadSettings, type Settings } from "../core/settings";
import type { VaultPort } from "../core/vault-port";

export class UsageError extends Error {}

function lstatOrNull(path: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** Folders Obsidian itself does not index. */
const SKIP_DIRS = new Set([".obsidian", ".trash", ".git", "node_modules"]);

export class FsVault implements VaultPort {
  readonly root: string;
  private realRoot: string;
  private basenames: Map<string, number> | null = null;
  readonly linkStyle: LinkStyle;
  readonly configDir = ".obsidian";

  constructor(root: string) {
    this.root = resolve(root);
    if (!existsSync(this.root) || !statSync(this.root).isDirectory()) throw new UsageError(`vault not found: ${root}`);
    this.realRoot = realpathSync(this.root);
    this.linkStyle = this.readLinkStyle();
  }

  /** Settings the plugin saved in this vault, so the CLI and the sidebar agree. */
  settings(): { settings: Settings; rejected: string[] } {
    const file = join(this.root, this.configDir, "plugins", "source-queue", "data.json");
    if (!existsSync(file)) return loadSettings(null);
    try {
      return loadSettings(JSON.parse(readFileSync(file, "utf8")));
    } catch {
      return { settings: loadSettings(null).settings, rejected: ["(data.json is not valid JSON)"] };
    }
  }

  private readLinkStyle(): LinkStyle {
    try {
      const app = JSON.parse(readFileSync(join(this.root, this.configDir, "app.json"), "utf8")) as Partial<LinkStyle>;
      return {
        useMarkdownLinks: app.useMarkdownLinks === true,
        newLinkFormat: app.newLinkFormat === "relative" || app.newLinkFormat === "absolute" ? app.newLinkFormat : "shortest",
      };
    } catch {
      return DEFAULT_LINK_STYLE;
    }
  }

  /** Absolute path for a vault path; throws if it would leave the vault. */
  abs(path: string): string {
    const full = resolve(this.root, path);
    const rel = relative(this.root, full);
    if (rel.startsWith("..") || resolve(this.root, rel) !== full) throw new UsageError(`path is outside the vault: ${path}`);
    this.assertInsideReal(full);
    return full;
  }

  /** Real locations of folders already checked: a vault of 50,000 notes has few folders. */
  private realDirs = new Map<string, string>();

  private realpathOf(path: string, isDir: boolean): string {
    if (!isDir) return realpathSync(path);
    let real = this.realDirs.get(path);
    if (real === undefined) {
      real = realpathSync(path);
      this.realDirs.set(path, real);
    }
    return real;
  }

  /** The real location of the deepest existing part of the path must be inside the vault too. */
  private assertInsideReal(full: string): void {
    let probe = full;
    let st = lstatOrNull(probe);
    while (st === null && probe !== dirname(probe)) {
      probe = dirname(probe);
      st = lstatOrNull(probe);
    }
    // A plain file is as real as its folder; only links need resolving.
    const real = st?.isSymbolicLink() ? this.realpathOf(probe, false) : st?.isDirectory() ? this.realpathOf(probe, true) : join(this.realpathOf(dirname(probe), true), probe.slice(dirname(probe).length + 1));
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

  /** Markdown files under a folder, sorted, skipping links that leave the vault. */
  markdownFiles(folder = ""): string[] {
    const out: string[] = [];
    const start = folder === "" ? this.root : join(this.root, folder);
    if (!existsSync(start)) return out;
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name.startsWith(".") && SKIP_DIRS.has(entry.name)) continue;
        const full = join(dir, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            this.assertInsideReal(full);
            const st = statSync(full);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            continue;
          }
        }
        if (isDir && !SKIP_DIRS.has(entry.name)) walk(full);
        else if (isFile && entry.name.toLowerCase().endsWith(".md")) out.push(relative(this.root, full).split(sep).join("/"));
      }
    };
    walk(start);
    return out.sort();
  }

  existing(path: string): string | null {
    let full: string;
    try {
      full = this.abs(path);
    } catch {
      return null;
    }
    if (existsSync(full)) return path;
    // Obsidian treats names that differ only in case (or Unicode form) as the same note.
    const dir = dirname(full);
    if (!existsSync(dir)) return null;
    const want = full.slice(dir.length + 1).normalize("NFC").toLowerCase();
    const hit = readdirSync(dir).find((n) => n.normalize("NFC").toLowerCase() === want);
    return hit ? relative(this.root, join(dir, hit)).split(sep).join("/") : null;
  }

  read(path: string): Promise<string> {
    return readFile(this.abs(path), "utf8");
  }

  /**
   * Synchronous read of a note that markdownFiles() listed (it has already
   * refused links out of the vault), for reading thousands of small notes in
   * a row: much faster than awaiting each, and no second check per file.
   */
  readListed(path: string): string {
    return readFileSync(join(this.root, path), "utf8");
  }

  async ensureFolder(path: string): Promise<string[]> {
    const made: string[] = [];
    const parts = path.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const sub = parts.slice(0, i).join("/");
      const full = this.abs(sub);
      if (!existsSync(full)) {
        await mkdir(full);
        made.push(sub);
      }
    }
    return made;
  }

  async create(path: string, text: string): Promise<void> {
    // "wx" fails if the file exists: never overwrite a user's note.
    await writeFile(this.abs(path), text, { encoding: "utf8", flag: "wx" });
    this.basenames = null;
  }

  async replace(path: string, expected: string, next: string): Promise<void> {
    const full = this.abs(path);
    const current = await readFile(full, "utf8");
    if (current !== expected) throw new Error(`${path} changed since it was read; nothing was written to it`);
    // Write beside it and rename over it, so a failed write never leaves half a note.
    const tmp = `${full}.source-queue-${process.pid}.tmp`;
    await writeFile(tmp, next, { encoding: "utf8", flag: "wx" });
    try {
      await rename(tmp, full);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }

  async remove(path: string): Promise<void> {
    const full = this.abs(path);
    if (statSync(full).isDirectory()) await rmdir(full);
    else await unlink(full);
    this.basenames = null;
  }

  private basenameCounts(): Map<string, number> {
    if (!this.basenames) {
      this.basenames = new Map();
      for (const p of this.markdownFiles()) {
        const base = p.slice(p.lastIndexOf("/") + 1).toLowerCase();
        this.basenames.set(base, (this.basenames.get(base) ?? 0) + 1);
      }
    }
    return this.basenames;
  }

  linkToFile(targetPath: string, fromPath: string): string {
    const base = targetPath.slice(targetPath.lastIndexOf("/") + 1).toLowerCase();
    const count = this.basenameCounts().get(base) ?? 0;
    return formatLink(this.linkStyle, targetPath, fromPath, count <= 1);
  }

  linkToText(linktext: string, fromPath: string): string {
    const wanted = `${linktext}.md`.toLowerCase();
    const hits = this.markdownFilesCached().filter((p) => p.toLowerCase() === wanted || p.toLowerCase().endsWith(`/${wanted}`));
    const hit = hits[0];
    return hit ? this.linkToFile(hit, fromPath) : formatTextLink(this.linkStyle, linktext);
  }

  private allFiles: string[] | null = null;
  private markdownFilesCached(): string[] {
    this.allFiles ??= this.markdownFiles();
    return this.allFiles;
  }
}
