// Core's VaultPort over Obsidian's Vault: the one place where a split's
// files are created, replaced and trashed. Links come from
// FileManager.generateMarkdownLink, so the user's link settings apply.
import { normalizePath, TFile, TFolder, type App } from "obsidian";
import { messageOf } from "../core/text/error-message";
import { SourceChangedError, type VaultPort } from "../core/note/vault-port";

export class ObsidianVaultPort implements VaultPort {
  constructor(private readonly app: App) {}

  private file(path: string): TFile {
    const file = this.app.vault.getFileByPath(normalizePath(path));
    if (!file) throw new Error(`${path} does not exist`);
    return file;
  }

  existing(path: string): string | null {
    const normal = normalizePath(path);
    if (this.app.vault.getAbstractFileByPath(normal)) return normal;
    // Names that differ only in case or Unicode form are the same note on most disks.
    const slash = normal.lastIndexOf("/");
    const parent = this.app.vault.getFolderByPath(slash < 0 ? "/" : normal.slice(0, slash));
    const want = normal.slice(slash + 1).normalize("NFC").toLowerCase();
    const hit = parent?.children.find((c) => c.name.normalize("NFC").toLowerCase() === want);
    return hit ? hit.path : null;
  }

  read(path: string): Promise<string> {
    return this.app.vault.read(this.file(path));
  }

  async ensureFolder(path: string): Promise<string[]> {
    const made: string[] = [];
    const parts = normalizePath(path).split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const sub = parts.slice(0, i).join("/");
      const found = this.app.vault.getAbstractFileByPath(sub);
      if (found instanceof TFolder) continue;
      if (found) throw new Error(`${sub} is a file, so the claim folder cannot be made there`);
      await this.app.vault.createFolder(sub);
      made.push(sub);
    }
    return made;
  }

  async create(path: string, text: string): Promise<void> {
    try {
      await this.app.vault.create(normalizePath(path), text);
    } catch (err) {
      // Obsidian's and the disk's messages rarely name the file; the notice should.
      throw new Error(`${path} could not be created (${messageOf(err)})`);
    }
  }

  edit(path: string, fn: (current: string) => string | null): Promise<string> {
    // Vault.process is Obsidian's atomic read-modify-write; returning the text unchanged writes nothing.
    return this.app.vault.process(this.file(path), (current) => fn(current) ?? current);
  }

  async replace(path: string, expected: string, next: string): Promise<void> {
    await this.app.vault.process(this.file(path), (current) => {
      if (current !== expected) throw new SourceChangedError(path);
      return next;
    });
  }

  async remove(path: string): Promise<void> {
    const found = this.app.vault.getAbstractFileByPath(normalizePath(path));
    // A folder goes only when empty (undo and rollback remove the folders their run made): never a curator's notes with it.
    if (found instanceof TFolder && found.children.length > 0) throw new Error(`${path} is not empty`);
    if (found) await this.app.fileManager.trashFile(found);
  }

  linkToFile(targetPath: string, fromPath: string): string {
    const file = this.app.vault.getFileByPath(normalizePath(targetPath));
    if (file) return this.app.fileManager.generateMarkdownLink(file, fromPath);
    // Not created yet (a preview): the final text is rendered again once it exists.
    const name = targetPath.slice(targetPath.lastIndexOf("/") + 1).replace(/\.md$/i, "");
    return `[[${name}]]`;
  }

  resolveLink(linktext: string, fromPath: string): string | null {
    const dest = this.app.metadataCache.getFirstLinkpathDest(linktext.replace(/[#|].*$/s, "").trim(), fromPath);
    return dest instanceof TFile ? dest.path : null;
  }

  linkToText(linktext: string, fromPath: string): string {
    const file = this.app.metadataCache.getFirstLinkpathDest(linktext, fromPath);
    return file instanceof TFile ? this.app.fileManager.generateMarkdownLink(file, fromPath) : `[[${linktext}]]`;
  }
}
