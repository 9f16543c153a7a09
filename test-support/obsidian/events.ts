/**
 * Events and EventRef, as in Obsidian: listeners are kept per event name on the
 * instance; `trigger` calls them in registration order on a snapshot of the list;
 * a listener that throws is reported (console.error) and does not stop the others.
 *
 * Test-only additions: every Events instance is tracked so tests can count the
 * listeners still attached (`liveEventListenerCount`), and listener errors are
 * recorded in `listenerErrors`.
 */

export interface EventRef {
  /** @internal the Events object the listener is attached to */
  e: Events;
  /** @internal */
  name: string;
  /** @internal */
  fn: (...data: unknown[]) => unknown;
  /** @internal */
  ctx: unknown;
}

/** Errors thrown by event listeners (Obsidian logs them and carries on). */
export const listenerErrors: unknown[] = [];

const allEvents = new Set<WeakRef<Events>>();

export class Events {
  /** @internal listeners by event name (Obsidian keeps them in `_`). */
  _: Record<string, EventRef[]> = {};

  constructor() {
    allEvents.add(new WeakRef(this));
  }

  on(name: string, callback: (...data: any[]) => unknown, ctx?: any): EventRef {
    const ref: EventRef = { e: this, name, fn: callback, ctx };
    (this._[name] ??= []).push(ref);
    return ref;
  }

  off(name: string, callback: (...data: any[]) => unknown): void {
    const list = this._[name];
    if (!list) return;
    this._[name] = list.filter((ref) => ref.fn !== callback);
    if (this._[name]?.length === 0) delete this._[name];
  }

  offref(ref: EventRef): void {
    const list = ref.e._[ref.name];
    if (!list) return;
    const i = list.indexOf(ref);
    if (i !== -1) list.splice(i, 1);
    if (list.length === 0) delete ref.e._[ref.name];
  }

  trigger(name: string, ...data: unknown[]): void {
    const list = this._[name];
    if (!list) return;
    for (const ref of list.slice()) this.tryTrigger(ref, data);
  }

  tryTrigger(evt: EventRef, args: unknown[]): void {
    try {
      evt.fn.apply(evt.ctx, args);
    } catch (e) {
      listenerErrors.push(e);
      console.error(e);
    }
  }

  /** Test-only: number of listeners attached to this object. */
  listenerCount(name?: string): number {
    if (name !== undefined) return this._[name]?.length ?? 0;
    return Object.values(this._).reduce((n, list) => n + list.length, 0);
  }
}

/** Test-only: listeners still attached on every Events object in `objects` (default: all alive). */
export function liveEventListenerCount(objects?: Iterable<Events>): number {
  let n = 0;
  if (objects) {
    for (const o of objects) n += o.listenerCount();
    return n;
  }
  for (const ref of allEvents) {
    const o = ref.deref();
    if (o) n += o.listenerCount();
    else allEvents.delete(ref);
  }
  return n;
}
