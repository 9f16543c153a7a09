// One candidate in the extract preview (SPEC §4 "Extract preview", issue #11):
// a checkbox, the title in a text area that grows with it (read whole, never
// scrolled sideways), the topic flag beside it, the description, a confidence
// and the path the claim will be written to. The row is built once and then
// updated in place from each new plan, so typing never loses focus or the caret.
import { ButtonComponent, DropdownComponent, setIcon } from "obsidian";
import { KIND_LABELS } from "../core/extraction/candidate-kind";
import type { Candidate } from "../core/extraction/candidates";
import { CONFIDENCES, type Confidence } from "../core/note/model";
import { fitToContent, growingField } from "./auto-grow";
import { MatchBlock, NO_MATCH_STATE, type MatchEvents, type MatchState } from "./extract-match";
import { CLS, sentence, TOPIC_FLAG } from "./extract-text";
import { renderDraftQuotes } from "./extract-ai-quotes";

/** What the user does to one row; the candidate list binds each row to its own choice or entry. */
export interface RowEvents {
  onSelect(selected: boolean): void;
  onTitle(title: string): void;
  onDescription(description: string): void;
  onConfidence(confidence: Confidence): void;
  /** Only for claims the user added: take the row out again. */
  onRemove?: () => void;
  /** Near-duplicates and enrichment targets (SPEC §6); without it the row shows neither. */
  match?: MatchEvents;
}

export interface RowValues {
  /** The title as the user typed it (or as proposed). */
  title: string;
  description: string;
  confidence: Confidence;
}

/** "experimental" → "Experimental": the option labels. */
const CONFIDENCE_LABELS = Object.fromEntries(CONFIDENCES.map((c) => [c, `${c.charAt(0).toUpperCase()}${c.slice(1)}`])) as Record<Confidence, string>;

const DESCRIBE = "Description: one sentence of context beyond the title";

const ORIGIN_LABELS: Record<Candidate["origin"], string | null> = {
  hints: null,
  curator: "From the curator",
  added: "Added by you",
  ai: "Drafted by AI",
};

export class CandidateRow {
  readonly el: HTMLElement;
  private readonly checkboxEl: HTMLInputElement;
  private readonly titleEl: HTMLTextAreaElement;
  private readonly topicEl: HTMLElement;
  private readonly descriptionEl: HTMLTextAreaElement;
  private readonly confidence: DropdownComponent;
  private readonly kindEl: HTMLElement;
  /** Why the candidate is not selected (SPEC §2: verdict, exists, covered by #n, a topic), or that its title was rewritten. */
  private readonly whyEl: HTMLElement;
  private readonly pathEl: HTMLElement;
  private readonly problemEl: HTMLElement;
  private readonly match: MatchBlock | null;
  /** The title core proposed: the topic flag is about it, and goes once the user rewrites it. */
  private readonly proposedTitle: string;

  constructor(parent: HTMLElement, candidate: Candidate, values: RowValues, events: RowEvents, before: HTMLElement | null = null) {
    this.proposedTitle = candidate.title;
    this.el = createDiv({ cls: `${CLS}-row`, attr: { "data-origin": candidate.origin } });
    parent.insertBefore(this.el, before);
    this.checkboxEl = this.el.createEl("input", { type: "checkbox", cls: `${CLS}-check` });
    this.checkboxEl.addEventListener("change", () => events.onSelect(this.checkboxEl.checked));

    const title = growingField(this.el, `${CLS}-title`, {}, (value) => events.onTitle(value));
    this.titleEl = title.el;
    this.titleEl.value = values.title;

    this.confidence = new DropdownComponent(this.el)
      .addOptions(CONFIDENCE_LABELS)
      .setValue(values.confidence)
      .onChange((value) => {
        if ((CONFIDENCES as readonly string[]).includes(value)) events.onConfidence(value as Confidence);
      });
    this.confidence.selectEl.addClass(`${CLS}-confidence`);

    this.topicEl = this.el.createDiv({ cls: `${CLS}-topic`, attr: { role: "note" } });
    setIcon(this.topicEl.createSpan({ cls: `${CLS}-topic-icon`, attr: { "aria-hidden": "true" } }), "alert-triangle");
    this.topicEl.createSpan({ text: TOPIC_FLAG });

    const description = growingField(this.el, `${CLS}-description`, { placeholder: DESCRIBE }, (value) => events.onDescription(value));
    this.descriptionEl = description.el;
    this.descriptionEl.value = values.description;

    this.match = events.match ? new MatchBlock(this.el, events.match, null) : null;
    this.problemEl = this.el.createDiv({ cls: `${CLS}-row-problem`, attr: { "aria-live": "polite" } });
    this.whyEl = this.el.createDiv({ cls: `${CLS}-why` });

    const meta = this.el.createDiv({ cls: `${CLS}-row-meta` });
    this.kindEl = meta.createSpan({ cls: `${CLS}-kind` });
    const origin = ORIGIN_LABELS[candidate.origin];
    if (origin !== null) meta.createSpan({ cls: `${CLS}-origin`, text: candidate.ai ? `${origin} (${candidate.ai.model})` : origin });
    this.pathEl = meta.createSpan({ cls: `${CLS}-path` });
    const remove = events.onRemove;
    if (remove) {
      new ButtonComponent(meta)
        .setButtonText("Remove")
        .setClass(`${CLS}-remove`)
        .onClick(() => remove());
    }

    // The full hint item: it becomes the claim's body, so the user sees what they are creating.
    if (candidate.ai) renderDraftQuotes(this.el, candidate.ai, candidate.evidence);
    else if (candidate.origin !== "added" && candidate.text !== "") {
      const rationale = this.el.createEl("p", { cls: `${CLS}-rationale` });
      rationale.createSpan({ cls: `${CLS}-rationale-label`, text: candidate.origin === "curator" ? "From the curator's hint: " : "From the hints: " });
      rationale.appendText(candidate.text);
    }
    // Fitted again now that they hold their text.
    title.fit();
    description.fit();
    this.update(candidate, null);
  }

  /**
   * Show the candidate as the latest plan has it; the text areas keep what
   * the user typed. `problem` is why this row cannot be created, or null.
   */
  update(candidate: Candidate, problem: string | null, match: MatchState = NO_MATCH_STATE): void {
    const i = candidate.index;
    const exists = candidate.existing !== null;
    const enrichment = candidate.kind === "enrichment";
    // An enrichment with nowhere to go cannot be checked; one checked already (select all) stays so, and Create says why.
    const untargeted = enrichment && candidate.target === null;
    this.checkboxEl.checked = candidate.selected && !exists;
    this.checkboxEl.disabled = exists || (untargeted && !candidate.selected);
    this.checkboxEl.setAttr("aria-label", `Create candidate ${i}: ${candidate.title === "" ? "(no title)" : candidate.title}`);
    this.titleEl.setAttr("aria-label", `Title of candidate ${i}`);
    this.descriptionEl.setAttr("aria-label", `Description of candidate ${i}`);
    this.confidence.selectEl.setAttr("aria-label", `Confidence of candidate ${i}`);
    this.confidence.setDisabled(exists || enrichment);
    this.descriptionEl.disabled = exists || enrichment;
    // An enrichment appends the hint to another claim: no title, description or confidence of its own is written.
    this.titleEl.readOnly = enrichment;
    this.el.toggleClass("is-enrichment", enrichment);
    this.match?.update(candidate, match);
    // The description a claim gets when the user leaves the field empty.
    this.descriptionEl.placeholder = candidate.description !== "" ? candidate.description : DESCRIBE;

    const topic = candidate.topic && candidate.title === this.proposedTitle && !exists;
    this.topicEl.toggleClass("is-hidden", !topic);
    this.problemEl.setText(problem === null ? "" : sentence("Cannot create", problem));
    this.el.toggleClass("is-invalid", problem !== null);
    this.titleEl.setAttr("aria-invalid", problem === null ? null : "true");

    this.el.toggleClass("is-existing", exists);
    this.el.toggleClass("is-unselected", !candidate.selected || exists);
    this.kindEl.setText(exists ? "Exists — link only" : candidate.kind === "claim" ? "New note" : KIND_LABELS[candidate.kind]);
    const why = !candidate.selected && !exists ? (candidate.why ?? "") : candidate.selected && candidate.rewritten && candidate.title === this.proposedTitle ? "Title rewritten from the hint's words (the hint is kept below)" : "";
    this.whyEl.setText(why);
    this.whyEl.toggleClass("is-hidden", why === "");
    this.el.toggleClass("is-other-kind", candidate.kind !== "claim");
    this.pathEl.setText(enrichment ? (candidate.target?.path ?? "") : (candidate.existing ?? candidate.path));
  }

  /** Put a title in the field as if typed ("Link X instead" writes X's title). */
  setTitle(title: string): void {
    this.titleEl.value = title;
    fitToContent(this.titleEl);
  }
}
