// Applying and undoing a split (SPEC §3 "Safety", §8). The plan is checked
// whole before anything is written; the intent journal is saved before the
// first change, so a run killed midway is finished or taken back by the next
// start; a run that fails takes back its own writes and then its journal.
import * as z from "zod/mini";
import type { ExtractionPlan } from "./extraction";
import { newJournalId, type ExtractionJournal, type JournalStore } from "../writes/journal";
import { renderSourceAfter } from "../writes/source-after";
import type { VaultPort } from "../note/vault-port";
import { messageOf } from "../text/error-message";

export interface ExtractionRecord {
  sourcePath: string;
  sourceBefore: string;
  sourceAfter: string;
  created: { path: string; text: string }[];
  folders: string[];
  /** Claims this run appended evidence to, with their text before and after (absent in records of older versions). */
  enriched?: { path: string; before: string; after: string }[];
}

/**
 * The shape of a kept ExtractionRecord (the plugin's data.json, the CLI's undo
 * store), checked when read back. One schema for both: a copy that forgot
 * `enriched` would strip it, and undo after a reload would leave targets enriched.
 */
export const extractionRecordSchema = z.object({
  sourcePath: z.string(),
  sourceBefore: z.string(),
  sourceAfter: z.string(),
  created: z.array(z.object({ path: z.string(), text: z.string() })),
  folders: z.array(z.string()),
  enriched: z.optional(z.array(z.object({ path: z.string(), before: z.string(), after: z.string() }))),
});

export type ApplyResult =
  | { ok: true; record: ExtractionRecord | null; created: string[]; linked: string[]; enriched: string[] }
  | { ok: false; error: string; rolledBack: string[]; leftBehind: string[] };

/** Who writes the journal: the store, and what the journal says of its writer. */
export interface JournalContext {
  store: JournalStore;
  writer: ExtractionJournal["writer"];
  pid: number | null;
  now: () => number;
}

/** The folders of `folder` (outermost first) that do not exist yet: the ones this run makes. */
function missingFolders(folder: string, port: VaultPort): string[] {
  const parts = folder.split("/").filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join("/");
    if (out.length > 0 || port.existing(sub) === null) out.push(sub);
  }
  return out;
}

/**
 * Is the file at `path` (if any) a beginning of `text` cut short, an empty
 * file included? A whole copy is not taken: another run of the same plan
 * may have just created it (two extracts at once), and it is theirs.
 */
async function isPartOf(port: VaultPort, path: string, text: string): Promise<boolean> {
  const found = port.existing(path);
  if (found === null) return false;
  try {
    const now = await port.read(found);
    return now.length < text.length && text.startsWith(now);
  } catch {
    return false;
  }
}

/** One write per target that changes: its text before the first bullet and after the last (two enrichments of one claim chain). */
function targetWrites(plan: ExtractionPlan): { path: string; before: string; after: string }[] {
  const byPath = new Map<string, { path: string; before: string; after: string }>();
  for (const e of plan.enrichments) {
    const seen = byPath.get(e.targetPath);
    if (seen) seen.after = e.after;
    else byPath.set(e.targetPath, { path: e.targetPath, before: e.before, after: e.after });
  }
  return [...byPath.values()].filter((t) => t.after !== t.before);
}

/** Check everything, journal the intent, then create folders and claims, then update the source; on any failure undo this run's writes. */
export async function applyExtraction(plan: ExtractionPlan, port: VaultPort, journal?: JournalContext): Promise<ApplyResult> {
  if (plan.blockers.length > 0) return { ok: false, error: plan.blockers.join("; "), rolledBack: [], leftBehind: [] };
  const targets = targetWrites(plan);
  const enriched = [...new Set(plan.enrichments.map((e) => e.targetPath))];
  const finishesOnly = plan.sourceAfter !== null && plan.sourceAfter !== plan.sourceBefore;
  if (plan.creates.length === 0 && targets.length === 0 && !finishesOnly) return { ok: true, record: null, created: [], linked: plan.linked, enriched };

  const made: string[] = [];
  const written: { path: string; before: string; after: string }[] = [];
  const folders: string[] = [];
  let sourceAfter = plan.sourceAfter ?? plan.sourceBefore;
  let entry: ExtractionJournal | null = null;
  try {
    const current = await port.read(plan.sourcePath);
    if (current !== plan.sourceBefore) throw new Error(`${plan.sourcePath} changed since the preview; run extract again`);
    for (const p of plan.creates) {
      const clash = port.existing(p.candidate.path);
      if (clash !== null) throw new Error(`${clash} already exists; nothing is overwritten`);
    }
    // A target renamed, deleted or edited since the preview: refused before anything is written.
    for (const t of targets) {
      const now = port.existing(t.path) === null ? null : await port.read(t.path);
      if (now !== t.before) throw new Error(`${t.path} ${now === null ? "no longer exists" : "changed"} since the preview; run extract again`);
    }
    if (journal) {
      entry = {
        version: 1,
        id: newJournalId(journal.now()),
        writer: journal.writer,
        pid: journal.pid,
        started: journal.now(),
        sourcePath: plan.sourcePath,
        sourceBefore: plan.sourceBefore,
        sourceAfter,
        claims: plan.creates.map((p) => ({ path: p.candidate.path, text: p.text })),
        folders: plan.creates.length > 0 ? missingFolders(plan.folder, port) : [],
        ...(targets.length > 0 ? { targets } : {}),
      };
      await journal.store.save(entry);
    }
    if (plan.creates.length > 0) folders.push(...(await port.ensureFolder(plan.folder)));
    for (const p of plan.creates) {
      try {
        await port.create(p.candidate.path, p.text);
      } catch (err) {
        // A create that failed midway may leave part of the claim (a full disk): that part is this run's.
        if (await isPartOf(port, p.candidate.path, p.text)) made.push(p.candidate.path);
        throw err;
      }
      made.push(p.candidate.path);
    }
    // After the claims, before the source: the source is last, so a run whose source changed is whole.
    for (const t of targets) {
      await port.replace(t.path, t.before, t.after);
      written.push(t);
    }
    const final = renderSourceAfter(
      { ...plan.update, sourcePath: plan.sourcePath, sourceBefore: plan.sourceBefore, folder: plan.folder, priorTitles: plan.source.claimsExtracted },
      plan.update.settings,
      plan.update.today,
      port,
    );
    if (!final.ok) throw new Error(`the source cannot be updated: ${final.reason}`);
    // Links are rendered again now that the claims exist; the journal must name the text the source will get.
    if (journal && entry && final.text !== entry.sourceAfter) {
      entry = { ...entry, sourceAfter: final.text };
      await journal.store.save(entry);
    }
    sourceAfter = final.text;
    await port.replace(plan.sourcePath, plan.sourceBefore, sourceAfter);
  } catch (err) {
    const leftBehind: string[] = [];
    for (const t of [...written].reverse()) {
      try {
        await port.replace(t.path, t.after, t.before);
      } catch {
        leftBehind.push(t.path);
      }
    }
    for (const path of [...made].reverse()) {
      try {
        await port.remove(path);
      } catch {
        leftBehind.push(path);
      }
    }
    for (const folder of [...folders].reverse()) await port.remove(folder).catch(() => undefined);
    // With something left behind, the journal stays: the next start takes it back.
    if (journal && entry && leftBehind.length === 0) await journal.store.remove(entry.id).catch(() => undefined);
    return { ok: false, error: messageOf(err), rolledBack: [...made, ...written.map((t) => t.path)].filter((p) => !leftBehind.includes(p)), leftBehind };
  }
  // Done: a failure to remove the journal only means the next start finds the run finished.
  if (journal && entry) await journal.store.remove(entry.id).catch(() => undefined);
  return {
    ok: true,
    created: made,
    linked: plan.linked,
    enriched,
    record: {
      sourcePath: plan.sourcePath,
      sourceBefore: plan.sourceBefore,
      sourceAfter,
      created: plan.creates.map((p) => ({ path: p.candidate.path, text: p.text })),
      folders,
      enriched: targets,
    },
  };
}

export interface UndoResult {
  trashed: string[];
  /** Enriched claims given back their text from before the run. */
  restored: string[];
  keptEdited: string[];
  missing: string[];
  sourceRestored: boolean;
  /** Why the source was left alone, when it was. */
  sourceNote: string | null;
  /** The folders the run created, removed now that they are empty (innermost first). */
  folders: string[];
}

/** Undo a split: trash the claims it created unless edited since, restore the source unless edited since. */
export async function undoExtraction(record: ExtractionRecord, port: VaultPort): Promise<UndoResult> {
  const result: UndoResult = { trashed: [], restored: [], keptEdited: [], missing: [], sourceRestored: false, sourceNote: null, folders: [] };
  // An enriched claim goes back byte for byte, unless it was edited since (then it is kept and reported).
  for (const t of [...(record.enriched ?? [])].reverse()) {
    if (port.existing(t.path) === null) {
      result.missing.push(t.path);
      continue;
    }
    if ((await port.read(t.path)) !== t.after) result.keptEdited.push(t.path);
    else {
      await port.replace(t.path, t.after, t.before);
      result.restored.push(t.path);
    }
  }
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
  // The folders the run made go too, once empty; one that holds a kept claim or anything else stays (the port refuses it).
  for (const folder of [...record.folders].reverse()) {
    try {
      await port.remove(folder);
      result.folders.push(folder);
    } catch {
      // not empty, or gone already: left as it is
    }
  }
  return result;
}

