// What the near-duplicate and enrichment actions of the preview do to the
// user's choices (SPEC §6, issue #12), and which of them a row offers. An
// action is offered only where core's plan does what its label says: a trial
// plan with the one extra choice is asked once per candidate and claim (so
// "Link X instead" appears only where retitling to X resolves to X itself,
// and "Enrich X instead" only where a target on a claim makes it enrich).
import type { Candidate } from "../core/extraction/candidates";
import type { CandidateChoice, ExtractionPlan } from "../core/extraction/extraction";
import { NO_MATCH_STATE, type MatchEvents, type MatchState } from "./extract-match";

export interface MatchChoicesHost {
  /** The user's choices by candidate index: read and written here, owned by the draft (extract-draft.ts). */
  choices: Map<number, CandidateChoice>;
  planWith(choices: ReadonlyMap<number, CandidateChoice>): ExtractionPlan;
  /** Re-plan and refresh after a choice changed. */
  update(): void;
  /** Give candidate `index` this title, as typing it would. */
  retitle(index: number, title: string): void;
  /** Open the suggester for candidate `index`'s target. */
  pickTarget(index: number): void;
  open(path: string): void;
}

export class MatchChoices {
  /** Candidates the user turned from a new claim into an enrichment ("Enrich X instead"). */
  private readonly enrichedByUser = new Set<number>();
  /** What a trial plan said an action does, by candidate, action and claim. */
  private readonly honoured = new Map<string, boolean | string | null>();

  constructor(private readonly host: MatchChoicesHost) {}

  open(path: string): void {
    this.host.open(path);
  }

  /** Candidate `index` as core plans it with one more choice. */
  private trial(index: number, change: CandidateChoice): Candidate | undefined {
    const choices = new Map(this.host.choices);
    choices.set(index, { ...choices.get(index), ...change });
    return this.host.planWith(choices).candidates.find((c) => c.index === index);
  }

  private ask<T extends boolean | string | null>(key: string, run: () => T): T {
    if (!this.honoured.has(key)) this.honoured.set(key, run());
    return this.honoured.get(key) as T;
  }

  /** Which row actions apply to a proposed candidate now. */
  state(c: Candidate): MatchState {
    const chosenTarget = this.host.choices.get(c.index)?.target !== undefined;
    const revertible = this.enrichedByUser.has(c.index);
    const best = c.similar[0];
    if (c.kind === "enrichment" || c.existing !== null || !best) return { ...NO_MATCH_STATE, chosenTarget, revertible };
    const key = (what: string) => `${c.index}\n${what}\n${best.path}`;
    // Retitled to X, the candidate must resolve to X itself ("exists — link only"), not to a new note of that name elsewhere.
    const linkable = this.ask(key("link"), () => {
      const existing = this.trial(c.index, { title: best.title, selected: false })?.existing ?? null;
      return existing !== null && existing.toLowerCase() === best.path.toLowerCase() ? existing : null;
    });
    const enrichable = this.ask(key("enrich"), () => {
      const t = this.trial(c.index, { target: best.path, selected: true });
      return t?.kind === "enrichment" && t.target?.path === best.path;
    });
    return { chosenTarget, linkable, enrichable, revertible };
  }

  events(index: number): MatchEvents {
    const { host } = this;
    return {
      onCreateAnyway: () => {
        this.enrichedByUser.delete(index);
        const { target: _target, ...rest } = host.choices.get(index) ?? {};
        host.choices.set(index, { ...rest, selected: true });
        host.update();
      },
      onLink: (claim) => host.retitle(index, claim.title),
      onEnrich: (path) => {
        this.enrichedByUser.add(index);
        host.choices.set(index, { ...host.choices.get(index), target: path, selected: true });
        host.update();
      },
      onChangeTarget: () => host.pickTarget(index),
      onOpen: (path) => host.open(path),
    };
  }
}
