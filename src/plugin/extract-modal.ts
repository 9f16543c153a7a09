// The extract preview (SPEC §2–4): the candidates of one source as a plan the
// user can review and change (which, titles, confidence), then Create applies
// it all or nothing through the actions. Every change re-plans in core, so
// the paths, the "exists" states and the button follow the titles as typed.
import { ButtonComponent, Modal, Notice, type App, type TFile } from "obsidian";
import { today } from "../core/commands/clock";
import { messageOf, planExtraction, type CandidateChoice, type ExtractionPlan } from "../core/extraction";
import type { Settings } from "../core/settings";
import { CandidateRow } from "./extract-row";
import { ObsidianVaultPort } from "./obsidian-vault-port";

/** Sources being written right now: a second Create on one of them waits its turn instead of racing. */
const applying = new Set<string>();

const notes = (n: number) => `${n} note${n === 1 ? "" : "s"}`;

/** What the preview needs, handed over by main.ts (not the plugin object, so no import circle). */
export interface ExtractHost {
  app: App;
  settings(): Settings;
  now(): Date;
  /** Apply the reviewed plan; true when it was (the preview then closes). */
  applyPlan(plan: ExtractionPlan): Promise<boolean>;
}

export class ExtractModal extends Modal {
  private readonly choices = new Map<number, CandidateChoice>();
  private text = "";
  private plan: ExtractionPlan | null = null;
  private rows = new Map<number, CandidateRow>();
  private createButton: ButtonComponent | null = null;
  private reasonEl: HTMLElement | null = null;
  private busy = false;

  constructor(
    private readonly host: ExtractHost,
    private readonly file: TFile,
  ) {
    super(host.app);
  }

  override async onOpen(): Promise<void> {
    this.setTitle("Extract claims");
    this.modalEl.addClass("source-queue-extract");
    this.scope.register(["Mod"], "Enter", () => {
      void this.create();
      return false;
    });
    try {
      this.text = await this.app.vault.read(this.file);
    } catch (err) {
      this.contentEl.createEl("p", { cls: "source-queue-problem-error", text: `${this.file.path} could not be read: ${messageOf(err)}` });
      return;
    }
    this.replan();
    this.render();
  }

  override onClose(): void {
    this.contentEl.empty();
    this.rows.clear();
  }

  private replan(): ExtractionPlan {
    this.plan = planExtraction({
      path: this.file.path,
      text: this.text,
      settings: this.host.settings(),
      today: today(this.host.now()),
      port: new ObsidianVaultPort(this.app),
      choices: this.choices,
    });
    return this.plan;
  }

  private render(): void {
    const plan = this.plan;
    if (!plan) return;
    const el = this.contentEl;
    el.empty();
    this.rows.clear();

    const about = el.createDiv({ cls: "source-queue-extract-about" });
    about.createDiv({ cls: "source-queue-extract-source", text: `Source: ${plan.source.title}` });
    about.createDiv({ cls: "source-queue-extract-folder", text: `Claim folder: ${plan.folder}` });

    const errors = plan.problems.filter((p) => p.level === "error");
    if (errors.length > 0) {
      const list = el.createEl("ul", { cls: "source-queue-extract-problems" });
      for (const p of errors) list.createEl("li", { cls: "source-queue-problem-error", text: `Error: ${p.message}` });
    }

    if (plan.guidance) {
      const box = el.createDiv({ cls: "source-queue-extract-guidance", attr: { role: "note" } });
      box.createDiv({ cls: "source-queue-extract-guidance-title", text: "Curator guidance" });
      box.createEl("p", { text: plan.guidance });
    }

    const list = el.createDiv({ cls: "source-queue-extract-list" });
    if (plan.candidates.length === 0) {
      // Hints too many to propose are named by the error above; "no hints" would be wrong.
      const text = plan.blockers.length > 0 ? "No candidates are proposed for this source." : "This source has no extraction hints to split.";
      list.createEl("p", { cls: "source-queue-extract-empty", text });
    } else if (plan.candidates[0]?.origin === "curator") {
      list.createEl("p", { cls: "source-queue-extract-note", text: "The agent notes have no hints, so these come from the curator's extraction hint." });
    }
    const settings = this.host.settings();
    for (const c of plan.candidates) {
      const confidence = this.choices.get(c.index)?.confidence ?? settings.defaultConfidence;
      this.rows.set(
        c.index,
        new CandidateRow(list, c, confidence, {
          onSelect: (i, selected) => this.choose(i, { selected }),
          onTitle: (i, title) => this.retitle(i, title),
          onConfidence: (i, value) => this.choose(i, { confidence: value }),
        }),
      );
    }

    const footer = el.createDiv({ cls: "source-queue-extract-footer" });
    this.reasonEl = footer.createDiv({ cls: "source-queue-extract-reason", attr: { "aria-live": "polite" } });
    const buttons = footer.createDiv({ cls: "source-queue-extract-buttons" });
    new ButtonComponent(buttons).setButtonText("Cancel").onClick(() => this.close());
    this.createButton = new ButtonComponent(buttons).setCta().onClick(() => this.create());
    this.refresh();
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

  /** Bring the rows and the button in line with the current plan. */
  private refresh(): void {
    const plan = this.plan;
    if (!plan) return;
    for (const c of plan.candidates) this.rows.get(c.index)?.update(c);
    const count = plan.creates.length;
    const reasons = [...plan.blockers];
    if (reasons.length === 0 && count === 0) {
      const existing = plan.candidates.length > 0 && plan.candidates.every((c) => c.existing !== null);
      reasons.push(
        plan.candidates.length === 0
          ? "There is nothing to create."
          : existing
            ? "Every candidate exists already; nothing to create."
            : "Check at least one candidate to create it.",
      );
    }
    this.createButton?.setButtonText(`Create ${notes(count)}`).setDisabled(this.busy || reasons.length > 0);
    this.reasonEl?.setText(reasons.join(" "));
    this.reasonEl?.toggleClass("is-blocked", plan.blockers.length > 0);
  }

  private async create(): Promise<void> {
    const path = this.file.path;
    if (!this.plan || this.busy) return;
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
      const shown = this.plan.creates.map((p) => p.candidate.path).join("\n");
      const plan = this.replan();
      if (plan.creates.map((p) => p.candidate.path).join("\n") !== shown) {
        new Notice("The vault changed since the preview; review the candidates and create again.");
        return;
      }
      if (plan.blockers.length > 0 || plan.creates.length === 0) return;
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
