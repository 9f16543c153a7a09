// `set` (SPEC §4 "Toggles", §5): status and priority changes for every door.
// Values are checked first (trimmed, lowercased, known), null-result needs a
// reason, and every field the change touches is written in ONE port.edit, so
// a change lands whole or not at all and no other write slips between its
// fields. A cycle reads the current value inside that same edit, so a burst
// of clicks advances one step per click from what is really on disk.
import { editFrontmatter, type FieldEdit } from "../note/frontmatter-edit";
import { PRIORITIES, STATUSES, type Priority, type Status } from "../note/model";
import { parseFrontmatter } from "../note/parse-frontmatter";
import { nextPriority, nextStatus } from "../queue/queue-query";
import type { Settings } from "../note/settings";
import { normalizePriority, normalizeStatus } from "../note/source-fields";
import { statusEdits } from "../writes/source-update";
import type { VaultPort } from "../note/vault-port";
import { today } from "./clock";
import { EditRefused, UsageError } from "./command-error";
import { requireNote } from "./note-path";
import { checkedWriter, checkWriter, isHeld, type Writer } from "./holder";
import { removeFrontmatterKeys } from "../note/frontmatter-remove";
import { LEASE_FIELD } from "../writes/source-lease";

/** What a caller asks for, as typed or clicked: values are checked here. */
export interface FieldChange {
  status?: string;
  priority?: string;
  /** Why a source is a null-result; required with it, refused without it. */
  reason?: string;
  /** Advance this field one step from its value on disk (a badge click). */
  cycle?: "priority" | "status";
}

/** A change whose values are known to be valid. */
export interface CheckedChange {
  status?: Status;
  priority?: Priority;
  reason?: string;
  cycle?: "priority" | "status";
}

export interface SetContext {
  settings: Settings;
  now: Date;
  /** Who sets (SPEC §7): refused while someone else holds the source; the agent named is written to processed_by. */
  writer?: Writer;
}

export interface SetResult {
  path: string;
  /** False when every field already had its value: nothing was written. */
  changed: boolean;
  /** Each field written, with its value, in the order written. */
  fields: { key: string; value: string }[];
  /** The note's text before and after, so a caller can offer undo. */
  before: string;
  after: string;
}

/**
 * The field a null-result reason is written to. One place, so the setting
 * that names it (issue #14, `reasonField`, default "notes") is one line here.
 */
export const reasonField = (settings: Settings): string => settings.reasonField || "notes";

function pick<T extends string>(raw: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`"${raw}" is not one of ${allowed.join(", ")}`, name);
  return value as T;
}

/** Checks a change before anything is read: a UsageError names the first thing wrong. */
export function checkChange(change: FieldChange): CheckedChange {
  if (change.cycle !== undefined) {
    if (change.status !== undefined || change.priority !== undefined || change.reason !== undefined) throw new UsageError("a cycle changes one field and takes no values");
    return { cycle: change.cycle };
  }
  if (change.status === undefined && change.priority === undefined) throw new UsageError("set needs a status or a priority");
  const status = pick(change.status, STATUSES, "status");
  const priority = pick(change.priority, PRIORITIES, "priority");
  const reason = change.reason?.replace(/\s+/g, " ").trim();
  if (status === "null-result" && !reason) throw new UsageError("null-result needs a reason (it is written to notes)", "status");
  if (change.reason !== undefined && status !== "null-result") throw new UsageError("goes with status null-result", "reason");
  return { status, priority, reason };
}

/** The frontmatter edits of a checked change, given the note's current text. */
export function editsFor(text: string, change: CheckedChange, ctx: SetContext): FieldEdit[] {
  const day = today(ctx.now);
  const processedBy = ctx.writer?.agent || ctx.settings.processedBy;
  if (change.cycle === "priority") return [{ key: "priority", set: nextPriority(normalizePriority(parseFrontmatter(text).data?.priority).value) }];
  if (change.cycle === "status") return statusEdits(nextStatus(normalizeStatus(parseFrontmatter(text).data?.status).value), day, processedBy);
  const edits: FieldEdit[] = [];
  if (change.priority !== undefined) edits.push({ key: "priority", set: change.priority });
  if (change.status !== undefined) edits.push(...statusEdits(change.status, day, processedBy));
  if (change.status === "null-result" && change.reason) edits.push({ key: reasonField(ctx.settings), set: change.reason });
  return edits;
}

/**
 * The fields that go with the edit: the lease once the status leaves
 * processing (no one holds a processed or unprocessed source), and on a
 * take-over the lease and the agent's name with it, in the same edit.
 */
function leaseRemovals(current: string, edits: readonly FieldEdit[], writer: Writer, now: Date): string[] {
  const status = edits.find((e) => e.key === "status");
  const leaving = status !== undefined && "set" in status && status.set !== "processing";
  const takingOver = writer.takeOver === true && isHeld(current, now);
  const keys = leaving || takingOver ? [LEASE_FIELD] : [];
  if (takingOver && !edits.some((e) => e.key === "processed_by")) keys.push("processed_by");
  return keys;
}

/** Sets the fields of one note in one atomic edit; refuses (EditRefused) a block that cannot be edited line-wise, and (SourceHeld) a source someone else holds. */
export async function setFields(port: VaultPort, path: string, change: FieldChange, context: SetContext): Promise<SetResult> {
  const checked = checkChange(change);
  const writer = checkedWriter(context.writer ?? {});
  const ctx = { ...context, writer };
  requireNote(port, path);
  let before = "";
  let fields: SetResult["fields"] = [];
  let changed = false;
  const after = await port.edit(path, (current) => {
    before = current;
    checkWriter(path, current, writer, ctx.now);
    const edits = editsFor(current, checked, ctx);
    fields = edits.map((e) => ({ key: e.key, value: "set" in e ? e.set : e.append.join(", ") }));
    const result = editFrontmatter(current, edits);
    if (!result.ok) throw new EditRefused(path, result.reason);
    const removed = removeFrontmatterKeys(result.text, leaseRemovals(current, edits, writer, ctx.now));
    if (!removed.ok) throw new EditRefused(path, removed.reason);
    changed = removed.text !== current;
    return changed ? removed.text : null;
  });
  return { path, changed, fields, before, after };
}

/** The JSON every door answers a set with. */
export function setJson(result: SetResult) {
  return { path: result.path, changed: result.changed, fields: Object.fromEntries(result.fields.map((f) => [f.key, f.value])) };
}

/** One line for people: what was set, or that it already was. */
export function setSummary(result: SetResult): string {
  const summary = result.fields.map((f) => `${f.key}: ${f.value}`).join(", ");
  return result.changed ? `${result.path}: ${summary}` : `${result.path}: already ${summary}; nothing changed`;
}
