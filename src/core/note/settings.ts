// Settings shared by the plugin and the CLI (SPEC §1, §3, §4). Validated with
// zod so that a broken or older data.json keeps every valid value and falls
// back to the default for the rest, field by field.
import * as z from "zod/mini";
import { CONFIDENCES, STATUSES } from "./model";

/** The AI providers of SPEC §9; "none" sends nothing anywhere. */
export const AI_PROVIDERS = ["none", "openai-compatible", "ollama", "anthropic"] as const;

export const DEFAULT_SETTINGS = {
  queueFolder: "inbox",
  sourceTypes: ["source"],
  otherNoteTypes: ["claim"],
  /** `auto`: the folder holding most claims of the domain (SPEC §3); else a pattern with {{domain}}. */
  claimFolder: "auto",
  fallbackClaimFolder: "inbox/claims",
  defaultConfidence: "experimental" as (typeof CONFIDENCES)[number],
  statusAfterExtraction: "processed" as (typeof STATUSES)[number],
  processedBy: "",
  /** The vault's conventions (issue #14): whether sources carry a priority at all. */
  usePriority: true,
  /**
   * The field a null-result change writes its reason to; empty: the field most null-result notes of the
   * vault use (detected by the door, `notes` when none do). validate accepts a reason in notes or extraction_notes.
   */
  reasonField: "",
  /** The field that lists the claims a source enriched (read by extraction where it looks for earlier work). */
  enrichmentsField: "enrichments",
  /** One line per row in the queue, with priority and status as small badges. */
  compactRows: false,
  /** AI drafts (SPEC §9): off until a provider is chosen, and then only on the user's request. */
  aiProvider: "none" as (typeof AI_PROVIDERS)[number],
  /** Empty: the provider's default address. */
  aiBaseUrl: "",
  aiModel: "",
  aiTimeoutSeconds: 60,
  /** The name of the key in Obsidian's secret storage (never the key itself: data.json may be synced or pushed). */
  aiKeySecret: "",
  /** `--sync git --review` (SPEC §7): the branch an extraction goes to; {{slug}} is the source's file name without .md. */
  reviewBranch: "extract/{{slug}}",
};

export type Settings = typeof DEFAULT_SETTINGS;

const trimmed = z.string().check(z.trim());

const folder = z.pipe(
  trimmed,
  z.transform((s: string) => s.replace(/^\/+|\/+$/g, "")),
).check(z.refine((s: string) => !s.split("/").includes(".."), "must stay inside the vault"));

const nonEmptyFolder = folder.check(z.refine((s: string) => s.length > 0, "must not be empty"));

const typeList = (min: number) =>
  z.pipe(
    z.array(trimmed.check(z.minLength(1))).check(z.minLength(min)),
    z.transform((xs: string[]) => xs.map((x) => x.toLowerCase())),
  );

/** A frontmatter key: one line of text without a colon, so it can be written back as a YAML key. */
const fieldName = trimmed.check(
  z.refine((s: string) => s.length > 0, "must not be empty"),
  z.refine((s: string) => /^[^:#\s][^:\n]*$/.test(s), "must be a plain frontmatter key (no colon)"),
);

export const settingsSchema = z.object({
  queueFolder: folder,
  sourceTypes: typeList(1),
  otherNoteTypes: typeList(0),
  claimFolder: nonEmptyFolder,
  fallbackClaimFolder: nonEmptyFolder,
  defaultConfidence: z.enum(CONFIDENCES),
  statusAfterExtraction: z.enum(STATUSES),
  processedBy: trimmed,
  usePriority: z.boolean(),
  reasonField: z.union([z.literal(""), fieldName]),
  enrichmentsField: fieldName,
  compactRows: z.boolean(),
  aiProvider: z.enum(AI_PROVIDERS),
  aiBaseUrl: trimmed,
  aiModel: trimmed,
  aiTimeoutSeconds: z.int().check(z.minimum(1), z.maximum(3600)),
  aiKeySecret: trimmed,
  // A branch name git accepts whatever the slug: no spaces, "..", "~^:?*[\\", leading "-" or "/", or trailing ".lock".
  reviewBranch: trimmed.check(
    z.refine((s: string) => s.includes("{{slug}}"), "must contain {{slug}}"),
    z.refine((s: string) => !/[\s~^:?*[\\]|\.\.|^[-/.]|\/\/|\/$|\.lock$|@\{/.test(s), "must be a git branch name"),
  ),
});

export interface SettingsResult {
  settings: Settings;
  /** Fields that were present but invalid, and fell back to defaults. */
  rejected: string[];
}

/** Merge stored data over the defaults, one field at a time. */
export function loadSettings(stored: unknown): SettingsResult {
  const settings: Settings = structuredCloneSettings(DEFAULT_SETTINGS);
  const rejected: string[] = [];
  if (stored === null || stored === undefined) return { settings, rejected };
  if (typeof stored !== "object" || Array.isArray(stored)) {
    return { settings, rejected: ["(whole file)"] };
  }
  const record = stored as Record<string, unknown>;
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    if (!(key in record)) continue;
    const parsed = shape[key].safeParse(record[key]);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data;
    else rejected.push(key);
  }
  return { settings, rejected };
}

function structuredCloneSettings(s: Settings): Settings {
  return { ...s, sourceTypes: [...s.sourceTypes], otherNoteTypes: [...s.otherNoteTypes] };
}

/**
 * The settings in a whole data.json as the plugin writes it (`{settings,
 * query, lastExtraction}`), or in the older layout that kept them at the top
 * level: the CLI reads the file the plugin wrote.
 */
export function settingsFromData(raw: unknown): SettingsResult {
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw) && "settings" in raw) return loadSettings(raw.settings);
  return loadSettings(raw);
}
