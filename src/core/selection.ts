// The queue's multi-selection (issue #14): a set of note paths and the anchor
// a Shift range grows from. Pure data in, data out: the view keeps one and
// replaces it on every click or key, so it survives redraws, scrolling and
// live updates (rows come and go; paths stay). Positions are the rows' places
// in the list as shown; `pathAt` reads that list without copying it.

export interface Selection {
  readonly paths: ReadonlySet<string>;
  /** Where a Shift-click or Shift+arrow range starts: the last row clicked without Shift. */
  readonly anchor: string | null;
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
  const paths = new Set<string>();
  for (let i = 0; i < count; i++) {
    const p = pathAt(i);
    if (p !== undefined) paths.add(p);
  }
  return { paths, anchor: count === 0 ? null : (anchor ?? pathAt(0) ?? null) };
}

/** A note was renamed: its selection and anchor move with it. */
export function renamed(sel: Selection, oldPath: string, newPath: string): Selection {
  if (!sel.paths.has(oldPath) && sel.anchor !== oldPath) return sel;
  const paths = new Set(sel.paths);
  if (paths.delete(oldPath)) paths.add(newPath);
  return { paths, anchor: sel.anchor === oldPath ? newPath : sel.anchor };
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
  return [...sel.paths].sort((a, b) => positionOf(a) - positionOf(b));
}

/** What an action on a row acts on: the whole selection when the row is in it, else that row alone. */
export function targetsOf(sel: Selection, path: string): string[] {
  return sel.paths.has(path) && sel.paths.size > 1 ? [...sel.paths] : [path];
}
