// Priority and status changes (SPEC §4 "Toggles"): each is one Vault.process
// call (atomic against other writes) running the core's line editor, so only
// the lines of the fields set change. A cycle reads the value from the file
// inside that same call, so a burst of clicks advances one step per click
// from what is really on disk, never from a stale row.
import { formatISO } from "date-fns";
import type { App, TFile } from "obsidian";
import { editFrontmatter, type FieldEdit } from "../core/frontmatter-edit";
import type { Priority, Status } from "../core/model";
import { parseFrontmatter } from "../core/parse-frontmatter";
import { nextPriority, nextStatus } from "../core/queue-query";
import type { Settings } from "../core/settings";
import { normalizePriority, normalizeStatus } from "../core/source-fields";
import { statusEdits } from "../core/source-update";

export class EditRefusedError extends Error {}

export type FieldChange =
  | { field: "priority"; to: Priority }
  | { field: "status"; to: Status; reason?: string }
  | { field: "priority" | "status"; cycle: true };

export const today = (): string => formatISO(new Date(), { representation: "date" });

/** The edits a change makes, given the note's current text. */
export function editsFor(text: string, change: FieldChange, settings: Settings): FieldEdit[] {
  if ("cycle" in change) {
    const data = parseFrontmatter(text).data ?? {};
    if (change.field === "priority") return [{ key: "priority", set: nextPriority(normalizePriority(data.priority).value) }];
    return statusEdits(nextStatus(normalizeStatus(data.status).value), today(), settings.processedBy, undefined, settings.reasonField);
  }
  if (change.field === "priority") return [{ key: "priority", set: change.to }];
  return statusEdits(change.to, today(), settings.processedBy, change.reason, settings.reasonField);
}

export async function writeField(app: App, file: TFile, change: FieldChange, settings: Settings): Promise<void> {
  await app.vault.process(file, (text) => {
    const result = editFrontmatter(text, editsFor(text, change, settings));
    if (!result.ok) throw new EditRefusedError(`${file.basename} was not changed: ${result.reason}`);
    return result.text;
  });
}
