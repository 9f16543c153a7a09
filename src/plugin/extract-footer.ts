// The extract preview's footer (issue #11): why Create cannot run yet, then
// Cancel and Create, labelled with what it will do ("Create 3 notes, enrich
// 1"). It sits outside the scrolling body, so Create stays in view on a phone.
import { ButtonComponent } from "obsidian";
import type { ExtractionPlan } from "../core/extraction/extraction";
import { CLS, createLabel, createReasons } from "./extract-text";

export interface FooterActions {
  cancel(): void;
  create(): Promise<void>;
}

export class ExtractFooter {
  private readonly reasonEl: HTMLElement;
  private readonly createButton: ButtonComponent;

  constructor(parent: HTMLElement, actions: FooterActions) {
    const footer = parent.createDiv({ cls: `${CLS}-footer` });
    this.reasonEl = footer.createDiv({ cls: `${CLS}-reason`, attr: { "aria-live": "polite" } });
    const buttons = footer.createDiv({ cls: `${CLS}-buttons` });
    new ButtonComponent(buttons).setButtonText("Cancel").onClick(() => actions.cancel());
    this.createButton = new ButtonComponent(buttons).setCta().onClick(() => actions.create());
  }

  /** The button and the reasons for this plan; `pending`: a claim typed in "Add a claim" and not added; `busy`: a Create is running. */
  show(plan: ExtractionPlan, pending: boolean, busy: boolean): void {
    const reasons = createReasons(plan, pending);
    this.createButton.setButtonText(createLabel(plan.creates.length, plan.enrichments.length)).setDisabled(busy || reasons.length > 0);
    this.reasonEl.setText(reasons.join(" "));
    this.reasonEl.toggleClass("is-blocked", plan.blockers.length > 0 || pending);
  }
}
