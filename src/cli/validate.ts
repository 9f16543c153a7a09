// `source-queue validate` (SPEC §5): a thin door over the core's validate,
// with the rows list reads (the problems are part of each row, so validate
// shares list's cache).
import { settingsFile, validateQueue, validateResultJson } from "../core/commands/validate";
import type { Settings } from "../core/note/settings";
import type { FsVault } from "../node/fs-vault";
import { json, problemLine } from "./output";
import { readQueue } from "../node/queue-rows";
import type { CommandResult } from "./result";

export async function validate(vault: FsVault, settings: Settings, opts: { json?: boolean; cache?: boolean }, settingsRejected: string[]): Promise<CommandResult> {
  const items = readQueue(vault, settings, { cache: opts.cache !== false });
  const r = validateQueue({ items, settingsPath: settingsFile(vault.configDir), rejected: settingsRejected });
  if (opts.json) return { code: r.code, out: json(validateResultJson(r)) };
  const lines: string[] = [];
  for (const f of r.files) lines.push(f.path, ...f.problems.map(problemLine), "");
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  lines.push(`${r.checked} sources checked: ${n(r.errors, "error")}, ${n(r.warnings, "warning")} in ${n(r.files.length, "file")}`);
  return { code: r.code, out: lines.join("\n") };
}
