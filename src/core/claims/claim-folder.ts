// The folder a source's claims go to (SPEC §3). The setting is a pattern
// (`domains/{{domain}}`, `claims`) or `auto`, the default: the folder that
// already holds the most claim notes of the source's domain, so claims join
// their siblings (the public knowledge base keeps collective-intelligence
// claims under `foundations/`, ai-alignment under `domains/`). With none of
// that domain: `domains/{{domain}}`; with no domain: the fallback folder.
// Every answer is a normalized vault-relative folder: no `..`, no leading
// slash, so no claim path leaves the vault.
import { claimFolder, normalizeFolder } from "../text/file-name";
import type { DomainFolder } from "./domain-folders";

/** The setting's value that asks for the folder the vault already uses. */
export const AUTO_FOLDER = "auto";
/** Where `auto` puts a domain the vault has no claim of yet. */
export const AUTO_NEW_DOMAIN = "domains/{{domain}}";

export interface FolderChoice {
  folder: string;
  /** Why this folder, in one line for the preview and the JSON. */
  why: string;
}

export interface FolderSettings {
  claimFolder: string;
  fallbackClaimFolder: string;
}

/** Whether the claim folder setting asks for `auto` (case and surrounding slashes aside). */
export const isAutoFolder = (pattern: string): boolean => normalizeFolder(pattern).toLowerCase() === AUTO_FOLDER;

/**
 * @param foldersOf the folders holding claims of a domain, most first (ClaimIndex.foldersOf); absent: the vault's claims are unknown.
 */
export function chooseClaimFolder(settings: FolderSettings, domain: string | null, foldersOf?: (domain: string) => readonly DomainFolder[]): FolderChoice {
  const fallback = normalizeFolder(settings.fallbackClaimFolder);
  const named = domain?.trim() ? domain.trim() : null;
  if (!isAutoFolder(settings.claimFolder)) {
    return { folder: claimFolder(settings.claimFolder, settings.fallbackClaimFolder, named), why: `the claim folder setting (${settings.claimFolder})` };
  }
  if (named === null) return { folder: fallback, why: "the source has no domain" };
  const folders = foldersOf?.(named) ?? [];
  const first = folders[0];
  if (first === undefined) {
    const folder = claimFolder(AUTO_NEW_DOMAIN, settings.fallbackClaimFolder, named);
    return { folder, why: `no claim of ${named} in the vault yet` };
  }
  const total = folders.reduce((n, f) => n + f.count, 0);
  const tied = folders.filter((f) => f.count === first.count && f.folder !== first.folder).map((f) => f.folder || "/");
  const where = `${first.count} of the ${total} claim${total === 1 ? "" : "s"} of ${named} are there`;
  const tie = tied.length > 0 ? `; tied with ${tied.join(", ")}: the alphabetically first` : "";
  return { folder: normalizeFolder(first.folder), why: `${where}${tie}` };
}
