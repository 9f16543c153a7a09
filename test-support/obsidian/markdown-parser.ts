/**
 * Computes CachedMetadata from a note's text, like Obsidian's indexer:
 * frontmatter (YAML without timestamps) and its position, sections, headings
 * (ATX and setext), list items (with parent and task), links, embeds, tags,
 * block ids and frontmatter links. Lines are 0-based; a leading BOM is ignored
 * and positions are computed on the text without it; CRLF is accepted (columns
 * exclude the `\r`, offsets count it).
 */
import { getFrontMatterInfo, parseYaml } from "./yaml";
import type { BlockCache, CachedMetadata, FrontmatterLinkCache, HeadingCache, ListItemCache, Loc, Pos, ReferenceCache, SectionCache, TagCache } from "./metadata-types";

interface Line {
  text: string;
  start: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[(.)\](?:[ \t]|$))?/;
const QUOTE = /^ {0,3}>/;
const TABLE_DELIM = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML = /^ {0,3}<(?:[a-zA-Z][\w-]*|\/[a-zA-Z]|!--)/;
const FOOTNOTE = /^\[\^[^\]]+\]:/;
const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)[ \t]*$/;
const WIKILINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;
const MDLINK = /(!?)\[([^[\]]*)\]\((<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\)/g;
const TAG = /(^|\s)(#[\p{L}\p{N}_\-/]+)/gu;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const isBlank = (t: string): boolean => t.trim() === "";
const widthOf = (indent: string): number => indent.replace(/\t/g, "    ").length;

function splitLines(content: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of content.split("\n")) {
    out.push({ text: raw.endsWith("\r") ? raw.slice(0, -1) : raw, start });
    start += raw.length + 1;
  }
  return out;
}

function interrupts(t: string): boolean {
  if (ATX.test(t) || FENCE.test(t) || QUOTE.test(t) || HR.test(t) || /^ {0,3}\$\$/.test(t)) return true;
  const m = LIST_ITEM.exec(t);
  if (!m || widthOf(m[1] ?? "") > 3 || t.slice(m[0].length).trim() === "") return false;
  return /^[-*+]$/.test(m[2] ?? "") || /^1[.)]$/.test(m[2] ?? "");
}

function frontmatterLinks(fm: Record<string, unknown>): FrontmatterLinkCache[] {
  const out: FrontmatterLinkCache[] = [];
  const check = (key: string, v: unknown): void => {
    if (typeof v !== "string") return;
    const m = /^\[\[([^[\]]+)\]\]$/.exec(v.trim());
    if (!m?.[1]) return;
    const [target = "", alias] = m[1].split("|");
    out.push({ key, link: target, original: v, displayText: alias ?? target });
  };
  for (const [key, v] of Object.entries(fm)) {
    if (Array.isArray(v)) v.forEach((item, i) => check(`${key}.${i}`, item));
    else check(key, v);
  }
  return out;
}

export function parseMarkdown(raw: string): CachedMetadata {
  const content = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const lines = splitLines(content);
  const n = lines.length;
  const text = (i: number): string => lines[i]?.text ?? "";
  const at = (line: number, col: number): Loc => ({ line, col, offset: (lines[line]?.start ?? 0) + col });
  const span = (a: number, b: number, colA = 0): Pos => ({ start: at(a, colA), end: at(b, text(b).length) });

  const meta: CachedMetadata = {};
  const sections: SectionCache[] = [];
  const headings: HeadingCache[] = [];
  const listItems: ListItemCache[] = [];
  const blocks: Record<string, BlockCache> = {};
  const push = (type: string, a: number, b: number): SectionCache => {
    const s: SectionCache = { type, position: span(a, b) };
    sections.push(s);
    return s;
  };

  let i = 0;
  const fm = getFrontMatterInfo(content);
  if (fm.exists) {
    let close = lines.findIndex((l) => l.start === fm.to);
    if (close === -1) close = n - 1;
    meta.frontmatterPosition = span(0, close);
    push("yaml", 0, close);
    try {
      const value: unknown = parseYaml(fm.frontmatter);
      if (value && typeof value === "object" && !Array.isArray(value)) {
        meta.frontmatter = value;
        const links = frontmatterLinks(meta.frontmatter);
        if (links.length > 0) meta.frontmatterLinks = links;
      }
    } catch {
      // YAML that does not parse: no frontmatter, position still set
    }
    i = close + 1;
  }

  const untilBlank = (from: number): number => {
    let j = from;
    while (j + 1 < n && !isBlank(text(j + 1))) j++;
    return j;
  };

  const parseList = (from: number): number => {
    const items: { line: number; width: number; task?: string }[] = [];
    let j = from;
    let last = from;
    while (j < n) {
      const t = text(j);
      if (isBlank(t)) {
        let k = j + 1;
        while (k < n && isBlank(text(k))) k++;
        if (k < n && (LIST_ITEM.test(text(k)) || widthOf(/^[ \t]*/.exec(text(k))?.[0] ?? "") >= 2) && !HR.test(text(k))) {
          j = k;
          continue;
        }
        break;
      }
      const m = HR.test(t) ? null : LIST_ITEM.exec(t);
      if (m) items.push({ line: j, width: widthOf(m[1] ?? ""), task: m[3] });
      else if (j !== from && /^[ \t]/.test(t) === false && interrupts(t)) break;
      last = j;
      j++;
    }
    const root = from === 0 ? 0 : -from;
    const stack: { line: number; width: number }[] = [];
    items.forEach((item, k) => {
      let end = (items[k + 1]?.line ?? last + 1) - 1;
      while (end > item.line && isBlank(text(end))) end--;
      while (stack.length > 0 && (stack[stack.length - 1]?.width ?? 0) >= item.width) stack.pop();
      const indent = /^[ \t]*/.exec(text(item.line))?.[0].length ?? 0;
      const li: ListItemCache = { position: span(item.line, end, indent), parent: stack[stack.length - 1]?.line ?? root };
      if (item.task !== undefined) li.task = item.task;
      const id = BLOCK_ID.exec(text(end))?.[1];
      if (id) {
        li.id = id;
        blocks[id.toLowerCase()] = { id, position: li.position };
      }
      listItems.push(li);
      stack.push(item);
    });
    push("list", from, last);
    return last;
  };

  while (i < n) {
    const t = text(i);
    if (isBlank(t)) {
      i++;
      continue;
    }
    const start = i;
    let end = i;
    let type = "paragraph";
    const fence = FENCE.exec(t);
    const atx = ATX.exec(t);
    if (fence?.[1]) {
      const marker = fence[1];
      end = i + 1;
      while (end < n && !new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`).test(text(end))) end++;
      end = Math.min(end, n - 1);
      type = "code";
    } else if (/^ {0,3}(\$\$|%%)/.test(t)) {
      const marker = t.trim().slice(0, 2);
      type = marker === "$$" ? "math" : "comment";
      const rest = t.trim().slice(2);
      if (!rest.includes(marker)) {
        end = i + 1;
        while (end < n && !text(end).includes(marker)) end++;
        end = Math.min(end, n - 1);
      }
    } else if (atx?.[1]) {
      type = "heading";
      headings.push({ heading: (atx[2] ?? "").trim(), level: atx[1].length, position: span(i, i) });
    } else if (HR.test(t)) {
      type = "thematicBreak";
    } else if (QUOTE.test(t)) {
      type = /^ {0,3}>\s*\[![^\]]+\]/.test(t) ? "callout" : "blockquote";
      end = untilBlank(i);
    } else if (LIST_ITEM.test(t)) {
      i = parseList(i) + 1;
      continue;
    } else if (t.includes("|") && TABLE_DELIM.test(text(i + 1)) && i + 1 < n) {
      type = "table";
      end = untilBlank(i);
    } else if (HTML.test(t)) {
      type = "html";
      end = untilBlank(i);
    } else if (FOOTNOTE.test(t)) {
      type = "footnoteDefinition";
      end = untilBlank(i);
    } else {
      while (end + 1 < n && !isBlank(text(end + 1))) {
        const next = text(end + 1);
        const setext = SETEXT.exec(next);
        if (setext?.[1]) {
          end++;
          type = "heading";
          const heading = lines.slice(start, end).map((l) => l.text.trim()).join(" ");
          headings.push({ heading, level: setext[1].startsWith("=") ? 1 : 2, position: span(start, end) });
          break;
        }
        if (interrupts(next)) break;
        end++;
      }
    }
    const section = push(type, start, end);
    const id = type === "code" || type === "math" || type === "comment" ? undefined : BLOCK_ID.exec(text(end))?.[1];
    if (id) {
      section.id = id;
      blocks[id.toLowerCase()] = { id, position: section.position };
    }
    i = end + 1;
  }

  const links: ReferenceCache[] = [];
  const embeds: ReferenceCache[] = [];
  const tags: TagCache[] = [];
  for (const s of sections) {
    if (["yaml", "code", "math", "comment", "html"].includes(s.type)) continue;
    for (let l = s.position.start.line; l <= s.position.end.line; l++) {
      const lineText = text(l).replace(/(`+)[^`]*?\1/g, (m) => " ".repeat(m.length));
      for (const m of lineText.matchAll(WIKILINK)) {
        const inner = (m[2] ?? "").replace(/\\$/, "");
        const bar = inner.search(/\\?\|/);
        const target = (bar === -1 ? inner : inner.slice(0, bar)).replace(/\\$/, "").trim();
        const alias = bar === -1 ? undefined : inner.slice(bar).replace(/^\\?\|/, "");
        const ref: ReferenceCache = { link: target, original: m[0], displayText: alias ?? target, position: { start: at(l, m.index ?? 0), end: at(l, (m.index ?? 0) + m[0].length) } };
        (m[1] ? embeds : links).push(ref);
      }
      for (const m of lineText.matchAll(MDLINK)) {
        let dest = (m[3] ?? "").replace(/^<|>$/g, "");
        if (SCHEME.test(dest)) continue;
        try {
          dest = decodeURIComponent(dest);
        } catch {
          // keep as written
        }
        const ref: ReferenceCache = { link: dest, original: m[0], displayText: m[2] ?? "", position: { start: at(l, m.index ?? 0), end: at(l, (m.index ?? 0) + m[0].length) } };
        (m[1] ? embeds : links).push(ref);
      }
      for (const m of lineText.matchAll(TAG)) {
        const tag = m[2] ?? "";
        if (!/[^\d/]/.test(tag.slice(1))) continue;
        const col = (m.index ?? 0) + (m[1]?.length ?? 0);
        tags.push({ tag, position: { start: at(l, col), end: at(l, col + tag.length) } });
      }
    }
  }
  const sortByPos = <T extends { position: Pos }>(a: T, b: T): number => a.position.start.offset - b.position.start.offset;
  if (sections.length > 0) meta.sections = sections;
  if (headings.length > 0) meta.headings = headings.sort(sortByPos);
  if (listItems.length > 0) meta.listItems = listItems;
  if (links.length > 0) meta.links = links.sort(sortByPos);
  if (embeds.length > 0) meta.embeds = embeds.sort(sortByPos);
  if (tags.length > 0) meta.tags = tags;
  if (Object.keys(blocks).length > 0) meta.blocks = blocks;
  return meta;
}
