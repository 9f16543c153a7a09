// The #12 contract as the preview reads it, over today's planExtraction:
// similar claims from PlanInput.claims, enrichment targets from the hint (or
// CandidateChoice.target), near-duplicates above COVERS unselected, and
// plan.enrichments for the checked enrichments with a target. The core
// wiring of #12 lands in parallel; until it does, the preview's tests plan
// through this (vi.mock of src/core/extraction) so they exercise the UI
// against the fields the contract names, fed by the plugin's live index.
import type { Candidate } from "../../src/core/candidates";
import { enrichmentTarget, enrichmentBullet } from "../../src/core/enrichment";
import type * as Extraction from "../../src/core/extraction";
import { COVERS } from "../../src/core/similarity";

type PlanFn = typeof Extraction.planExtraction;

export function contractPlanner(real: PlanFn): PlanFn {
  return (input) => {
    const plan = real(input);
    const index = input.claims;
    if (!index) return plan;
    const candidates = plan.candidates.map((c): Candidate => {
      const choice = input.choices?.get(c.index);
      const chosen = choice?.target !== undefined ? index.get(choice.target) : null;
      if (chosen) return { ...c, kind: "enrichment", target: { path: chosen.path, title: chosen.title, certain: true, score: 1 }, selected: choice?.selected ?? true, existing: null };
      if (c.kind === "enrichment") {
        const target = enrichmentTarget(c.text, index);
        return { ...c, target, selected: choice?.selected ?? target?.certain === true };
      }
      if (c.existing !== null) return c;
      const similar = index.similarTo(c.title, { limit: 3 });
      const covered = (similar[0]?.score ?? 0) >= COVERS;
      return { ...c, similar, selected: choice?.selected ?? (c.selected && !covered) };
    });
    const enrichments = candidates
      .filter((c) => c.kind === "enrichment" && c.selected && c.target !== null)
      .map((c) => ({ candidate: c, targetPath: c.target?.path ?? "", targetTitle: c.target?.title ?? "", bullet: enrichmentBullet(`[[${input.path}]]`, c.text), before: "", after: "" }));
    const creates = plan.creates.filter((p) => candidates.find((c) => c.index === p.candidate.index)?.kind !== "enrichment" && candidates.find((c) => c.index === p.candidate.index)?.selected);
    return { ...plan, candidates, creates, enrichments };
  };
}
