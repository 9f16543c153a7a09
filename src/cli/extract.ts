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
}

const enrichedCount = (plan: ExtractionPlan): number => new Set(plan.enrichments.map((e) => e.targetPath)).size;

function describe(plan: ExtractionPlan, dryRun: boolean): string[] {
  const lines = [`${plan.sourcePath}: ${plan.candidates.length} candidate${plan.candidates.length === 1 ? "" : "s"} → ${plan.folder}/ (${plan.folderWhy})`];
  for (const c of plan.candidates) {
    const mark = c.selected ? "[x]" : "[ ]";
    const note = c.existing !== null ? ` (exists — link only: ${c.existing})` : c.kind !== "claim" ? ` (${KIND_LABELS[c.kind].toLowerCase()})` : c.origin === "added" ? " (added)" : "";
    lines.push(`  ${mark} ${c.index}. ${c.title}${note}`);
    if (c.kind === "enrichment") lines.push(c.target ? `        enriches [[${c.target.title}]] (${c.target.path}${c.target.certain ? "" : `, a guess: ${c.target.score.toFixed(2)}`})` : "        enriches no claim found: --target N=path");
    else if (c.existing === null && c.selected) lines.push(`        → ${c.path}${c.rewritten ? " (title rewritten from the hint)" : ""}`);
    // Why it is not selected, when the kind or "exists" above does not already say it (a verdict, covered by #n, a topic).
    if (!c.selected && c.why && c.existing === null && c.kind === "claim") lines.push(`        ${c.why}`);
    for (const m of c.kind === "claim" && c.existing === null ? c.similar : []) lines.push(`        similar to [[${m.title}]] (${m.score.toFixed(2)})`);
  }
  if (plan.droppedLinks.length > 0) lines.push("", `Relevant Notes left out (no note of the vault has that name): ${plan.droppedLinks.map((l) => `[[${l}]]`).join(", ")}`);
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
  const outcome = await runExtract(
    vault,
    {
      path,
      dryRun: opts.dryRun,
      select: opts.select === undefined ? undefined : parseSelect(opts.select),
      titles: parseNumbered(opts.title ?? [], "title"),
      descriptions: parseNumbered(opts.description ?? [], "description"),
      added: (opts.add ?? []).map((title) => ({ title })),
      targets: claimTargets(vault, parseNumbered(opts.target ?? [], "target"), claims),
      writer: { agent: opts.agent, takeOver: opts.takeOver },
    },
    { settings, now, claims, journal: { store: journalStoreOf(vault), writer: "cli", pid: process.pid, now: Date.now } },
  );
  // Kept where `source-queue undo` and the MCP server's undo_extraction find it.
  const unkept = outcome.record === null ? null : keepUndoRecord(new UndoStore(vault.realRoot), outcome.record, opts.agent?.trim() || null);
  const result = opts.json ? { code: outcome.code, out: json(extractOutcomeJson(outcome)) } : text(outcome, settings);
  return unkept === null ? result : { ...result, err: [result.err, `source-queue: warning: ${unkept}`].filter(Boolean).join("\n") };
}
