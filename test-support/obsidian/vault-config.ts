/** The vault settings the double honours, with Obsidian's defaults (vault.getConfig / setConfig). */
export const DEFAULT_VAULT_CONFIG: Record<string, unknown> = {
  /** false → [[wikilinks]]; true → [Markdown](links.md) */
  useMarkdownLinks: false,
  /** "shortest" | "relative" | "absolute" */
  newLinkFormat: "shortest",
  /** "system" | "local" (.trash/) | "none" (delete) */
  trashOption: "system",
  alwaysUpdateLinks: true,
  /** "root" | "current" | "folder" (newFileFolderPath) */
  newFileLocation: "root",
  newFileFolderPath: "",
  attachmentFolderPath: "/",
};
