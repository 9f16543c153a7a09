/** Smaller API functions: frontmatter accessors, tags, refs, search, HTML, base64, network stubs. */
import { Component } from "./component";
import "./dom-helpers";
import type { CachedMetadata, Reference, ReferenceCache } from "./metadata-types";

export function parseFrontMatterEntry(frontmatter: any | null, key: string | RegExp): any | null {
  if (!frontmatter || typeof frontmatter !== "object") return null;
  if (typeof key === "string") return frontmatter[key] ?? null;
  const found = Object.keys(frontmatter).find((k) => key.test(k));
  return found === undefined ? null : (frontmatter[found] ?? null);
}

export function parseFrontMatterStringArray(frontmatter: any | null, key: string | RegExp): string[] | null {
  const value: unknown = parseFrontMatterEntry(frontmatter, key);
  if (value === null || value === undefined) return null;
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,\n]/) : [value];
  const out = list.filter((v): v is string | number => typeof v === "string" || typeof v === "number").map((v) => String(v).trim()).filter((v) => v.length > 0);
  return out.length > 0 ? out : null;
}

export function parseFrontMatterAliases(frontmatter: any | null): string[] | null {
  return parseFrontMatterStringArray(frontmatter, /^alias(es)?$/i);
}

export function parseFrontMatterTags(frontmatter: any | null): string[] | null {
  const tags = parseFrontMatterStringArray(frontmatter, /^tags?$/i);
  return tags ? tags.flatMap((t) => t.split(/\s+/)).map((t) => (t.startsWith("#") ? t : `#${t}`)) : null;
}

export function getAllTags(cache: CachedMetadata): string[] | null {
  const tags = [...(parseFrontMatterTags(cache.frontmatter ?? null) ?? []), ...(cache.tags ?? []).map((t) => t.tag)];
  return tags.length > 0 ? tags : null;
}

export function iterateRefs(refs: Reference[], cb: (ref: Reference) => boolean | void): boolean {
  for (const ref of refs) if (cb(ref) === true) return true;
  return false;
}

export function iterateCacheRefs(cache: CachedMetadata, cb: (ref: ReferenceCache) => boolean | void): boolean {
  return iterateRefs([...(cache.links ?? []), ...(cache.embeds ?? [])], cb as (ref: Reference) => boolean | void);
}

export interface SearchResult {
  score: number;
  matches: [number, number][];
}

/** Space-separated words, all present (case-insensitive). */
export function prepareSimpleSearch(query: string): (text: string) => SearchResult | null {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  return (text: string) => {
    const lower = text.toLowerCase();
    const matches: [number, number][] = [];
    for (const w of words) {
      const i = lower.indexOf(w);
      if (i === -1) return null;
      matches.push([i, i + w.length]);
    }
    return { score: -matches.length, matches: matches.sort((a, b) => a[0] - b[0]) };
  };
}

/** Characters of the query in order (case-insensitive). */
export function prepareFuzzySearch(query: string): (text: string) => SearchResult | null {
  const q = query.toLowerCase().replace(/\s+/g, "");
  return (text: string) => {
    const lower = text.toLowerCase();
    const matches: [number, number][] = [];
    let from = 0;
    for (const ch of q) {
      const i = lower.indexOf(ch, from);
      if (i === -1) return null;
      const last = matches[matches.length - 1];
      if (last && last[1] === i) last[1] = i + 1;
      else matches.push([i, i + 1]);
      from = i + 1;
    }
    return { score: -matches.length, matches };
  };
}

export function sanitizeHTMLToDom(html: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html;
  template.content.querySelectorAll("script, iframe, object, embed, style").forEach((el) => el.remove());
  template.content.querySelectorAll("*").forEach((el) => {
    for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
  });
  return template.content;
}

export function arrayBufferToBase64(buffer: ArrayBuffer): string {
  let bin = "";
  for (const b of new Uint8Array(buffer)) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function base64ToArrayBuffer(base64: string): ArrayBuffer {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

export function arrayBufferToHex(data: ArrayBuffer): string {
  return Array.from(new Uint8Array(data), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function hexToArrayBuffer(hex: string): ArrayBuffer {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out.buffer;
}

export function getLanguage(): string {
  return "en";
}

/** Every request the plugin made through requestUrl/request, in order: a test can prove none was sent. */
export const requestLog: unknown[] = [];

type RequestHandler = (request: { url: string; method?: string; headers?: Record<string, string>; body?: string | ArrayBuffer; throw?: boolean }) => Promise<{ status: number; text: string; json: unknown; headers: Record<string, string>; arrayBuffer: ArrayBuffer }>;

let requestHandler: RequestHandler | null = null;

/** Test-only: how requestUrl answers (a loopback stand-in over fetch, say); null: no network, it rejects. */
export function setRequestHandler(handler: RequestHandler | null): void {
  requestHandler = handler;
}

/** The double has no network unless a test gives it a handler: requestUrl/request reject. Every call is logged. */
export function requestUrl(request: unknown): Promise<Awaited<ReturnType<RequestHandler>>> {
  requestLog.push(request);
  const param = typeof request === "string" ? { url: request } : (request as Parameters<RequestHandler>[0]);
  if (requestHandler === null) return Promise.reject(new Error("requestUrl: no network in the Obsidian test double"));
  return requestHandler(param).then((res) => {
    // As in the app: a status of 400 or more rejects unless `throw: false`.
    if (res.status >= 400 && param.throw !== false) throw new Error(`Request failed, status ${res.status}`);
    return res;
  });
}

export function request(request: unknown): Promise<string> {
  return requestUrl(request).then((r) => r.text);
}

export class MarkdownRenderChild extends Component {
  constructor(public containerEl: HTMLElement) {
    super();
  }
}

/** Renders Markdown as plain paragraphs of text (no Markdown formatting). */
export class MarkdownRenderer extends MarkdownRenderChild {
  static async render(app: unknown, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
    void app;
    void sourcePath;
    void component;
    for (const para of markdown.split(/\n\s*\n/)) if (para.trim()) el.createEl("p", { text: para.trim() });
  }
}
