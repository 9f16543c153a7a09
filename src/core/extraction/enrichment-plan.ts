// The enrichments of a plan (SPEC §6): for each selected enrichment, the
// target's text before and after one evidence bullet is appended, or the one
// line that says why it cannot be. Planning stays synchronous: the targets'
// texts are read before (readTargetTexts, by the command layer or the
// preview) and handed in.
import type { Candidate } from "./candidates";
import { enrichmentBullet } from "../claims/enrichment";
import { appendEvidence } from "../claims/evidence-append";
import type { VaultPort } from "../note/vault-port";

/** Target texts by vault path, as read before planning; null when no file is there. */
export type TargetTexts = ReadonlyMap<string, string | null>;

export interface EnrichmentDraft {
  candidate: Candidate;
  targetPath: string;
  targetTitle: string;
  bullet: string;
  before: string;
  after: string;
}

/** The paths whose texts a plan of these candidates needs: every selected enrichment's target. */
export function targetPathsOf(candidates: readonly Candidate[]): string[] {
  const paths: string[] = [];
  for (const c of candidates) if (c.selected && c.kind === "enrichment" && c.target && !paths.includes(c.target.path)) paths.push(c.target.path);
  return paths;
}

/** Each path's text now, or null when there is no file (a folder or an unreadable file reads as null too: it cannot be enriched). */
export async function readTargetTexts(port: VaultPort, paths: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const path of paths) {
    const found = port.existing(path);
    if (found === null) {
      out.set(path, null);
      continue;
    }
    try {
      out.set(path, await port.read(found));
    } catch {
      out.set(path, null);
    }
  }
  return out;
}

/**
 * Plan the selected enrichments in order. Two enrichments of one target
 * chain (the second appends to the first's result). One whose bullet is
 * there already (a re-run) has `after === before`: nothing is written for
 * it, and it still counts as enriched.
 */
export function planEnrichments(
  candidates: readonly Candidate[],
  sourcePath: string,
  texts: TargetTexts | undefined,
  port: Pick<VaultPort, "linkToFile">,
): { enrichments: EnrichmentDraft[]; blockers: string[] } {
  const enrichments: EnrichmentDraft[] = [];
  const blockers: string[] = [];
  const current = new Map<string, string>();
  for (const c of candidates) {
    if (!c.selected || c.kind !== "enrichment") continue;
    const target = c.target;
    if (target === null) {
      blockers.push(`Candidate ${c.index} enriches no claim: choose one (--target ${c.index}=path)`);
      continue;
    }
    if (!/\.md$/i.test(target.path)) {
      blockers.push(`Candidate ${c.index}: ${target.path} is not a Markdown note, so it cannot be enriched`);
      continue;
    }
    const text = current.get(target.path) ?? texts?.get(target.path);
    if (text === undefined) {
      blockers.push(`Candidate ${c.index}: ${target.path} was not read, so it cannot be enriched; plan again`);
      continue;
    }
    if (text === null) {
      blockers.push(`Candidate ${c.index}: ${target.path} does not exist (renamed or deleted?), so it cannot be enriched`);
      continue;
    }
    const bullet = enrichmentBullet(port.linkToFile(sourcePath, target.path), c.text, c.evidence);
    const appended = appendEvidence(text, bullet);
    if (!appended.ok) {
      blockers.push(`Candidate ${c.index}: ${target.path} cannot be enriched: ${appended.reason}`);
      continue;
    }
    current.set(target.path, appended.text);
    enrichments.push({ candidate: c, targetPath: target.path, targetTitle: target.title, bullet, before: text, after: appended.text });
  }
  return { enrichments, blockers };
}
