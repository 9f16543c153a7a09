// Candidates against the vault's claims (SPEC §6): near-duplicates of each
// new claim, the target of each enrichment, and what that does to the
// default selection. Data in, data out; the plan (./extraction.ts) applies
// the user's choices afterwards.
import type { Candidate, EnrichmentTargetRef } from "./candidates";
import type { ClaimIndex } from "../claims/claim-index";
import { enrichmentTarget } from "../claims/enrichment";
import { COVERS } from "../text/similarity";

/** How many similar claims a candidate shows. */
export const MAX_SIMILAR = 3;

/**
 * Each claim candidate gets the claims like it (its own file left out); a
 * claim that is exactly an existing claim's title elsewhere in the vault is
 * "exists — link only"; one whose best match reaches COVERS is not selected
 * by default (the match says why). Each enrichment gets the claim its hint
 * names, selected by default only when that claim is certain.
 */
export function matchClaims(candidates: readonly Candidate[], claims: ClaimIndex): Candidate[] {
  return candidates.map((c): Candidate => {
    if (c.kind === "enrichment") {
      const target = enrichmentTarget(c.text, claims);
      // Its title often is the target's name (a quoted title): that is the claim it enriches, not one it would create.
      return { ...c, existing: null, target, selected: target !== null && target.certain && c.title !== "" };
    }
    if (c.kind !== "claim" || c.title === "") return c;
    const own = c.existing ?? c.path;
    const same = c.existing === null ? claims.named(c.title).find((e) => e.path !== own) : undefined;
    if (same) return { ...c, existing: same.path, selected: false, similar: [] };
    const similar = claims.similarTo(c.title, { limit: MAX_SIMILAR, exclude: own });
    const covered = (similar[0]?.score ?? 0) >= COVERS;
    // A claim the user added is their decision: shown its matches, never unselected for them.
    return { ...c, similar, selected: c.selected && (c.origin === "added" || !covered) };
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
