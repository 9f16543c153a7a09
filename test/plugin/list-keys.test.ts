// SPEC §4 "Keyboard" and issue #14: what each key does in the queue list.
import { describe, expect, it } from "vitest";
import { keyIntent, type KeyLike, type ListIntent } from "../../src/plugin/list-keys";

const k = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("keys in the queue list", () => {
  it.each<[string, KeyLike, ListIntent | null]>([
    ["↓ moves down", k("ArrowDown"), { kind: "move", by: 1 }],
    ["↑ moves up", k("ArrowUp"), { kind: "move", by: -1 }],
    ["Page Down moves a page", k("PageDown"), { kind: "move", by: 8 }],
    ["Shift+↓ extends the selection down", k("ArrowDown", { shiftKey: true }), { kind: "extend", by: 1 }],
    ["Shift+↑ extends the selection up", k("ArrowUp", { shiftKey: true }), { kind: "extend", by: -1 }],
    ["Shift+End extends to the last row", k("End", { shiftKey: true }), { kind: "end", extend: true }],
    ["Home goes to the first row", k("Home"), { kind: "home", extend: false }],
    ["Ctrl+A selects every row shown", k("a", { ctrlKey: true }), { kind: "select-all" }],
    ["Cmd+A selects every row shown", k("a", { metaKey: true }), { kind: "select-all" }],
    ["Esc clears the selection", k("Escape"), { kind: "clear" }],
    ["Space toggles the focused row", k(" "), { kind: "toggle" }],
    ["Enter opens", k("Enter"), { kind: "open", newTab: false }],
    ["Ctrl/Cmd+Enter opens in a new tab", k("Enter", { metaKey: true }), { kind: "open", newTab: true }],
    ["p cycles the priority", k("p"), { kind: "cycle", field: "priority" }],
    ["s cycles the status", k("s"), { kind: "cycle", field: "status" }],
    ["x extracts", k("x"), { kind: "extract" }],
    ["the context-menu key opens the menu", k("ContextMenu"), { kind: "menu" }],
    ["Alt+↓ is left to the app", k("ArrowDown", { altKey: true }), null],
    ["Ctrl+P is left to the app (the command palette)", k("p", { ctrlKey: true }), null],
    ["a letter without a meaning does nothing", k("q"), null],
  ])("%s", (_name, evt, intent) => {
    expect(keyIntent(evt, 8)).toEqual(intent);
  });
});
