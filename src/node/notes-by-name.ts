// FsVault's index of Markdown notes by file name, which is what a link needs
// to know: whether a name is unique (then the shortest link will do) and which
// note a link text reaches. Read once from the listing, then kept up to date
// by the vault's own create and remove.

/** A note's file name, lower-cased: the key of the index. */
const nameKey = (path: string): string => path.slice(path.lastIndexOf("/") + 1).toLowerCase();

export class NotesByName {
  /** Lower-case file name → every note with it, in path order; null until first asked. */
  private byName: Map<string, string[]> | null = null;

  /** `list`: every Markdown file of the vault, sorted (markdownFiles()). */
  constructor(private readonly list: () => string[]) {}

  /** The notes whose file name is that of `path` (case aside), in path order. */
  withNameOf(path: string): readonly string[] {
    return this.notesByName().get(nameKey(path)) ?? [];
  }

  private notesByName(): Map<string, string[]> {
    if (!this.byName) {
      this.byName = new Map();
      // markdownFiles() is sorted, so each list is in path order.
      for (const p of this.list()) {
        const key = nameKey(p);
        const list = this.byName.get(key);
        if (list) list.push(p);
        else this.byName.set(key, [p]);
      }
    }
    return this.byName;
  }

  noteAdded(path: string): void {
    if (!this.byName || !path.toLowerCase().endsWith(".md")) return;
    const key = nameKey(path);
    const list = this.byName.get(key) ?? [];
    let at = 0;
    while (at < list.length && (list[at] as string) < path) at++;
    list.splice(at, 0, path);
    this.byName.set(key, list);
  }

  noteRemoved(path: string): void {
    const list = this.byName?.get(nameKey(path));
    const at = list?.indexOf(path) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
  }
}
