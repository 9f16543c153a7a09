// A note as a row of the queue (SPEC §4, §5 `list`).
import { hintItems, tooManyCandidates } from "./candidates";
import { basenameOf } from "./model";
import type { QueueItem } from "./queue-query";
import type { Settings } from "./settings";
import { isQueueNote, readSource } from "./source-note";

/** The queue row for a note's text, or null when the note is not in the queue (a claim). */
export function queueItemFromText(path: string, text: string, settings: Settings): QueueItem | null {
  const { note, sections } = readSource(path, text, settings);
  if (!isQueueNote(note)) return null;
  const hints = hintItems(note, sections).items.length;
  const tooMany = tooManyCandidates(hints);
  return {
    path,
    title: note.title,
    author: note.author,
    date: note.date,
    domain: note.domain,
    status: note.status,
    priority: note.priority,
    hints,
    problems: tooMany ? [...note.problems, tooMany] : note.problems,
  };
}

/** The row of a note whose text could not be read at all (too large for a string, gone since listed): shown, not skipped. */
export function unreadableItem(path: string, reason: string): QueueItem {
  return {
    path,
    title: basenameOf(path),
    author: null,
    date: null,
    domain: null,
    status: null,
    priority: null,
    hints: 0,
    problems: [{ level: "error", message: `File could not be read: ${reason}` }],
  };
}
