/**
 * Component, as in Obsidian: load() runs onload() then loads the children;
 * unload() unloads the children (last first), runs the registered cleanups
 * (last first), then onunload(). Registered DOM listeners and intervals are
 * tracked so tests can assert that nothing is left after unload.
 */
import type { EventRef } from "./events";

interface DomListenerRecord {
  el: EventTarget;
  type: string;
  callback: EventListenerOrEventListenerObject;
}

const liveDomListeners = new Set<DomListenerRecord>();
const liveIntervals = new Set<number>();

/** Test-only: DOM listeners added through registerDomEvent and not yet removed. */
export function liveDomListenerCount(): number {
  return liveDomListeners.size;
}

/** Test-only: intervals added through registerInterval and not yet cleared. */
export function liveIntervalCount(): number {
  return liveIntervals.size;
}

export class Component {
  /** @internal */
  _loaded = false;
  /** @internal cleanups registered with register() */
  _events: (() => unknown)[] = [];
  /** @internal */
  _children: Component[] = [];
  /** @internal result of the last onload() call (a Promise for async plugins) */
  _onloadResult: unknown;

  load(): void {
    if (this._loaded) return;
    this._loaded = true;
    this._onloadResult = this.onload();
    for (const child of this._children.slice()) child.load();
  }

  onload(): void | Promise<void> {}

  unload(): void {
    if (!this._loaded) return;
    this._loaded = false;
    while (this._children.length > 0) this._children.pop()?.unload();
    while (this._events.length > 0) {
      const cleanup = this._events.pop();
      try {
        cleanup?.();
      } catch (e) {
        console.error(e);
      }
    }
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(component: T): T {
    this._children.push(component);
    if (this._loaded) component.load();
    return component;
  }

  removeChild<T extends Component>(component: T): T {
    const i = this._children.indexOf(component);
    if (i !== -1) {
      this._children.splice(i, 1);
      component.unload();
    }
    return component;
  }

  register(cb: () => any): void {
    this._events.push(cb);
  }

  registerEvent(eventRef: EventRef): void {
    this.register(() => eventRef.e.offref(eventRef));
  }

  registerDomEvent<K extends keyof WindowEventMap>(el: Window, type: K, callback: (this: HTMLElement, ev: WindowEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  registerDomEvent<K extends keyof DocumentEventMap>(el: Document, type: K, callback: (this: HTMLElement, ev: DocumentEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  registerDomEvent<K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K, callback: (this: HTMLElement, ev: HTMLElementEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  registerDomEvent(el: EventTarget, type: string, callback: (ev: any) => any, options?: boolean | AddEventListenerOptions): void {
    const listener = callback as EventListener;
    el.addEventListener(type, listener, options);
    const record: DomListenerRecord = { el, type, callback: listener };
    liveDomListeners.add(record);
    this.register(() => {
      el.removeEventListener(type, listener, options);
      liveDomListeners.delete(record);
    });
  }

  registerInterval(id: number): number {
    liveIntervals.add(id);
    this.register(() => {
      clearInterval(id);
      liveIntervals.delete(id);
    });
    return id;
  }
}
