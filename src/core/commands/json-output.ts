// The stable JSON shapes of SPEC §5, shared by the CLI and the plugin's
// handlers for Obsidian's own command line, so scripts see one format.
import type { ExtractionPlan } from "../extraction/extraction";
import type { Problem } from "../note/model";
import type { QueueItem, StatusKey } from "../queue/queue-query";

const problemsJson = (problems: readonly Problem[]) => problems.map((p) => ({ level: p.level, message: p.message }));

export function listJson(vault: string, counts: Record<StatusKey, number>, items: readonly QueueItem[]) {
  return {
    vault,
    counts,
    sources: items.map((i) => ({
      path: i.path,
      title: i.title,
      author: i.author,
      date: i.date,
      domain: i.domain,
      status: i.status,
      priority: i.priority,
      hints: i.hints ?? 0,
      problems: problemsJson(i.problems),
    })),
  };
}

/** `enriched`: what the run enriched; absent (a dry run, a preview) the plan's enrichments. */
export function extractJson(plan: ExtractionPlan, dryRun: boolean, created: readonly string[], errors: readonly string[], enriched?: readonly string[]) {
  return {
    source: plan.sourcePath,
    dryRun,
    folder: plan.folder,
    folderWhy: plan.folderWhy,
    candidates: plan.candidates.map((c) => ({
      title: c.title,
      path: c.existing ?? c.path,
      origin: c.origin,
      kind: c.kind,
      target: c.target?.path ?? null,
      similar: c.similar.map((m) => ({ path: m.path, title: m.title, score: Math.round(m.score * 1000) / 1000 })),
      exists: c.existing !== null,
      selected: c.selected,
      topic: c.topic,
      rewritten: c.rewritten ?? false,
      why: c.selected ? null : (c.why ?? null),
      coveredBy: c.coveredBy ?? null,
      description: c.description,
      text: c.text,
      // A drafted claim (SPEC §9): its model, the quotes found, and whether any quote was not.
      ...(c.ai ? { model: c.ai.model, evidence: c.evidence, unverified: c.ai.unverified.length > 0 || !c.ai.verified, unverifiedQuotes: c.ai.unverified } : {}),
    })),
    ...(plan.draft ? { draft: plan.draft } : {}),
    created,
    linked: plan.linked,
    dropped_links: plan.droppedLinks,
    enriched: enriched ?? (dryRun ? [] : [...new Set(plan.enrichments.map((e) => e.targetPath))]),
    problems: [...problemsJson(plan.problems), ...errors.map((message) => ({ level: "error" as const, message }))],
  };
}

export function validateJson(files: readonly { path: string; problems: readonly Problem[] }[]) {
  const count = (level: Problem["level"]) => files.reduce((n, f) => n + f.problems.filter((p) => p.level === level).length, 0);
  return { files: files.map((f) => ({ path: f.path, problems: problemsJson(f.problems) })), errors: count("error"), warnings: count("warning") };
}

/** What a run did, in the words of the CLI summary and the plugin's notice (SPEC §6): "Created N, enriched M, linked K". */
export const summaryLine = (created: number, enriched: number, linked: number): string => `Created ${created}, enriched ${enriched}, linked ${linked}`;
