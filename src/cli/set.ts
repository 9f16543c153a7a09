// `source-queue set` (SPEC §5, §4 "Toggles"): a thin door over the core's
// setFields, which checks the values and makes one atomic edit.
import { checkChange, setFields, setJson, setSummary } from "../core/commands/set-fields";
import type { Settings } from "../core/note/settings";
import type { FsVault } from "../node/fs-vault";
import { json } from "./output";
import type { CommandResult } from "./result";
import { notePath } from "../node/note-arg";
import { detectReasonField } from "../core/commands/conventions";
import { conventionNotes } from "../node/convention-notes";

export interface SetOptions {
  status?: string;
  priority?: string;
  reason?: string;
  json?: boolean;
  /** `--agent`: the holder writing; `--take-over`: a curator ending an agent's lease in the same edit (SPEC §7). */
  agent?: string;
  takeOver?: boolean;
}

export async function set(vault: FsVault, settings: Settings, noteArg: string, opts: SetOptions, now: Date): Promise<CommandResult> {
  const change = { status: opts.status, priority: opts.priority, reason: opts.reason };
  // Bad values are named before the note is looked for, as a typo is the likelier mistake.
  checkChange(change);
  // No reason field set: the one most null-result notes of the queue use (SPEC §1), read only when a reason is written.
  const reasonField = settings.reasonField || (opts.reason ? detectReasonField(conventionNotes(vault, settings.queueFolder)).field : "notes");
  const result = await setFields(vault, notePath(vault, noteArg), change, { settings: { ...settings, reasonField }, now, writer: { agent: opts.agent, takeOver: opts.takeOver } });
  return { code: 0, out: opts.json ? json(setJson(result)) : setSummary(result) };
}
