/**
 * Platform, Scope and Keymap. Key events reach the top scope of the keymap's
 * stack (an open modal or menu), else the scope of the view whose element holds
 * the focus/target, else the app scope; unmatched keys go to the parent scope.
 * A handler returning `false` gets the event's default prevented.
 */

export type Modifier = "Mod" | "Ctrl" | "Meta" | "Shift" | "Alt";
export type PaneType = "tab" | "split" | "window";
export type UserEvent = MouseEvent | KeyboardEvent | TouchEvent | PointerEvent;

/** Mutable for tests (e.g. `Platform.isMobile = true`). */
export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: "app://local/",
};

export interface KeymapInfo {
  modifiers: string | null;
  key: string | null;
}

export interface KeymapContext extends KeymapInfo {
  vkey: string;
}

export type KeymapEventListener = (evt: KeyboardEvent, ctx: KeymapContext) => false | any;

export interface KeymapEventHandler extends KeymapInfo {
  scope: Scope;
  /** @internal */
  func: KeymapEventListener;
}

function canonicalModifiers(mods: string[]): string {
  const mapped = mods.map((m) => (m === "Mod" ? (Platform.isMacOS ? "Meta" : "Ctrl") : m));
  return Array.from(new Set(mapped)).sort().join(",");
}

function eventModifiers(evt: KeyboardEvent | MouseEvent | TouchEvent): string {
  const mods: string[] = [];
  if (evt.altKey) mods.push("Alt");
  if (evt.ctrlKey) mods.push("Ctrl");
  if (evt.metaKey) mods.push("Meta");
  if (evt.shiftKey) mods.push("Shift");
  return mods.sort().join(",");
}

function normalizeKey(key: string): string {
  return key === " " ? "space" : key.toLowerCase();
}

export class Scope {
  /** @internal */
  keys: KeymapEventHandler[] = [];

  constructor(public parent?: Scope) {}

  register(modifiers: Modifier[] | null, key: string | null, func: KeymapEventListener): KeymapEventHandler {
    const handler: KeymapEventHandler = { scope: this, modifiers: modifiers ? canonicalModifiers(modifiers) : null, key, func };
    this.keys.push(handler);
    return handler;
  }

  unregister(handler: KeymapEventHandler): void {
    const i = this.keys.indexOf(handler);
    if (i !== -1) this.keys.splice(i, 1);
  }

  /** @internal returns true when a handler took the event */
  handleKey(evt: KeyboardEvent, ctx: KeymapContext): boolean {
    for (const handler of this.keys.slice()) {
      if (handler.modifiers !== null && handler.modifiers !== ctx.modifiers) continue;
      if (handler.key !== null && normalizeKey(handler.key) !== normalizeKey(ctx.vkey)) continue;
      const result: unknown = handler.func(evt, ctx);
      if (result === false) evt.preventDefault();
      return true;
    }
    return this.parent ? this.parent.handleKey(evt, ctx) : false;
  }
}

export class Keymap {
  private stack: Scope[] = [];
  /** @internal finds the scope of the view that holds `target` */
  _viewScopeFor: (target: EventTarget | null) => Scope | null = () => null;

  constructor(private rootScope: Scope) {}

  pushScope(scope: Scope): void {
    this.popScope(scope);
    this.stack.push(scope);
  }

  popScope(scope: Scope): void {
    const i = this.stack.lastIndexOf(scope);
    if (i !== -1) this.stack.splice(i, 1);
  }

  /** @internal the document keydown handler */
  _onKeyDown = (evt: KeyboardEvent): void => {
    if (evt.defaultPrevented) return;
    const scope = this.stack[this.stack.length - 1] ?? this._viewScopeFor(evt.target) ?? this.rootScope;
    const ctx: KeymapContext = { modifiers: eventModifiers(evt), key: evt.key, vkey: evt.key };
    scope.handleKey(evt, ctx);
  };

  static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: Modifier): boolean {
    switch (modifier) {
      case "Mod":
        return Platform.isMacOS ? evt.metaKey : evt.ctrlKey;
      case "Ctrl":
        return evt.ctrlKey;
      case "Meta":
        return evt.metaKey;
      case "Shift":
        return evt.shiftKey;
      case "Alt":
        return evt.altKey;
    }
  }

  /**
   * 'tab' for Mod (Cmd/Ctrl) or a middle click, 'split' for Mod+Alt,
   * 'window' for Mod+Alt+Shift, else false.
   */
  static isModEvent(evt?: UserEvent | null): PaneType | boolean {
    if (!evt) return false;
    if ("button" in evt && evt.button === 1 && (evt.type === "auxclick" || evt.type === "click" || evt.type === "mouseup")) return "tab";
    if (!Keymap.isModifier(evt, "Mod")) return false;
    if (evt.altKey && evt.shiftKey) return "window";
    if (evt.altKey) return "split";
    return "tab";
  }
}
