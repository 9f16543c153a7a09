// The extract preview (SPEC §2–4, issue #11): the candidates of one source as
// a plan the user can review and change (which, titles, descriptions,
// confidence, claims of their own), then Create applies it all or nothing
// through the actions. Every change re-plans in core, so the paths, the
// "exists" states and the button follow what is typed.
import { ButtonComponent, Modal, Notice, type App, type TFile } from "obsidian";
import { addedTitleProblem } from "../core/claims/added-claim";
import type { ClaimIndex } from "../core/claims/claim-index";
import { today } from "../core/commands/clock";
import type { Candidate } from "../core/extraction/candidates";
import { readTargetTexts, targetPathsOf } from "../core/extraction/enrichment-plan";
import { planExtraction, type CandidateChoice, type ExtractionPlan, type PlanInput } from "../core/extraction/extraction";
import { messageOf } from "../core/text/error-message";
import type { Confidence } from "../core/note/model";
import type { Settings } from "../core/note/settings";
import { fitToContent } from "./auto-grow";
import { AddClaimRow } from "./extract-add-row";
import { rowProblems, type AddedEntry } from "./extract-problems";
import { ClaimSuggestModal } from "./claim-suggest";
import { MatchChoices } from "./extract-match-choices";
import { CandidateRow } from "./extract-row";
import { renderHeader } from "./extract-header";
import { CLS, createLabel, createReasons, untargeted } from "./extract-text";
import { ObsidianVaultPort } from "./obsidian-vault-port";

/** Sources being written right now: a second Create on one of them waits its turn instead of racing. */
const applying = new Set<string>();

/** What the preview needs, handed over by main.ts (not the plugin object, so no import circle). */
export interface ExtractHost {
  app: App;
  settings(): Settings;
  now(): Date;
  /** The vault's claims as the metadata cache has them now (SPEC §6): near-duplicates and enrichment targets. */
  claims(): ClaimIndex;
  /** Apply the reviewed plan; true when it was (the preview then closes). */
  applyPlan(plan: ExtractionPlan): Promise<boolean>;
}

export class ExtractModal extends Modal {
  /** Choices for the hint and curator candidates, by index. */
  private readonly choices = new Map<number, CandidateChoice>();
  /** Texts of the enrichment targets read so far, by path (null: missing or unreadable). */
  private readonly targetTexts = new Map<string, string | null>();
  /** Claims the user added, in order; they follow the other candidates. */
  private added: AddedEntry[] = [];
  private text = "";
  /** How many candidates the source itself proposes (added claims are numbered after them). */
  private proposed: { text: string; count: number } | null = null;
  private plan: ExtractionPlan | null = null;
  private rows = new Map<number, CandidateRow>();
  private addedRows = new Map<AddedEntry, CandidateRow>();
  private listEl: HTMLElement | null = null;
  private addRow: AddClaimRow | null = null;
  private createButton: ButtonComponent | null = null;
  private reasonEl: HTMLElement | null = null;
  private busy = false;
  private readonly matches = new MatchChoices({
    choices: this.choices,
    planWith: (choices) => this.planWith(choices),
    update: () => this.update(),
    retitle: (index, title) => {
      this.rows.get(index)?.setTitle(title);
      this.retitle(index, title);
    },
    pickTarget: (index) => new ClaimSuggestModal(this.app, this.host.claims(), (claim) => this.choose(index, { target: claim.path, selected: true })).open(),
    open: (path) => void this.app.workspace.openLinkText(path, this.file.path),
  });
  private readonly onResize = () => this.refit();

  constructor(
    private readonly host: ExtractHost,
    private readonly file: TFile,
  ) {
    super(host.app);
  }

  private get port(): ObsidianVaultPort {
    return new ObsidianVaultPort(this.app);
  }

  override async onOpen(): Promise<void> {
    this.setTitle("Extract claims");
    this.modalEl.addClass(CLS);
    this.scope.register(["Mod"], "Enter", () => {
      void this.create();
      return false;
    });
    activeWindow.addEventListener("resize", this.onResize);
    try {
      this.text = await this.app.vault.read(this.file);
    } catch (err) {
      this.contentEl.createEl("p", { cls: "source-queue-problem-error", text: `${this.file.path} could not be read: ${messageOf(err)}` });
      return;
    }
    this.replan();
    // Enrichment targets are read before the first render, so the rows show what Create will write.
    await this.readTargets();
    this.render();
  }

  /**
   * Reads the texts of enrichment targets the plan names and has not read yet
   * (planning is synchronous; Vault.read is not), then plans again. True when
   * anything new was read.
   */
  private async readTargets(): Promise<boolean> {
    const missing = this.plan ? targetPathsOf(this.plan.candidates).filter((p) => !this.targetTexts.has(p)) : [];
    if (missing.length === 0) return false;
    for (const [path, text] of await readTargetTexts(this.port, missing)) this.targetTexts.set(path, text);
    this.replan();
    return true;
  }

  override onClose(): void {
    activeWindow.removeEventListener("resize", this.onResize);
    this.contentEl.empty();
    this.rows.clear();
    this.addedRows.clear();
  }

  /** The number of candidates the source proposes on its own, worked out once per source text. */
  private proposedCount(input: Omit<Parameters<typeof planExtraction>[0], "choices" | "added">): number {
    if (this.proposed?.text !== this.text) this.proposed = { text: this.text, count: planExtraction(input).candidates.length };
    return this.proposed.count;
  }

  private replan(): ExtractionPlan {
    this.plan = this.planWith(this.choices);
    // A target chosen since the last read (the suggester, "Enrich instead") is read, then shown.
    if (targetPathsOf(this.plan.candidates).some((p) => !this.targetTexts.has(p))) {
      void this.readTargets().then((read) => {
        if (read && this.contentEl.isConnected) this.render();
      });
    }
    return this.plan;
  }

  /** The plan for these choices (the user's, or a trial of one more), with the added claims and the live claim index. */
  private planWith(userChoices: ReadonlyMap<number, CandidateChoice>): ExtractionPlan {
    const input: PlanInput = { path: this.file.path, text: this.text, settings: this.host.settings(), today: today(this.host.now()), port: this.port, claims: this.host.claims(), targetTexts: this.targetTexts };
    const choices = new Map(userChoices);
    if (this.added.length > 0) {
      const base = this.proposedCount(input);
      this.added.forEach((a, i) => choices.set(base + i + 1, { selected: a.selected, confidence: a.confidence }));
    }
    return planExtraction({ ...input, choices, added: this.added.map((a) => ({ title: a.title, description: a.description })) });
  }

  private render(): void {
    const plan = this.plan;
    if (!plan) return;
    const el = this.contentEl;
    el.empty();
    this.rows.clear();
    this.addedRows.clear();

    // The body scrolls and the footer does not, so Create stays in view on a phone.
    const body = el.createDiv({ cls: `${CLS}-body` });
    renderHeader(body, plan);

    const proposed = plan.candidates.filter((c) => c.origin !== "added");
    if (proposed.length > 1) {
      const bar = body.createDiv({ cls: `${CLS}-select` });
      new ButtonComponent(bar).setButtonText("Select all").onClick(() => this.selectAll(true));
      new ButtonComponent(bar).setButtonText("Select none").onClick(() => this.selectAll(false));
    }

    const list = body.createDiv({ cls: `${CLS}-list` });
    this.listEl = list;
    if (proposed.length === 0) {
      // Hints too many to propose are named by the error above; "no hints" would be wrong.
      const text = plan.blockers.length > 0 && plan.problems.some((p) => p.level === "error") ? "No candidates are proposed for this source." : "This source has no extraction hints to split.";
      list.createEl("p", { cls: `${CLS}-empty`, text });
    } else if (proposed.every((c) => c.origin === "curator")) {
      list.createEl("p", { cls: `${CLS}-note`, text: "The agent notes have no hints, so these come from the curator's extraction hint." });
    }
    const settings = this.host.settings();
    for (const c of plan.candidates) {
      const entry = this.entryOf(c);
      if (entry) this.addedRows.set(entry, this.addedRowFor(list, c, entry));
      else {
        const choice = this.choices.get(c.index);
        const values = { title: choice?.title ?? c.title, description: choice?.description ?? c.description, confidence: choice?.confidence ?? settings.defaultConfidence };
        this.rows.set(
          c.index,
          new CandidateRow(list, c, values, {
            onSelect: (selected) => this.choose(c.index, { selected }),
            onTitle: (title) => this.retitle(c.index, title),
            onDescription: (description) => this.choose(c.index, { description }),
            onConfidence: (confidence) => this.choose(c.index, { confidence }),
            match: this.matches.events(c.index),
          }),
        );
      }
    }
    this.addRow = new AddClaimRow(body, { onAdd: (title, description) => this.add(title, description), onDraft: () => this.draftChanged() });

    const footer = el.createDiv({ cls: `${CLS}-footer` });
    this.reasonEl = footer.createDiv({ cls: `${CLS}-reason`, attr: { "aria-live": "polite" } });
    const buttons = footer.createDiv({ cls: `${CLS}-buttons` });
    new ButtonComponent(buttons).setButtonText("Cancel").onClick(() => this.close());
    this.createButton = new ButtonComponent(buttons).setCta().onClick(() => this.create());
    this.refresh();
  }

  /** The user's entry behind an added candidate, or null for a proposed one. */
  private entryOf(c: Candidate): AddedEntry | null {
    if (c.origin !== "added" || !this.plan) return null;
    const first = this.plan.candidates.length - this.added.length;
    return this.added[c.index - first - 1] ?? null;
  }

  private addedRowFor(list: HTMLElement, c: Candidate, entry: AddedEntry): CandidateRow {
    const change = (patch: Partial<AddedEntry>) => {
      Object.assign(entry, patch);
      this.update();
    };
    const values = { title: entry.title, description: entry.description, confidence: entry.confidence ?? this.host.settings().defaultConfidence };
    return new CandidateRow(list, c, values, {
      onSelect: (selected) => change({ selected }),
      onTitle: (title) => change({ title }),
      onDescription: (description) => change({ description }),
      onConfidence: (confidence: Confidence) => change({ confidence }),
      onRemove: () => this.remove(entry),
      match: {
        onCreateAnyway: () => change({ selected: true }),
        onLink: () => undefined,
        onEnrich: () => undefined,
        onChangeTarget: () => undefined,
        onOpen: (path) => this.matches.open(path),
      },
    });
  }

  /** Why a claim with this title cannot be added (or kept), or null: the rules core refuses it for, against the rows as they stand. */
  private addedProblem(title: string, except: Candidate | null): string | null {
    const plan = this.plan;
    if (!plan) return null;
    const others = plan.candidates.filter((c) => c !== except).map((c) => c.title);
    const port = this.port;
    return addedTitleProblem(title, others, plan.folder, (p) => port.existing(p), plan.source.claimsExtracted);
  }

  private add(title: string, description: string): string | null {
    const problem = this.addedProblem(title, null);
    if (problem !== null || !this.plan || !this.listEl || !this.addRow) return problem;
    const entry: AddedEntry = { title: title.replace(/\s+/g, " ").trim(), description: description.replace(/\s+/g, " ").trim(), selected: true };
    this.added.push(entry);
    const plan = this.replan();
    const candidate = plan.candidates[plan.candidates.length - 1];
    if (candidate) this.addedRows.set(entry, this.addedRowFor(this.listEl, candidate, entry));
    this.listEl.querySelector(`.${CLS}-empty`)?.remove();
    this.refresh();
    return null;
  }

  private remove(entry: AddedEntry): void {
    this.added = this.added.filter((a) => a !== entry);
    this.addedRows.get(entry)?.el.remove();
    this.addedRows.delete(entry);
    // The focused Remove button is gone: keep the keyboard in the preview, where another claim can be added.
    this.addRow?.focus();
    this.update();
  }

  private draftChanged(): void {
    const row = this.addRow;
    if (row?.checking) row.showProblem(row.pending === "" ? null : this.addedProblem(row.pending, null));
    this.refresh();
  }

  private selectAll(selected: boolean): void {
    if (!this.plan) return;
    for (const c of this.plan.candidates) {
      if (c.existing !== null) continue;
      const entry = this.entryOf(c);
      if (entry) entry.selected = selected;
      else this.choices.set(c.index, { ...this.choices.get(c.index), selected });
    }
    this.update();
  }

  private choose(index: number, change: CandidateChoice): void {
    this.choices.set(index, { ...this.choices.get(index), ...change });
    this.update();
  }

  private retitle(index: number, title: string): void {
    const choice: CandidateChoice = { ...this.choices.get(index), title };
    this.choices.set(index, choice);
    const candidate = this.replan().candidates.find((c) => c.index === index);
    // A title that names an existing note makes the row "link only", whatever was checked before.
    if (candidate && candidate.existing !== null && choice.selected === true) {
      delete choice.selected;
      this.replan();
    }
    this.refresh();
  }

  private update(): void {
    this.replan();
    this.refresh();
  }

  /** Fit every text area to its text again: the width changed, so the lines did. */
  private refit(): void {
    for (const area of this.contentEl.findAll("textarea")) fitToContent(area as HTMLTextAreaElement);
  }

  /** Bring the rows and the button in line with the current plan. */
  private refresh(): void {
    const plan = this.plan;
    if (!plan) return;
    const problems = rowProblems(plan.candidates, (c) => this.addedProblem(c.title, c));
    for (const c of plan.candidates) {
      const entry = this.entryOf(c);
      if (entry) this.addedRows.get(entry)?.update(c, problems.get(c.index) ?? null);
      else this.rows.get(c.index)?.update(c, problems.get(c.index) ?? null, this.matches.state(c));
    }
    const pending = this.addRow?.pending ?? "";
    const reasons = createReasons(plan, pending !== "");
    this.createButton?.setButtonText(createLabel(plan.creates.length, plan.enrichments.length)).setDisabled(this.busy || reasons.length > 0);
    this.reasonEl?.setText(reasons.join(" "));
    this.reasonEl?.toggleClass("is-blocked", plan.blockers.length > 0 || pending !== "");
  }

  private async create(): Promise<void> {
    const path = this.file.path;
    if (!this.plan || this.busy) return;
    if ((this.addRow?.pending ?? "") !== "") return;
    if (applying.has(path)) {
      new Notice(`Claims are already being extracted from ${this.file.basename}; wait for that to finish.`);
      return;
    }
    applying.add(path);
    this.busy = true;
    this.refresh();
    try {
      // Deleted since the preview opened: say so plainly rather than with the disk's error.
      if (this.app.vault.getFileByPath(path) === null) {
        new Notice(`Nothing was extracted: ${path} no longer exists.`);
        return;
      }
      const current = await this.app.vault.read(this.file);
      if (current !== this.text || this.plan.sourcePath !== this.file.path) {
        this.text = current;
        this.replan();
        this.render();
        new Notice("The source changed since the preview; review the candidates and create again.");
        return;
      }
      // Files may have appeared or gone since the preview: apply only what the user saw.
      const writes = (p: ExtractionPlan) => [...p.creates.map((c) => c.candidate.path), ...p.enrichments.map((e) => `${e.targetPath}\n${e.before}`)].join("\n");
      const shown = writes(this.plan);
      const plan = this.replan();
      if (writes(plan) !== shown) {
        new Notice("The vault changed since the preview; review the candidates and create again.");
        return;
      }
      if (plan.blockers.length > 0 || untargeted(plan.candidates).length > 0 || plan.creates.length + plan.enrichments.length === 0) return;
      if (await this.host.applyPlan(plan)) this.close();
    } catch (err) {
      new Notice(`Nothing was extracted: ${messageOf(err)}`);
    } finally {
      applying.delete(path);
      this.busy = false;
      this.refresh();
    }
  }
}
