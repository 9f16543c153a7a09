// `source-queue validate` (SPEC §5): every problem of every queue note.
import type { Problem } from "../core/model";
import { validateJson } from "../core/json-output";
import type { Settings } from "../core/settings";
import type { FsVault } from "./fs-vault";
import { json, problemLine } from "./output";
import { readQueue } from "./queue-rows";
import type { CommandResult } from "./result";

export async function validate(vault: FsVault, settings: Settings, opts: { json?: boolean; cache?: boolean }, settingsRejected: string[]): Promise<CommandResult> {
  const files: { path: string; problems: Problem[] }[] = [];
  if (settingsRejected.length > 0) {
    files.push({
      path: `${vault.configDir}/plugins/source-queue/data.json`,
      problems: settingsRejected.map((k) => ({ level: "warning", message: settingsProblem(k) })),
    });
  }
  // The rows list shows: the problems are part of each row, so validate shares list's cache.
  const items = readQueue(vault, settings, { cache: opts.cache !== false });
  const checked = items.length;
  for (const item of items) {
    if (item.problems.length > 0) files.push({ path: item.path, problems: item.problems });
  }
  const report = validateJson(files);
  const { errors, warnings } = report;
  const code = errors > 0 ? 1 : 0;
  if (opts.json) return { code, out: json(report) };
  const lines: string[] = [];
  for (const f of files) lines.push(f.path, ...f.problems.map(problemLine), "");
  lines.push(`${checked} sources checked: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${files.length} file${files.length === 1 ? "" : "s"}`);
  return { code, out: lines.join("\n") };
}

/** A rejected setting, or the whole file ("(…)" entries), as one line. */
function settingsProblem(key: string): string {
  if (key === "(whole file)") return "The settings file does not hold a set of settings; the defaults are used";
  if (key.startsWith("(")) return `The settings file cannot be read (${key.slice(1, -1)}); the defaults are used`;
  return `Setting "${key}" is invalid; the default is used`;
}
