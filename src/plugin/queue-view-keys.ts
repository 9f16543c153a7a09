// The queue view's keyboard (SPEC §4 "Keyboard", issue #14): list-keys.ts
// says what a key means, as data; this does it, to the focus, the selection
// or the focused row's note. Also the keys that move between the search box
// and the list.
import type { TFile } from "obsidian";
import { nextPriority, nextStatus } from "../core/queue/queue-query";
import { EMPTY_SELECTION, inOrder, selectAll, selectRange, targetsOf, toggle } from "../core/queue/selection";
import type { BulkFieldChange } from "./bulk-set";
import { keyIntent, type ListIntent } from "./list-keys";
import type { QueueListControl } from "./queue-list-control";

/** Keys anywhere in the view: "/" goes to the search box; Escape and ↓ in it go back to the list. */
export function onViewKey(evt: KeyboardEvent, searchEl: HTMLElement, listEl: HTMLElement): void {
  if (evt.key === "/" && evt.target !== searchEl) {
    evt.preventDefault();
    searchEl.focus();
  } else if (evt.key === "Escape" && evt.target === searchEl) {
    listEl.focus();
  } else if (evt.key === "ArrowDown" && evt.target === searchEl) {
    evt.preventDefault();
    listEl.focus();
  }
}

/** Keys on the list. */
export function onListKey(list: QueueListControl, evt: KeyboardEvent): void {
  const intent = keyIntent(evt, list.rowWindow.pageRows());
  if (!intent) return;
  if (intent.kind !== "cycle" && intent.kind !== "extract") evt.preventDefault();
  act(list, intent, evt);
}

function act(list: QueueListControl, intent: ListIntent, evt: KeyboardEvent): void {
  switch (intent.kind) {
    case "move":
      return list.setFocus(list.focused() + intent.by);
    case "home":
    case "end":
    case "extend": {
      const to = intent.kind === "extend" ? list.focused() + intent.by : intent.kind === "home" ? 0 : list.queue.length - 1;
      const extend = intent.kind === "extend" ? true : intent.extend;
      // A range grows from the anchor, or from the row focused when it began.
      const anchorPath = list.selection().anchor ?? list.focusedPath();
      list.setFocus(to);
      if (extend && anchorPath !== null) list.setSelection(selectRange({ ...list.selection(), anchor: anchorPath }, list.positionOf(anchorPath), list.focused(), list.pathAt));
      return;
    }
    case "select-all":
      return list.setSelection(selectAll(list.queue.length, list.pathAt, list.focusedPath()));
    case "clear":
      return list.setSelection(EMPTY_SELECTION);
    case "toggle": {
      const path = list.focusedPath();
      if (path !== null) list.setSelection(toggle(list.selection(), path));
      return;
    }
    default:
      return actOnFocused(list, intent, evt);
  }
}

function focusedFile(list: QueueListControl): TFile | null {
  const item = list.queue.at(list.focused());
  return item ? list.host.index.fileOf(item.path) : null;
}

/** Keys that act on the focused row's note (and on the selection, when the row is in it). */
function actOnFocused(list: QueueListControl, intent: ListIntent, evt: KeyboardEvent): void {
  const { actions, bulk, data, index } = list.host;
  const file = focusedFile(list);
  if (!file) return;
  const item = index.get(file.path);
  const targets = targetsOf(list.selection(), file.path);
  switch (intent.kind) {
    case "open":
      void (intent.newTab ? actions.openFromEvent(file, evt) : actions.open(file));
      return;
    case "cycle": {
      if (intent.field === "priority" && !data.settings.usePriority) return;
      if (targets.length === 1) {
        void (intent.field === "priority" ? actions.cyclePriority(file) : actions.cycleStatus(file));
        return;
      }
      // On a selection, every note takes the focused row's next value: they end up alike, not each one step on.
      const change: BulkFieldChange =
        intent.field === "priority" ? { field: "priority", to: nextPriority(item?.priority ?? null) } : { field: "status", to: nextStatus(item?.status ?? null) };
      void bulk.set(inOrder({ ...list.selection() }, (p) => list.positionOf(p)), change);
      return;
    }
    case "extract":
      actions.extract(file);
      return;
    case "menu": {
      const rect = list.rowWindow.focusedRect();
      list.rowMenu(file).showAtPosition({ x: rect?.left ?? 0, y: rect?.bottom ?? 0 });
      return;
    }
  }
}
