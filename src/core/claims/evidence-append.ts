// Enriching an existing claim (SPEC §6 "Enrichment"): one bullet appended
// under the claim's `## Evidence`, and nothing else in the note changed. For
// a note that has the section with a list, the result is a one-line diff;
// line endings, the byte-order mark and a missing final newline stay as they
// were. A second append of the same source adds nothing (a re-run of an
// extraction must change nothing).
import { shapeOf, joinShape } from "../note/frontmatter-block";
import { parseFrontmatter } from "../note/parse-frontmatter";
import { headingOf } from "../note/sections";
import { CodeFences } from "./code-fence";

export type AppendResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

const LIST_ITEM = /^([-*+]|\d{1,9}[.)])(\s+|$)/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

const isEvidenceHeading = (line: string): boolean => {
  const h = headingOf(line);
  return h !== null && h.level === 2 && /^evidence:?$/i.test(h.text.trim());
};

/**
 * The link a bullet is about, for "is this source already evidence here?":
 * the first wikilink's target (before `|` and `#`) or Markdown link's
 * address (decoded, without `.md`), compared without regard to case.
 */
export function linkKeyOf(text: string): string | null {
  const wiki = /\[\[([^[\]|#\n]+)(?:#[^[\]|\n]*)?(?:\|[^[\]\n]*)?\]\]/.exec(text);
  const md = /\[[^[\]\n]*\]\(([^()\s]+)\)/.exec(text);
  const first = wiki && md ? (wiki.index < md.index ? wiki : md) : (wiki ?? md);
  if (!first?.[1]) return null;
  let target = first[1].trim();
  if (first === md) {
    try {
      target = decodeURI(target);
    } catch {
      // kept as written
    }
  }
  target = target.replace(/\.md$/i, "");
  // A shortest link and a full-path link name the same note when the names agree.
  const name = target.slice(target.lastIndexOf("/") + 1);
  return name.normalize("NFC").toLowerCase();
}

interface Section {
  /** Line of the heading. */
  heading: number;
  /** Exclusive end: the next heading of level 1 or 2, a thematic break, or the end of the note. */
  end: number;
}

/** The first `## Evidence` section of the body, skipping fenced code; "in-fence" when the note ends inside an open fence. */
function evidenceSection(lines: readonly string[], from: number): Section | "in-fence" | null {
  const fences = new CodeFences();
  let heading = -1;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (fences.skip(line)) continue;
    if (heading < 0) {
      if (isEvidenceHeading(line)) heading = i;
      continue;
    }
    const h = headingOf(line);
    if ((h !== null && h.level <= 2) || THEMATIC_BREAK.test(line)) return { heading, end: i };
  }
  if (heading >= 0) return { heading, end: lines.length };
  return fences.inside ? "in-fence" : null;
}

/**
 * Where a new bullet goes in the section: after the last line of its first
 * list (an item, its indented continuation and nested items), or, with no
 * list, after the section's last line of text. Also the marker the list uses.
 */
function insertionPoint(lines: readonly string[], s: Section): { at: number; marker: string; list: boolean } {
  let listStart = -1;
  let lastOfList = -1;
  let marker = "-";
  for (let i = s.heading + 1; i < s.end; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    const item = LIST_ITEM.exec(line);
    if (listStart < 0) {
      if (item) {
        listStart = i;
        lastOfList = i;
        marker = /^\d/.test(item[1] ?? "") ? "-" : (item[1] ?? "-");
      }
      continue;
    }
    if (item || /^\s/.test(line)) lastOfList = i;
    else break;
  }
  if (lastOfList >= 0) return { at: lastOfList + 1, marker, list: true };
  let last = s.heading;
  for (let i = s.heading + 1; i < s.end; i++) if ((lines[i] ?? "").trim() !== "") last = i;
  return { at: last + 1, marker, list: false };
}

/** The bullets under `## Evidence` already link this source? */
function alreadyThere(lines: readonly string[], s: Section, key: string): boolean {
  for (let i = s.heading + 1; i < s.end; i++) {
    const line = lines[i] ?? "";
    if (/^\s*([-*+]|\d{1,9}[.)])\s/.test(line) && bulletLinks(line, key)) return true;
  }
  return false;
}

function bulletLinks(line: string, key: string): boolean {
  // Every link of the item's own text, not only the first: "- Also in [[x]]: [[source]]".
  const re = /\[\[[^[\]\n]+\]\]|\[[^[\]\n]*\]\([^()\s]+\)/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) if (linkKeyOf(m[0]) === key) return true;
  return false;
}

/**
 * The claim note's text with `bullet` appended under its `## Evidence`
 * (at the end of that section's list; the section created at the end of the
 * note when missing). Refuses a note whose frontmatter cannot be read or
 * whose `type` is not `claim`. When a bullet of that section already links
 * the same note as `bullet`'s first link, nothing changes.
 */
export function appendEvidence(targetText: string, bullet: string): AppendResult {
  if (/[\r\n]/.test(bullet)) return { ok: false, reason: "an evidence bullet must be one line" };
  if (!LIST_ITEM.test(bullet)) return { ok: false, reason: "an evidence bullet must start with a list marker" };
  const parsed = parseFrontmatter(targetText);
  if (parsed.unreadable) return { ok: false, reason: "its frontmatter cannot be read, so it is not edited (fix the YAML first)" };
  const type = parsed.data?.type;
  if (typeof type !== "string" || type.trim().toLowerCase() !== "claim") {
    return { ok: false, reason: `it is not a claim (type: ${typeof type === "string" ? type : type === undefined ? "missing" : "not text"})` };
  }

  const shape = shapeOf(targetText);
  const lines = [...shape.lines];
  const section = evidenceSection(lines, parsed.bodyStart);
  const key = linkKeyOf(bullet);
  // A section added after an unclosed fence would be code, not a section (and never found again).
  if (section === "in-fence") return { ok: false, reason: "it ends inside an unclosed code block, so a section added at its end would not be one" };

  if (section === null) {
    // Blank lines already at the end stay (nothing else changes); one separates the new section from text.
    const gap = lines.length > parsed.bodyStart && (lines[lines.length - 1] ?? "").trim() !== "" ? [""] : [];
    lines.push(...gap, "## Evidence", "", bullet);
    // A note that ended with a newline still does; one that did not, still does not.
    return done(shape, lines, targetText);
  }
  if (key !== null && alreadyThere(lines, section, key)) return { ok: true, text: targetText, changed: false };

  const point = insertionPoint(lines, section);
  const own = point.list ? bullet.replace(LIST_ITEM, (_m, _marker: string, space: string) => `${point.marker}${space || " "}`) : bullet;
  if (point.list) lines.splice(point.at, 0, own);
  else {
    // No list yet (an empty section, or prose only): the bullet as a list of its own, set off by blank lines.
    const next = lines[point.at];
    lines.splice(point.at, 0, "", own, ...(next !== undefined && next.trim() !== "" ? [""] : []));
  }
  return done(shape, lines, targetText);
}

function done(shape: ReturnType<typeof shapeOf>, lines: string[], before: string): AppendResult {
  const text = joinShape({ ...shape, lines });
  return { ok: true, text, changed: text !== before };
}
