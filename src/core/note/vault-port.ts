// What core needs from a vault. The plugin (Obsidian's Vault), the CLI (the
// file system) and the tests each provide one; every write of a split goes
// through it, so all-or-nothing and undo are written once, here in core.

export interface VaultPort {
  /** The path of an existing file at this path (compared case-insensitively), or null. */
  existing(path: string): string | null;
  read(path: string): Promise<string>;
  /** Create the folder and its parents if missing; returns the folders it created, outermost first. */
  ensureFolder(path: string): Promise<string[]>;
  /** Create a new file; fails if one exists. */
  create(path: string, text: string): Promise<void>;
  /**
   * Atomic read-modify-write: `fn` gets the file's current text and returns
   * the new text, or null to leave the file as it is; a throw aborts with
   * nothing written. No other write to the file lands between the read and
   * the write (Vault.process in the app; a lock and write-then-rename on
   * disk). Resolves to the file's text afterwards. Every field change goes
   * through here, so races are handled in one place.
   */
  edit(path: string, fn: (current: string) => string | null): Promise<string>;
  /** Replace a file's text atomically, failing if it is no longer `expected`. */
  replace(path: string, expected: string, next: string): Promise<void>;
  /** Remove a file (or an empty folder this run created; a folder that is not empty is refused). The plugin moves it to the trash. */
  remove(path: string): Promise<void>;
  /** A link to a file at `targetPath`, written in the note at `fromPath`, as the user's settings ask. */
  linkToFile(targetPath: string, fromPath: string): string;
  /** A link for a wikilink target as written in a note (`[[target]]`), resolved where possible. */
  linkToText(linktext: string, fromPath: string): string;
  /**
   * The note a wikilink target reaches from `fromPath` (as Obsidian resolves
   * it), or null when no note of the vault has that name. Absent: unknown, and
   * every link is kept (SPEC §3 Relevant Notes, issue #24 `dropped_links`).
   */
  resolveLink?(linktext: string, fromPath: string): string | null;
}

export class SourceChangedError extends Error {
  constructor(path: string) {
    super(`${path} changed since it was read; nothing was written to it`);
    this.name = "SourceChangedError";
  }
}
