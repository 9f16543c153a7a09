// A queue row straight from a frontmatter mapping: what the plugin's index
// builds for every note from Obsidian's metadata cache when the layout is
// ready (SPEC §4), 50,000 of them in one go. The fields the queue sorts,
// filters and counts by are read at once, exactly as normalizeFields reads
// them; the problems, which only a drawn row or a report shows, are worked
// out the first time something asks (most rows are never drawn, and a drawn
// row soon gets its full entry from the note's text).
import { basenameOf, PRIORITIES, STATUSES, type Priority, type Problem, type Status } from "../note/model";
import type { QueueItem } from "./queue-query";
import type { Settings } from "../note/settings";
import { classifyType, normalizeFields, normalizePriority, normalizeStatus } from "../note/source-fields";

/** A text field's value as normalizeFields reads it: strings, numbers and booleans as trimmed text; empty or anything else is none. */
function textOf(raw: unknown): string | null {
  const text = typeof raw === "string" ? raw.trim() : typeof raw === "number" || typeof raw === "boolean" ? String(raw).trim() : "";
  return text === "" ? null : text;
}

/**
 * A row whose problems are worked out when first read. A class, not an object
 * literal with a getter: each literal's getter is a new function, which gives
 * every row a shape of its own, and a filter over 50,000 rows of different
 * shapes runs several times slower. (A spread of a row would not copy the
 * getter; JSON gets the problems through toJSON.)
 */
class FrontmatterRow implements QueueItem {
  readonly hints: number | null = null;
  private found: Problem[] | null = null;

  constructor(
    readonly path: string,
    readonly title: string,
    readonly author: string | null,
    readonly date: string | null,
    readonly domain: string | null,
    readonly status: Status | null,
    readonly priority: Priority | null,
    private readonly data: Record<string, unknown>,
    private readonly settings: Settings,
  ) {}

  get problems(): Problem[] {
    this.found ??= normalizeFields(this.data, basenameOf(this.path), this.settings).problems;
    return this.found;
  }

  toJSON(): QueueItem {
    const { path, title, author, date, domain, status, priority, hints, problems } = this;
    return { path, title, author, date, domain, status, priority, hints, problems };
  }
}

// Values already written exactly as the spec's words are most of a vault:
// they are looked up directly, and anything else goes through the full
// normalizers (which trim, lower-case and map legacy words the same way).
const STATUS_WORDS = new Set<unknown>(STATUSES);
const PRIORITY_WORDS = new Set<unknown>(PRIORITIES);
const statusOf = (raw: unknown): Status | null => (STATUS_WORDS.has(raw) ? (raw as Status) : normalizeStatus(raw).value);
const priorityOf = (raw: unknown): Priority | null => (PRIORITY_WORDS.has(raw) ? (raw as Priority) : normalizePriority(raw).value);
const isOtherNote = (raw: unknown, settings: Settings): boolean =>
  typeof raw === "string" && settings.sourceTypes.includes(raw) ? false : classifyType(raw, settings).typeClass === "other-note";

/** The row of a note with this frontmatter, or null when the note is not in the queue (a claim). */
export function queueItemFromFrontmatter(path: string, data: Record<string, unknown>, settings: Settings): QueueItem | null {
  if (isOtherNote(data.type, settings)) return null;
  return new FrontmatterRow(
    path,
    textOf(data.title) ?? basenameOf(path),
    textOf(data.author),
    textOf(data.date),
    textOf(data.domain),
    statusOf(data.status),
    priorityOf(data.priority),
    data,
    settings,
  );
}
