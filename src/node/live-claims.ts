// The vault's claim index in a long-running process (the MCP server, SPEC
// §6, §7), kept in memory between tool calls as LiveRows keeps the queue.
// The first call builds it as `extract` does (through the claim cache on
// disk); after that the server watches the whole vault and re-reads only the
// notes an event named, so read_source and extract_claims on a vault of
// 50,000 notes do not stat every one of them. Without a working watcher each
// call goes through the cache again (every note statted, changed ones read).
import { join } from "node:path";
import type { ClaimIndex } from "../core/claims/claim-index";
import { claimInputFromText } from "../core/claims/claim-input";
import { claimIndexOfVault } from "./claim-cache";
import { FolderWatch, isFolder } from "./folder-watch";
import type { FsVault } from "./fs-vault";
import { inSkippedFolder } from "./markdown-listing";

export class LiveClaims {
  private index: ClaimIndex | null = null;
  private root = "";
  private readonly watch = new FolderWatch();

  constructor(private readonly useWatcher = true) {}

  close(): void {
    this.watch.close();
  }

  read(vault: FsVault): ClaimIndex {
    if (vault.realRoot !== this.root) {
      this.root = vault.realRoot;
      this.index = null;
      if (this.useWatcher) this.watch.start(vault.root, "");
    }
    const changed = this.watch.take();
    if (changed === "all" || this.index === null) {
      this.index = claimIndexOfVault(vault);
      return this.index;
    }
    for (const path of changed) {
      if (this.refresh(vault, this.index, path) === "rescan") {
        this.index = claimIndexOfVault(vault);
        break;
      }
    }
    return this.index;
  }

  /** This process wrote these notes (claims created, claims enriched): read them again on the next call. */
  touched(paths: readonly string[]): void {
    this.watch.touched(paths);
  }

  /** One path an event named: a note changed, appeared or went; a folder that came or went means a rescan; other files are no claims. */
  private refresh(vault: FsVault, index: ClaimIndex, path: string): "rescan" | "done" {
    // The plugin's locks and journal live under .obsidian: every write comes and goes there.
    if (inSkippedFolder(path)) return "done";
    if (!path.toLowerCase().endsWith(".md")) {
      const folder = isFolder(join(vault.root, path));
      const held = () => [...index.all()].some((e) => e.path.startsWith(`${path}/`));
      return folder || (folder === null && held()) ? "rescan" : "done";
    }
    let text: string;
    try {
      text = vault.readListedStamped(path).text;
    } catch {
      // Gone (deleted, or renamed away: the new name has its own event), or unreadable now.
      index.remove(path);
      return "done";
    }
    index.update(path, claimInputFromText(path, text));
    return "done";
  }
}
