// The queue view's selection (SPEC §4, issue #14): core's Selection, a pure
// model of which notes are selected, plus what drawing it needs: a version
// bumped on every change, so a redraw knows rows' selected state may differ,
// and the list version a Ctrl/Cmd+A selected whole. It survives redraws,
// scrolling and live updates; renames move it.
import { EMPTY_SELECTION, ListedPaths, renamed, retain, without, type Selection } from "../core/queue/selection";
import type { IndexChange } from "./queue-index";

export class ViewSelection {
  private value: Selection = EMPTY_SELECTION;
  private changes = 0;
  /** The list's version when every row was selected with Ctrl/Cmd+A, or -1. */
  private wholeAt = -1;
  private cancelIdle: () => void = () => undefined;

  /** The selected notes by path. */
  get current(): Selection {
    return this.value;
  }

  /** Bumped on every change. */
  get version(): number {
    return this.changes;
  }

  /** Select `next` in the list at `queueVersion`; false when it was the selection already. */
  set(next: Selection, queueVersion: number): boolean {
    if (next === this.value) return false;
    this.value = next;
    this.changes++;
    this.wholeAt = next.whole === true ? queueVersion : -1;
    if (next.paths instanceof ListedPaths) this.whenIdle(() => (next.paths as ListedPaths).prepare());
    return true;
  }

  /** Whether the note is selected; while the list is as Ctrl/Cmd+A left it, every row is, and no lookup is needed (see ListedPaths). */
  has(path: string, queueVersion: number): boolean {
    return this.wholeAt === queueVersion || this.value.paths.has(path);
  }

  /** Live updates: a renamed note stays selected under its new path; a note `known` no longer leaves the selection. */
  follow(changes: readonly IndexChange[] | "all", known: (path: string) => boolean): void {
    if (this.value.paths.size === 0) return;
    let next = this.value;
    if (changes === "all") next = retain(next, known);
    else {
      for (const c of changes) if (c.renamedFrom !== undefined) next = renamed(next, c.renamedFrom, c.path);
      // Only the changed notes are looked at: with 40,000 rows selected, a check of every path on each change would slow a bulk change.
      next = without(next, changes.filter((c) => !known(c.path)).map((c) => c.path));
    }
    if (next !== this.value) {
      this.value = next;
      this.changes++;
      this.wholeAt = -1;
    }
  }

  /** The view closed: idle work for it is dropped. */
  stop(): void {
    this.cancelIdle();
  }

  /** Work that can wait for a quiet moment (the next idle period; a tenth of a second where there are none, as on older mobile WebKit). */
  private whenIdle(fn: () => void): void {
    this.cancelIdle();
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(fn, { timeout: 1000 });
      this.cancelIdle = () => window.cancelIdleCallback(id);
    } else {
      const id = window.setTimeout(fn, 100);
      this.cancelIdle = () => window.clearTimeout(id);
    }
  }
}
