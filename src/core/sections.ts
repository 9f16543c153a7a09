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
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
/** `**Label:**` or `**Label**:` at the start of a line. */
const BOLD_LABEL = /^\s*\*\*([^*\n]+?)\s*(:)?\s*\*\*\s*(:)?\s*(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const CURATOR_LINE = /^\s*(?:[-*]\s+)?(?:\*\*)?(PRIMARY CONNECTION|WHY ARCHIVED|EXTRACTION HINT)S?(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.*)$/i;
const CURATOR_ANY = /^\s*(?:[-*]\s+)?(?:\*\*)?[A-Z][A-Z ]{2,}(?:\*\*)?\s*:/;

interface Line {
  text: string;
  inFence: boolean;
}

function markFences(lines: readonly string[]): Line[] {
  let inFence = false;
  return lines.map((text) => {
    if (FENCE.test(text)) {
      inFence = !inFence;
      return { text, inFence: true };
    }
    return { text, inFence };
  });
}

export function headingOf(line: string): { level: number; text: string } | null {
  const m = HEADING.exec(line);
  return m && m[1] && m[2] !== undefined ? { level: m[1].length, text: m[2] } : null;
}

export function boldLabelOf(line: string): { label: string; rest: string } | null {
  const m = BOLD_LABEL.exec(line);
  if (!m || m[1] === undefined) return null;
  if (m[2] === undefined && m[3] === undefined) return null;
  return { label: m[1].trim(), rest: m[4] ?? "" };
}

// "EXTRACTION HINT" in capitals is the curator's line, not the agent's label.
const isHintsLabel = (label: string) =>
  /^extraction hints$/i.test(label.trim()) || (/^extraction hint$/i.test(label.trim()) && label !== label.toUpperCase());
const isBoundary = (line: Line) => !line.inFence && (headingOf(line.text) !== null || boldLabelOf(line.text) !== null);

/** The text under a bold label or heading, up to the next label or heading. */
function blockAfter(lines: readonly Line[], start: number, firstRest: string): string {
  const out = firstRest.trim() === "" ? [] : [firstRest];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line || isBoundary(line)) break;
    out.push(line.text);
  }
  return trimBlankLines(out).join("\n");
}

function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && (lines[a] ?? "").trim() === "") a++;
  while (b > a && (lines[b - 1] ?? "").trim() === "") b--;
  return lines.slice(a, b);
}

function findLabelled(lines: readonly Line[], match: (label: string) => boolean): string | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.inFence) continue;
    const label = boldLabelOf(line.text);
    if (label && match(label.label)) return blockAfter(lines, i, label.rest);
    const heading = headingOf(line.text);
    // Headings may carry extra words: "## Extraction hints (for the extractor)".
    if (heading && match(heading.text.replace(/[:*]/g, "").replace(/\s+[(—–-].*$/, ""))) return blockAfter(lines, i, "");
  }
  return null;
}

const WIKILINK = /\[\[([^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|[^\]\n]*)?\]\]/g;

export function wikilinkTargets(text: string): string[] {
  return [...text.matchAll(WIKILINK)].map((m) => (m[1] ?? "").trim()).filter((t) => t.length > 0);
}

function curatorLines(lines: readonly Line[]): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.inFence) continue;
    const m = CURATOR_LINE.exec(line.text);
    if (!m || !m[1]) continue;
    // The agent's `**Extraction hints:**` label is not the curator's line.
    const bold = boldLabelOf(line.text);
    if (bold && isHintsLabel(bold.label)) continue;
    const parts = [m[2] ?? ""];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j];
      if (!next || next.text.trim() === "" || isBoundary(next) || CURATOR_ANY.test(next.text)) break;
      parts.push(next.text);
    }
    found.set(m[1].toUpperCase().replace(/S$/, ""), parts.join(" ").replace(/\*\*/g, "").trim());
  }
  return found;
}

export function parseSections(bodyLines: readonly string[]): SourceSections {
  const lines = markFences(bodyLines);
  const curator = curatorLines(lines);
  const kb = findLabelled(lines, (l) => /^kb connections?$/i.test(l));
  const primary = curator.get("PRIMARY CONNECTION") ?? null;
  const why = findLabelled(lines, (l) => /^why this matters$/i.test(l));
  return {
    hints: findLabelled(lines, isHintsLabel),
    curatorHint: curator.get("EXTRACTION HINT") || null,
    primaryConnection: primary ? (wikilinkTargets(primary)[0] ?? null) : null,
    whyArchived: curator.get("WHY ARCHIVED") || null,
    whyThisMatters: why || null,
    kbConnections: kb ? listItemLinks(kb) : [],
  };
}

/** The first link of each line: a KB connection line links one note and then explains it. */
function listItemLinks(block: string): string[] {
  const out: string[] = [];
  for (const line of block.split("\n")) {
    const first = wikilinkTargets(line)[0];
    if (first && !out.includes(first)) out.push(first);
  }
  return out;
}
