// `source-queue set` (SPEC §5, §4 "Toggles"): change status or priority by
// editing only the lines of those fields.
import { formatISO } from "date-fns";
import { editFrontmatter, type EditResult, type FieldEdit } from "../core/frontmatter-edit";
import { PRIORITIES, STATUSES, type Status } from "../core/model";
import type { Settings } from "../core/settings";
import { statusEdits } from "../core/source-update";
import { UsageError, type FsVault } from "./fs-vault";
import type { CommandResult } from "./result";

export interface SetOptions {
  status?: string;
  priority?: string;
  reason?: string;
}

export async function set(vault: FsVault, settings: Settings, noteArg: string, opts: SetOptions): Promise<CommandResult> {
  if (opts.status === undefined && opts.priority === undefined) throw new UsageError("set needs --status or --priority");
  const status = opts.status?.trim().toLowerCase();
  const priority = opts.priority?.trim().toLowerCase();
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
    throw new UsageError(`--status: "${opts.status}" is not one of ${STATUSES.join(", ")}`);
  }
  if (priority !== undefined && !(PRIORITIES as readonly string[]).includes(priority)) {
    throw new UsageError(`--priority: "${opts.priority}" is not one of ${PRIORITIES.join(", ")}`);
  }
  if (status === "null-result" && !opts.reason?.trim()) throw new UsageError("--status null-result needs --reason TEXT (it is written to notes)");
  if (opts.reason !== undefined && status !== "null-result") throw new UsageError("--reason goes with --status null-result");

  const path = vault.toVaultPath(noteArg);
  // A path out of the vault, or through a link out of it, is refused by name (exit 2), before "not found".
  vault.abs(path);
  if (vault.existing(path) === null) throw new UsageError(`note not found in the vault: ${noteArg}`);
  const edits: FieldEdit[] = [];
  if (priority !== undefined) edits.push({ key: "priority", set: priority });
  if (status !== undefined) edits.push(...statusEdits(status as Status, formatISO(new Date(), { representation: "date" }), settings.processedBy, opts.reason));
  // One locked read-modify-write: a `set` of another field at the same moment is not lost (SPEC §8).
  const seen: { result: EditResult | null } = { result: null };
  await vault.edit(path, (text) => {
    const r = editFrontmatter(text, edits);
    seen.result = r;
    return r.ok && r.changed ? r.text : null;
  });
  const result = seen.result;
  if (result === null) throw new Error(`${path} was not read`);
  if (!result.ok) return { code: 1, out: "", err: `source-queue: ${path} was not changed: ${result.reason}` };
  const summary = edits.map((e) => ("set" in e ? `${e.key}: ${e.set}` : e.key)).join(", ");
  return { code: 0, out: result.changed ? `${path}: ${summary}` : `${path}: already ${summary}; nothing changed` };
}
