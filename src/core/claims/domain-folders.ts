// Where each domain's claims live (SPEC §3, the `auto` claim folder): for
// every domain the vault's claim notes name, how many of them each folder
// holds. Kept by the claim index as notes come and go. Pure TypeScript.

/** A folder holding claims of one domain, and how many. */
export interface DomainFolder {
  readonly folder: string;
  readonly count: number;
}

/** A domain as the counts key it: trimmed, NFC, case folded. */
export const domainKey = (domain: string): string => domain.trim().normalize("NFC").toLowerCase();

/** The folder of a vault path ("" at the root). */
export const folderOf = (path: string): string => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

export class DomainFolders {
  /** domain key → folder → how many claims of that domain it holds. */
  private counts = new Map<string, Map<string, number>>();
  /** domain key → the domain as first written. */
  private names = new Map<string, string>();

  /** Count (by 1) or uncount (by -1) a claim at `path` naming `domains`; a claim naming several counts for each. */
  count(path: string, domains: readonly string[], by: 1 | -1): void {
    const folder = folderOf(path);
    for (const domain of new Set(domains)) {
      const key = domainKey(domain);
      let folders = this.counts.get(key);
      if (!folders) {
        this.counts.set(key, (folders = new Map<string, number>()));
        this.names.set(key, domain.trim());
      }
      const n = (folders.get(folder) ?? 0) + by;
      if (n > 0) folders.set(folder, n);
      else folders.delete(folder);
      if (folders.size === 0) {
        this.counts.delete(key);
        this.names.delete(key);
      }
    }
  }

  /** The folders holding claims of `domain`, most claims first, ties alphabetically. */
  of(domain: string): DomainFolder[] {
    const folders = this.counts.get(domainKey(domain));
    if (!folders) return [];
    return [...folders].map(([folder, count]) => ({ folder, count })).sort((a, b) => b.count - a.count || compare(a.folder, b.folder));
  }

  /** Every domain (as first written), alphabetically, with its folders. */
  all(): Map<string, DomainFolder[]> {
    const out = new Map<string, DomainFolder[]>();
    for (const [key, name] of [...this.names].sort((a, b) => compare(a[1], b[1]))) out.set(name, this.of(key));
    return out;
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
