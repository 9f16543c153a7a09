/**
 * The rest of Obsidian's DOM additions: delegated `on`/`off` on elements and
 * documents, UIEvent helpers, and the globals (createEl, createDiv, createSpan,
 * createSvg, createFragment, fish, fishAll, sleep, nextFrame, activeWindow…).
 */
type AnyFn = (...args: any[]) => any;

function define(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function getter(proto: object, name: string, get: (this: any) => unknown): void {
  Object.defineProperty(proto, name, { get, configurable: true, enumerable: false });
}

export function installDomEvents(win: Window, createEl: (tag: string, o?: DomElementInfo | string, cb?: AnyFn) => HTMLElement, createSvg: AnyFn): void {
  const w = win as Window & typeof globalThis;
  const HTMLProto = w.HTMLElement.prototype;
  for (const proto of [HTMLProto, w.Document.prototype]) {
    define(proto, "on", function (this: HTMLElement, type: string, selector: string, listener: AnyFn, options?: boolean | AddEventListenerOptions) {
      const self = this;
      const callback = function (ev: Event): void {
        const target = ev.target as Element | null;
        const delegate = target && typeof target.closest === "function" ? target.closest(selector) : null;
        if (delegate && (self as Node).contains(delegate)) listener.call(self, ev, delegate);
      };
      const events = ((this as any)._EVENTS ??= {}) as Record<string, EventListenerInfo[]>;
      (events[type] ??= []).push({ selector, listener, options, callback });
      this.addEventListener(type, callback, options);
    });
    define(proto, "off", function (this: HTMLElement, type: string, selector: string, listener: AnyFn, options?: boolean | AddEventListenerOptions) {
      const list = ((this as any)._EVENTS as Record<string, EventListenerInfo[]> | undefined)?.[type];
      if (!list) return;
      for (let i = list.length - 1; i >= 0; i--) {
        const info = list[i];
        if (info && info.selector === selector && info.listener === listener && info.options === options) {
          this.removeEventListener(type, info.callback as EventListener, options);
          list.splice(i, 1);
        }
      }
    });
  }

  // UIEvent
  const UIProto = w.UIEvent.prototype;
  getter(UIProto, "targetNode", function (this: UIEvent) {
    return this.target instanceof w.Node ? this.target : null;
  });
  getter(UIProto, "win", function (this: UIEvent) {
    return this.view ?? win;
  });
  getter(UIProto, "doc", function (this: UIEvent) {
    return (this.view ?? win).document;
  });
  define(UIProto, "instanceOf", function (this: UIEvent, type: new (...data: any[]) => unknown) {
    return this instanceof type;
  });

  // Globals
  const globals: Record<string, unknown> = {
    createEl,
    createDiv: (o?: DomElementInfo | string, cb?: AnyFn) => createEl("div", o, cb),
    createSpan: (o?: DomElementInfo | string, cb?: AnyFn) => createEl("span", o, cb),
    createSvg,
    createFragment: (cb?: (el: DocumentFragment) => void) => {
      const frag = win.document.createDocumentFragment();
      cb?.(frag);
      return frag;
    },
    fish: (selector: string) => win.document.querySelector(selector),
    fishAll: (selector: string) => Array.from(win.document.querySelectorAll(selector)),
    isBoolean: (obj: unknown) => typeof obj === "boolean",
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    nextFrame: () => new Promise<void>((resolve) => (win.requestAnimationFrame ? win.requestAnimationFrame(() => resolve()) : setTimeout(resolve, 16))),
    ready: (fn: () => unknown) => {
      if (win.document.readyState === "loading") win.document.addEventListener("DOMContentLoaded", () => fn());
      else fn();
    },
    activeWindow: win,
    activeDocument: win.document,
  };
  for (const target of new Set<object>([win, globalThis])) {
    for (const [name, value] of Object.entries(globals)) define(target, name, value);
  }
}
