// `source-queue extract` (SPEC §5): plan the split, show it, and unless
// --dry-run apply it all or nothing.
import { formatISO } from "date-fns";
import { KIND_LABELS } from "../core/candidate-kind";
import { extractJson } from "../core/json-output";
import { applyExtraction, planExtraction, type CandidateChoice, type ExtractionPlan } from "../core/extraction";
import type { Settings } from "../core/settings";
import { isQueueNote } from "../core/source-note";
import { UsageError, type FsVault } from "./fs-vault";
import { json, problemLine } from "./output";
import { journalStoreOf } from "./recovery";
import type { CommandResult } from "./result";

export interface ExtractOptions {
  dryRun?: boolean;
  select?: string;
  json?: boolean;
}

function choicesFrom(select: string | undefined, count: number): Map<number, CandidateChoice> | undefined {
  if (select === undefined) return undefined;
  const picked = new Set<number>();
  for (const part of select.split(",").map((s) => s.trim()).filter(Boolean)) {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1 || n > count) {
      throw new UsageError(`--select: "${part}" is not a candidate number (1 to ${count})`);
    }
    picked.add(n);
  }
  const choices = new Map<number, CandidateChoice>();
  for (let i = 1; i <= count; i++) choices.set(i, { selected: picked.has(i) });
  return choices;
}

function describe(plan: ExtractionPlan, dryRun: boolean): string[] {
  const lines = [`${plan.sourcePath}: ${plan.candidates.length} candidate${plan.candidates.length === 1 ? "" : "s"} → ${plan.folder}/`];
  for (const c of plan.candidates) {
    const mark = c.selected ? "[x]" : "[ ]";
    const note = c.existing !== null ? ` (exists — link only: ${c.existing})` : c.kind !== "claim" ? ` (${KIND_LABELS[c.kind].toLowerCase()})` : "";
    lines.push(`  ${mark} ${c.index}. ${c.title}${note}`);
    if (c.existing === null && c.selected) lines.push(`        → ${c.path}`);
  }
  if (plan.guidance) lines.push("", `Curator guidance: ${plan.guidance}`);
  if (dryRun) lines.push("", `Dry run: would create ${plan.creates.length} and link ${plan.linked.length}; nothing was written.`);
  return lines;
}

export async function extract(vault: FsVault, settings: Settings, noteArg: string, opts: ExtractOptions): Promise<CommandResult> {
  const path = vault.toVaultPath(noteArg);
  // A path out of the vault, or through a link out of it, is refused by name (exit 2), before "not found".
  vault.abs(path);
  if (vault.existing(path) === null) throw new UsageError(`note not found in the vault: ${noteArg}`);
  const text = await vault.read(path);
  const today = formatISO(new Date(), { representation: "date" });
  const draft = planExtraction({ path, text, settings, today, port: vault });
  if (!isQueueNote(draft.source)) throw new UsageError(`${path} is a ${draft.source.type ?? "non-source"} note, not a source`);
  const choices = choicesFrom(opts.select, draft.candidates.length);
  const plan = choices ? planExtraction({ path, text, settings, today, port: vault, choices }) : draft;

  const report = (created: string[], errors: string[]) => json(extractJson(plan, !!opts.dryRun, created, errors));

  if (plan.blockers.length > 0) {
    return opts.json
      ? { code: 1, out: report([], plan.blockers) }
      : { code: 1, out: describe(plan, false).join("\n"), err: `source-queue: nothing written: ${plan.blockers.join("; ")}` };
  }
  if (opts.dryRun) return { code: 0, out: opts.json ? report([], []) : describe(plan, true).join("\n") };

  const result = await applyExtraction(plan, vault, { store: journalStoreOf(vault), writer: "cli", pid: process.pid, now: Date.now });
  if (!result.ok) {
    const left = result.leftBehind.length > 0 ? ` (could not remove: ${result.leftBehind.join(", ")})` : "";
    const error = `extract failed and was rolled back: ${result.error}${left}`;
    return opts.json ? { code: 1, out: report([], [error]) } : { code: 1, out: describe(plan, false).join("\n"), err: `source-queue: ${error}` };
  }
  if (opts.json) return { code: 0, out: report(result.created, []) };
  const lines = describe(plan, false);
  const errors = plan.problems.filter((p) => p.level === "error");
  if (errors.length > 0) lines.push("", "Problems with this source:", ...errors.map(problemLine));
  lines.push(
    "",
    result.created.length > 0
      ? `Created ${result.created.length} claim${result.created.length === 1 ? "" : "s"}, linked ${result.linked.length}; ${path} is now ${settings.statusAfterExtraction}.`
      : `Nothing new to create (linked ${result.linked.length}); the source was left as it is.`,
  );
  return { code: 0, out: lines.join("\n") };
}
