// A note as a row of the queue (SPEC §4, §5 `list`).
import { hintItems, tooManyCandidates } from "../extraction/candidates";
import { basenameOf, type Problem, type SourceFields } from "../note/model";
import type { QueueItem } from "./queue-query";
import type { Settings } from "../note/settings";
import { emptyFields } from "../note/source-fields";
import { hintSections } from "../note/sections";
import { isQueueNote, readNote } from "../note/source-note";

/** A row from normalized fields: the one place a note's fields become a queue item. */
export function queueItem(path: string, fields: SourceFields, hints: number | null, problems: Problem[]): QueueItem {
  const { title, author, date, domain, status, priority } = fields;
  return { path, title, author, date, domain, status, priority, hints, problems };
}

/** The queue row for a note's text, or null when the note is not in the queue (a claim). */
export function queueItemFromText(path: string, text: string, settings: Settings): QueueItem | null {
  const { note, body } = readNote(path, text, settings);
  if (!isQueueNote(note)) return null;
  const hints = hintItems(note, hintSections(body)).items.length;
  const tooMany = tooManyCandidates(hints);
  return queueItem(path, note, hints, tooMany ? [...note.problems, tooMany] : note.problems);
}

/** The row of a note whose text could not be read at all (too large for a string, gone since listed): shown, not skipped. */
export function unreadableItem(path: string, reason: string): QueueItem {
  return queueItem(path, emptyFields(basenameOf(path)), 0, [{ level: "error", message: `File could not be read: ${reason}` }]);
}
