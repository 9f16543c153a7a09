// The extract preview (SPEC §2–4, issue #11): the candidates of one source as
// a plan the user can review and change (which, titles, descriptions,
// confidence, claims of their own), then Create applies it all or nothing
// through the actions. The plan and the user's edits are data in
// extract-draft; this lays out its parts (header, candidate list, "Add a
// claim", footer), passes each edit to the draft and shows the new plan.
import { ButtonComponent, Modal, Notice, type App, type TFile } from "obsidian";
import type { CandidateChoice, ExtractionPlan } from "../core/extraction/extraction";
import { messageOf } from "../core/text/error-message";
import { fitToContent } from "./auto-grow";
import { AddClaimRow } from "./extract-add-row";
import { CandidateList } from "./extract-candidate-list";
import { ExtractDraft, type PlanSources } from "./extract-draft";
import { ExtractFooter } from "./extract-footer";
import { rowProblems, type AddedEntry } from "./extract-problems";
import { ClaimSuggestModal } from "./claim-suggest";
import { MatchChoices } from "./extract-match-choices";
import { renderHeader } from "./extract-header";
import { CLS, untargeted } from "./extract-text";
import { ObsidianVaultPort } from "./obsidian-vault-port";
import { AiDraftBar } from "./extract-ai-bar";
import type { AiConfig } from "../core/extraction/ai-draft/provider";

/** Sources being written right now: a second Create on one of them waits its turn instead of racing. */
const applying = new Set<string>();

/** What the preview needs, handed over by main.ts (not the plugin object, so no import circle). */
export interface ExtractHost extends PlanSources {
  app: App;
  /** The AI configuration with its key, or why there is none (SPEC §9). */
  ai(): AiConfig | string;
  /** Apply the reviewed plan; true when it was (the preview then closes). */
  applyPlan(plan: ExtractionPlan): Promise<boolean>;
}

export class ExtractModal extends Modal {
  private readonly draft: ExtractDraft;
  private list: CandidateList | null = null;
  private addRow: AddClaimRow | null = null;
  private footer: ExtractFooter | null = null;
  private busy = false;
  private readonly matches: MatchChoices;
  private readonly onResize = () => this.refit();
  private aiBar: AiDraftBar | null = null;
  /** The last draft's line, shown again when the preview re-renders. */
  private aiLine: { text: string; problem: boolean } | null = null;

  constructor(
    private readonly host: ExtractHost,
    private readonly file: TFile,
    /** Opened by "Draft claims with AI": ask for the draft once the source is read. */
    private readonly draftOnOpen = false,
  ) {
    super(host.app);
    this.draft = new ExtractDraft(host, file, new ObsidianVaultPort(this.app), () => {
      if (this.contentEl.isConnected) this.render();
    });
    this.matches = new MatchChoices({
      choices: this.draft.choices,
      planWith: (choices) => this.draft.planWith(choices),
      update: () => this.update(),
      retitle: (index, title) => {
        this.list?.setTitle(index, title);
        this.retitle(index, title);
      },
      pickTarget: (index) => new ClaimSuggestModal(this.app, this.host.claims(), (claim) => this.choose(index, { target: claim.path, selected: true })).open(),
      open: (path) => void this.app.workspace.openLinkText(path, this.file.path),
    });
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
      this.draft.setText(await this.app.vault.read(this.file));
    } catch (err) {
      this.contentEl.createEl("p", { cls: "source-queue-problem-error", text: `${this.file.path} could not be read: ${messageOf(err)}` });
      return;
    }
    this.draft.replan();
    // Enrichment targets are read before the first render, so the rows show what Create will write.
    await this.draft.readTargets();
    this.render();
    if (this.draftOnOpen) await this.aiBar?.run();
  }

  /** Asks for a draft, as the button does (the command and tests). */
  draftWithAi(): Promise<{ text: string; problem: boolean }> | null {
    return this.aiBar?.run() ?? null;
  }

  override onClose(): void {
    activeWindow.removeEventListener("resize", this.onResize);
    this.contentEl.empty();
    this.list = null;
  }

  private render(): void {
    const plan = this.draft.plan;
    if (!plan) return;
    const el = this.contentEl;
    el.empty();

    // The body scrolls and the footer does not, so Create stays in view on a phone.
    const body = el.createDiv({ cls: `${CLS}-body` });
    renderHeader(body, plan);
    this.aiBar = new AiDraftBar(
      body,
      {
        ai: () => this.host.ai(),
        settings: () => this.host.settings(),
        claims: () => this.host.claims(),
        source: () => ({ path: this.file.path, text: this.draft.text }),
        drafted: (draft, line) => {
          this.aiLine = line;
          if (draft === null || !this.contentEl.isConnected) return;
          this.draft.setAiDraft(draft);
          this.draft.replan();
          void this.draft.readTargets();
          this.render();
        },
      },
      this.aiLine,
    );

    if (plan.candidates.filter((c) => c.origin !== "added").length > 1) {
      const bar = body.createDiv({ cls: `${CLS}-select` });
      new ButtonComponent(bar).setButtonText("Select all").onClick(() => this.selectAll(true));
      new ButtonComponent(bar).setButtonText("Select none").onClick(() => this.selectAll(false));
    }

    this.list = new CandidateList(body, plan, this.draft, () => this.host.settings().defaultConfidence, {
      choose: (index, change) => this.choose(index, change),
      retitle: (index, title) => this.retitle(index, title),
      match: (index) => this.matches.events(index),
      changed: () => this.update(),
      remove: (entry) => this.remove(entry),
      open: (path) => this.matches.open(path),
    });
    this.addRow = new AddClaimRow(body, { onAdd: (title, description) => this.add(title, description), onDraft: () => this.draftChanged() });
    this.footer = new ExtractFooter(el, { cancel: () => this.close(), create: () => this.create() });
    this.refresh();
  }

  private add(title: string, description: string): string | null {
    const problem = this.draft.addedProblem(title, null);
    if (problem !== null || !this.draft.plan || !this.list || !this.addRow) return problem;
    const { entry, candidate } = this.draft.add(title, description);
    this.list.append(entry, candidate);
    this.refresh();
    return null;
  }

  private remove(entry: AddedEntry): void {
    this.draft.remove(entry);
    this.list?.drop(entry);
    // The focused Remove button is gone: keep the keyboard in the preview, where another claim can be added.
    this.addRow?.focus();
    this.update();
  }

  private draftChanged(): void {
    const row = this.addRow;
    if (row?.checking) row.showProblem(row.pending === "" ? null : this.draft.addedProblem(row.pending, null));
    this.refresh();
  }

  private selectAll(selected: boolean): void {
    if (!this.draft.plan) return;
    this.draft.selectAll(selected);
    this.update();
  }

  private choose(index: number, change: CandidateChoice): void {
    this.draft.choose(index, change);
    this.update();
  }

  private retitle(index: number, title: string): void {
    this.draft.retitle(index, title);
    this.refresh();
  }

  private update(): void {
    this.draft.replan();
    this.refresh();
  }

  /** Fit every text area to its text again: the width changed, so the lines did. */
  private refit(): void {
    for (const area of this.contentEl.findAll("textarea")) fitToContent(area as HTMLTextAreaElement);
  }

  /** Bring the rows and the button in line with the current plan. */
  private refresh(): void {
    const plan = this.draft.plan;
    if (!plan) return;
    const problems = rowProblems(plan.candidates, (c) => this.draft.addedProblem(c.title, c));
    this.list?.update(plan, problems, (c) => this.matches.state(c));
    this.footer?.show(plan, (this.addRow?.pending ?? "") !== "", this.busy);
  }

  private async create(): Promise<void> {
    const path = this.file.path;
    if (!this.draft.plan || this.busy) return;
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
      // The plan on screen now (targets read in the background may have re-planned it during the read).
      const seen = this.draft.plan;
      if (!seen) return;
      if (current !== this.draft.text || seen.sourcePath !== this.file.path) {
        this.draft.setText(current);
        this.draft.replan();
        this.render();
        new Notice("The source changed since the preview; review the candidates and create again.");
        return;
      }
      // Files may have appeared or gone since the preview: apply only what the user saw.
      const writes = (p: ExtractionPlan) => [...p.creates.map((c) => c.candidate.path), ...p.enrichments.map((e) => `${e.targetPath}\n${e.before}`)].join("\n");
      const shown = writes(seen);
      const plan = this.draft.replan();
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
