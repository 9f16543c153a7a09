// One field change over many notes (issue #14), and its undo. The runner
// knows nothing of the app: it gets `setOne` (one atomic read-modify-write of
// one note, which returns the text before and after) and `pause` (a yield to
// the screen), so the same code runs in the plugin, the benchmark and tests.
// Notes are changed one after another, never in parallel: a slow note then
// cannot reorder the undo record, and the vault sees one write at a time.
import { Pacer } from "./pacer";

export interface SetResult {
  ok: boolean;
  before?: string;
  after?: string;
  error?: string;
}

export type SetOne<C> = (path: string, change: C) => Promise<SetResult>;

/** What a bulk change did to one note: enough to put it back. */
export interface NoteChange {
  path: string;
  before: string;
  after: string;
}

export interface BulkOutcome {
  /** Notes whose text changed, in the order they were changed (the undo record). */
  changed: NoteChange[];
  /** Notes that already had the value: nothing was written. */
  unchanged: string[];
  refused: { path: string; error: string }[];
}

export interface BulkOptions {
  /** Called after each note, with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Yields to the screen; called whenever a run of notes has taken `budgetMs`. */
  pause?: () => Promise<void>;
  /** Work between pauses, in ms (default 8): with what the writes cause (cache, index, redraw), well under a 50 ms frame. */
  budgetMs?: number;
  /**
   * Notes between pauses at most (default 8). Each write costs more after it
   * returns (the app parses the note, the index and the sidebar follow) than
   * the runner can time: bounding the count bounds that work too.
   */
  notesPerPause?: number;
  now?: () => number;
}

/** The bulk runner's steps: the time budget, or the most notes between pauses. */
const pacer = (opts: BulkOptions): Pacer => new Pacer({ pause: opts.pause, budgetMs: opts.budgetMs ?? 8, most: opts.notesPerPause ?? 8, now: opts.now });

export async function runBulk<C>(paths: readonly string[], change: C, setOne: SetOne<C>, opts: BulkOptions = {}): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { changed: [], unchanged: [], refused: [] };
  const pace = pacer(opts);
  for (const [i, path] of paths.entries()) {
    let result: SetResult;
    try {
      result = await setOne(path, change);
    } catch (err) {
      result = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    if (!result.ok) outcome.refused.push({ path, error: result.error ?? "not changed" });
    else if (result.before === undefined || result.after === undefined || result.before === result.after) outcome.unchanged.push(path);
    else outcome.changed.push({ path, before: result.before, after: result.after });
    opts.onProgress?.(i + 1, paths.length);
    await pace.step();
  }
  return outcome;
}

/** How one note's undo went: put back, left alone because it changed since, or gone. */
export type RestoreResult = "restored" | "edited" | "missing";

/**
 * Restores one note to `before` only if its text is still exactly `after`
 * (inside the same atomic read-modify-write); anything else is left alone.
 */
export type RestoreOne = (change: NoteChange) => Promise<RestoreResult>;

export interface UndoOutcome {
  restored: string[];
  edited: string[];
  missing: string[];
}

export async function undoBulk(changes: readonly NoteChange[], restoreOne: RestoreOne, opts: BulkOptions = {}): Promise<UndoOutcome> {
  const outcome: UndoOutcome = { restored: [], edited: [], missing: [] };
  const pace = pacer(opts);
  // Newest first, as an undo stack runs (the record holds each note once, so the order is for the reader).
  for (const [i, change] of [...changes].reverse().entries()) {
    let result: RestoreResult;
    try {
      result = await restoreOne(change);
    } catch {
      result = "missing";
    }
    outcome[result].push(change.path);
    opts.onProgress?.(i + 1, changes.length);
    await pace.step();
  }
  return outcome;
}

const names = (paths: readonly string[], max = 3): string => {
  const base = paths.slice(0, max).map((p) => p.slice(p.lastIndexOf("/") + 1).replace(/\.md$/i, ""));
  return paths.length > max ? `${base.join(", ")} and ${paths.length - max} more` : base.join(", ");
};

/** The summary notice of a bulk change: "Set 38, 2 refused: a (reason), b (reason)." */
export function bulkSummary(outcome: BulkOutcome, what: string): string {
  const parts = [`Set ${what} on ${outcome.changed.length} note${outcome.changed.length === 1 ? "" : "s"}`];
  if (outcome.unchanged.length > 0) parts.push(`${outcome.unchanged.length} already so`);
  let text = parts.join(", ");
  if (outcome.refused.length > 0) {
    const shown = outcome.refused.slice(0, 3).map((r) => `${names([r.path])} (${r.error})`);
    const more = outcome.refused.length > 3 ? ` and ${outcome.refused.length - 3} more` : "";
    text += `, ${outcome.refused.length} refused: ${shown.join("; ")}${more}`;
  }
  return `${text}.`;
}

export function undoSummary(outcome: UndoOutcome): string {
  const lines = [`Undid the change on ${outcome.restored.length} note${outcome.restored.length === 1 ? "" : "s"}.`];
  if (outcome.edited.length > 0) lines.push(`Left alone because edited since: ${names(outcome.edited)}.`);
  if (outcome.missing.length > 0) lines.push(`Gone since: ${names(outcome.missing)}.`);
  return lines.join("\n");
}
