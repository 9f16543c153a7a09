// `extract` (SPEC §2–3, §5) for every door: plan the split of one source
// with the caller's picks, titles, descriptions and added claims, then apply
// it all or nothing, or undo it. The planning and writing themselves stay in
// ../extraction.ts; this module checks the request, refuses what is not a
// source, and turns the outcome into one result (and the §5 JSON).
import { addedTitleProblem } from "../claims/added-claim";
import type { JournalContext } from "../extraction/apply-extraction";
import type { ClaimIndex } from "../claims/claim-index";
import { readTargetTexts, targetPathsOf } from "../extraction/enrichment-plan";
import { planExtraction, type AddedClaim, type CandidateChoice, type ExtractionPlan, type PlanInput } from "../extraction/extraction";
import { applyExtraction, undoExtraction, type ExtractionRecord, type UndoResult } from "../extraction/apply-extraction";
import type { FieldEdit } from "../note/frontmatter-edit";
import type { AiDraft } from "../extraction/ai-draft/response";
import { extractJson } from "./json-output";
import type { Settings } from "../note/settings";
import { isQueueNote } from "../note/source-note";
import type { VaultPort } from "../note/vault-port";
import { today } from "./clock";
import { UsageError } from "./command-error";
import { requireNote } from "./note-path";

export interface ExtractRequest {
  path: string;
  dryRun?: boolean;
  /** 1-based positions of the candidates to create; absent: those selected by default. Added claims are always created. */
  select?: readonly number[];
  /** A new title for candidate N. */
  titles?: ReadonlyMap<number, string>;
  /** A description for candidate N. */
  descriptions?: ReadonlyMap<number, string>;
  /** Claims in no hint; they follow the candidates (numbering continues). */
  added?: readonly AddedClaim[];
  /** Further source fields written in the same edit as the split (an agent's extraction_model / extraction_notes). */
  sourceFields?: readonly FieldEdit[];
  /** The claim candidate N enriches, by vault path (`--target N=path`): a claim note of the vault. */
  targets?: ReadonlyMap<number, string>;
  /** A model's draft of the source (SPEC §9, `--draft`): its claims follow the hint candidates, checked like them. */
  draft?: AiDraft;
}

export interface ExtractContext {
  settings: Settings;
  now: Date;
  /** The vault's claim index (SPEC §6); absent: no similar claims and no enrichment targets are looked for. */
  claims?: ClaimIndex;
  /** Where the run writes its intent before the first change (SPEC §8); each door passes its own store. */
  journal?: JournalContext;
}

export interface ExtractOutcome {
  plan: ExtractionPlan;
  dryRun: boolean;
  /** 0 done (or previewed), 1 blocked or failed and rolled back; nothing of a blocked or failed run is left written. */
  code: 0 | 1;
  created: string[];
  /** Claims enriched by this run, or already holding its bullet (a re-run). */
  enriched: string[];
  errors: string[];
  /** What undo needs; null when nothing was created. */
  record: ExtractionRecord | null;
  /** Why a run failed midway (everything it wrote was removed but `leftBehind`). */
  failure?: { error: string; leftBehind: string[] };
}

/** `1,3` as positions; a UsageError for anything that is not a whole number. */
export function parseSelect(text: string): number[] {
  const picked: number[] = [];
  for (const part of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const n = Number(part);
    if (!Number.isInteger(n)) throw new UsageError(`"${part}" is not a candidate number`, "select");
    if (!picked.includes(n)) picked.push(n);
  }
  return picked;
}

/** `N=text` pairs (`--title 2="…"`) as a map; a UsageError names the first malformed one. */
export function parseNumbered(pairs: readonly string[], flag: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const pair of pairs) {
    const match = /^\s*(\d+)\s*=(.*)$/s.exec(pair);
    if (!match) throw new UsageError(`"${pair}" is not N=text`, flag);
    out.set(Number(match[1]), match[2] ?? "");
  }
  return out;
}

function checkNumber(n: number, total: number, flag: string): void {
  if (n < 1 || n > total) throw new UsageError(`"${n}" is not a candidate number (1 to ${total})`, flag);
}

/** Every choice the request makes, by candidate index, or undefined when it makes none. */
function choicesOf(req: ExtractRequest, draft: ExtractionPlan, port: VaultPort): Map<number, CandidateChoice> | undefined {
  const total = draft.candidates.length;
  const hints = total - (req.added?.length ?? 0);
  const choices = new Map<number, CandidateChoice>();
  const choice = (n: number) => choices.get(n) ?? choices.set(n, {}).get(n) ?? {};
  if (req.select !== undefined) {
    for (const n of req.select) checkNumber(n, total, "select");
    for (let i = 1; i <= hints; i++) choice(i).selected = req.select.includes(i);
  }
  for (const [n, title] of req.titles ?? []) {
    checkNumber(n, total, "title");
    // A retitled candidate is checked as an added claim is: it must name a claim that can be created.
    const others = draft.candidates.filter((c) => c.index !== n).map((c) => req.titles?.get(c.index) ?? c.title);
    const problem = addedTitleProblem(title, others, draft.folder, (p) => port.existing(p), draft.source.claimsExtracted);
    if (problem !== null) throw new UsageError(`candidate ${n}: ${problem}`, "title");
    choice(n).title = title;
  }
  for (const [n, description] of req.descriptions ?? []) {
    checkNumber(n, total, "description");
    choice(n).description = description;
  }
  for (const [n, target] of req.targets ?? []) {
    checkNumber(n, total, "target");
    choice(n).target = target;
    // Naming a target picks the candidate, unless --select says otherwise.
    if (req.select === undefined) choice(n).selected = true;
  }
  return choices.size > 0 ? choices : undefined;
}

/** Added claims the plan cannot create, as one usage line, checked as the plan checks them. */
function checkAdded(added: readonly AddedClaim[], draft: ExtractionPlan, port: VaultPort): void {
  const hints = draft.candidates.length - added.length;
  added.forEach((a, i) => {
    const others = [...draft.candidates.slice(0, hints).map((c) => c.title), ...added.slice(0, i).map((o) => o.title)];
    const problem = addedTitleProblem(a.title, others, draft.folder, (p) => port.existing(p), draft.source.claimsExtracted);
    if (problem !== null) throw new UsageError(`"${a.title.slice(0, 80)}": ${problem}`, "add");
  });
}

/** The plan for a request, or a UsageError for a note that is not there, not a source, or a bad pick, title or added claim. */
export async function planExtract(port: VaultPort, req: ExtractRequest, ctx: ExtractContext): Promise<ExtractionPlan> {
  requireNote(port, req.path);
  const text = await port.read(req.path);
  const base = { path: req.path, text, settings: ctx.settings, today: today(ctx.now), port, added: req.added, claims: ctx.claims, sourceFields: req.sourceFields, draft: req.draft };
  const draft = planExtraction(base);
  if (!isQueueNote(draft.source)) throw new UsageError(`${req.path} is a ${draft.source.type ?? "non-source"} note, not a source`);
  checkAdded(req.added ?? [], draft, port);
  const choices = choicesOf(req, draft, port);
  return planWithTargets({ ...base, choices }, choices ? undefined : draft);
}

/**
 * A plan whose enrichments see their targets' texts: plan, read the targets
 * the plan selects, plan again with them (planning itself stays synchronous).
 * For every door, the preview included. `draft` is a plan of the same input already made.
 */
export async function planWithTargets(input: PlanInput, draft?: ExtractionPlan): Promise<ExtractionPlan> {
  const first = draft ?? planExtraction(input);
  const paths = targetPathsOf(first.candidates);
  if (paths.length === 0) return first;
  return planExtraction({ ...input, targetTexts: await readTargetTexts(input.port, paths) });
}

/** Applies a reviewed plan all or nothing. */
export async function applyPlan(port: VaultPort, plan: ExtractionPlan, journal?: JournalContext): Promise<ExtractOutcome> {
  if (plan.blockers.length > 0) return { plan, dryRun: false, code: 1, created: [], enriched: [], errors: [...plan.blockers], record: null };
  const result = await applyExtraction(plan, port, journal);
  if (!result.ok) {
    const left = result.leftBehind.length > 0 ? ` (could not remove: ${result.leftBehind.join(", ")})` : "";
    return { plan, dryRun: false, code: 1, created: [], enriched: [], errors: [`extract failed and was rolled back: ${result.error}${left}`], record: null, failure: { error: result.error, leftBehind: result.leftBehind } };
  }
  return { plan, dryRun: false, code: 0, created: result.created, enriched: result.enriched, errors: [], record: result.record };
}

/** Plans, and unless a dry run or blocked, applies. */
export async function extract(port: VaultPort, req: ExtractRequest, ctx: ExtractContext): Promise<ExtractOutcome> {
  const plan = await planExtract(port, req, ctx);
  const dryRun = req.dryRun === true;
  if (plan.blockers.length > 0) return { plan, dryRun, code: 1, created: [], enriched: [], errors: [...plan.blockers], record: null };
  if (dryRun) return { plan, dryRun, code: 0, created: [], enriched: [], errors: [], record: null };
  return applyPlan(port, plan, ctx.journal);
}

/** The JSON every door answers an extract with (SPEC §5). */
export const extractOutcomeJson = (o: ExtractOutcome) => extractJson(o.plan, o.dryRun, o.created, o.errors, o.enriched);

/** Reverts a split (claims edited since, or a source edited since, are kept and reported). */
export const undo = (port: VaultPort, record: ExtractionRecord): Promise<UndoResult> => undoExtraction(record, port);
