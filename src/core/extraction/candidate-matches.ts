// Candidates against the vault's claims (SPEC §6): near-duplicates of each
// new claim, the target of each enrichment, and what that does to the
// default selection. Data in, data out; the plan (./extraction.ts) applies
// the user's choices afterwards.
import type { Candidate, EnrichmentTargetRef } from "./candidates";
import type { ClaimIndex } from "../claims/claim-index";
import { enrichmentTarget } from "../claims/enrichment";
import { COVERS } from "../text/similarity";
import type { SourceVerdict } from "./source-verdict";

/** How many similar claims a candidate shows. */
export const MAX_SIMILAR = 3;

/**
 * Each claim candidate gets the claims like it (its own file left out); a
 * claim that is exactly an existing claim's title elsewhere in the vault is
 * "exists — link only"; one whose best match reaches COVERS is not selected
 * by default (the match says why). Each enrichment gets the claim its hint
 * names, selected by default only when that claim is certain.
 */
export function matchClaims(candidates: readonly Candidate[], claims: ClaimIndex, verdict: SourceVerdict | null = null, connections: readonly string[] = []): Candidate[] {
  return candidates.map((c): Candidate => {
    if (c.kind === "enrichment") {
      // Rule 10: "A as evidence for the X claim" enriches X; the claim's name says which better than the whole item.
      // The source's PRIMARY CONNECTION and KB connections are offered first for a hint that names no claim (issue #24).
      const target = c.target ?? (c.names ? enrichmentTarget(`the ${c.names} claim`, claims) : null) ?? enrichmentTarget(c.text, claims, { connections });
      // A drafted enrichment whose quotes were not found stays unselected (SPEC §9).
      const selected = target !== null && target.certain && c.title !== "" && (c.origin !== "ai" || c.selected);
      if (c.origin === "ai" && !selected && c.why) return { ...c, existing: null, target, selected, why: c.why };
      // Its title often is the target's name (a quoted title): that is the claim it enriches, not one it would create.
      return { ...c, existing: null, target, selected, why: selected ? null : target === null ? "Enriches a claim not found in the vault: choose its target" : `Enriches [[${target.title}]]? Check the target` };
    }
    if (c.kind !== "claim" || c.title === "") return c;
    // Rule 7: under a verdict on the whole source, an item that names an existing claim is evidence for it.
    if (verdict !== null && c.origin !== "added" && c.origin !== "ai" && c.existing === null && !c.selected) {
      const target = enrichmentTarget(c.text, claims, { min: COVERS });
      if (target !== null) return { ...c, kind: "enrichment", target, selected: target.certain, why: target.certain ? null : `Enriches [[${target.title}]]? Check the target` };
    }
    const own = c.existing ?? c.path;
    const same = c.existing === null ? claims.named(c.title).find((e) => e.path !== own) : undefined;
    if (same) return { ...c, existing: same.path, selected: false, similar: [], why: "Exists — link only" };
    const similar = claims.similarTo(c.title, { limit: MAX_SIMILAR, exclude: own });
    const best = similar[0];
    const covered = (best?.score ?? 0) >= COVERS;
    // Rule 10: the proposition of "A as evidence that B" that matches an existing claim enriches it with A.
    if (covered && best && c.rewritten && c.origin !== "added") {
      return { ...c, kind: "enrichment", target: { path: best.path, title: best.title, certain: false, score: best.score }, similar, selected: false, why: `Enriches [[${best.title}]]? Check the target` };
    }
    // A claim the user added is their decision: shown its matches, never unselected for them.
    const selected = c.selected && (c.origin === "added" || !covered);
    return { ...c, similar, selected, why: selected ? null : (c.why ?? (covered && best ? `Similar to [[${best.title}]]` : null)) };
  });
}

/**
 * The target a user chose (`--target N=path`, the preview's suggester): a
 * claim of the index, or else an existing note the plan reads and checks
 * (appendEvidence refuses one that is not a claim). Null when there is no
 * note at that path.
 */
export function chosenTarget(path: string, claims: ClaimIndex | undefined, existing: (path: string) => string | null): EnrichmentTargetRef | null {
  const entry = claims?.get(path);
  if (entry) return { path: entry.path, title: entry.title, certain: true, score: 1 };
  const found = existing(path);
  if (found === null) return null;
  const name = found.slice(found.lastIndexOf("/") + 1).replace(/\.md$/i, "");
  return { path: found, title: name, certain: true, score: 1 };
}
