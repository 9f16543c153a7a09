// Normalizing frontmatter values (SPEC §1). Each field has a zod schema that
// accepts what real vaults hold and a rule for what it reports; nothing is
// rewritten here, the note's text stays as the user wrote it.
import * as z from "zod/mini";
import {
  PRIORITIES,
  STATUSES,
  type Priority,
  type Problem,
  type SourceFields,
  type Status,
  type TypeClass,
} from "./model";
import type { Settings } from "./settings";

const text = z.pipe(
  z.union([z.string(), z.number(), z.boolean()]),
  z.transform((v: string | number | boolean) => String(v).trim()),
);
const textList = z.union([
  z.array(z.pipe(z.union([z.string(), z.number()]), z.transform((v: string | number) => String(v).trim()))),
  z.pipe(z.string(), z.transform((s: string) => [s.trim()])),
]);

type Parsed<T> = { success: true; data: T } | { success: false };

// Nearly every value is a string, or a list of strings. Those are read here
// as the schemas above would read them (trimmed); zod, whose safeParse costs
// more than the rest of a field's rules, checks everything else. The plugin
// normalizes every note of the vault when it starts, so this is per-note time.
function parseText(raw: unknown): Parsed<string> {
  return typeof raw === "string" ? { success: true, data: raw.trim() } : text.safeParse(raw);
}

function parseTextList(raw: unknown): Parsed<string[]> {
  if (typeof raw === "string") return { success: true, data: [raw.trim()] };
  if (Array.isArray(raw)) {
    // By index, as zod reads an array: a hole is not a string.
    const data: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      const v: unknown = raw[i];
      if (typeof v !== "string") return textList.safeParse(raw);
      data.push(v.trim());
    }
    return { success: true, data };
  }
  return textList.safeParse(raw);
}

const LEGACY_STATUS: Record<string, Status> = {
  partial: "processing",
  "in-progress": "processing",
  "in progress": "processing",
  "null result": "null-result",
  null_result: "null-result",
  nullresult: "null-result",
};

/** `YYYY-MM-DD`, where `00` means the month or day is unknown. */
export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month > 12 || day > 31) return false;
  if (month === 0) return day === 0;
  if (day === 0) return true;
  return day <= daysInMonth(Number(m[1]), month);
}

/**
 * Days in a month of the Gregorian calendar. Years 0–99 count as 1900–1999,
 * as they did when this was a round trip through `Date.UTC` (which maps them so).
 */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const y = year < 100 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

export function normalizeStatus(raw: unknown): { value: Status | null; problem?: Problem } {
  if (raw === undefined || raw === null || raw === "") {
    return { value: null, problem: { level: "warning", message: "No status; it counts as unknown" } };
  }
  const parsed = parseText(raw);
  if (!parsed.success) return { value: null, problem: { level: "error", message: "Status is not a single value" } };
  const key = parsed.data.toLowerCase();
  if ((STATUSES as readonly string[]).includes(key)) return { value: key as Status };
  const legacy = LEGACY_STATUS[key];
  if (legacy) {
    return { value: legacy, problem: { level: "warning", message: `Status "${parsed.data}" is a legacy value; it counts as ${legacy}` } };
  }
  const hint = /^(complete|done|finished)\b/.test(key) ? ' (did you mean "processed"?)' : "";
  return {
    value: null,
    problem: { level: "error", message: `Status "${parsed.data}" is not one of ${STATUSES.join(", ")}${hint}` },
  };
}

/** The fields a null-result's reason may stand in (SPEC §1): the knowledge base's agents write extraction_notes. */
export const REASON_FIELDS = ["notes", "extraction_notes"] as const;

export function normalizePriority(raw: unknown): { value: Priority | null; problem?: Problem } {
  if (raw === undefined || raw === null || raw === "") {
    return { value: null, problem: { level: "warning", message: "No priority; it counts as unknown" } };
  }
  const parsed = parseText(raw);
  const key = parsed.success ? parsed.data.toLowerCase() : "";
  if ((PRIORITIES as readonly string[]).includes(key)) return { value: key as Priority };
  return {
    value: null,
    problem: { level: "error", message: `Priority "${parsed.success ? parsed.data : "?"}" is not one of ${PRIORITIES.join(", ")}` },
  };
}

export function classifyType(raw: unknown, settings: Settings): { type: string | null; typeClass: TypeClass; problem?: Problem } {
  if (raw === undefined || raw === null || raw === "") {
    return {
      type: null,
      typeClass: "missing",
      problem: { level: "error", message: `No type field; a source note needs "type: ${settings.sourceTypes[0] ?? "source"}"` },
    };
  }
  const parsed = parseText(raw);
  const type = parsed.success ? parsed.data : shortJson(raw);
  const key = type.toLowerCase();
  if (settings.sourceTypes.includes(key)) return { type, typeClass: "source" };
  if (settings.otherNoteTypes.includes(key)) return { type, typeClass: "other-note" };
  if (key === "evidence" || key === "archive") {
    return { type, typeClass: "legacy", problem: { level: "warning", message: `Type "${type}" is a legacy source type; use "${settings.sourceTypes[0] ?? "source"}"` } };
  }
  return {
    type,
    typeClass: "unknown",
    problem: {
      level: "error",
      message: `Type "${type}" is not a source type (expected "${settings.sourceTypes[0] ?? "source"}"; was "format: ${type}" meant?)`,
    },
  };
}

/**
 * A value that is not text, as short JSON for a message. The replacer stops
 * after a few values: a value built from YAML aliases can be far too large
 * to write out whole.
 */
function shortJson(raw: unknown): string {
  let budget = 20;
  const json = JSON.stringify(raw, (_key, value: unknown) => (--budget < 0 ? undefined : value)) ?? String(raw);
  return json.length > 60 ? `${json.slice(0, 59)}…` : json;
}

type Data = Record<string, unknown>;

function optionalText(data: Data, key: string, problems: Problem[]): string | null {
  const raw = data[key];
  if (raw === undefined || raw === null) return null;
  const parsed = parseText(raw);
  if (parsed.success) return parsed.data === "" ? null : parsed.data;
  problems.push({ level: "warning", message: `Field "${key}" should be text, found ${Array.isArray(raw) ? "a list" : typeof raw}` });
  return null;
}

function optionalList(data: Data, key: string, problems: Problem[], singular: string): string[] {
  const raw = data[key];
  if (raw === undefined || raw === null) return [];
  const parsed = parseTextList(raw);
  if (!parsed.success) {
    problems.push({ level: "warning", message: `Field "${key}" should be a list of ${singular}` });
    return [];
  }
  if (typeof raw === "string") {
    problems.push({ level: "warning", message: `Field "${key}" is a single string; a list was expected` });
  }
  return parsed.data.filter((s) => s.length > 0);
}

/** Every field of a source, normalized, with a problem for each oddity. */
export function normalizeFields(data: Data, basename: string, settings: Settings): { fields: SourceFields; problems: Problem[] } {
  const problems: Problem[] = [];
  const type = classifyType(data.type, settings);
  if (type.problem) problems.push(type.problem);

  let title = optionalText(data, "title", problems);
  if (title === null) {
    problems.push({ level: "warning", message: "No title; the file name is used" });
    title = basename;
  }
  const author = optionalText(data, "author", problems);
  if (author === null) problems.push({ level: "warning", message: "No author" });

  let url = optionalText(data, "url", problems);
  if (url === null && data.source !== undefined) {
    url = optionalText(data, "source", problems);
    problems.push({ level: "warning", message: 'URL is in the legacy field "source"; use "url"' });
  }

  let date = optionalText(data, "date", problems);
  if (date === null) problems.push({ level: "warning", message: "No date" });
  else if (!isValidDate(date)) {
    problems.push({ level: "warning", message: `Date "${date}" is not YYYY-MM-DD (00 for an unknown month or day)` });
  }

  const domain = optionalText(data, "domain", problems);
  if (domain === null) problems.push({ level: "warning", message: `No domain; claims go to the fallback folder "${settings.fallbackClaimFolder}"` });

  const status = normalizeStatus(data.status);
  if (status.problem) problems.push(status.problem);
  // A vault without priorities (settings.usePriority false) gets no warning for a missing or odd one, and a
  // finished source none for a missing one: its priority no longer matters (SPEC §1, the vault's conventions).
  const inQueue = status.value === "unprocessed" || status.value === "processing";
  const read = normalizePriority(data.priority);
  const priority = settings.usePriority && (inQueue || read.problem?.level === "error") ? read : { value: read.value };
  if (priority.problem) problems.push(priority.problem);

  const processedDate = optionalText(data, "processed_date", problems);
  if (processedDate !== null && !isValidDate(processedDate)) {
    problems.push({ level: "warning", message: `processed_date "${processedDate}" is not YYYY-MM-DD` });
  }
  // The reason may stand in any of the reason fields (SPEC §1): the one the settings name, notes or extraction_notes.
  const reasonFields = [...new Set([settings.reasonField, ...REASON_FIELDS].filter((f) => f !== ""))];
  if (status.value === "null-result" && reasonFields.every((f) => optionalText(data, f, []) === null)) {
    problems.push({ level: "warning", message: `Status is null-result but no reason is given (in ${reasonFields.join(" or ")})` });
  }

  return {
    fields: {
      type: type.type,
      typeClass: type.typeClass,
      title,
      author,
      url,
      date,
      domain,
      secondaryDomains: optionalList(data, "secondary_domains", problems, "domains"),
      format: optionalText(data, "format", problems),
      status: status.value,
      priority: priority.value,
      tags: optionalList(data, "tags", problems, "tags"),
      processedBy: optionalText(data, "processed_by", problems),
      processedDate,
      claimsExtracted: optionalList(data, "claims_extracted", problems, "claim titles"),
      notes: optionalText(data, "notes", problems),
      extractionHints: optionalList(data, "extraction_hints", problems, "hints"),
    },
    problems,
  };
}

/** Fields for a note whose frontmatter could not be read at all. */
export function emptyFields(basename: string): SourceFields {
  return {
    type: null,
    typeClass: "missing",
    title: basename,
    author: null,
    url: null,
    date: null,
    domain: null,
    secondaryDomains: [],
    format: null,
    status: null,
    priority: null,
    tags: [],
    processedBy: null,
    processedDate: null,
    claimsExtracted: [],
    notes: null,
    extractionHints: [],
  };
}
