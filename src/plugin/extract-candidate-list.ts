// The extract preview's list of candidates (SPEC §4 "Extract preview", issue
// #11): one row per candidate the source proposes and per claim the user
// added, each bound to its own choice or entry. Rows are built once per render
// and then updated in place from each new plan, so typing keeps its focus.
import type { Candidate } from "../core/extraction/candidates";
import type { CandidateChoice, ExtractionPlan } from "../core/extraction/extraction";
import type { Confidence } from "../core/note/model";
import type { ExtractDraft } from "./extract-draft";
import type { MatchEvents, MatchState } from "./extract-match";
import type { AddedEntry } from "./extract-problems";
import { CandidateRow } from "./extract-row";
import { CLS } from "./extract-text";

/** What the rows' edits do; the modal re-plans and refreshes after each. */
export interface CandidateListEvents {
  /** A proposed candidate's choice changed. */
  choose(index: number, change: CandidateChoice): void;
  /** A proposed candidate's title changed (it may now name an existing note). */
  retitle(index: number, title: string): void;
  /** The near-duplicate and enrichment actions of a proposed candidate. */
  match(index: number): MatchEvents;
  /** An added claim's entry was changed in place. */
  changed(): void;
  remove(entry: AddedEntry): void;
  open(path: string): void;
}

export class CandidateList {
  readonly el: HTMLElement;
  private readonly rows = new Map<number, CandidateRow>();
  private readonly addedRows = new Map<AddedEntry, CandidateRow>();

  constructor(
    parent: HTMLElement,
    plan: ExtractionPlan,
    private readonly draft: ExtractDraft,
    /** settings.defaultConfidence, read as each row is built. */
    private readonly defaultConfidence: () => Confidence,
    private readonly events: CandidateListEvents,
  ) {
    const list = parent.createDiv({ cls: `${CLS}-list` });
    this.el = list;
    const proposed = plan.candidates.filter((c) => c.origin !== "added");
    if (proposed.length === 0) {
      // Hints too many to propose are named by the error above; "no hints" would be wrong.
      const text = plan.blockers.length > 0 && plan.problems.some((p) => p.level === "error") ? "No candidates are proposed for this source." : "This source has no extraction hints to split.";
      list.createEl("p", { cls: `${CLS}-empty`, text });
    } else if (proposed.every((c) => c.origin === "curator")) {
      list.createEl("p", { cls: `${CLS}-note`, text: "The agent notes have no hints, so these come from the curator's extraction hint." });
    }
    const fallback = defaultConfidence();
    for (const c of plan.candidates) {
      const entry = draft.entryOf(c);
      if (entry) this.addedRows.set(entry, this.addedRowFor(c, entry));
      else {
        const choice = draft.choices.get(c.index);
        const values = { title: choice?.title ?? c.title, description: choice?.description ?? c.description, confidence: choice?.confidence ?? c.ai?.confidence ?? fallback };
        this.rows.set(
          c.index,
          new CandidateRow(list, c, values, {
            onSelect: (selected) => events.choose(c.index, { selected }),
            onTitle: (title) => events.retitle(c.index, title),
            onDescription: (description) => events.choose(c.index, { description }),
            onConfidence: (confidence) => events.choose(c.index, { confidence }),
            match: events.match(c.index),
          }),
        );
      }
    }
  }

  private addedRowFor(c: Candidate, entry: AddedEntry): CandidateRow {
    const change = (patch: Partial<AddedEntry>) => {
      Object.assign(entry, patch);
      this.events.changed();
    };
    const values = { title: entry.title, description: entry.description, confidence: entry.confidence ?? this.defaultConfidence() };
    return new CandidateRow(this.el, c, values, {
      onSelect: (selected) => change({ selected }),
      onTitle: (title) => change({ title }),
      onDescription: (description) => change({ description }),
      onConfidence: (confidence: Confidence) => change({ confidence }),
      onRemove: () => this.events.remove(entry),
      match: {
        onCreateAnyway: () => change({ selected: true }),
        onLink: () => undefined,
        onEnrich: () => undefined,
        onChangeTarget: () => undefined,
        onOpen: (path) => this.events.open(path),
      },
    });
  }

  /** A row for a claim just added, at the end; the "no hints" line goes, as there is now a candidate. */
  append(entry: AddedEntry, candidate: Candidate | undefined): void {
    if (candidate) this.addedRows.set(entry, this.addedRowFor(candidate, entry));
    this.el.querySelector(`.${CLS}-empty`)?.remove();
  }

  /** Takes an added claim's row out. */
  drop(entry: AddedEntry): void {
    this.addedRows.get(entry)?.el.remove();
    this.addedRows.delete(entry);
  }

  /** Shows a title given by an action ("Link X instead") in a proposed row's field, as if typed. */
  setTitle(index: number, title: string): void {
    this.rows.get(index)?.setTitle(title);
  }

  /** Brings every row in line with the plan: its candidate, its problem, its match actions. */
  update(plan: ExtractionPlan, problems: ReadonlyMap<number, string>, matchState: (c: Candidate) => MatchState): void {
    for (const c of plan.candidates) {
      const entry = this.draft.entryOf(c);
      if (entry) this.addedRows.get(entry)?.update(c, problems.get(c.index) ?? null);
      else this.rows.get(c.index)?.update(c, problems.get(c.index) ?? null, matchState(c));
    }
  }
}
