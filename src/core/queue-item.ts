// A note as a row of the queue (SPEC §4, §5 `list`).
import { hintItems, tooManyCandidates } from "./candidates";
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
