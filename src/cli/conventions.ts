// `source-queue conventions` (SPEC §1): the settings the vault's notes
// suggest, with the counts behind each. Changes nothing.
import { conventionLines, detectConventions } from "../core/commands/conventions";
import type { Settings } from "../core/note/settings";
import { claimIndexOfVault } from "../node/claim-cache";
import { conventionNotes } from "../node/convention-notes";
import type { FsVault } from "../node/fs-vault";
import { json } from "./output";
import type { CommandResult } from "./result";

export function conventions(vault: FsVault, settings: Settings, opts: { json?: boolean; cache?: boolean }): CommandResult {
  const found = detectConventions(conventionNotes(vault), claimIndexOfVault(vault, opts.cache !== false), settings);
  if (opts.json) return { code: 0, out: json({ vault: vault.root, ...found }) };
  const lines = [`Proposed settings for ${vault.root} (nothing was changed):`, ...conventionLines(found).map((l) => `  ${l}`)];
  lines.push("", "Apply them in the plugin's settings tab (Detect from this vault), or write them to .obsidian/plugins/source-queue/data.json.");
  return { code: 0, out: lines.join("\n") };
}
