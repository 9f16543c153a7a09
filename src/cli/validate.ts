// `source-queue validate` (SPEC §5): a thin door over the core's validate,
// with the rows list reads (the problems are part of each row, so validate
// shares list's cache).
import { fixDangling, fixedLine } from "../core/commands/fix-dangling";
import { settingsFile, validateQueue, validateResultJson } from "../core/commands/validate";
import { claimsOfVault } from "../node/claim-cache";
import type { Settings } from "../core/note/settings";
import type { FsVault } from "../node/fs-vault";
import { json, problemLine } from "./output";
import { readQueue } from "../node/queue-rows";
import type { CommandResult } from "./result";

export async function validate(vault: FsVault, settings: Settings, opts: { json?: boolean; cache?: boolean; fixDangling?: boolean }, settingsRejected: string[]): Promise<CommandResult> {
  const items = readQueue(vault, settings, { cache: opts.cache !== false });
  const claims = claimsOfVault(vault, opts.cache !== false);
  if (opts.fixDangling) {
    const sources = items.map((i) => ({ path: i.path, listed: claims.listed.get(i.path) ?? [] }));
    const fixed = await fixDangling(vault, sources, claims.index);
    const failed = fixed.some((f) => f.error !== null);
    const out = fixed.length === 0 ? "No dangling claims_extracted entries." : fixed.map(fixedLine).join("\n");
    return opts.json ? { code: failed ? 1 : 0, out: json({ fixed }) } : { code: failed ? 1 : 0, out };
  }
  const r = validateQueue({ items, settingsPath: settingsFile(vault.configDir), rejected: settingsRejected, claims });
  if (opts.json) return { code: r.code, out: json(validateResultJson(r)) };
  const lines: string[] = [];
  for (const f of r.files) lines.push(f.path, ...f.problems.map(problemLine), "");
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  lines.push(`${r.checked} sources checked: ${n(r.errors, "error")}, ${n(r.warnings, "warning")} in ${n(r.files.length, "file")}`);
  return { code: r.code, out: lines.join("\n") };
}
