// A drafted candidate's quotes in the preview (SPEC §9): the ones found in the
// source, which the claim will quote, and the ones the model gave that are
// not in it, flagged and dropped, so the curator sees what was invented.
import { setIcon } from "obsidian";
import type { DraftMark } from "../core/extraction/candidates";
import { CLS } from "./extract-text";

export function renderDraftQuotes(row: HTMLElement, mark: DraftMark, verified: readonly string[]): void {
  const box = row.createDiv({ cls: `${CLS}-ai-quotes` });
  if (verified.length > 0) {
    box.createDiv({ cls: `${CLS}-ai-quotes-label`, text: "Quotes found in the source:" });
    const list = box.createEl("ul");
    for (const q of verified) list.createEl("li", { text: q });
  }
  if (mark.unverified.length > 0) {
    const flag = box.createDiv({ cls: `${CLS}-ai-unverified`, attr: { role: "note" } });
    setIcon(flag.createSpan({ attr: { "aria-hidden": "true" } }), "alert-triangle");
    flag.createSpan({ text: `Unverified: ${mark.unverified.length === 1 ? "a quote" : `${mark.unverified.length} quotes`} not in the source, dropped:` });
    const list = box.createEl("ul", { cls: `${CLS}-ai-unverified-list` });
    for (const q of mark.unverified) list.createEl("li", { text: q });
  }
}
