// Body sections of a source note (SPEC §1): the hints block, the curator's
// lines and the links a claim should point back to. Works on lines and skips
// fenced code, where a "## heading" is only text.

export interface SourceSections {
  /** Text of the hints block after its label, or null when the note has none. */
  hints: string | null;
  curatorHint: string | null;
  primaryConnection: string | null;
  whyArchived: string | null;
  whyThisMatters: string | null;
  /** Link targets named under KB connections, in order. */
  kbConnections: string[];
  /** The `## Content` section (to the next heading of its level or above): what claims quote as evidence. */
  content: string | null;
}

const FENCE = /^\s*(```|~~~)/;
const CURATOR_LINE = /^\s*(?:[-*]\s+)?(?:\*\*)?(PRIMARY CONNECTION|WHY ARCHIVED|EXTRACTION HINT)S?(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.*)$/i;
const CURATOR_ANY = /^\s*(?:[-*]\s+)?(?:\*\*)?[A-Z][A-Z ]{2,}(?:\*\*)?\s*:/;

/**
 * One pass over the body: which lines are fenced code, and which are
 * boundaries (headings and bold labels). Only lines whose first character
 * could start one are matched against a regex, so a long note costs little.
 */
interface Scan {
  lines: readonly string[];
  /** 1 for lines of fenced code; null when the body has no fence (most have none: no array to allocate). */
  inFence: Uint8Array | null;
  /** Boundary line indexes in order, with what they hold. */
  boundaries: number[];
  headings: Map<number, { level: number; text: string }>;
  labels: Map<number, { label: string; rest: string }>;
  /** Each boundary's name for a label match, by its place in `boundaries`, worked out once when first asked for. */
  names: (string | undefined)[];
}

function scan(lines: readonly string[]): Scan {
  let inFence: Uint8Array | null = null;
  const boundaries: number[] = [];
  const headings = new Map<number, { level: number; text: string }>();
  const labels = new Map<number, { label: string; rest: string }>();
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? "";
    let j = 0;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const c = text.charCodeAt(j);
    if ((c === 96 || c === 126) && FENCE.test(text)) {
      fenced = !fenced;
      inFence ??= new Uint8Array(lines.length);
      inFence[i] = 1;
      continue;
    }
    if (fenced && inFence) {
      inFence[i] = 1;
      continue;
    }
    if (c === 35 && j === 0) {
      const h = headingOf(text);
      if (h) {
        headings.set(i, h);
        boundaries.push(i);
      }
    } else if (c === 42) {
      const b = boldLabelOf(text);
      if (b) {
        labels.set(i, b);
        boundaries.push(i);
      }
    }
  }
  return { lines, inFence, boundaries, headings, labels, names: [] };
}

const isBoundaryAt = (s: Scan, i: number) => s.headings.has(i) || s.labels.has(i);

// The two line rules below are scanners, not regexes: written as patterns
// (`^(#{1,6})\s+(.*?)\s*#*\s*$`, `^\s*\*\*([^*\n]+?)\s*(:)?\s*\*\*\s*(:)?\s*(.*)$`)
// their adjacent `\s*` make a line of many spaces cost cubic time.

/** Characters `.` does not match: a heading's text or a label's rest holding one was never matched. */
const NOT_DOT = /[\r\u2028\u2029]/;

/** `# Heading` (1–6 hashes and a space); the text without closing hashes. */
export function headingOf(line: string): { level: number; text: string } | null {
  let level = 0;
  while (level < line.length && line.charCodeAt(level) === 35) level++;
  if (level < 1 || level > 6 || !/^\s/.test(line.slice(level, level + 1))) return null;
  let text = line.slice(level).trim();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 35) end--;
  text = text.slice(0, end).trimEnd();
  return NOT_DOT.test(text) ? null : { level, text };
}

/** `**Label:**` or `**Label**:` at the start of a line, with the text after it. */
export function boldLabelOf(line: string): { label: string; rest: string } | null {
  const start = line.length - line.trimStart().length;
  if (!line.startsWith("**", start)) return null;
  const close = line.indexOf("*", start + 2);
  if (close < 0 || close === start + 2 || line.charCodeAt(close + 1) !== 42) return null;
  const inner = line.slice(start + 2, close);
  if (inner.includes("\n")) return null;
  const body = inner.trimEnd();
  const colonInside = body.length > 1 && body.endsWith(":");
  const label = (colonInside ? body.slice(0, -1) : body).trim();
  const after = line.slice(close + 2).trimStart();
  const colonAfter = after.startsWith(":");
  const rest = colonAfter ? after.slice(1).trimStart() : after;
  if ((!colonInside && !colonAfter) || NOT_DOT.test(rest)) return null;
  return { label, rest };
}

// "EXTRACTION HINT" in capitals is the curator's line, not the agent's label.
// Each rule first looks at the length, which its anchored pattern fixes (under
// `i` without `u` every character matches one character), so most labels cost
// no regex at all.
const isHintsLabel = (label: string) => {
  const name = label.trim();
  if (name.length !== 15 && name.length !== 16) return false;
  return /^extraction hints$/i.test(name) || (/^extraction hint$/i.test(name) && label !== label.toUpperCase());
};
const isKbLabel = (label: string) => (label.length === 13 || label.length === 14) && /^kb connections?$/i.test(label);
const isWhyLabel = (label: string) => label.length === 16 && /^why this matters$/i.test(label);

/** The text under boundary `k` (a bold label or heading), up to the next boundary. */
function blockAfter(s: Scan, k: number, firstRest: string): string {
  const start = s.boundaries[k] ?? 0;
  const next = s.boundaries[k + 1] ?? s.lines.length;
  const out = firstRest.trim() === "" ? [] : [firstRest];
  for (let i = start + 1; i < next; i++) out.push(s.lines[i] ?? "");
  return trimBlankLines(out).join("\n");
}

function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && (lines[a] ?? "").trim() === "") a++;
  while (b > a && (lines[b - 1] ?? "").trim() === "") b--;
  return lines.slice(a, b);
}

/** What a label rule is matched against: a label as written, or a heading without its extra words. */
function nameAt(s: Scan, k: number): string {
  const known = s.names[k];
  if (known !== undefined) return known;
  const i = s.boundaries[k] ?? 0;
  const label = s.labels.get(i);
  // Headings may carry extra words: "## Extraction hints (for the extractor)".
  // (`\s[(—–-]` then trimEnd, not `\s+[(—–-]`, which rescans a long run of spaces from every start.)
  const name = label ? label.label : (s.headings.get(i)?.text ?? "").replace(/[:*]/g, "").replace(/\s[(—–-].*$/, "").trimEnd();
  s.names[k] = name;
  return name;
}

function findLabelled(s: Scan, match: (label: string) => boolean): string | null {
  for (let k = 0; k < s.boundaries.length; k++) {
    if (!match(nameAt(s, k))) continue;
    return blockAfter(s, k, s.labels.get(s.boundaries[k] ?? 0)?.rest ?? "");
  }
  return null;
}

// No `[` inside a link: a run of brackets must not make each match scan the rest of the line.
const WIKILINK = /\[\[([^[\]|#\n]+)(?:#[^[\]|\n]*)?(?:\|[^[\]\n]*)?\]\]/g;

/** Link targets in order. An `exec` loop: `matchAll` builds a new RegExp on every call. */
export function wikilinkTargets(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  WIKILINK.lastIndex = 0;
  for (let m = WIKILINK.exec(text); m !== null && out.length < limit; m = WIKILINK.exec(text)) {
    const target = (m[1] ?? "").trim();
    if (target.length > 0) out.push(target);
  }
  WIKILINK.lastIndex = 0;
  return out;
}

/** Could this line be a curator line? A cheap look before the regex: P, W or E after any bullet or bold, and a colon. */
function mayBeCurator(text: string): boolean {
  let j = 0;
  let c = text.charCodeAt(0);
  while (c === 32 || c === 9) c = text.charCodeAt(++j);
  if ((c === 45 || c === 42) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
    j += 2;
    c = text.charCodeAt(j);
    while (c === 32 || c === 9) c = text.charCodeAt(++j);
  }
  if (c === 42 && text.charCodeAt(j + 1) === 42) c = text.charCodeAt((j += 2));
  // P, W, E in either case.
  const upper = c & ~32;
  return (upper === 80 || upper === 87 || upper === 69) && text.indexOf(":", j) > 0;
}

function curatorLines(s: Scan): Map<string, string> {
  const found = new Map<string, string>();
  const { lines } = s;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (s.inFence?.[i] || !mayBeCurator(text)) continue;
    const m = CURATOR_LINE.exec(text);
    if (!m || !m[1]) continue;
    // The agent's `**Extraction hints:**` label is not the curator's line.
    const bold = s.labels.get(i);
    if (bold && isHintsLabel(bold.label)) continue;
    const parts = [m[2] ?? ""];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] ?? "";
      if (next.trim() === "" || (!s.inFence?.[j] && isBoundaryAt(s, j)) || CURATOR_ANY.test(next)) break;
      parts.push(next);
    }
    found.set(m[1].toUpperCase().replace(/S$/, ""), parts.join(" ").replace(/\*\*/g, "").trim());
  }
  return found;
}

export function parseSections(bodyLines: readonly string[]): SourceSections {
  const lines = scan(bodyLines);
  const curator = curatorLines(lines);
  const kb = findLabelled(lines, isKbLabel);
  const primary = curator.get("PRIMARY CONNECTION") ?? null;
  const why = findLabelled(lines, isWhyLabel);
  return {
    hints: findLabelled(lines, isHintsLabel),
    curatorHint: curator.get("EXTRACTION HINT") || null,
    primaryConnection: primary ? (wikilinkTargets(primary, 1)[0] ?? null) : null,
    whyArchived: curator.get("WHY ARCHIVED") || null,
    whyThisMatters: why || null,
    kbConnections: kb ? listItemLinks(kb) : [],
    content: contentBlock(lines),
  };
}

/** The text under the first `Content` heading, bold labels included, up to the next heading of its level or above. */
function contentBlock(s: Scan): string | null {
  for (const i of s.boundaries) {
    const h = s.headings.get(i);
    if (!h || !/^content\b/i.test(h.text)) continue;
    let end = s.lines.length;
    for (const j of s.boundaries) {
      const next = s.headings.get(j);
      if (j > i && next && next.level <= h.level) {
        end = j;
        break;
      }
    }
    return s.lines.slice(i + 1, end).join("\n");
  }
  return null;
}

/** The sections a note's hint items come from (SPEC §2). */
export type HintSections = Pick<SourceSections, "hints" | "curatorHint">;

/**
 * Only the hints of a body, for a queue row's count: the curator's lines are
 * looked for only if asked for (when there is no hints block), and the links
 * not at all. The same rules as parseSections, so the same answers.
 */
export function hintSections(bodyLines: readonly string[]): HintSections {
  const lines = scan(bodyLines);
  let curatorHint: string | null | undefined;
  return {
    hints: findLabelled(lines, isHintsLabel),
    get curatorHint() {
      curatorHint ??= curatorLines(lines).get("EXTRACTION HINT") || null;
      return curatorHint;
    },
  };
}

/** The first link of each line: a KB connection line links one note and then explains it. */
function listItemLinks(block: string): string[] {
  const out: string[] = [];
  for (const line of block.split("\n")) {
    const first = wikilinkTargets(line, 1)[0];
    if (first && !out.includes(first)) out.push(first);
  }
  return out;
}
