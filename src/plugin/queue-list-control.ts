// What the queue view lends the handlers of its keys and clicks
// (queue-view-keys.ts, queue-view-pointer.ts): the list as shown, the focus
// and the selection, and the ways to change them. The view keeps the state;
// each handler reads as what a key or a click does to it.
import type { Menu, TFile } from "obsidian";
import type { Selection } from "../core/queue/selection";
import type { SortedQueue } from "../core/queue/sorted-queue";
import type { QueueViewHost } from "./queue-view-host";
import type { RowWindow } from "./queue-window";

export interface QueueListControl {
  readonly host: QueueViewHost;
  /** The list as shown: filtered and sorted. */
  readonly queue: SortedQueue;
  readonly rowWindow: RowWindow;
  /** The focused row's position. */
  focused(): number;
  /** The focused note: focus follows it when a change moves it in the order. */
  focusedPath(): string | null;
  selection(): Selection;
  /** Focus the row at `position` (clamped), scrolling it into view unless `scroll` is false. */
  setFocus(position: number, scroll?: boolean): void;
  setSelection(next: Selection): void;
  /** A note's position in the list, or -1. */
  positionOf(path: string | null): number;
  /** The note at a position: a function value, passed as it is to selectRange and selectAll, which walk the list with it. */
  readonly pathAt: (i: number) => string | undefined;
  /** The menu of a row: on the whole selection when the row is in it. */
  rowMenu(file: TFile): Menu;
}
