// The part of a preview row about claims that exist already (SPEC §6, issue
// #12): for a new claim, the near-duplicates ("Similar to [[X]] (0.62)") and
// what to do about them (create anyway, link X instead, enrich X instead);
// for an enrichment, the claim it goes to, how sure the preview is of it, and
// Change… to pick another through the fuzzy suggester. Rebuilt only when what
// it shows changes, so a click on one of its buttons keeps its focus otherwise.
import { ButtonComponent } from "obsidian";
import type { Candidate } from "../core/extraction/candidates";
import { CLS, score, targetCertainty } from "./extract-text";

export interface MatchEvents {
  /** Create the candidate as a new claim after all (and drop a target the user gave it). */
  onCreateAnyway(): void;
  /** Make the candidate "exists — link only" to this claim. */
  onLink(claim: { path: string; title: string }): void;
  /** Turn the candidate into an enrichment of this claim. */
  onEnrich(path: string): void;
  /** Pick the enrichment's target in the suggester. */
  onChangeTarget(): void;
  /** Open a claim (the links in the row). */
  onOpen(path: string): void;
}

/** What the modal knows of a row beyond the candidate: the user's own choices, and which actions the plan honours. */
export interface MatchState {
  /** The user chose the target (Change…, or Enrich X instead). */
  chosenTarget: boolean;
  /** The claim "Link X instead" would link to, when retitling to X resolves to it; null: the action is not offered. */
  linkable: string | null;
  /** Whether "Enrich X instead" turns this candidate into an enrichment of X. */
  enrichable: boolean;
  /** A claim the user turned into an enrichment: "Create anyway" turns it back. */
  revertible: boolean;
}

export const NO_MATCH_STATE: MatchState = { chosenTarget: false, linkable: null, enrichable: false, revertible: false };

export class MatchBlock {
  readonly el: HTMLElement;
  private shown = "";

  constructor(
    parent: HTMLElement,
    private readonly events: MatchEvents,
    before: HTMLElement | null,
  ) {
    this.el = createDiv({ cls: `${CLS}-match` });
    parent.insertBefore(this.el, before);
  }

  update(c: Candidate, state: MatchState): void {
    const key = JSON.stringify([c.kind, c.existing, c.selected, c.similar, c.target, state]);
    if (key === this.shown) return;
    this.shown = key;
    this.el.empty();
    if (c.kind === "enrichment") this.renderTarget(c, state);
    else if (c.existing === null && c.similar.length > 0) this.renderSimilar(c, state);
    this.el.toggleClass("is-hidden", this.el.childElementCount === 0);
  }

  private link(parent: HTMLElement, claim: { path: string; title: string }): void {
    const a = parent.createEl("a", { cls: `internal-link ${CLS}-match-link`, text: claim.title, href: "#", attr: { "data-href": claim.path, title: claim.path } });
    a.addEventListener("click", (evt) => {
      evt.preventDefault();
      this.events.onOpen(claim.path);
    });
  }

  private renderSimilar(c: Candidate, state: MatchState): void {
    const [best, ...others] = c.similar;
    if (!best) return;
    this.el.addClass("is-similar");
    this.el.removeClass("is-target", "is-untargeted");
    const line = this.el.createDiv({ cls: `${CLS}-match-line` });
    line.appendText("Similar to ");
    this.link(line, best);
    line.createSpan({ cls: `${CLS}-score`, text: ` (${score(best.score)})` });
    if (others.length > 0) {
      const also = this.el.createDiv({ cls: `${CLS}-match-also` });
      also.appendText("Also similar: ");
      others.forEach((o, i) => {
        if (i > 0) also.appendText(", ");
        this.link(also, o);
        also.createSpan({ cls: `${CLS}-score`, text: ` (${score(o.score)})` });
      });
    }
    const actions = this.el.createDiv({ cls: `${CLS}-match-actions` });
    if (!c.selected) this.button(actions, "Create anyway", "as a new claim", () => this.events.onCreateAnyway());
    if (state.linkable !== null) this.button(actions, "Link instead", `link "${best.title}" rather than create a claim`, () => this.events.onLink(best));
    if (state.enrichable) this.button(actions, "Enrich instead", `add this as evidence to "${best.title}"`, () => this.events.onEnrich(best.path));
  }

  private renderTarget(c: Candidate, state: MatchState): void {
    this.el.removeClass("is-similar");
    this.el.toggleClass("is-target", c.target !== null);
    this.el.toggleClass("is-untargeted", c.target === null);
    const line = this.el.createDiv({ cls: `${CLS}-match-line` });
    const actions = this.el.createDiv({ cls: `${CLS}-match-actions` });
    if (c.target === null) {
      line.setText("No target: choose one");
      this.button(actions, "Choose…", "the claim to enrich", () => this.events.onChangeTarget());
      return;
    }
    line.appendText("Enriches ");
    this.link(line, c.target);
    line.createSpan({ cls: `${CLS}-certainty`, text: ` (${targetCertainty(c.target, state.chosenTarget)})` });
    this.button(actions, "Change…", `another claim to enrich than "${c.target.title}"`, () => this.events.onChangeTarget());
    if (state.revertible) this.button(actions, "Create anyway", "as a new claim", () => this.events.onCreateAnyway());
  }

  private button(parent: HTMLElement, text: string, label: string, run: () => void): void {
    const b = new ButtonComponent(parent).setButtonText(text).setClass(`${CLS}-match-action`).onClick(run);
    // The visible words lead the accessible name, so a voice command of what is shown still finds the button.
    b.buttonEl.setAttr("aria-label", `${text} (${label})`);
  }
}
