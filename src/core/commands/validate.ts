// `validate` (SPEC §5) for every door: every problem of every queue note,
// and the settings that were rejected and fell back to defaults, so a broken
// data.json is reported by the plugin as by the CLI.
import type { ClaimIndex } from "../claims/claim-index";
import { danglingEntries, danglingMessage } from "../claims/dangling";
import type { Problem } from "../note/model";
import type { QueueItem } from "../queue/queue-query";
import { validateJson } from "./json-output";
import { byPath } from "./list";

export interface ValidateInput {
  /** Every queue row, with the problems read from each note's text. */
  items: readonly QueueItem[];
  /** The settings file, vault-relative (`.obsidian/plugins/source-queue/data.json`). */
  settingsPath: string;
  /** Settings that were present but invalid, as loadSettings names them. */
  rejected: readonly string[];
  /**
   * The vault's claim notes and what each note lists in `claims_extracted`:
   * each entry of a queue source naming no claim note is a warning (SPEC §2
   * rule 9). Absent: not checked.
   */
  claims?: { index: ClaimIndex; listed: ReadonlyMap<string, readonly string[]> };
}

export interface ValidateResult {
  files: { path: string; problems: Problem[] }[];
  /** How many queue notes were checked. */
  checked: number;
  errors: number;
  warnings: number;
  /** 1 when any error-level problem was found (warnings alone do not fail). */
  code: 0 | 1;
}

/** Where both the plugin and the CLI keep the settings, vault-relative. */
export const settingsFile = (configDir: string): string => `${configDir}/plugins/source-queue/data.json`;

/**
 * The settings inside data.json as read from disk: the plugin keeps them
 * under `settings` (beside the queue's filters and the last split); older
 * versions kept them at the top level. The CLI reads what the plugin wrote.
 */
export function storedSettings(raw: unknown): unknown {
  const isRecord = typeof raw === "object" && raw !== null && !Array.isArray(raw);
  return isRecord && "settings" in raw ? raw.settings : raw;
}

/** A rejected setting, or the whole file ("(…)" entries), as one line. */
export function settingsProblem(key: string): string {
  if (key === "(whole file)") return "The settings file does not hold a set of settings; the defaults are used";
  if (key.startsWith("(")) return `The settings file cannot be read (${key.slice(1, -1)}); the defaults are used`;
  return `Setting "${key}" is invalid; the default is used`;
}

export function validateQueue(input: ValidateInput): ValidateResult {
  const files: ValidateResult["files"] = [];
  if (input.rejected.length > 0) {
    files.push({ path: input.settingsPath, problems: input.rejected.map((k) => ({ level: "warning", message: settingsProblem(k) })) });
  }
  for (const item of [...input.items].sort(byPath)) {
    const listed = input.claims?.listed.get(item.path);
    const dangling = listed && input.claims ? danglingEntries(listed, input.claims.index) : [];
    const problems: Problem[] = [...item.problems, ...dangling.map((e): Problem => ({ level: "warning", message: danglingMessage(e) }))];
    if (problems.length > 0) files.push({ path: item.path, problems });
  }
  const { errors, warnings } = validateJson(files);
  return { files, checked: input.items.length, errors, warnings, code: errors > 0 ? 1 : 0 };
}

/** The JSON every door answers a validate with (SPEC §5). */
export const validateResultJson = (r: ValidateResult) => validateJson(r.files);
