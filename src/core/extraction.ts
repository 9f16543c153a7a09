// Planning and applying a split (SPEC §2–3). Plan first, as plain data the
// user can see (preview modal, `--dry-run --json`); then apply it all or
// nothing through the VaultPort; undo is the plan reversed.
import { addedTitleProblem } from "./added-claim";
import { buildCandidates, type Candidate } from "./candidates";
import { citationOf, renderClaim } from "./claim-note";
import { claimNameOf, joinPath, sameName, toFileName } from "./file-name";
import { withDisplay } from "./links";
import type { Confidence, Problem, SourceNote } from "./model";
import type { Settings } from "./settings";
import { readSource } from "./source-note";
import { updateSource } from "./source-update";
import type { EditResult } from "./frontmatter-edit";
import type { VaultPort } from "./vault-port";

export interface CandidateChoice {
  selected?: boolean;
  title?: string;
  confidence?: Confidence;
  description?: string;
}

/** A claim the user adds that is in no hint ("Add a claim" in the preview, `extract --add`). */
export interface AddedClaim {
  title: string;
  description?: string;
  confidence?: Confidence;
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
  candidates: Candidate[];
  guidance: string | null;
  creates: PlannedClaim[];
  linked: string[];
  /** Reasons the plan cannot be applied; empty when it can. */
  blockers: string[];
  /** When the source was extracted before (status processed): when, by whom, how many claims; the preview says so. */
  previous: { date: string | null; by: string | null; claims: number } | null;
  problems: Problem[];
  /** What the source update needs, to render it again once the claims exist. */
  update: { newTitles: string[]; claimPaths: ReadonlyMap<string, string>; settings: Settings; today: string };
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
}

/** A candidate with the user's title applied: its name, path and "exists" state follow the title. */
export function retitle(c: Candidate, title: string, folder: string, port: VaultPort, claimsExtracted: readonly string[]): Candidate {
  const clean = title.replace(/\s+/g, " ").trim();
  if (clean === c.title) return c;
  const fileName = toFileName(clean);
  const path = joinPath(folder, fileName);
  const existing = port.existing(path) ?? (claimsExtracted.some((t) => sameName(t, clean)) ? path : null);
  return { ...c, title: clean, fileName, path, existing };
}

/**
 * One claim per file name: a later candidate whose name repeats an earlier
 * one's that is being created or exists (say, one title written in NFC and
 * again in NFD) is "exists — link only", pointing at the earlier one. One the
 * user retitled or checked keeps their choice (a clash is then a blocker).
 */
function linkRepeats(candidates: Candidate[], choices: ReadonlyMap<number, CandidateChoice> | undefined): Candidate[] {
  const claimed = new Map<string, string>();
  return candidates.map((c) => {
    const key = c.fileName.normalize("NFC").toLowerCase();
    const first = claimed.get(key);
    const choice = choices?.get(c.index);
    if (first !== undefined && c.existing === null && choice?.title === undefined && choice?.selected !== true) {
      return { ...c, existing: first, selected: false };
    }
    if (first === undefined && (c.selected || c.existing !== null)) claimed.set(key, c.existing ?? c.path);
    return c;
  });
}

export function planExtraction(input: PlanInput): ExtractionPlan {
  const { note, sections } = readSource(input.path, input.text, input.settings);
  const set = buildCandidates(note, sections, input.settings, (p) => input.port.existing(p));
  const addedBlockers: string[] = [];
  const added = (input.added ?? []).map((a, i): Candidate => {
    const index = set.candidates.length + i + 1;
    const title = a.title.replace(/\s+/g, " ").trim();
    const others = [...set.candidates.map((c) => c.title), ...(input.added ?? []).slice(0, i).map((o) => o.title)];
    const problem = addedTitleProblem(title, others, set.folder, (p) => input.port.existing(p), note.claimsExtracted);
    if (problem !== null) addedBlockers.push(`Added claim ${index}: ${problem}`);
    const fileName = toFileName(title);
    const description = a.description?.replace(/\s+/g, " ").trim() || title;
    return { index, title, fromQuote: false, fileName, path: joinPath(set.folder, fileName), origin: "added", kind: "claim", topic: false, description, evidence: [], existing: null, selected: true, text: description === title ? "" : description };
  });
  const candidates = linkRepeats(
    [...set.candidates, ...added].map((c) => {
      const choice = input.choices?.get(c.index);
      const titled = choice?.title !== undefined ? retitle(c, choice.title, set.folder, input.port, note.claimsExtracted) : c;
      const selected = choice?.selected ?? (choice?.title !== undefined ? titled.existing === null && c.selected : c.selected);
      return { ...titled, selected };
    }),
    input.choices,
  );

  const blockers: string[] = set.tooMany ? [set.tooMany.message] : [];
  blockers.push(...addedBlockers);
  const chosen = candidates.filter((c) => c.selected);
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
    const confidence = choice?.confidence ?? (c.origin === "added" ? input.added?.[c.index - set.candidates.length - 1]?.confidence : undefined) ?? input.settings.defaultConfidence;
    const description = choice?.description?.replace(/\s+/g, " ").trim();
    creates.push({ candidate: description ? { ...c, description } : c, confidence, text: "" });
  }
  const creating = new Set(creates.map((p) => p.candidate.path));
  for (const c of candidates) if (!c.selected && c.existing !== null && !linked.includes(c.existing) && !creating.has(c.existing)) linked.push(c.existing);

  for (const planned of creates) {
    const c = planned.candidate;
    planned.text = renderClaim({
      title: c.title,
      fileName: c.fileName,
      fromQuote: c.fromQuote,
      rationale: c.text,
      confidence: planned.confidence,
      domain: note.domain,
      secondaryDomains: note.secondaryDomains,
      sourceCitation: citationOf(note),
      sourceLink: input.port.linkToFile(input.path, c.path),
      relevantLinks: [sections.primaryConnection, ...sections.kbConnections]
        .filter((t, i, all): t is string => !!t && all.indexOf(t) === i)
        .map((t) => input.port.linkToText(t, c.path)),
      guidance: set.guidance,
      description: c.description,
      evidence: c.evidence,
      created: input.today,
    });
  }

  const newTitles = creates.map((p) => p.candidate.title);
  const claimPaths = new Map<string, string>();
  for (const c of candidates) if (c.existing || creates.some((p) => p.candidate === c)) claimPaths.set(c.title, c.existing ?? c.path);
  const draft = { sourcePath: input.path, sourceBefore: input.text, folder: set.folder, newTitles, claimPaths, priorTitles: note.claimsExtracted };
  let sourceAfter: string | null = null;
  if (creates.length > 0 && blockers.length === 0) {
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
    candidates,
    guidance: set.guidance,
    creates,
    linked,
    blockers,
    previous: note.status === "processed" ? { date: note.processedDate, by: note.processedBy, claims: note.claimsExtracted.length } : null,
    problems: set.tooMany ? [...note.problems, set.tooMany] : note.problems,
    update: { newTitles, claimPaths, settings: input.settings, today: input.today },
  };
}

interface SourceDraft {
  sourcePath: string;
  sourceBefore: string;
  folder: string;
  newTitles: string[];
  claimPaths: ReadonlyMap<string, string>;
  priorTitles: readonly string[];
}

/**
 * The source's text after the split. Rendered at plan time for the preview,
 * and again once the claims exist, because a link to a file is only as the
 * user's settings want it when the file is there to link to.
 */
function renderSourceAfter(d: SourceDraft, settings: Settings, today: string, port: VaultPort): EditResult {
  const allTitles = [...d.priorTitles, ...d.newTitles.filter((t) => !d.priorTitles.includes(t))];
  const seen = new Set<string>();
  const key = (path: string) => path.normalize("NFC").toLowerCase();
  // An entry may be a title or a file name (with or without `.md`): either links without `.md`,
  // and shows the title when the file name had to differ from it.
  const claimLinks = allTitles.map((t) => {
    const name = claimNameOf(t);
    const known = d.claimPaths.get(t);
    const fileName = known === undefined ? toFileName(name) : "";
    const path = known ?? port.existing(joinPath(d.folder, fileName));
    seen.add(key(path ?? joinPath(d.folder, fileName)));
    const link = path ? port.linkToFile(path, d.sourcePath) : port.linkToText(fileName, d.sourcePath);
    const shown = path ? path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "") : fileName;
    return shown === name ? link : withDisplay(link, name);
  });
  // Candidates that exist already are "link only": the section links them too.
  for (const [title, path] of d.claimPaths) {
    if (seen.has(key(path))) continue;
    seen.add(key(path));
    const link = port.linkToFile(path, d.sourcePath);
    claimLinks.push(path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "") === title ? link : withDisplay(link, title));
  }
  return updateSource(d.sourceBefore, {
    newTitles: d.newTitles,
    status: settings.statusAfterExtraction,
    today,
    processedBy: settings.processedBy,
    claimLinks,
  });
}

export interface ExtractionRecord {
  sourcePath: string;
  sourceBefore: string;
  sourceAfter: string;
  created: { path: string; text: string }[];
  folders: string[];
}

export type ApplyResult =
  | { ok: true; record: ExtractionRecord | null; created: string[]; linked: string[] }
  | { ok: false; error: string; rolledBack: string[]; leftBehind: string[] };

/** Check everything, then create folders and claims, then update the source; on any failure undo this run's writes. */
export async function applyExtraction(plan: ExtractionPlan, port: VaultPort): Promise<ApplyResult> {
  if (plan.blockers.length > 0) return { ok: false, error: plan.blockers.join("; "), rolledBack: [], leftBehind: [] };
  if (plan.creates.length === 0) return { ok: true, record: null, created: [], linked: plan.linked };

  const made: string[] = [];
  const folders: string[] = [];
  let sourceAfter = plan.sourceBefore;
  try {
    const current = await port.read(plan.sourcePath);
    if (current !== plan.sourceBefore) throw new Error(`${plan.sourcePath} changed since the preview; run extract again`);
    for (const p of plan.creates) {
      const clash = port.existing(p.candidate.path);
      if (clash !== null) throw new Error(`${clash} already exists; nothing is overwritten`);
    }
    folders.push(...(await port.ensureFolder(plan.folder)));
    for (const p of plan.creates) {
      await port.create(p.candidate.path, p.text);
      made.push(p.candidate.path);
    }
    const final = renderSourceAfter(
      { ...plan.update, sourcePath: plan.sourcePath, sourceBefore: plan.sourceBefore, folder: plan.folder, priorTitles: plan.source.claimsExtracted },
      plan.update.settings,
      plan.update.today,
      port,
    );
    if (!final.ok) throw new Error(`the source cannot be updated: ${final.reason}`);
    sourceAfter = final.text;
    await port.replace(plan.sourcePath, plan.sourceBefore, sourceAfter);
  } catch (err) {
    const leftBehind: string[] = [];
    for (const path of [...made].reverse()) {
      try {
        await port.remove(path);
      } catch {
        leftBehind.push(path);
      }
    }
    for (const folder of [...folders].reverse()) await port.remove(folder).catch(() => undefined);
    return { ok: false, error: messageOf(err), rolledBack: made.filter((p) => !leftBehind.includes(p)), leftBehind };
  }
  return {
    ok: true,
    created: made,
    linked: plan.linked,
    record: {
      sourcePath: plan.sourcePath,
      sourceBefore: plan.sourceBefore,
      sourceAfter,
      created: plan.creates.map((p) => ({ path: p.candidate.path, text: p.text })),
      folders,
    },
  };
}

export interface UndoResult {
  trashed: string[];
  keptEdited: string[];
  missing: string[];
  sourceRestored: boolean;
  /** Why the source was left alone, when it was. */
  sourceNote: string | null;
}

/** Undo a split: trash the claims it created unless edited since, restore the source unless edited since. */
export async function undoExtraction(record: ExtractionRecord, port: VaultPort): Promise<UndoResult> {
  const result: UndoResult = { trashed: [], keptEdited: [], missing: [], sourceRestored: false, sourceNote: null };
  for (const claim of record.created) {
    if (port.existing(claim.path) === null) {
      result.missing.push(claim.path);
      continue;
    }
    const now = await port.read(claim.path);
    if (now !== claim.text) result.keptEdited.push(claim.path);
    else {
      await port.remove(claim.path);
      result.trashed.push(claim.path);
    }
  }
  if (port.existing(record.sourcePath) === null) result.sourceNote = `${record.sourcePath} no longer exists`;
  else {
    const now = await port.read(record.sourcePath);
    if (now === record.sourceAfter) {
      await port.replace(record.sourcePath, record.sourceAfter, record.sourceBefore);
      result.sourceRestored = true;
    } else result.sourceNote = `${record.sourcePath} was edited since the split, so it was left as it is`;
  }
  return result;
}

export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
