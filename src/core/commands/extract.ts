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
import { CommandFailed, UsageError } from "./command-error";
import { requireNote } from "./note-path";
import { textVersion } from "../text/text-version";
import { withoutControls } from "../text/one-line";
import { LEASE_FIELD } from "../writes/source-lease";
import { removeField } from "../writes/source-update";
import { checkedWriter, checkWriter, isHeld, modelProblem, type Writer } from "./holder";

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
  /** Who writes (SPEC §7 "Holders, versions and limits"): the agent, written to processed_by; a curator's take-over. */
  writer?: Writer;
  /** The source's version as the caller read it (`read_source`): refused when the note changed since. */
  version?: string;
  /** Recorded in extraction_model / extraction_notes in the split's one edit (one line each). */
  model?: string;
  notes?: string;
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

/** The message of a plan made on a text other than the one read. */
export const STALE_SOURCE = "the source changed since it was read; read it again";

/** The request with its titles one line and its model checked: the same for every door. */
function cleaned(req: ExtractRequest): ExtractRequest {
  if (req.model !== undefined) {
    const bad = modelProblem(req.model);
    if (bad !== null) throw new UsageError(bad, "model");
  }
  const map = (m: ReadonlyMap<number, string> | undefined) => (m === undefined ? undefined : new Map([...m].map(([n, t]) => [n, withoutControls(t)] as const)));
  const fields: FieldEdit[] = [...(req.sourceFields ?? [])];
  if (req.model !== undefined) fields.push({ key: "extraction_model", set: req.model.trim() });
  if (req.notes !== undefined) fields.push({ key: "extraction_notes", set: withoutControls(req.notes).replace(/\s+/g, " ").trim() });
  return {
    ...req,
    writer: checkedWriter(req.writer ?? {}),
    titles: map(req.titles),
    descriptions: map(req.descriptions),
    added: req.added?.map((a) => ({ ...a, title: withoutControls(a.title), description: a.description === undefined ? undefined : withoutControls(a.description) })),
    sourceFields: fields.length > 0 ? fields : undefined,
  };
}

/** The plan for a request, or a UsageError for a note that is not there, not a source, or a bad pick, title or added claim; a SourceHeld or CommandFailed when it may not write. */
export async function planExtract(port: VaultPort, request: ExtractRequest, ctx: ExtractContext): Promise<ExtractionPlan> {
  const req = cleaned(request);
  requireNote(port, req.path);
  const text = await port.read(req.path);
  if (req.version !== undefined && req.version !== textVersion(text)) throw new CommandFailed(`${req.path}: ${STALE_SOURCE}; nothing written`);
  const writer = req.writer ?? {};
  if (!req.dryRun) checkWriter(req.path, text, writer, ctx.now);
  // The agent named is the one written to processed_by.
  const settings = writer.agent ? { ...ctx.settings, processedBy: writer.agent } : ctx.settings;
  const base = { path: req.path, text, settings, today: today(ctx.now), port, added: req.added, claims: ctx.claims, sourceFields: req.sourceFields, draft: req.draft };
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

export const NULL_RESULT_LINE = "nothing selected, linked or enriched: that is a null-result, which needs a reason (set --status null-result --reason TEXT)";

/** Who applies a plan and when: the lease is checked on the text the plan read, which the write then compares (SPEC §7). */
export interface ApplyAs {
  writer: Writer;
  now: Date;
}

/**
 * A take-over's plan: the same, with the lease gone from the source's text
 * after (a plan that leaves the source in processing keeps processing_until
 * otherwise). Its compare-and-swap still checks the text the plan read.
 */
function takenOver(plan: ExtractionPlan, as: ApplyAs): ExtractionPlan {
  if (as.writer.takeOver !== true || plan.sourceAfter === null || !isHeld(plan.sourceBefore, as.now)) return plan;
  return { ...plan, sourceAfter: removeField(plan.sourceAfter, LEASE_FIELD) };
}

/** Applies a reviewed plan all or nothing; throws SourceHeld when the source, as the plan read it, is held against this writer. */
export async function applyPlan(port: VaultPort, reviewed: ExtractionPlan, as: ApplyAs, journal?: JournalContext): Promise<ExtractOutcome> {
  checkWriter(reviewed.sourcePath, reviewed.sourceBefore, checkedWriter(as.writer), as.now);
  const plan = takenOver(reviewed, as);
  if (plan.blockers.length > 0) return { plan, dryRun: false, code: 1, created: [], enriched: [], errors: [...plan.blockers], record: null };
  // SPEC §3: a run with nothing selected, linked or enriched is a null-result, which needs a reason.
  if (plan.creates.length === 0 && plan.linked.length === 0 && plan.enrichments.length === 0) {
    return { plan, dryRun: false, code: 1, created: [], enriched: [], errors: [NULL_RESULT_LINE], record: null };
  }
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
  return applyPlan(port, plan, { writer: req.writer ?? {}, now: ctx.now }, ctx.journal);
}

/** The JSON every door answers an extract with (SPEC §5). */
export const extractOutcomeJson = (o: ExtractOutcome) => ({ ...extractJson(o.plan, o.dryRun, o.created, o.errors, o.enriched), version: textVersion(o.plan.sourceBefore) });

/** Who asks for an undo: `agent` (none: a curator), the agent that made the extraction (`maker`, null: none), and when. */
export interface UndoAs {
  agent?: string;
  maker: string | null;
  now: Date;
}

/**
 * Reverts a split (claims edited since, or a source edited since, are kept
 * and reported). An extraction an agent made is undone by that agent, or by
 * a call naming no agent once no one holds the source (SPEC §7).
 */
export async function undo(port: VaultPort, record: ExtractionRecord, as: UndoAs): Promise<UndoResult> {
  const { agent } = checkedWriter({ agent: as.agent });
  const path = record.sourcePath;
  if (agent && agent !== as.maker) throw new CommandFailed(`the last extraction of ${path} was made by ${as.maker ?? "a curator, not an agent"}, not by ${agent}; nothing undone`);
  if (port.existing(path) !== null) checkWriter(path, await port.read(path), { agent }, as.now);
  return undoExtraction(record, port);
}
