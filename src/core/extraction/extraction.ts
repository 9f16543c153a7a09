// Planning and applying a split (SPEC §2–3). Plan first, as plain data the
// user can see (preview modal, `--dry-run --json`); then apply it all or
// nothing through the VaultPort; undo is the plan reversed.
import { addedTitleProblem } from "../claims/added-claim";
import { agentClaimText, bodyProblem } from "../claims/agent-claim";
import type { ClaimIndex } from "../claims/claim-index";
import { chooseClaimFolder } from "../claims/claim-folder";
import { chosenTarget, matchClaims } from "./candidate-matches";
import { buildCandidates, type Candidate } from "./candidates";
import type { AiDraft } from "./ai-draft/response";
import { withDraft } from "./ai-draft/drafted-candidates";
import { citationOf, relatedLinks, renderClaim } from "../claims/claim-note";
import { planEnrichments, type EnrichmentDraft, type TargetTexts } from "./enrichment-plan";
import { joinPath, toFileName } from "../text/file-name";
import type { FieldEdit } from "../note/frontmatter-edit";
import type { Confidence, Problem, SourceNote } from "../note/model";
import type { Settings } from "../note/settings";
import { readSource } from "../note/source-note";
import { renderSourceAfter } from "../writes/source-after";
import type { VaultPort } from "../note/vault-port";

export interface CandidateChoice {
  selected?: boolean;
  title?: string;
  confidence?: Confidence;
  description?: string;
  /** For an enrichment: the vault path of the claim the user chose to enrich. */
  target?: string;
}

/** A claim the user adds that is in no hint ("Add a claim" in the preview, `extract --add`, an agent's `claims`). */
export interface AddedClaim {
  title: string;
  description?: string;
  confidence?: Confidence;
  /**
   * The claim's body in Markdown, as an agent wrote it (SPEC §7): kept as
   * written below the H1, with the `## Evidence` link to the source added
   * when it has none. Absent or blank: the body is rendered as for any claim.
   */
  body?: string;
}

export interface PlannedClaim {
  candidate: Candidate;
  confidence: Confidence;
  text: string;
}

export interface ExtractionPlan {
  sourcePath: string;
  source: SourceNote;
  sourceBefore: string;
  /** The source's new text, or null when nothing is created (the source is left alone). */
  sourceAfter: string | null;
  folder: string;
  /** Why that folder (SPEC §3 `auto`: how many of the domain's claims it holds, a tie), for the preview and the JSON. */
  folderWhy: string;
  /** Relevant Notes links left out of the claims because no note of the vault has that name (`dropped_links`). */
  droppedLinks: string[];
  candidates: Candidate[];
  guidance: string | null;
  creates: PlannedClaim[];
  /** Existing claims this run appends evidence to. */
  enrichments: PlannedEnrichment[];
  linked: string[];
  /** Reasons the plan cannot be applied; empty when it can. */
  blockers: string[];
  /** When the source was extracted before (status processed): when, by whom, how many claims; the preview says so. */
  previous: { date: string | null; by: string | null; claims: number } | null;
  problems: Problem[];
  /** A model's draft was asked for (SPEC §9): which model and its verdict. */
  draft?: { model: string; verdict: "claims" | "nothing new" };
  /** What the source update needs, to render it again once the claims exist. */
  update: { newTitles: string[]; claimPaths: ReadonlyMap<string, string>; enriched: { title: string; path: string }[]; settings: Settings; today: string; fields: readonly FieldEdit[] };
}

export interface PlanInput {
  path: string;
  text: string;
  settings: Settings;
  today: string;
  port: VaultPort;
  /** Choices by candidate index (1-based); absent candidates keep their defaults. */
  choices?: ReadonlyMap<number, CandidateChoice>;
  /** Claims the user adds; they follow the hint candidates (indexes continue) and are selected. */
  added?: readonly AddedClaim[];
  /** The vault's claim index (SPEC §6): near-duplicates and enrichment targets. Absent: neither is looked for. */
  claims?: ClaimIndex;
  /**
   * Further fields the source update writes, in the same edit as the rest of
   * it (an agent's `extraction_model` and `extraction_notes`, SPEC §7).
   */
  sourceFields?: readonly FieldEdit[];
  /**
   * The texts of the enrichment targets, read before planning (readTargetTexts
   * of ./enrichment-plan; planExtract in ./commands/extract.ts does both
   * steps). A selected enrichment whose target was not read is a blocker.
   */
  targetTexts?: TargetTexts;
  /** A model's draft of this source (SPEC §9), read and validated by the door that asked for it: its claims follow the hint candidates, checked like them. */
  draft?: AiDraft;
}

/** One evidence bullet appended to an existing claim (SPEC §6): the target's text before and after. */
export type PlannedEnrichment = EnrichmentDraft;

/** A candidate with the user's title applied: its name, path and "exists" state follow the title. */
export function retitle(c: Candidate, title: string, folder: string, port: VaultPort): Candidate {
  const clean = title.replace(/\s+/g, " ").trim();
  if (clean === c.title) return c;
  const fileName = toFileName(clean);
  const path = joinPath(folder, fileName);
  // Rule 9: exists means a note exists; a title listed in claims_extracted with no note is made again.
  const existing = port.existing(path);
  return { ...c, title: clean, fileName, path, existing };
}

/**
 * One claim per file name: a later candidate whose name repeats an earlier
 * one's that is being created or exists (say, one title written in NFC and
 * again in NFD) is "exists — link only", pointing at the earlier one. One the
 * user retitled or checked keeps their choice (a clash is then a blocker).
 */
function linkRepeats(candidates: Candidate[], choices: ReadonlyMap<number, CandidateChoice> | undefined, enriches: (c: Candidate) => boolean): Candidate[] {
  const claimed = new Map<string, { path: string; title: string }>();
  return candidates.map((c) => {
    // An enrichment creates no file: its name claims nothing.
    if (enriches(c)) return c;
    const key = c.fileName.normalize("NFC").toLowerCase();
    const first = claimed.get(key);
    const choice = choices?.get(c.index);
    // The same title in another Unicode form is the same claim even when both were picked (SPEC §8).
    const sameTitle = first !== undefined && first.title.normalize("NFC") === c.title.normalize("NFC");
    if (first !== undefined && c.existing === null && (sameTitle || (choice?.title === undefined && choice?.selected !== true))) {
      return { ...c, existing: first.path, selected: false, why: "Exists — link only" };
    }
    if (first === undefined && (c.selected || c.existing !== null)) claimed.set(key, { path: c.existing ?? c.path, title: c.title });
    return c;
  });
}

export function planExtraction(input: PlanInput): ExtractionPlan {
  const { note, sections } = readSource(input.path, input.text, input.settings);
  const place = chooseClaimFolder(input.settings, note.domain, input.claims ? (d) => input.claims?.foldersOf(d) ?? [] : undefined);
  const claimNamed = (t: string) => input.claims?.named(t)[0]?.path ?? null;
  const built = buildCandidates(note, sections, input.settings, (p) => input.port.existing(p), claimNamed, () => place.folder);
  const set = withDraft(built, input.draft, { sourceText: sections.content ?? input.text, existsAt: (p) => input.port.existing(p), claimNamed });
  const addedBlockers: string[] = [];
  const added = (input.added ?? []).map((a, i): Candidate => {
    const index = set.candidates.length + i + 1;
    const title = a.title.replace(/\s+/g, " ").trim();
    const others = [...set.candidates.map((c) => c.title), ...(input.added ?? []).slice(0, i).map((o) => o.title)];
    const problem = addedTitleProblem(title, others, set.folder, (p) => input.port.existing(p), note.claimsExtracted);
    if (problem !== null) addedBlockers.push(`Added claim ${index}: ${problem}`);
    const badBody = a.body === undefined ? null : bodyProblem(a.body);
    if (badBody !== null) addedBlockers.push(`Added claim ${index}: ${badBody}`);
    const fileName = toFileName(title);
    const description = a.description?.replace(/\s+/g, " ").trim() || title;
    return { index, title, fromQuote: false, fileName, path: joinPath(set.folder, fileName), origin: "added", kind: "claim", topic: false, description, evidence: [], similar: [], target: null, existing: null, selected: true, text: description === title ? "" : description };
  });
  // Without a claim index (a door that has none yet) a checked enrichment is created as a claim, as before SPEC §6;
  // with one, or with a target the user chose, it appends to its target.
  const enriches = (c: Candidate) => c.kind === "enrichment" && (input.claims !== undefined || c.target !== null);
  const connections = [sections.primaryConnection, ...sections.kbConnections].filter((t): t is string => !!t);
  const matched = input.claims ? matchClaims([...set.candidates, ...added], input.claims, set.verdict ?? null, connections) : [...set.candidates, ...added];
  const targetBlockers: string[] = [];
  const candidates = linkRepeats(
    matched.map((c) => {
      const choice = input.choices?.get(c.index);
      const titled = choice?.title !== undefined ? retitle(c, choice.title, set.folder, input.port) : c;
      if (choice?.target !== undefined) {
        // The user's target: the candidate enriches it (a near-duplicate claim becomes "enrich X").
        const target = chosenTarget(choice.target, input.claims, (p) => input.port.existing(p));
        if (target === null) targetBlockers.push(`Candidate ${c.index}: ${choice.target} is not a claim note of this vault`);
        return { ...titled, kind: "enrichment" as const, existing: null, target, selected: choice.selected ?? true };
      }
      const selected = choice?.selected ?? (choice?.title !== undefined ? titled.existing === null && c.selected : c.selected);
      return { ...titled, selected };
    }),
    input.choices,
    enriches,
  );

  const blockers: string[] = set.tooMany ? [set.tooMany.message] : [];
  blockers.push(...addedBlockers, ...targetBlockers);
  const chosen = candidates.filter((c) => c.selected && !enriches(c));
  const creates: PlannedClaim[] = [];
  const linked: string[] = [];
  const names = new Map<string, number>();
  for (const c of chosen) {
    if (c.title === "") {
      blockers.push(`Candidate ${c.index} has an empty title`);
      continue;
    }
    if (c.existing !== null) {
      linked.push(c.existing);
      continue;
    }
    const key = c.fileName.normalize("NFC").toLowerCase();
    const other = names.get(key);
    if (other !== undefined) blockers.push(`Candidates ${other} and ${c.index} would both be "${c.fileName}.md"`);
    names.set(key, c.index);
    const choice = input.choices?.get(c.index);
    const confidence = choice?.confidence ?? c.ai?.confidence ?? (c.origin === "added" ? input.added?.[c.index - set.candidates.length - 1]?.confidence : undefined) ?? input.settings.defaultConfidence;
    const description = choice?.description?.replace(/\s+/g, " ").trim();
    creates.push({ candidate: description ? { ...c, description } : c, confidence, text: "" });
  }
  const creating = new Set(creates.map((p) => p.candidate.path));
  for (const c of candidates) if (!c.selected && !enriches(c) && c.existing !== null && !linked.includes(c.existing) && !creating.has(c.existing)) linked.push(c.existing);

  // Relevant Notes link only notes that exist; the others are listed for the curator (issue #24).
  const related = relatedLinks([sections.primaryConnection, ...sections.kbConnections], input.port, input.path);
  for (const planned of creates) {
    const c = planned.candidate;
    const rendered = renderClaim({
      title: c.title,
      fileName: c.fileName,
      fromQuote: c.fromQuote,
      rationale: c.text,
      confidence: planned.confidence,
      domain: note.domain,
      secondaryDomains: note.secondaryDomains,
      sourceCitation: citationOf(note),
      sourceLink: input.port.linkToFile(input.path, c.path),
      relevantLinks: related.kept.map((t) => input.port.linkToText(t, c.path)),
      guidance: set.guidance,
      description: c.description,
      evidence: c.evidence,
      created: input.today,
    });
    // An agent's own body replaces the rendered one below the H1; the frontmatter and H1 stay the §3 ones.
    const body = c.origin === "added" ? input.added?.[c.index - set.candidates.length - 1]?.body : undefined;
    planned.text = body === undefined || body.trim() === "" ? rendered : agentClaimText(rendered, body, { path: input.path, link: input.port.linkToFile(input.path, c.path), citation: citationOf(note) });
  }

  // A run that only links or enriches still finishes a source not yet finished (SPEC §3), so a held source never stays processing.
  const finishes = creates.length === 0 && (linked.length > 0 || candidates.some((c) => c.selected && enriches(c))) && note.status !== input.settings.statusAfterExtraction;
  const linkedTitles = finishes ? candidates.filter((c) => c.existing !== null && linked.includes(c.existing)).map((c) => c.title) : [];
  const newTitles = [...creates.map((p) => p.candidate.title), ...linkedTitles.filter((t, i, all) => all.indexOf(t) === i && !note.claimsExtracted.includes(t))];
  const claimPaths = new Map<string, string>();
  for (const c of candidates) if (c.existing || creates.some((p) => p.candidate === c)) claimPaths.set(c.title, c.existing ?? c.path);
  // A drafted claim created records its model in the source (SPEC §9), unless the caller records one.
  const draftedModel = creates.find((p) => p.candidate.origin === "ai")?.candidate.ai?.model;
  const fields = draftedModel !== undefined && !(input.sourceFields ?? []).some((f) => f.key === "extraction_model") ? [...(input.sourceFields ?? []), { key: "extraction_model", set: draftedModel }] : (input.sourceFields ?? []);
  const planned = planEnrichments(candidates.filter(enriches), input.path, input.targetTexts, input.port);
  blockers.push(...planned.blockers);
  const enrichments: PlannedEnrichment[] = planned.enrichments;
  // A re-run whose bullets are there already writes nothing, and so does not touch the source either.
  const enriched = enrichments.filter((e) => e.after !== e.before).map((e) => ({ title: e.targetTitle, path: e.targetPath }));
  const draft = { sourcePath: input.path, sourceBefore: input.text, folder: set.folder, newTitles, claimPaths, priorTitles: note.claimsExtracted, fields, enriched, enrichmentsField: input.settings.enrichmentsField };
  let sourceAfter: string | null = null;
  if ((creates.length > 0 || enriched.length > 0 || finishes) && blockers.length === 0) {
    const updated = renderSourceAfter(draft, input.settings, input.today, input.port);
    if (updated.ok) sourceAfter = updated.text;
    else blockers.push(`The source cannot be updated: ${updated.reason}`);
  }

  return {
    sourcePath: input.path,
    source: note,
    sourceBefore: input.text,
    sourceAfter,
    folder: set.folder,
    folderWhy: place.why,
    droppedLinks: creates.length > 0 ? related.dropped : [],
    candidates,
    guidance: set.guidance,
    creates,
    enrichments,
    linked,
    blockers,
    previous: note.status === "processed" ? { date: note.processedDate, by: note.processedBy, claims: note.claimsExtracted.length } : null,
    problems: set.tooMany ? [...note.problems, set.tooMany] : note.problems,
    update: { newTitles, claimPaths, enriched, settings: input.settings, today: input.today, fields },
    ...(set.draft ? { draft: set.draft } : {}),
  };
}

