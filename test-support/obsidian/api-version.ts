/**
 * `apiVersion` / `requireApiVersion`, plus version gating of API members:
 * a member registered with `since(proto, name, version)` is absent from the
 * prototype while the simulated app is older than `version`, so plugin code
 * that feature-detects (`typeof x.method === "function"`) sees what an older
 * Obsidian would offer.
 */

export const DEFAULT_API_VERSION = "1.13.1";

export let apiVersion: string = DEFAULT_API_VERSION;

interface GatedMember {
  proto: object;
  name: string;
  version: string;
  descriptor: PropertyDescriptor;
}

const gated: GatedMember[] = [];

function parts(version: string): number[] {
  return version.split(".").map((p) => {
    const n = Number.parseInt(p, 10);
    return Number.isNaN(n) ? 0 : n;
  });
}

/** Compares dotted versions: negative if a < b, 0 if equal, positive if a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when the running app's API version is at least `version`. */
export function requireApiVersion(version: string): boolean {
  return compareVersions(apiVersion, version) >= 0;
}

function applyGate(member: GatedMember): void {
  const present = Object.prototype.hasOwnProperty.call(member.proto, member.name);
  if (requireApiVersion(member.version)) {
    if (!present) Object.defineProperty(member.proto, member.name, member.descriptor);
  } else if (present) {
    delete (member.proto as Record<string, unknown>)[member.name];
  }
}

/** Declares that `proto[name]` exists only from API `version` on. */
export function since(proto: object, name: string, version: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  if (!descriptor) throw new Error(`since(): ${name} is not defined on the prototype`);
  const member: GatedMember = { proto, name, version, descriptor };
  gated.push(member);
  applyGate(member);
}

/** Test-only: simulate another Obsidian version (affects requireApiVersion and gated members). */
export function setApiVersion(version: string): void {
  apiVersion = version;
  for (const member of gated) applyGate(member);
}
