// The extract preview's plan as data (SPEC §2–4, issue #11): the source text,
// the user's choices on the candidates the source proposes, the claims they
// added, the enrichment targets read so far, and the plan core makes of them.
// Every change re-plans in core, so paths, "exists" states and the Create
// button follow what is typed. No DOM here: the modal shows what this holds.
import type { TFile } from "obsidian";
import { addedTitleProblem } from "../core/claims/added-claim";
import type { ClaimIndex } from "../core/claims/claim-index";
import { today } from "../core/commands/clock";
import type { Candidate } from "../core/extraction/candidates";
import { readTargetTexts, targetPathsOf } from "../core/extraction/enrichment-plan";
import { planExtraction, type CandidateChoice, type ExtractionPlan, type PlanInput } from "../core/extraction/extraction";
import type { Settings } from "../core/note/settings";
import type { VaultPort } from "../core/note/vault-port";
import type { AddedEntry } from "./extract-problems";
import type { AiDraft } from "../core/extraction/ai-draft/response";

/** What planning reads from the plugin, each time it plans. */
export interface PlanSources {
  settings(): Settings;
  now(): Date;
  /** The vault's claims as the metadata cache has them now (SPEC §6): near-duplicates and enrichment targets. */
  claims(): ClaimIndex;
}

export class ExtractDraft {
  /** Choices for the hint and curator candidates, by index. */
  readonly choices = new Map<number, CandidateChoice>();
  /** Texts of the enrichment targets read so far, by path (null: missing or unreadable). */
  private readonly targetTexts = new Map<string, string | null>();
  /** Claims the user added, in order; they follow the other candidates. */
  private added: AddedEntry[] = [];
  private sourceText = "";
  /** How many candidates the source itself proposes (added claims are numbered after them). */
  private proposed: { text: string; count: number } | null = null;
  private current: ExtractionPlan | null = null;
  /** A model's draft of the source, once the user asked for one (SPEC §9): its claims follow the hint candidates. */
  private aiDraft: AiDraft | null = null;

  constructor(
    private readonly sources: PlanSources,
    private readonly file: TFile,
    private readonly port: VaultPort,
    /** Targets chosen since the last read were read in the background: the rows can show what Create will write. */
    private readonly onTargetsRead: () => void,
  ) {}

  /** The plan as last made; null before the source was read. */
  get plan(): ExtractionPlan | null {
    return this.current;
  }

  /** Plans with a model's draft from now on (the preview re-renders: the draft adds rows). */
  setAiDraft(draft: AiDraft): void {
    this.aiDraft = draft;
    this.proposed = null;
  }

  /** The source's text the plan is made from. */
  get text(): string {
    return this.sourceText;
  }

  /** The source's text, as read when the preview opened or when Create found it changed. */
  setText(text: string): void {
    this.sourceText = text;
  }

  /**
   * Reads the texts of enrichment targets the plan names and has not read yet
   * (planning is synchronous; Vault.read is not), then plans again. True when
   * anything new was read.
   */
  async readTargets(): Promise<boolean> {
    const missing = this.current ? targetPathsOf(this.current.candidates).filter((p) => !this.targetTexts.has(p)) : [];
    if (missing.length === 0) return false;
    for (const [path, text] of await readTargetTexts(this.port, missing)) this.targetTexts.set(path, text);
    this.replan();
    return true;
  }

  /** The number of candidates the source proposes on its own, worked out once per source text. */
  private proposedCount(input: Omit<PlanInput, "choices" | "added">): number {
    if (this.proposed?.text !== this.sourceText) this.proposed = { text: this.sourceText, count: planExtraction(input).candidates.length };
    return this.proposed.count;
  }

  replan(): ExtractionPlan {
    const plan = this.planWith(this.choices);
    this.current = plan;
    // A target chosen since the last read (the suggester, "Enrich instead") is read, then shown.
    if (targetPathsOf(plan.candidates).some((p) => !this.targetTexts.has(p))) {
      void this.readTargets().then((read) => {
        if (read) this.onTargetsRead();
      });
    }
    return plan;
  }

  /** The plan for these choices (the user's, or a trial of one more), with the added claims and the live claim index. */
  planWith(userChoices: ReadonlyMap<number, CandidateChoice>): ExtractionPlan {
    const input: PlanInput = { path: this.file.path, text: this.sourceText, settings: this.sources.settings(), today: today(this.sources.now()), port: this.port, claims: this.sources.claims(), targetTexts: this.targetTexts, draft: this.aiDraft ?? undefined };
    const choices = new Map(userChoices);
    if (this.added.length > 0) {
      const base = this.proposedCount(input);
      this.added.forEach((a, i) => choices.set(base + i + 1, { selected: a.selected, confidence: a.confidence }));
    }
    return planExtraction({ ...input, choices, added: this.added.map((a) => ({ title: a.title, description: a.description })) });
  }

  /** The user's entry behind an added candidate, or null for a proposed one. */
  entryOf(c: Candidate): AddedEntry | null {
    if (c.origin !== "added" || !this.current) return null;
    const first = this.current.candidates.length - this.added.length;
    return this.added[c.index - first - 1] ?? null;
  }

  /** Why a claim with this title cannot be added (or kept), or null: the rules core refuses it for, against the rows as they stand. */
  addedProblem(title: string, except: Candidate | null): string | null {
    const plan = this.current;
    if (!plan) return null;
    const others = plan.candidates.filter((c) => c !== except).map((c) => c.title);
    const port = this.port;
    return addedTitleProblem(title, others, plan.folder, (p) => port.existing(p), plan.source.claimsExtracted);
  }

  /** Adds a claim of the user's (its spaces tidied) and plans with it: its entry, and its candidate, the plan's last. */
  add(title: string, description: string): { entry: AddedEntry; candidate: Candidate | undefined } {
    const entry: AddedEntry = { title: title.replace(/\s+/g, " ").trim(), description: description.replace(/\s+/g, " ").trim(), selected: true };
    this.added.push(entry);
    const plan = this.replan();
    return { entry, candidate: plan.candidates[plan.candidates.length - 1] };
  }

  /** Takes an added claim out again (the caller re-plans). */
  remove(entry: AddedEntry): void {
    this.added = this.added.filter((a) => a !== entry);
  }

  /** Checks or unchecks every candidate that can be created (the caller re-plans). */
  selectAll(selected: boolean): void {
    if (!this.current) return;
    for (const c of this.current.candidates) {
      if (c.existing !== null) continue;
      const entry = this.entryOf(c);
      if (entry) entry.selected = selected;
      else this.choices.set(c.index, { ...this.choices.get(c.index), selected });
    }
  }

  /** Changes the user's choice on a proposed candidate (the caller re-plans). */
  choose(index: number, change: CandidateChoice): void {
    this.choices.set(index, { ...this.choices.get(index), ...change });
  }

  /** A new title for a proposed candidate, and the plan with it. */
  retitle(index: number, title: string): void {
    const choice: CandidateChoice = { ...this.choices.get(index), title };
    this.choices.set(index, choice);
    const candidate = this.replan().candidates.find((c) => c.index === index);
    // A title that names an existing note makes the row "link only", whatever was checked before.
    if (candidate && candidate.existing !== null && choice.selected === true) {
      delete choice.selected;
      this.replan();
    }
  }
}
