// What the queue says when it has no rows to show (SPEC §4): the vault is
// still being read, the queue folder holds no sources, or the filters hide
// every one (with a button to show them all again).
import type { QueueIndex } from "./queue-index";

export interface EmptyState {
  index: QueueIndex;
  /** settings.queueFolder: "" is the whole vault. */
  folder: string;
  /** Rows the filters let through. */
  shown: number;
  /** Clears the filters ("Show all sources"). */
  showAll: () => void;
}

/** Fills `el` with why the list is empty, or hides it when the list is not. */
export function renderEmptyState(el: HTMLElement, { index, folder, shown, showAll }: EmptyState): void {
  el.empty();
  if (!index.ready) {
    el.setText("Reading the vault…");
  } else if (index.size === 0) {
    el.createEl("p", { text: `No notes found in ${folder === "" ? "the vault" : `the folder "${folder}"`}.` });
    el.createEl("p", {
      cls: "source-queue-muted",
      text: "Sources are read from the queue folder; change it in the plugin settings.",
    });
  } else if (shown === 0) {
    el.createEl("p", { text: "No sources match these filters." });
    const button = el.createEl("button", { text: "Show all sources" });
    button.addEventListener("click", showAll);
  }
  el.toggleClass("is-hidden", el.childNodes.length === 0);
}
