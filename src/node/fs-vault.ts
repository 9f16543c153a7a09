// The CLI's vault: a folder on disk, seen as Obsidian sees it. Paths are
// vault-relative with forward slashes; nothing outside the vault is read or
// written, and a symbolic link that points outside the vault is refused
// (./vault-bounds); notes are listed by ./markdown-listing and found by name
// for links by ./notes-by-name.
import { closeSync, existsSync, type Stats, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, rmdirSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { DEFAULT_LINK_STYLE, formatLink, formatTextLink, type LinkStyle } from "../core/text/links";
import { loadSettings, settingsFromData, type Settings } from "../core/note/settings";
import { SourceChangedError, type VaultPort } from "../core/note/vault-port";
import { writeStep } from "./fault-injection";
import { checkSize, kindOf, readRegular, UsageError } from "./note-file";
import { withNoteLock } from "./note-lock";
import { removeStaleTemps, writeAtomic } from "./temp-files";
import type { FileStamp } from "./row-codec";
import { listMarkdown } from "./markdown-listing";
import { NotesByName } from "./notes-by-name";
import { VaultBounds } from "./vault-bounds";

export { MAX_READ_BYTES, UsageError } from "./note-file";

/** Told the real path of every note about to be written, created or removed; throws to refuse it (`--sync git` keeps the user's uncommitted notes out of reach). */
let noteGuard: ((real: string) => void) | null = null;

export function guardNotes(guard: ((real: string) => void) | null): void {
  noteGuard = guard;
}

/** The real path of a note that may not exist yet: its folder's, resolved, and its name. */
export function realPathOf(full: string): string {
  try {
    return realpathSync(full);
  } catch {
    try {
      return join(realpathSync(dirname(full)), basename(full));
    } catch {
      return full;
    }
  }
}

export class FsVault implements VaultPort {
  readonly root: string;
  /** The vault folder with every link resolved: the identity of the vault (its row cache is named by it). */
  readonly realRoot: string;
  /** Every Markdown file of the vault by file name, for links: read once, then kept up to date by create and remove. */
  private readonly names = new NotesByName(() => this.markdownFiles());
  private readonly bounds: VaultBounds;
  readonly linkStyle: LinkStyle;
  readonly configDir = ".obsidian";

  constructor(root: string) {
    this.root = resolve(root);
    if (!existsSync(this.root) || !statSync(this.root).isDirectory()) throw new UsageError(`vault not found: ${root}`);
    this.realRoot = realpathSync(this.root);
    this.bounds = new VaultBounds(this.root, this.realRoot);
    this.linkStyle = this.readLinkStyle();
  }

  /** Settings the plugin saved in this vault, so the CLI and the sidebar agree. */
  settings(): { settings: Settings; rejected: string[] } {
    const file = join(this.root, this.configDir, "plugins", "source-queue", "data.json");
    if (!existsSync(file)) return loadSettings(null);
    try {
      return settingsFromData(JSON.parse(readFileSync(file, "utf8")));
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

  /** Absolute path for a vault path; throws if it would leave the vault (by `..` or by a link). */
  abs(path: string): string {
    return this.bounds.abs(path);
  }

  /** Vault path for a user's argument: vault-relative, or a file-system path inside the vault. */
  toVaultPath(arg: string): string {
    return this.bounds.toVaultPath(arg);
  }

  /** Markdown files under a folder, sorted, skipping links that leave the vault. */
  markdownFiles(folder = ""): string[] {
    return listMarkdown(this.bounds, folder, (dir) => this.sweep(dir));
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
    // A folder path that is a file holds no notes (a later write there fails and is reported).
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
    const want = full.slice(dir.length + 1).normalize("NFC").toLowerCase();
    const hit = readdirSync(dir).find((n) => n.normalize("NFC").toLowerCase() === want);
    return hit ? relative(this.root, join(dir, hit)).split(sep).join("/") : null;
  }

  async read(path: string): Promise<string> {
    return readRegular(this.abs(path), path);
  }

  /**
   * Synchronous read of a note that markdownFiles() listed (it has already
   * refused links out of the vault), for reading thousands of small notes in
   * a row: much faster than awaiting each, and no second check per file.
   */
  readListed(path: string): string {
    return this.readListedStamped(path).text;
  }

  /**
   * readListed() with the stamp of the file it read. The stamp comes from
   * the open file before its bytes are read: an edit in between leaves a
   * stamp older than the text (read again next time), never a newer one.
   */
  readListedStamped(path: string): { text: string; stamp: FileStamp } {
    // Size from the open file (no extra call), so a 3 GB file is refused before it is read.
    const fd = openSync(this.listedPath(path), "r");
    try {
      const stamp = stampOf(fstatSync(fd));
      checkSize(stamp.size);
      return { text: readFileSync(fd, "utf8"), stamp };
    } finally {
      closeSync(fd);
    }
  }

  /** The file of a listed path: joined by hand, as join() would only normalize what markdownFiles() built clean. */
  private listedPath(path: string): string {
    return this.root.endsWith(sep) ? this.root + path : this.root + sep + path;
  }

  /** The stamp of a note that markdownFiles() listed (of its target, for a link, as reading follows it), or null when it cannot be had. */
  stampListed(path: string): FileStamp | null {
    try {
      const st = statSync(this.listedPath(path), { throwIfNoEntry: false });
      return st ? stampOf(st) : null;
    } catch {
      return null;
    }
  }

  // The writes below use the synchronous calls: a split writes a handful of
  // small files one after another, and each awaited call costs a round trip
  // through libuv's thread pool (a third of a split's time).

  /** The plugin's folder in this vault: settings, journals of interrupted splits, locks. */
  pluginDir(): string {
    return join(this.root, this.configDir, "plugins", "source-queue");
  }

  /** Folders whose stale temp files were removed in this run: each is looked at once. */
  private swept = new Set<string>();

  /** Remove the temp files that dead processes left in a folder (SPEC §8), once per folder and run. */
  sweep(dir: string): void {
    if (this.swept.has(dir)) return;
    this.swept.add(dir);
    removeStaleTemps(dir);
  }

  async ensureFolder(path: string): Promise<string[]> {
    const made: string[] = [];
    const parts = path.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const sub = parts.slice(0, i).join("/");
      const full = this.abs(sub);
      if (!existsSync(full)) {
        writeStep(`make the folder ${sub}`);
        mkdirSync(full);
        made.push(sub);
      } else if (!statSync(full).isDirectory()) {
        throw new Error(`${sub} is a file, so the claim folder cannot be made there`);
      }
    }
    return made;
  }

  async create(path: string, text: string): Promise<void> {
    const full = this.abs(path);
    noteGuard?.(realPathOf(full));
    this.sweep(dirname(full));
    // Written beside and linked in: the note appears whole or not at all, and never over an existing one.
    writeAtomic(full, text, { exclusive: true });
    this.names.noteAdded(path);
  }

  /**
   * The file a write to `path` lands in: the target of a symbolic link
   * (written through, so the link stays a link), refused unless it is a
   * regular file inside the vault.
   */
  private writeTarget(path: string): { real: string; mode: number } {
    const full = this.abs(path);
    const real = realpathSync(full);
    const st = statSync(real);
    if (!st.isFile()) throw new UsageError(`${path} is ${kindOf(st)}, not a note`);
    return { real, mode: st.mode & 0o7777 };
  }

  /** Lock the note, read it, let `change` decide, write it beside and rename it over (SPEC §8). */
  private async locked(path: string, change: (current: string) => string | null): Promise<string> {
    const { real, mode } = this.writeTarget(path);
    noteGuard?.(real);
    this.sweep(dirname(real));
    return withNoteLock(join(this.pluginDir(), "locks"), real, () => {
      const current = readRegular(real, path);
      const next = change(current);
      if (next === null || next === current) return current;
      writeAtomic(real, next, { exclusive: false, mode });
      return next;
    });
  }

  edit(path: string, fn: (current: string) => string | null): Promise<string> {
    return this.locked(path, fn);
  }

  async replace(path: string, expected: string, next: string): Promise<void> {
    await this.locked(path, (current) => {
      if (current !== expected) throw new SourceChangedError(path);
      return next;
    });
  }

  async remove(path: string): Promise<void> {
    const full = this.abs(path);
    noteGuard?.(realPathOf(full));
    if (lstatSync(full).isDirectory()) {
      writeStep(`remove the folder ${path}`);
      rmdirSync(full);
    } else {
      writeStep(`remove ${path}`);
      unlinkSync(full);
      this.names.noteRemoved(path);
    }
  }

  linkToFile(targetPath: string, fromPath: string): string {
    const count = this.names.withNameOf(targetPath).length;
    return formatLink(this.linkStyle, targetPath, fromPath, count <= 1);
  }

  linkToText(linktext: string, fromPath: string): string {
    const hit = this.resolveLink(linktext);
    return hit ? this.linkToFile(hit, fromPath) : formatTextLink(this.linkStyle, linktext);
  }

  resolveLink(linktext: string): string | null {
    const wanted = `${linktext.replace(/[#|].*$/s, "").trim().replace(/\.md$/i, "")}.md`.toLowerCase();
    // A match ends in "/<wanted>", so it has the file name of wanted: only those are looked at.
    return this.names.withNameOf(wanted).find((p) => p.toLowerCase() === wanted || p.toLowerCase().endsWith(`/${wanted}`)) ?? null;
  }
}

const stampOf = (st: Stats): FileStamp => ({ size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });
