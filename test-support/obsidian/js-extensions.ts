/**
 * The small additions Obsidian makes to JavaScript built-ins (declared in
 * obsidian.d.ts under `declare global`). Installed non-enumerable and only
 * where the built-in does not already provide the member.
 */

function define(target: object, name: string, value: unknown): void {
  if (Object.prototype.hasOwnProperty.call(target, name)) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

export function installJsExtensions(): void {
  const ArrayProto = Array.prototype as unknown as Record<string, unknown>;
  define(ArrayProto, "first", function (this: unknown[]) {
    return this[0];
  });
  define(ArrayProto, "last", function (this: unknown[]) {
    return this[this.length - 1];
  });
  define(ArrayProto, "contains", function (this: unknown[], target: unknown) {
    return this.includes(target);
  });
  define(ArrayProto, "remove", function (this: unknown[], target: unknown) {
    for (let i = this.length - 1; i >= 0; i--) if (this[i] === target) this.splice(i, 1);
  });
  define(ArrayProto, "shuffle", function (this: unknown[]) {
    for (let i = this.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [this[i], this[j]] = [this[j], this[i]];
    }
    return this;
  });
  define(ArrayProto, "unique", function (this: unknown[]) {
    return Array.from(new Set(this));
  });
  define(Array, "combine", (arrays: unknown[][]) => ([] as unknown[]).concat(...arrays));
  define(Math, "clamp", (value: number, min: number, max: number) => Math.min(Math.max(value, min), max));
  define(Math, "square", (value: number) => value * value);
  define(String, "isString", (obj: unknown) => typeof obj === "string" || obj instanceof String);
  define(String.prototype, "contains", function (this: string, target: string) {
    return this.includes(target);
  });
  define(String.prototype, "format", function (this: string, ...args: string[]) {
    return this.replace(/\{(\d+)\}/g, (m, i: string) => args[Number(i)] ?? m);
  });
  define(Number, "isNumber", (obj: unknown) => typeof obj === "number");
  define(Object, "isEmpty", (object: Record<string, unknown>) => Object.keys(object).length === 0);
  define(Object, "each", (object: Record<string, unknown>, callback: (value: unknown, key?: string) => boolean | void, context?: unknown) => {
    for (const key of Object.keys(object)) {
      if (callback.call(context, object[key], key) === false) return false;
    }
    return true;
  });
  define(globalThis, "isBoolean", (obj: unknown) => typeof obj === "boolean");
}
