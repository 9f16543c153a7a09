// The queue's multi-selection (issue #14): a set of note paths and the anchor
// a Shift range grows from. Pure data in, data out: the view keeps one and
// replaces it on every click or key, so it survives redraws, scrolling and
// live updates (rows come and go; paths stay). Positions are the rows' places
// in the list as shown; `pathAt` reads that list without copying it.

/** The selected paths: a Set, or every row shown as a list (see ListedPaths). */
export interface PathSet extends Iterable<string> {
  readonly size: number;
  has(path: string): boolean;
}

export interface Selection {
  readonly paths: PathSet;
  /** Where a Shift-click or Shift+arrow range starts: the last row clicked without Shift. */
  readonly anchor: string | null;
  /** Made by selectAll: every row the list showed at that moment (a view can answer has() by position until the list changes). */
  readonly whole?: true;
}

/**
 * Every row shown, kept as the list it was. Ctrl/Cmd+A over 40,000 rows must
 * fit in a frame, and hashing that many paths into a Set takes 5-15 ms; the
 * Set is built on the first has() (or by prepare(), when the view is idle).
 * The rows of a list are distinct notes, so the list's length is the size.
 */
export class ListedPaths implements PathSet {
  private lookup: Set<string> | null = null;

  constructor(private readonly list: readonly string[]) {}

  get size(): number {
    return this.list.length;
  }

  has(path: string): boolean {
    return this.prepare().has(path);
  }

  /** Build the lookup now, so no later has() pays for it. */
  prepare(): Set<string> {
    this.lookup ??= new Set(this.list);
    return this.lookup;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.list[Symbol.iterator]();
  }
}

export type PathAt = (position: number) => string | undefined;

export const EMPTY_SELECTION: Selection = { paths: new Set(), anchor: null };

/** A plain click: this row alone. */
export function selectOnly(path: string): Selection {
  return { paths: new Set([path]), anchor: path };
}

/** Ctrl/Cmd-click: this row in or out, the rest unchanged; it becomes the anchor. */
export function toggle(sel: Selection, path: string): Selection {
  const paths = new Set(sel.paths);
  if (paths.has(path)) paths.delete(path);
  else paths.add(path);
  return { paths, anchor: path };
}

/**
 * Shift-click or Shift+arrow: every row from the anchor to this position, as
 * file explorers do (the range replaces the selection; the anchor stays). With
 * no anchor, the range starts at this row.
 */
export function selectRange(sel: Selection, anchorPosition: number, position: number, pathAt: PathAt): Selection {
  const target = pathAt(position);
  if (target === undefined) return sel;
  if (anchorPosition < 0) return selectOnly(target);
  const [from, to] = anchorPosition <= position ? [anchorPosition, position] : [position, anchorPosition];
  const paths = new Set<string>();
  for (let i = from; i <= to; i++) {
    const p = pathAt(i);
    if (p !== undefined) paths.add(p);
  }
  return { paths, anchor: sel.anchor ?? target };
}

/** Ctrl/Cmd+A: every row shown (not the rows a filter hides). */
export function selectAll(count: number, pathAt: PathAt, anchor: string | null = null): Selection {
  const list: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = pathAt(i);
    if (p !== undefined) list.push(p);
  }
  return { paths: new ListedPaths(list), anchor: count === 0 ? null : (anchor ?? pathAt(0) ?? null), whole: true };
}

/** A note was renamed: its selection and anchor move with it. */
export function renamed(sel: Selection, oldPath: string, newPath: string): Selection {
  if (!sel.paths.has(oldPath) && sel.anchor !== oldPath) return sel;
  const paths = new Set(sel.paths);
  if (paths.delete(oldPath)) paths.add(newPath);
  return { paths, anchor: sel.anchor === oldPath ? newPath : sel.anchor };
}

/** These notes are gone: they leave the selection (cheap when none of them is in it). */
export function without(sel: Selection, gone: readonly string[]): Selection {
  if (!gone.some((p) => sel.paths.has(p) || sel.anchor === p)) return sel;
  const out = new Set(sel.paths);
  for (const p of gone) out.delete(p);
  return { paths: out, anchor: sel.anchor !== null && gone.includes(sel.anchor) ? null : sel.anchor };
}

/** Keep only the paths that pass (notes deleted, or hidden by a new filter, leave the selection). */
export function retain(sel: Selection, keep: (path: string) => boolean): Selection {
  let dropped = false;
  for (const p of sel.paths) {
    if (!keep(p)) {
      dropped = true;
      break;
    }
  }
  if (!dropped && (sel.anchor === null || keep(sel.anchor))) return sel;
  const paths = new Set([...sel.paths].filter(keep));
  return { paths, anchor: sel.anchor !== null && keep(sel.anchor) ? sel.anchor : null };
}

/** The selected paths in list order (what a bulk action runs over), given their positions. */
export function inOrder(sel: Selection, positionOf: (path: string) => number): string[] {
  // Each position looked up once: a sort would ask for it about log n times per path.
  const placed = [...sel.paths].map((path) => ({ path, at: positionOf(path) }));
  return placed.sort((a, b) => a.at - b.at).map((p) => p.path);
}

/** What an action on a row acts on: the whole selection when the row is in it, else that row alone. */
export function targetsOf(sel: Selection, path: string): string[] {
  return sel.paths.has(path) && sel.paths.size > 1 ? [...sel.paths] : [path];
}
