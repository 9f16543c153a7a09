// One note in, one SourceNote out (SPEC §1): frontmatter, normalized fields,
// body sections and every problem found on the way. Never throws on content.
import { basenameOf, type Problem, type SourceFields, type SourceNote } from "./model";
import { parseFrontmatter, type ParsedFrontmatter } from "./parse-frontmatter";
import { parseSections, type SourceSections } from "./sections";
import type { Settings } from "./settings";
import { emptyFields, normalizeFields } from "./source-fields";

export interface ReadSource {
  note: SourceNote;
  sections: SourceSections;
  parsed: ParsedFrontmatter;
}

/**
 * A note larger than this is listed with a problem and its body is not split:
 * a cap for memory, far above any real note (a pasted 10 MB transcript is
 * read whole and its hints split in well under a second).
 */
export const MAX_NOTE_CHARS = 20_000_000;

/**
 * A regex, not `includes("\u0000")`: V8 looks for that character by its low
 * byte, which every ASCII character of a two-byte string matches.
 */
// eslint-disable-next-line no-control-regex -- the NUL character is what is looked for
const NUL = /\u0000/;

export function readSource(path: string, text: string, settings: Settings): ReadSource {
  const { note, parsed, body } = readNote(path, text, settings);
  return { note, sections: parseSections(body), parsed };
}

/**
 * The note and its body lines, the sections not yet looked for: a queue row
 * needs only the hints of a source's body, and nothing of a claim's.
 */
export function readNote(path: string, text: string, settings: Settings): { note: SourceNote; parsed: ParsedFrontmatter; body: readonly string[] } {
  const problems: Problem[] = [];
  if (NUL.test(text)) problems.push({ level: "error", message: "File contains a NUL byte; it may not be a text note" });
  if (text.includes("\ufffd")) problems.push({ level: "warning", message: "File is not valid UTF-8 (some bytes could not be read as text)" });
  const tooLarge = text.length > MAX_NOTE_CHARS;
  if (tooLarge) {
    problems.push({ level: "error", message: `Note is ${(text.length / 1e6).toFixed(1)} million characters; only its frontmatter is read` });
  }

  const parsed = parseFrontmatter(tooLarge ? headOf(text) : text);
  problems.push(...parsed.problems);
  const basename = basenameOf(path);
  let fields = emptyFields(basename);
  if (parsed.data) {
    const normalized = normalizeFields(parsed.data, basename, settings);
    fields = normalized.fields;
    problems.push(...normalized.problems);
  }
  const body = tooLarge ? [] : parsed.shape.lines.slice(parsed.bodyStart);
  return { note: sourceNote(fields, path, parsed.data, problems), parsed, body };
}

/**
 * The fields and the rest, written out: `{ ...fields, path, data, problems }`
 * builds the same object (same keys, same order) but cost more than reading
 * the note's YAML (a few µs for each note of the queue).
 */
function sourceNote(f: SourceFields, path: string, data: Record<string, unknown> | null, problems: Problem[]): SourceNote {
  return {
    type: f.type,
    typeClass: f.typeClass,
    title: f.title,
    author: f.author,
    url: f.url,
    date: f.date,
    domain: f.domain,
    secondaryDomains: f.secondaryDomains,
    format: f.format,
    status: f.status,
    priority: f.priority,
    tags: f.tags,
    processedBy: f.processedBy,
    processedDate: f.processedDate,
    claimsExtracted: f.claimsExtracted,
    notes: f.notes,
    extractionHints: f.extractionHints,
    path,
    data,
    problems,
  };
}

/** Only the frontmatter part of a huge note: up to the second `---` line, or a bounded prefix. */
function headOf(text: string): string {
  const close = text.indexOf("\n---", 3);
  return close > 0 && close < 1_000_000 ? text.slice(0, text.indexOf("\n", close + 1) + 1 || undefined) : text.slice(0, 1_000_000);
}

/** Is this note in the queue? Notes of the vault's other types (claims) are not. */
export function isQueueNote(note: SourceNote): boolean {
  return note.typeClass !== "other-note";
}

/** What the path of a note in this folder starts with ("" for the whole vault). */
export const folderPrefix = (folder: string): string => (folder === "" || folder.endsWith("/") ? folder : `${folder}/`);

export function inFolder(path: string, folder: string): boolean {
  return path.startsWith(folderPrefix(folder));
}
