/// <reference types="obsidian" />
/**
 * The DOM helpers Obsidian adds to Node/Element/HTMLElement prototypes and to
 * the global scope (obsidian.d.ts, `declare global`). Same names, same
 * signatures. `installDomHelpers(window)` is idempotent; this module installs
 * them on the global window when it is loaded in a DOM environment.
 */
import { installDomEvents } from "./dom-events";
import { installJsExtensions } from "./js-extensions";

const SVG_NS = "http://www.w3.org/2000/svg";
const INSTALLED = Symbol.for("obsidian-double.dom-helpers");

type Info = DomElementInfo | SvgElementInfo | string | undefined;
type AnyFn = (...args: any[]) => any;

function applyInfo(el: Element, o: Info): void {
  const info: DomElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
  if (info.cls !== undefined) {
    const classes = Array.isArray(info.cls) ? info.cls : info.cls.split(" ");
    el.classList.add(...classes.filter((c) => c.length > 0));
  }
  if (info.text !== undefined) setText(el, info.text);
  if (info.attr) for (const [k, v] of Object.entries(info.attr)) setAttr(el, k, v);
  if (info.title !== undefined) (el as HTMLElement).title = info.title;
  if (info.value !== undefined && "value" in el) (el as HTMLInputElement).value = info.value;
  if (info.type !== undefined && "type" in el) (el as HTMLInputElement).type = info.type;
  if (info.placeholder !== undefined && "placeholder" in el) (el as HTMLInputElement).placeholder = info.placeholder;
  if (info.href !== undefined && "href" in el) (el as HTMLAnchorElement).href = info.href;
  const parent = info.parent;
  if (parent) {
    if (info.prepend) parent.insertBefore(el, parent.firstChild);
    else parent.appendChild(el);
  }
}

function setText(el: Element, val: string | DocumentFragment): void {
  if (typeof val === "string") {
    el.textContent = val;
  } else {
    while (el.lastChild) el.removeChild(el.lastChild);
    el.appendChild(val);
  }
}

function setAttr(el: Element, name: string, value: string | number | boolean | null): void {
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

function docOf(node: Node, win: Window): Document {
  if (node.nodeType === 9) return node as Document;
  return node.ownerDocument ?? win.document;
}

function makeCreateEl(win: Window) {
  return function createEl(tag: string, o?: Info, cb?: AnyFn): HTMLElement {
    const el = win.document.createElement(tag);
    applyInfo(el, o);
    cb?.(el);
    return el;
  };
}

function makeCreateSvg(win: Window) {
  return function createSvg(tag: string, o?: SvgElementInfo | string, cb?: AnyFn): SVGElement {
    const el = win.document.createElementNS(SVG_NS, tag);
    const info: SvgElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
    applyInfo(el, { cls: info.cls, attr: info.attr, parent: info.parent, prepend: info.prepend });
    cb?.(el);
    return el;
  };
}

function isShown(el: HTMLElement): boolean {
  if (!el.isConnected) return false;
  const win = el.ownerDocument.defaultView;
  for (let cur: Element | null = el; cur && cur !== el.ownerDocument.body; cur = cur.parentElement) {
    const style = (cur as HTMLElement).style;
    if (style?.display === "none" || cur.hasAttribute("hidden")) return false;
    if (win && win.getComputedStyle(cur).display === "none") return false;
  }
  return true;
}

function padding(el: HTMLElement, a: "left" | "top", b: "right" | "bottom"): number {
  const win = el.ownerDocument.defaultView;
  if (!win) return 0;
  const cs = win.getComputedStyle(el);
  return (parseFloat(cs.getPropertyValue(`padding-${a}`)) || 0) + (parseFloat(cs.getPropertyValue(`padding-${b}`)) || 0);
}

function define(proto: object, name: string, value: unknown): void {
  Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: false });
}

function getter(proto: object, name: string, get: (this: any) => unknown): void {
  Object.defineProperty(proto, name, { get, configurable: true, enumerable: false });
}

export function installDomHelpers(win: Window): void {
  const w = win as Window & typeof globalThis & Record<symbol, boolean>;
  if (w[INSTALLED]) return;
  w[INSTALLED] = true;
  installJsExtensions();

  const createEl = makeCreateEl(win);
  const createSvg = makeCreateSvg(win);
  const NodeProto = w.Node.prototype;
  const ElementProto = w.Element.prototype;
  const HTMLProto = w.HTMLElement.prototype;
  const FragProto = w.DocumentFragment.prototype;

  // Node
  define(NodeProto, "detach", function (this: Node) {
    this.parentNode?.removeChild(this);
  });
  define(NodeProto, "empty", function (this: Node) {
    while (this.lastChild) this.removeChild(this.lastChild);
  });
  define(NodeProto, "insertAfter", function <T extends Node>(this: Node, node: T, child: Node | null): T {
    return this.insertBefore(node, child ? child.nextSibling : this.firstChild);
  });
  define(NodeProto, "indexOf", function (this: Node, other: Node) {
    return Array.prototype.indexOf.call(this.childNodes, other);
  });
  define(NodeProto, "setChildrenInPlace", function (this: Node, children: Node[]) {
    let cur = this.firstChild;
    for (const child of children) {
      if (child === cur) cur = cur.nextSibling;
      else this.insertBefore(child, cur);
    }
    while (cur) {
      const next = cur.nextSibling;
      this.removeChild(cur);
      cur = next;
    }
  });
  define(NodeProto, "appendText", function (this: Node, val: string) {
    this.appendChild(docOf(this, win).createTextNode(val));
  });
  define(NodeProto, "instanceOf", function (this: Node, type: { new (): unknown; name?: string }) {
    if (this instanceof type) return true;
    const name = type.name;
    const ctor = name ? (docOf(this, win).defaultView as unknown as Record<string, unknown> | null)?.[name] : undefined;
    return typeof ctor === "function" && this instanceof (ctor as new () => unknown);
  });
  getter(NodeProto, "doc", function (this: Node) {
    return docOf(this, win);
  });
  getter(NodeProto, "win", function (this: Node) {
    return docOf(this, win).defaultView ?? win;
  });
  getter(NodeProto, "constructorWin", function (this: Node) {
    return docOf(this, win).defaultView ?? win;
  });
  define(NodeProto, "createEl", function (this: Node, tag: string, o?: DomElementInfo | string, cb?: AnyFn) {
    const info: DomElementInfo = typeof o === "string" ? { cls: o } : { ...(o ?? {}) };
    info.parent = this;
    return createEl(tag, info, cb);
  });
  define(NodeProto, "createDiv", function (this: Node, o?: DomElementInfo | string, cb?: AnyFn) {
    return (this as any).createEl("div", o, cb);
  });
  define(NodeProto, "createSpan", function (this: Node, o?: DomElementInfo | string, cb?: AnyFn) {
    return (this as any).createEl("span", o, cb);
  });
  define(NodeProto, "createSvg", function (this: Node, tag: string, o?: SvgElementInfo | string, cb?: AnyFn) {
    const info: SvgElementInfo = typeof o === "string" ? { cls: o } : { ...(o ?? {}) };
    info.parent = this;
    return createSvg(tag, info, cb);
  });

  // Element
  define(ElementProto, "getText", function (this: Element) {
    return this.textContent ?? "";
  });
  define(ElementProto, "setText", function (this: Element, val: string | DocumentFragment) {
    setText(this, val);
  });
  define(ElementProto, "addClass", function (this: Element, ...classes: string[]) {
    this.classList.add(...classes);
  });
  define(ElementProto, "addClasses", function (this: Element, classes: string[]) {
    this.classList.add(...classes);
  });
  define(ElementProto, "removeClass", function (this: Element, ...classes: string[]) {
    this.classList.remove(...classes);
  });
  define(ElementProto, "removeClasses", function (this: Element, classes: string[]) {
    this.classList.remove(...classes);
  });
  define(ElementProto, "toggleClass", function (this: Element, classes: string | string[], value: boolean) {
    for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
  });
  define(ElementProto, "hasClass", function (this: Element, cls: string) {
    return this.classList.contains(cls);
  });
  define(ElementProto, "setAttr", function (this: Element, name: string, value: string | number | boolean | null) {
    setAttr(this, name, value);
  });
  define(ElementProto, "setAttrs", function (this: Element, obj: Record<string, string | number | boolean | null>) {
    for (const [k, v] of Object.entries(obj)) setAttr(this, k, v);
  });
  define(ElementProto, "getAttr", function (this: Element, name: string) {
    return this.getAttribute(name);
  });
  define(ElementProto, "matchParent", function (this: Element, selector: string, lastParent?: Element) {
    for (let cur: Element | null = this; cur; cur = cur.parentElement) {
      if (cur.matches(selector)) return cur;
      if (cur === lastParent) break;
    }
    return null;
  });
  define(ElementProto, "getCssPropertyValue", function (this: Element, property: string, pseudo?: string) {
    return (docOf(this, win).defaultView ?? win).getComputedStyle(this, pseudo).getPropertyValue(property);
  });
  define(ElementProto, "isActiveElement", function (this: Element) {
    return docOf(this, win).activeElement === this;
  });
  define(ElementProto, "find", function (this: Element, selector: string) {
    return this.querySelector(selector);
  });
  define(ElementProto, "findAll", function (this: Element, selector: string) {
    return Array.from(this.querySelectorAll(selector));
  });
  define(ElementProto, "findAllSelf", function (this: Element, selector: string) {
    const found = Array.from(this.querySelectorAll(selector));
    return this.matches(selector) ? [this, ...found] : found;
  });
  define(FragProto, "find", function (this: DocumentFragment, selector: string) {
    return this.querySelector(selector);
  });
  define(FragProto, "findAll", function (this: DocumentFragment, selector: string) {
    return Array.from(this.querySelectorAll(selector));
  });
  for (const proto of [HTMLProto, w.SVGElement.prototype]) {
    define(proto, "setCssStyles", function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
      Object.assign(this.style, styles);
    });
    define(proto, "setCssProps", function (this: HTMLElement, props: Record<string, string>) {
      for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
    });
  }

  // HTMLElement
  define(HTMLProto, "show", function (this: HTMLElement) {
    if (this.style.display === "none") this.style.display = "";
  });
  define(HTMLProto, "hide", function (this: HTMLElement) {
    if (this.style.display !== "none") this.style.display = "none";
  });
  define(HTMLProto, "toggle", function (this: HTMLElement, show: boolean) {
    if (show) (this as any).show();
    else (this as any).hide();
  });
  define(HTMLProto, "toggleVisibility", function (this: HTMLElement, visible: boolean) {
    this.style.visibility = visible ? "" : "hidden";
  });
  define(HTMLProto, "isShown", function (this: HTMLElement) {
    return isShown(this);
  });
  getter(HTMLProto, "innerWidth", function (this: HTMLElement) {
    return this.clientWidth - padding(this, "left", "right");
  });
  getter(HTMLProto, "innerHeight", function (this: HTMLElement) {
    return this.clientHeight - padding(this, "top", "bottom");
  });
  define(HTMLProto, "onClickEvent", function (this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
    this.addEventListener("click", listener as EventListener, options);
    this.addEventListener("auxclick", ((ev: MouseEvent) => {
      if (ev.button === 1) listener.call(this, ev);
    }) as EventListener, options);
  });
  define(HTMLProto, "trigger", function (this: HTMLElement, eventType: string) {
    this.dispatchEvent(new Event(eventType));
  });
  define(HTMLProto, "onNodeInserted", function (this: HTMLElement, listener: () => unknown, once?: boolean) {
    const el = this;
    let wasConnected = el.isConnected;
    const observer = new (win as Window & typeof globalThis).MutationObserver(() => {
      if (el.isConnected && !wasConnected) {
        listener();
        if (once) observer.disconnect();
      }
      wasConnected = el.isConnected;
    });
    observer.observe(win.document, { childList: true, subtree: true });
    return () => observer.disconnect();
  });
  define(HTMLProto, "onWindowMigrated", function () {
    return () => {};
  });
  installDomEvents(win, createEl, createSvg);
}

if (typeof window !== "undefined" && typeof document !== "undefined") installDomHelpers(window);
