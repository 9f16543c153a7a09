// The intent journal of an extraction (SPEC §8): what a run is about to do,
// written before its first change and removed when it is done or rolled back.
// A run killed midway leaves its journal; the next start of the CLI or the
// plugin reads it and, from what is on disk, either finishes the run or
// takes it back, so a split is the whole result or nothing. This module is
// data in, data out: the journal, its text form, and the decision; the
// store (a folder beside data.json) belongs to each adapter.
import * as z from "zod/mini";
import type { VaultPort } from "../note/vault-port";

export interface ExtractionJournal {
  version: 1;
  id: string;
  /** Who wrote it ("cli" or "plugin"), and the CLI's process, so a live run is never taken back by another. */
  writer: "cli" | "plugin";
  pid: number | null;
  /** When it was written (ms since 1970), for runs whose process cannot be asked. */
  started: number;
  sourcePath: string;
  sourceBefore: string;
  sourceAfter: string;
  claims: { path: string; text: string }[];
  /** Folders this run makes (outermost first): taken back only when empty. */
  folders: string[];
  /** Claims this run enriches (SPEC §6), with their text before and after; absent when none (and in older journals). */
  targets?: { path: string; before: string; after: string }[];
}

/** Where a store keeps journals. Each adapter writes atomically (a journal is whole or absent). */
export interface JournalStore {
  save(journal: ExtractionJournal): Promise<void>;
  remove(id: string): Promise<void>;
  /** Every journal in the store, as text by id (a journal that does not parse is still listed, to be reported). */
  list(): Promise<{ id: string; text: string }[]>;
}

const JOURNAL = z.object({
  version: z.literal(1),
  id: z.string(),
  writer: z.enum(["cli", "plugin"]),
  pid: z.nullable(z.number()),
  started: z.number(),
  sourcePath: z.string(),
  sourceBefore: z.string(),
  sourceAfter: z.string(),
  claims: z.array(z.object({ path: z.string(), text: z.string() })),
  folders: z.array(z.string()),
  targets: z.optional(z.array(z.object({ path: z.string(), before: z.string(), after: z.string() }))),
});

export const journalText = (j: ExtractionJournal): string => JSON.stringify(j);

export function parseJournal(text: string): ExtractionJournal | null {
  try {
    const parsed = JOURNAL.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A journal id that sorts by time and does not repeat between two runs of the same millisecond. */
export const newJournalId = (now: number): string => `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** What is on disk now for the paths a journal names: a file's text, or null when it is absent. */
export interface DiskState {
  source: string | null;
  claims: ReadonlyMap<string, string | null>;
  /** The enriched claims' texts now (absent: the journal names none). */
  targets?: ReadonlyMap<string, string | null>;
}

export type RecoveryDecision =
  /** The run had finished its writes; only the journal was left. */
  | { action: "done" }
  /** Every claim is whole and the source is as before: write the source. */
  | { action: "finish" }
  | { action: "rollback"; removeClaims: string[]; keepClaims: string[]; restoreSource: boolean; sourceNote: string | null; restoreTargets?: string[]; keepTargets?: string[] };

/**
 * Finish or take back a run from what is on disk. A claim file counts as
 * this run's when its text is the journal's, or a beginning of it (a write
 * cut short, an empty file included): such files are removed on rollback,
 * anything else at that path is someone's note and is kept. The source is
 * restored only when it is byte for byte what the run wrote.
 */
export function decideRecovery(j: ExtractionJournal, disk: DiskState): RecoveryDecision {
  const targets = j.targets ?? [];
  // Targets are written after the claims and before the source: a run is whole when every one holds its new text.
  const whole = j.claims.every((c) => disk.claims.get(c.path) === c.text) && targets.every((t) => disk.targets?.get(t.path) === t.after);
  if (whole && disk.source === j.sourceAfter) return { action: "done" };
  if (whole && disk.source === j.sourceBefore) return { action: "finish" };
  const removeClaims: string[] = [];
  const keepClaims: string[] = [];
  for (const c of j.claims) {
    const now = disk.claims.get(c.path) ?? null;
    if (now === null) continue;
    if (c.text.startsWith(now)) removeClaims.push(c.path);
    else keepClaims.push(c.path);
  }
  // An enriched claim is given back its old text only when it holds exactly what the run wrote.
  const restoreTargets: string[] = [];
  const keepTargets: string[] = [];
  for (const t of targets) {
    const now = disk.targets?.get(t.path) ?? null;
    if (now === t.after) restoreTargets.push(t.path);
    else if (now !== t.before) keepTargets.push(t.path);
  }
  const restoreSource = disk.source === j.sourceAfter && j.sourceAfter !== j.sourceBefore;
  const sourceNote =
    disk.source === null ? `${j.sourcePath} no longer exists` : disk.source !== j.sourceBefore && !restoreSource ? `${j.sourcePath} was edited since, so it was left as it is` : null;
  return { action: "rollback", removeClaims, keepClaims, restoreSource, sourceNote, ...(targets.length > 0 ? { restoreTargets, keepTargets } : {}) };
}

export interface RecoveryReport {
  id: string;
  sourcePath: string;
  outcome: "finished" | "rolled back" | "unreadable";
  removed: string[];
  kept: string[];
  note: string | null;
}

async function readOrNull(port: VaultPort, path: string): Promise<string | null> {
  const found = port.existing(path);
  return found === null ? null : port.read(found);
}

/** Read what the journal names, decide, and act through the port. The journal itself is left for the caller to remove. */
export async function recoverJournal(j: ExtractionJournal, port: VaultPort, busy: ReadonlySet<string> = new Set()): Promise<RecoveryReport> {
  const claims = new Map<string, string | null>();
  for (const c of j.claims) claims.set(c.path, await readOrNull(port, c.path));
  const targets = new Map<string, string | null>();
  for (const t of j.targets ?? []) targets.set(t.path, await readOrNull(port, t.path));
  const decision = decideRecovery(j, { source: await readOrNull(port, j.sourcePath), claims, targets });
  const report: RecoveryReport = { id: j.id, sourcePath: j.sourcePath, outcome: "finished", removed: [], kept: [], note: null };
  if (decision.action === "done") return report;
  if (decision.action === "finish") {
    await port.replace(j.sourcePath, j.sourceBefore, j.sourceAfter);
    return report;
  }
  report.outcome = "rolled back";
  // A path a live run also means to write is that run's now (two extracts of one source at once).
  decision.keepClaims.push(...decision.removeClaims.filter((p) => busy.has(p)));
  decision.removeClaims = decision.removeClaims.filter((p) => !busy.has(p));
  if (busy.has(j.sourcePath)) decision.restoreSource = false;
  for (const path of decision.removeClaims) {
    await port.remove(path);
    report.removed.push(path);
  }
  report.kept = decision.keepClaims;
  for (const path of decision.restoreTargets ?? []) {
    if (busy.has(path)) continue;
    const t = (j.targets ?? []).find((x) => x.path === path);
    if (t) await port.replace(t.path, t.after, t.before);
  }
  report.kept.push(...(decision.keepTargets ?? []));
  if (decision.restoreSource) await port.replace(j.sourcePath, j.sourceAfter, j.sourceBefore);
  for (const folder of [...j.folders].reverse()) await port.remove(folder).catch(() => undefined);
  report.note = decision.keepClaims.length > 0 ? `kept ${decision.keepClaims.join(", ")}: not the text this run wrote` : decision.sourceNote;
  return report;
}

/** One line for a person: what was found and what was done. */
export function recoveryLine(r: RecoveryReport): string {
  if (r.outcome === "unreadable") return `an unreadable extraction journal (${r.id}) was removed`;
  const what = r.outcome === "finished" ? "finished" : `rolled back${r.removed.length > 0 ? ` (removed the ${r.removed.length} claim${r.removed.length === 1 ? "" : "s"} it had written)` : ""}`;
  return `an interrupted extraction of ${r.sourcePath} was ${what}${r.note ? `; ${r.note}` : ""}`;
}

/**
 * Every journal of a store that `mayRecover` allows (not a live run of
 * another process), finished or rolled back, then removed. A journal that
 * cannot be read is removed and reported: it names nothing to act on.
 */
export async function recoverAll(store: JournalStore, port: VaultPort, mayRecover: (j: ExtractionJournal) => boolean): Promise<RecoveryReport[]> {
  const reports: RecoveryReport[] = [];
  const listed = (await store.list()).map(({ id, text }) => ({ id, j: parseJournal(text) }));
  const busy = new Set<string>();
  for (const { j } of listed) if (j !== null && !mayRecover(j)) for (const p of [j.sourcePath, ...j.claims.map((c) => c.path), ...(j.targets ?? []).map((t) => t.path)]) busy.add(p);
  for (const { id, j } of listed) {
    if (j === null) {
      await store.remove(id);
      reports.push({ id, sourcePath: "", outcome: "unreadable", removed: [], kept: [], note: null });
      continue;
    }
    if (!mayRecover(j)) continue;
    reports.push(await recoverJournal(j, port, busy));
    await store.remove(id);
  }
  return reports;
}
