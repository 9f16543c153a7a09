// One candidate in the extract preview (SPEC §4 "Extract preview"): a
// checkbox, an editable title, a confidence and the path the claim will be
// written to. The row is built once and then updated in place from each new
// plan, so typing in its title never loses focus or the caret.
import { DropdownComponent } from "obsidian";
import { KIND_LABELS } from "../core/candidate-kind";
import type { Candidate } from "../core/candidates";
import { CONFIDENCES, type Confidence } from "../core/model";

export interface RowEvents {
  onSelect(index: number, selected: boolean): void;
  onTitle(index: number, title: string): void;
  onConfidence(index: number, confidence: Confidence): void;
}

const CONFIDENCE_LABELS: Record<Confidence, string> = {
  proven: "Proven",
  likely: "Likely",
  experimental: "Experimental",
  speculative: "Speculative",
};

export class CandidateRow {
  readonly el: HTMLElement;
  private readonly checkboxEl: HTMLInputElement;
  private readonly titleEl: HTMLInputElement;
  private readonly confidence: DropdownComponent;
  private readonly kindEl: HTMLElement;
  private readonly pathEl: HTMLElement;

  constructor(parent: HTMLElement, candidate: Candidate, confidence: Confidence, events: RowEvents) {
    const i = candidate.index;
    this.el = parent.createDiv({ cls: "source-queue-extract-row", attr: { "data-index": String(i) } });
    const head = this.el.createDiv({ cls: "source-queue-extract-row-head" });
    this.checkboxEl = head.createEl("input", { type: "checkbox", cls: "source-queue-extract-check" });
    this.checkboxEl.addEventListener("change", () => events.onSelect(i, this.checkboxEl.checked));

    this.titleEl = head.createEl("input", {
      type: "text",
      cls: "source-queue-extract-title",
      value: candidate.title,
      attr: { "aria-label": `Title of candidate ${i}`, spellcheck: "true" },
    });
    this.titleEl.addEventListener("input", () => events.onTitle(i, this.titleEl.value));

    this.confidence = new DropdownComponent(head)
      .addOptions(CONFIDENCE_LABELS)
      .setValue(confidence)
      .onChange((value) => {
        if ((CONFIDENCES as readonly string[]).includes(value)) events.onConfidence(i, value as Confidence);
      });
    this.confidence.selectEl.addClass("source-queue-extract-confidence");
    this.confidence.selectEl.setAttr("aria-label", `Confidence of candidate ${i}`);

    const meta = this.el.createDiv({ cls: "source-queue-extract-row-meta" });
    this.kindEl = meta.createSpan({ cls: "source-queue-extract-kind" });
    this.pathEl = meta.createSpan({ cls: "source-queue-extract-path" });
    // The full hint item: it becomes the claim's body, so the user sees what they are creating.
    const rationale = this.el.createEl("p", { cls: "source-queue-extract-rationale" });
    rationale.createSpan({ cls: "source-queue-extract-rationale-label", text: candidate.origin === "curator" ? "From the curator's hint: " : "From the hints: " });
    rationale.appendText(candidate.text);
    this.update(candidate);
  }

  /** Show the candidate as the latest plan has it; the title input keeps what the user typed. */
  update(candidate: Candidate): void {
    const exists = candidate.existing !== null;
    this.checkboxEl.checked = candidate.selected && !exists;
    this.checkboxEl.disabled = exists;
    this.checkboxEl.setAttr("aria-label", `Create candidate ${candidate.index}: ${candidate.title === "" ? "(no title)" : candidate.title}`);
    this.confidence.setDisabled(exists);

    this.el.toggleClass("is-existing", exists);
    this.el.toggleClass("is-unselected", !candidate.selected || exists);
    this.kindEl.setText(exists ? "Exists — link only" : candidate.kind === "claim" ? "New note" : KIND_LABELS[candidate.kind]);
    this.el.toggleClass("is-other-kind", candidate.kind !== "claim");
    this.pathEl.setText(candidate.existing ?? candidate.path);
  }
}
