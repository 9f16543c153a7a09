// `source-queue extract` (SPEC §5): a thin door over the core's extract:
// parse the picks, titles and added claims, run it, and print the plan and
// what was done (or the §5 JSON). The record of what it did is kept for
// `source-queue undo <note>` (undo-store.ts).
import { KIND_LABELS } from "../core/extraction/candidate-kind";
import { summaryLine } from "../core/commands/json-output";
import { extract as runExtract, extractOutcomeJson, parseNumbered, parseSelect, type ExtractOutcome } from "../core/commands/extract";
import type { ExtractionPlan } from "../core/extraction/extraction";
import type { Settings } from "../core/note/settings";
import { claimIndexOfVault } from "../node/claim-cache";
import { claimTargets } from "../node/claim-target";
import type { FsVault } from "../node/fs-vault";
import { notePath } from "../node/note-arg";
import { json, problemLine } from "./output";
import { journalStoreOf } from "../node/recovery";
import type { CommandResult } from "./result";
import { keepUndoRecord, UndoStore } from "../node/undo-store";
import { draftSource } from "../core/commands/draft";
import type { DraftResult } from "../core/extraction/ai-draft/response";
import type { ClaimIndex } from "../core/claims/claim-index";
import { UsageError } from "../node/fs-vault";
import { aiConfigFromEnv, fetchTransport } from "../node/ai-transport";

/** One request to the configured model (settings, then SOURCE_QUEUE_AI_*), read back as a draft or a line. */
async function draftFor(vault: FsVault, path: string, settings: Settings, claims: ClaimIndex): Promise<DraftResult> {
  const { config, problem } = aiConfigFromEnv(settings);
  if (problem !== null) throw new UsageError(problem);
  return draftSource(vault, path, { settings, ai: config, send: fetchTransport(config.timeoutSeconds), claims });
}

export interface ExtractOptions {
  dryRun?: boolean;
  select?: string;
  json?: boolean;
  /** `--add "Title"`, repeatable: claims in no hint. */
  add?: string[];
  /** `--title N="…"`, repeatable: retitle candidate N. */
  title?: string[];
  /** `--description N="…"`, repeatable. */
  description?: string[];
  /** `--target N=path`, repeatable: the claim candidate N enriches. */
  target?: string[];
  /** false: the claim index is read from every note, and no cache is kept (`--no-cache`). */
  cache?: boolean;
  /** `--agent`: the holder writing; `--take-over`: a curator ending an agent's lease in the same edit (SPEC §7). */
  agent?: string;
  takeOver?: boolean;
  /** Ask the configured model for a draft of the source first (SPEC §9, `--draft`). */
  draft?: boolean;
}

const enrichedCount = (plan: ExtractionPlan): number => new Set(plan.enrichments.map((e) => e.targetPath)).size;

function describe(plan: ExtractionPlan, dryRun: boolean): string[] {
  const lines = [`${plan.sourcePath}: ${plan.candidates.length} candidate${plan.candidates.length === 1 ? "" : "s"} → ${plan.folder}/ (${plan.folderWhy})`];
  for (const c of plan.candidates) {
    const mark = c.selected ? "[x]" : "[ ]";
    const note = c.existing !== null ? ` (exists — link only: ${c.existing})` : c.kind !== "claim" ? ` (${KIND_LABELS[c.kind].toLowerCase()})` : c.origin === "added" ? " (added)" : c.origin === "ai" ? ` (AI draft, ${c.ai?.model ?? "model"})` : "";
    lines.push(`  ${mark} ${c.index}. ${c.title}${note}`);
    if (c.kind === "enrichment") lines.push(c.target ? `        enriches [[${c.target.title}]] (${c.target.path}${c.target.certain ? "" : `, a guess: ${c.target.score.toFixed(2)}`})` : "        enriches no claim found: --target N=path");
    else if (c.existing === null && c.selected) lines.push(`        → ${c.path}${c.rewritten ? " (title rewritten from the hint)" : ""}`);
    // Why it is not selected, when the kind or "exists" above does not already say it (a verdict, covered by #n, a topic).
    if (!c.selected && c.why && c.existing === null && c.kind === "claim") lines.push(`        ${c.why}`);
    for (const m of c.kind === "claim" && c.existing === null ? c.similar : []) lines.push(`        similar to [[${m.title}]] (${m.score.toFixed(2)})`);
    for (const q of c.ai?.unverified ?? []) lines.push(`        unverified: not in the source, dropped: "${q.length > 100 ? `${q.slice(0, 99)}…` : q}"`);
  }
  if (plan.droppedLinks.length > 0) lines.push("", `Relevant Notes left out (no note of the vault has that name): ${plan.droppedLinks.map((l) => `[[${l}]]`).join(", ")}`);
  if (plan.draft?.verdict === "nothing new") lines.push("", `AI draft (${plan.draft.model}): nothing new in this source.`);
  if (plan.guidance) lines.push("", `Curator guidance: ${plan.guidance}`);
  if (dryRun) lines.push("", `Dry run: would create ${plan.creates.length}, enrich ${enrichedCount(plan)} and link ${plan.linked.length}; nothing was written.`);
  return lines;
}

function text(o: ExtractOutcome, settings: Settings): CommandResult {
  const { plan } = o;
  if (o.code !== 0) return { code: 1, out: describe(plan, false).join("\n"), err: `source-queue: ${plan.blockers.length > 0 ? `nothing written: ${o.errors.join("; ")}` : o.errors.join("; ")}` };
  if (o.dryRun) return { code: 0, out: describe(plan, true).join("\n") };
  const lines = describe(plan, false);
  const errors = plan.problems.filter((p) => p.level === "error");
  if (errors.length > 0) lines.push("", "Problems with this source:", ...errors.map(problemLine));
  lines.push(
    "",
    o.record !== null
      ? `${summaryLine(o.created.length, o.enriched.length, plan.linked.length)}; ${plan.sourcePath} is now ${settings.statusAfterExtraction}.`
      : `Nothing new to create or enrich (linked ${plan.linked.length}${o.enriched.length > 0 ? `, enriched already ${o.enriched.length}` : ""}); the source was left as it is.`,
  );
  return { code: 0, out: lines.join("\n") };
}

export async function extract(vault: FsVault, settings: Settings, noteArg: string, opts: ExtractOptions, now: Date): Promise<CommandResult> {
  const path = notePath(vault, noteArg);
  const claims = claimIndexOfVault(vault, opts.cache !== false);
  // SPEC §9: the draft first; when it fails the rule-based plan is shown, nothing is written, and the exit code is 1.
  const drafted = opts.draft ? await draftFor(vault, path, settings, claims) : null;
  const draftError = drafted !== null && !drafted.ok ? drafted.error : null;
  const outcome0 = await runExtract(
    vault,
    {
      path,
      draft: drafted?.ok ? drafted.draft : undefined,
      dryRun: opts.dryRun === true || draftError !== null,
      select: opts.select === undefined ? undefined : parseSelect(opts.select),
      titles: parseNumbered(opts.title ?? [], "title"),
      descriptions: parseNumbered(opts.description ?? [], "description"),
      added: (opts.add ?? []).map((title) => ({ title })),
      targets: claimTargets(vault, parseNumbered(opts.target ?? [], "target"), claims),
      writer: { agent: opts.agent, takeOver: opts.takeOver },
    },
    { settings, now, claims, journal: { store: journalStoreOf(vault), writer: "cli", pid: process.pid, now: Date.now } },
  );
  const outcome: ExtractOutcome = draftError === null ? outcome0 : { ...outcome0, code: 1, errors: [...outcome0.errors, draftError] };
  if (draftError !== null && !opts.json) return { code: 1, out: describe(outcome.plan, true).join("\n"), err: `source-queue: ${draftError}` };
  // Kept where `source-queue undo` and the MCP server's undo_extraction find it.
  const unkept = outcome.record === null ? null : keepUndoRecord(new UndoStore(vault.realRoot), outcome.record, opts.agent?.trim() || null);
  const result = opts.json ? { code: outcome.code, out: json(extractOutcomeJson(outcome)) } : text(outcome, settings);
  return unkept === null ? result : { ...result, err: [result.err, `source-queue: warning: ${unkept}`].filter(Boolean).join("\n") };
}
