// "Add a claim" in the extract preview (issue #11): a claim that is in no
// hint, with a title and an optional description. The modal decides whether
// it can be added (the same reasons core refuses it for); this row only
// collects the text and shows the refusal beside the fields.
import { ButtonComponent } from "obsidian";
import { fitToContent, growingField } from "./auto-grow";
import { CLS, sentence } from "./extract-text";

export interface AddEvents {
  /** The user asked to add the claim; returns why it cannot be, or null when it was added. */
  onAdd(title: string, description: string): string | null;
  /** The fields changed (the modal re-checks a pending claim, which holds Create back). */
  onDraft(): void;
}

export class AddClaimRow {
  readonly el: HTMLElement;
  private readonly titleEl: HTMLTextAreaElement;
  private readonly descriptionEl: HTMLTextAreaElement;
  private readonly reasonEl: HTMLElement;
  /** Refusals are shown from the first Add on, then follow the typing, not before: no nagging while a title is half-written. */
  private tried = false;

  constructor(parent: HTMLElement, private readonly events: AddEvents) {
    this.el = parent.createDiv({ cls: `${CLS}-add`, attr: { role: "group", "aria-label": "Add a claim" } });
    this.el.createDiv({ cls: `${CLS}-add-heading`, text: "Add a claim", attr: { "aria-hidden": "true" } });
    const draft = () => events.onDraft();
    this.titleEl = growingField(this.el, `${CLS}-add-title`, { "aria-label": "Title of the claim to add", placeholder: "A claim in no hint: an assertion someone could disagree with" }, draft, () => this.add()).el;
    this.descriptionEl = growingField(this.el, `${CLS}-add-description`, { "aria-label": "Description of the claim to add", placeholder: "Description (optional)" }, draft, () => this.add()).el;
    const actions = this.el.createDiv({ cls: `${CLS}-add-actions` });
    this.reasonEl = actions.createDiv({ cls: `${CLS}-add-reason`, attr: { "aria-live": "polite" } });
    new ButtonComponent(actions)
      .setButtonText("Add")
      .setClass(`${CLS}-add-button`)
      .onClick(() => this.add());
  }

  /** The title typed but not added yet ("" when none): Create waits for it to be added or cleared. */
  get pending(): string {
    return this.titleEl.value.trim();
  }

  /** Whether refusals are on show: the user pressed Add at least once for this draft. */
  get checking(): boolean {
    return this.tried;
  }

  /** Show why the pending claim cannot be added, or clear the reason. */
  showProblem(problem: string | null): void {
    this.reasonEl.setText(problem === null ? "" : sentence("Not added", problem));
    this.el.toggleClass("is-invalid", problem !== null);
    this.titleEl.setAttr("aria-invalid", problem === null ? null : "true");
  }

  focus(): void {
    this.titleEl.focus();
  }

  private add(): void {
    this.tried = true;
    const problem = this.events.onAdd(this.titleEl.value, this.descriptionEl.value);
    if (problem === null) {
      this.tried = false;
      this.titleEl.value = "";
      this.descriptionEl.value = "";
      fitToContent(this.titleEl);
      fitToContent(this.descriptionEl);
      this.focus();
    }
    this.events.onDraft();
    // After the modal's re-check, which would clear the reason of an empty title.
    this.showProblem(problem);
  }
}
