// File names and folders for claims (SPEC §2 "File name", §3 "Folder").
// Whatever a title holds, the result is one usable name inside the claim
// folder: no separators, no forbidden characters, no `..`, no device names.

export const MAX_NAME_BYTES = 200;
/** UTF-8 length, counted rather than encoded (a lone surrogate counts 3, as TextEncoder writes U+FFFD). */
function bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// Control characters (C0 and C1), invisible spaces, direction marks and lone
// surrogates. Zero-width (non-)joiners stay: emoji sequences and several
// scripts need them.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu;
// Windows reserves these names whatever follows the first dot ("nul.txt", "con.a.b").
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export function toFileName(title: string, fallback = "Untitled claim"): string {
  let name = title
    .normalize("NFC")
    .replace(CONTROL, " ")
    // Collapsed before the colon rule: `\s*:\s*` over a long run of spaces backtracks quadratically.
    // A run keeps two spaces, not one: "a *  * b" holds two spaced stars, "a * * b" one (they share a space).
    .replace(/\s{2,}|[^\S ]/g, (run) => (run.length > 1 ? "  " : " "))
    .replace(/ ?: ?/g, " - ")
    .replace(/[\\/|]/g, "-")
    .replace(/\^(-?\d+)/g, (_m, exp: string) => superscript(exp))
    .replace(/\s\*\s/g, " × ")
    .replace(/"/g, "'")
    .replace(/</g, "‹")
    .replace(/>/g, "›")
    .replace(/\[\[|\]\]/g, "")
    .replace(/\[/g, "(")
    .replace(/\]/g, ")")
    .replace(/[*?#^]/g, "")
    .replace(/\s{2,}|[^\S ]/g, " ")
    .trim();
  // Leading dots hide a file (and `..` climbs); trailing dots and spaces are dropped by Windows.
  name = trimTrailingDots(name.replace(/^[.\s-]+/, ""));
  name = trimTrailingDots(cutToBytes(name, MAX_NAME_BYTES));
  if (name === "" || !/[\p{L}\p{N}]/u.test(name)) name = fallback;
  // The mark goes before the first dot: "nul.txt (claim)" would still be the device.
  if (WINDOWS_DEVICE.test(name)) name = trimTrailingDots(cutToBytes(name.replace(/^[^.]*/, (device) => `${device} (claim)`), MAX_NAME_BYTES));
  return name;
}

// Forbidden characters are replaced so the meaning survives (SPEC §2 "File
// name"): an exponent becomes superscript (`10^3` → `10³`, not `103`), a
// spaced `*` a multiplication sign, double quotes single ones, `<` `>` the
// lookalikes `‹` `›` ("flows > TVL" keeps its comparison), brackets
// parentheses, `:` a spaced dash and `\ / |` a dash. `#`, `?`, a lone `^`
// and emphasis stars carry no meaning of their own in a title and go.
const SUPERSCRIPT: Record<string, string> = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻" };
const superscript = (exp: string) => Array.from(exp, (c) => SUPERSCRIPT[c] ?? c).join("");

/** A `claims_extracted` entry as a claim name: a file name or path loses its folder and `.md`, a title stays as it is. */
export function claimNameOf(entry: string): string {
  const trimmed = entry.trim();
  if (!/\.md$/i.test(trimmed)) return trimmed;
  return trimmed.slice(trimmed.lastIndexOf("/") + 1).slice(0, -3);
}

/** Without trailing dots and spaces; a loop, as `/[.\s]+$/` rescans a long run of them from every start. */
function trimTrailingDots(name: string): string {
  let end = name.length;
  while (end > 0 && (name[end - 1] === "." || name[end - 1] === " ")) end--;
  return name.slice(0, end);
}

/** Cut at a word boundary (or, in one long word, at a character boundary) to fit the byte budget. */
export function cutToBytes(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  // Every UTF-16 unit is at least one byte, so the cut falls within the first
  // `max` units; segmenting only those keeps a 5 MB title as cheap as a short
  // one (segmenting a whole long string is far slower than linear in V8).
  const chars = Array.from(segmentsOf(text.slice(0, max + 16)));
  let out = "";
  let next = "";
  let size = 0;
  for (const ch of chars) {
    const n = bytes(ch);
    if (size + n > max) {
      next = ch;
      break;
    }
    out += ch;
    size += n;
  }
  // The cut already falls between two words.
  if (/^\s/.test(next)) return out.trimEnd();
  const space = out.lastIndexOf(" ");
  return (space > out.length / 2 ? out.slice(0, space) : out).trimEnd();
}

/** Grapheme clusters where the runtime has Intl.Segmenter, code points otherwise. */
function segmentsOf(text: string): Iterable<string> {
  const Seg = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  // Without combining marks, joiners, selectors, surrogates or jamo every code point is its own cluster.
  if (!Seg || !CLUSTERING.test(text)) return Array.from(text);
  // One segmenter for every call: constructing one costs more than segmenting a title.
  segmenter ??= new Seg(undefined, { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (s: Intl.SegmentData) => s.segment);
}
let segmenter: Intl.Segmenter | undefined;
const CLUSTERING = /\p{M}|\u200d|\p{Variation_Selector}|[\u1100-\u11ff\ud800-\udfff\u{10000}-\u{10ffff}]/u;

/** One folder segment from untrusted text (a domain), or null when nothing usable is left. */
export function toFolderSegment(text: string): string | null {
  const name = toFileName(text, "");
  return name === "" ? null : name;
}

/** A configured folder, normalized: no empty, `.` or `..` segments. */
export function normalizeFolder(folder: string): string {
  return folder
    .replace(/\\/g, "/")
    .split("/")
    .map((s) => s.trim())
    .filter((s) => s !== "" && s !== "." && s !== "..")
    .join("/");
}

/** The claim folder for a source's domain: `domains/{{domain}}`, or the fallback when there is none. */
export function claimFolder(template: string, fallback: string, domain: string | null): string {
  const segment = domain ? toFolderSegment(domain) : null;
  if (template.includes("{{domain}}") && segment === null) return normalizeFolder(fallback);
  return normalizeFolder(template.replace(/\{\{\s*domain\s*\}\}/g, segment ?? ""));
}

export function joinPath(folder: string, fileName: string): string {
  return folder === "" ? `${fileName}.md` : `${folder}/${fileName}.md`;
}

/** Same claim? File names compare as Obsidian does on case-insensitive disks, in NFC. */
export const sameName = (a: string, b: string): boolean => a.normalize("NFC").toLowerCase() === b.normalize("NFC").toLowerCase();
