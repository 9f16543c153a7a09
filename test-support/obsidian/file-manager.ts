/**
 * FileManager: links in the user's preferred format, trash according to the
 * user's trash option, rename with link updates, processFrontMatter (which,
 * like Obsidian's, re-serializes the whole YAML block).
 */
import type { App } from "./register";
import { since } from "./api-version";
import { TFile, TFolder, type TAbstractFile } from "./files";
import type { ReferenceCache } from "./metadata-types";
import { getLinkpath, normalizePath, parentPath, relativePath } from "./paths";
import type { DataWriteOptions } from "./vault";
import { getFrontMatterInfo, parseYaml, stringifyYaml } from "./yaml";

const EMBEDDABLE = new Set(["png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "avif", "mp3", "wav", "m4a", "ogg", "mp4", "webm", "pdf"]);

/** Encodes a path for a Markdown link destination, as Obsidian does (spaces → %20). */
function encodeLinkPath(path: string): string {
  return encodeURI(path).replace(/[()#]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

export class FileManager {
  constructor(private app: App) {}

  getNewFileParent(sourcePath: string, newFilePath?: string): TFolder {
    void newFilePath;
    const vault = this.app.vault;
    const location = vault.getConfig("newFileLocation");
    if (location === "current" && sourcePath) {
      const parent = vault.getFileByPath(sourcePath)?.parent;
      if (parent) return parent;
    }
    if (location === "folder") {
      const setting = vault.getConfig("newFileFolderPath");
      const folder = vault.getFolderByPath(normalizePath(typeof setting === "string" ? setting : ""));
      if (folder) return folder;
    }
    return vault.getRoot();
  }

  /** Link text for `file` as seen from `sourcePath`, per `newLinkFormat` (shortest | relative | absolute). */
  private linkPath(file: TFile, sourcePath: string, markdown: boolean): string {
    const vault = this.app.vault;
    const format = vault.getConfig("newLinkFormat") ?? "shortest";
    const omit = !markdown && file.extension === "md";
    const full = omit ? file.path.slice(0, -".md".length) : file.path;
    if (format === "absolute") return full;
    if (format === "relative") return relativePath(parentPath(sourcePath), full);
    return this.app.metadataCache.fileToLinktext(file, sourcePath, omit);
  }

  generateMarkdownLink(file: TFile, sourcePath: string, subpath = "", alias = ""): string {
    const markdown = this.app.vault.getConfig("useMarkdownLinks") === true;
    const embed = EMBEDDABLE.has(file.extension.toLowerCase()) ? "!" : "";
    const path = this.linkPath(file, sourcePath, markdown);
    if (markdown) {
      const text = alias || (file.extension === "md" ? file.basename : file.name);
      return `${embed}[${text}](${encodeLinkPath(path)}${subpath ? encodeLinkPath(subpath) : ""})`;
    }
    return `${embed}[[${path}${subpath}${alias ? "|" + alias : ""}]]`;
  }

  async promptForDeletion(file: TAbstractFile): Promise<boolean> {
    await this.trashFile(file);
    return true;
  }

  /** Removes per the user's trash option: "system" (default), "local" (.trash/) or "none" (delete). */
  async trashFile(file: TAbstractFile): Promise<void> {
    const vault = this.app.vault;
    const option = vault.getConfig("trashOption");
    if (option === "none") await vault.delete(file, true);
    else await vault.trash(file, option !== "local");
  }

  /** Renames, then (if `alwaysUpdateLinks`) rewrites the links that pointed to it in other notes. */
  async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    const vault = this.app.vault;
    const cache = this.app.metadataCache;
    await vault.whenIdle();
    await cache.whenIdle();
    const oldPath = file.path;
    const inside = (p: string): boolean => p === oldPath || p.startsWith(oldPath + "/");
    const plan: { src: string; refs: { ref: ReferenceCache; dest: TFile }[] }[] = [];
    for (const [src, dests] of Object.entries(cache.resolvedLinks)) {
      if (!Object.keys(dests).some(inside)) continue;
      const refs: { ref: ReferenceCache; dest: TFile }[] = [];
      for (const ref of [...(cache.getCache(src)?.links ?? []), ...(cache.getCache(src)?.embeds ?? [])]) {
        const dest = cache.getFirstLinkpathDest(getLinkpath(ref.link), src);
        if (dest && inside(dest.path)) refs.push({ ref, dest });
      }
      if (refs.length > 0) plan.push({ src, refs });
    }
    await vault.rename(file, newPath);
    if (vault.getConfig("alwaysUpdateLinks") === false) return;
    for (const { src, refs } of plan) {
      const source = vault.getFileByPath(inside(src) ? file.path + src.slice(oldPath.length) : src);
      if (!source) continue;
      const edits = refs.map(({ ref, dest }) => {
        const hash = ref.link.indexOf("#");
        const subpath = hash === -1 ? "" : ref.link.slice(hash);
        const wiki = ref.original.replace(/^!/, "").startsWith("[[");
        const alias = wiki ? (ref.original.includes("|") ? ref.displayText ?? "" : "") : ref.displayText ?? "";
        const embed = ref.original.startsWith("!") ? "!" : "";
        const text = embed + this.generateMarkdownLink(dest, source.path, subpath, alias).replace(/^!/, "");
        return { from: ref.position.start.offset, to: ref.position.end.offset, text };
      });
      await vault.process(source, (data) => {
        const bom = data.startsWith("\uFEFF") ? 1 : 0;
        let out = data;
        for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from + bom) + e.text + out.slice(e.to + bom);
        return out;
      });
    }
  }

  /**
   * Atomically parses the frontmatter, lets `fn` mutate it, and writes it back
   * re-serialized (quotes, comments and formatting of the block are lost).
   * Throws if the YAML does not parse.
   */
  async processFrontMatter(file: TFile, fn: (frontmatter: any) => void, options?: DataWriteOptions): Promise<void> {
    await this.app.vault.process(
      file,
      (data) => {
        const info = getFrontMatterInfo(data);
        const parsed: unknown = info.exists ? parseYaml(info.frontmatter) : {};
        const fm = (parsed && typeof parsed === "object" ? parsed : {}) as Record<string, unknown>;
        fn(fm);
        const nl = data.includes("\r\n") ? "\r\n" : "\n";
        const yaml = Object.keys(fm).length === 0 ? "" : stringifyYaml(fm).replace(/\n/g, nl);
        if (!info.exists) return Object.keys(fm).length === 0 ? data : `---${nl}${yaml}---${nl}${data}`;
        const bom = data.startsWith("\uFEFF") ? "\uFEFF" : "";
        return `${bom}---${nl}${yaml}---${nl}${data.slice(info.contentStart)}`;
      },
      options,
    );
  }

  async getAvailablePathForAttachment(filename: string, sourcePath?: string): Promise<string> {
    void sourcePath;
    const dot = filename.lastIndexOf(".");
    const base = dot > 0 ? filename.slice(0, dot) : filename;
    const ext = dot > 0 ? filename.slice(dot) : "";
    let candidate = filename;
    for (let n = 1; this.app.vault.getAbstractFileByPath(candidate); n++) candidate = `${base} ${n}${ext}`;
    return candidate;
  }
}

since(FileManager.prototype, "trashFile", "1.6.6");
since(FileManager.prototype, "processFrontMatter", "1.4.4");
