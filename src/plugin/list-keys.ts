// What a key pressed in the queue list means (SPEC §4 "Keyboard", issue #14),
// as data: the view then does one thing per intent. Kept apart from the view
// so the key map reads as a table and is tested as one.

export type ListIntent =
  | { kind: "move"; by: number }
  | { kind: "extend"; by: number }
  | { kind: "home" | "end"; extend: boolean }
  | { kind: "select-all" }
  | { kind: "clear" }
  | { kind: "toggle" }
  | { kind: "open"; newTab: boolean }
  | { kind: "cycle"; field: "priority" | "status" }
  | { kind: "extract" }
  | { kind: "menu" };

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The intent of a key, with `page` rows per Page Up/Down; null for keys the list leaves alone. */
export function keyIntent(evt: KeyLike, page: number): ListIntent | null {
  const mod = evt.ctrlKey || evt.metaKey;
  if (evt.altKey) return null;
  if (mod) {
    if (evt.key === "Enter") return { kind: "open", newTab: true };
    if (evt.key.toLowerCase() === "a" && !evt.shiftKey) return { kind: "select-all" };
    return null;
  }
  const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
  const by = moves[evt.key];
  if (by !== undefined) return evt.shiftKey ? { kind: "extend", by } : { kind: "move", by };
  switch (evt.key) {
    case "Home":
      return { kind: "home", extend: evt.shiftKey };
    case "End":
      return { kind: "end", extend: evt.shiftKey };
    case "Escape":
      return { kind: "clear" };
    case " ":
      return { kind: "toggle" };
    case "Enter":
      return { kind: "open", newTab: false };
    case "p":
      return { kind: "cycle", field: "priority" };
    case "s":
      return { kind: "cycle", field: "status" };
    case "x":
      return { kind: "extract" };
    case "ContextMenu":
      return { kind: "menu" };
    default:
      return null;
  }
}
