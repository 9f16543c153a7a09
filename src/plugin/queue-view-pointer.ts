// The queue view's mouse (SPEC §4, issue #14): a click opens a note and
// selects it alone; Shift and Ctrl/Cmd make ranges and toggles; a badge's
// click changes that note alone; the middle button opens a tab; the context
// menu acts on the selection when the row is in it.
import type { TFile } from "obsidian";
import { selectOnly, selectRange, toggle } from "../core/queue/selection";
import type { QueueListControl } from "./queue-list-control";

/** The note of the drawn row under the event, its position and the badge hit, if any. */
function rowOf(list: QueueListControl, evt: Event): { file: TFile; position: number; badge: HTMLElement | null } | null {
  const hit = list.rowWindow.hit(evt);
  const file = hit ? list.host.index.fileOf(hit.path) : null;
  if (!hit || !file) return null;
  return { file, position: hit.position, badge: hit.badge };
}

/** Clicks, and middle-button clicks (auxclick), on the list. */
export function onListClick(list: QueueListControl, evt: MouseEvent): void {
  const hit = rowOf(list, evt);
  if (!hit) return;
  const { actions } = list.host;
  const path = hit.file.path;
  const field = hit.badge?.dataset.field;
  // A badge is that note's: its click changes that note alone.
  if (field === "priority" || field === "status") {
    list.setFocus(hit.position, false);
    void (field === "priority" ? actions.cyclePriority(hit.file) : actions.cycleStatus(hit.file));
    return;
  }
  if (evt.button === 1) {
    void actions.open(hit.file, "tab");
    return;
  }
  if (evt.shiftKey) {
    const selection = list.selection();
    const anchor = list.positionOf(selection.anchor ?? list.focusedPath());
    list.setFocus(hit.position, false);
    list.setSelection(selectRange(selection.anchor === null ? { ...selection, anchor: list.queue.at(anchor)?.path ?? null } : selection, anchor, hit.position, list.pathAt));
    return;
  }
  if (evt.ctrlKey || evt.metaKey) {
    list.setFocus(hit.position, false);
    list.setSelection(toggle(list.selection(), path));
    return;
  }
  list.setFocus(hit.position, false);
  list.setSelection(selectOnly(path));
  void actions.open(hit.file);
}

export function onListContextMenu(list: QueueListControl, evt: MouseEvent): void {
  const hit = rowOf(list, evt);
  if (!hit) return;
  evt.preventDefault();
  list.setFocus(hit.position, false);
  list.rowMenu(hit.file).showAtMouseEvent(evt);
}
