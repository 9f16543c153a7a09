// `source-queue conventions` and the settings tab's "Detect from this vault"
// (SPEC §1, the vault's conventions): read the vault's notes and propose
// settings, each with the counts behind it. Nothing is changed here; a door
// shows the proposals and applies them only when the user accepts.
import type { ClaimIndex } from "../claims/claim-index";
import { AUTO_FOLDER } from "../claims/claim-folder";
import type { DomainFolder } from "../claims/domain-folders";
import type { Settings } from "../note/settings";
import { REASON_FIELDS } from "../note/source-fields";

/** A note as the detection reads it: its path and frontmatter (null: none, or unreadable). */
export interface ConventionNote {
  path: string;
  data: Record<string, unknown> | null;
}

export interface Proposal {
  setting: "queueFolder" | "sourceTypes" | "reasonField" | "usePriority" | "claimFolder";
  value: string | boolean | string[];
  current: string | boolean | string[];
  /** The counts behind the proposal, largest first. */
  counts: Record<string, number>;
  /** One line: what was counted. */
  why: string;
}

export interface Conventions {
  proposals: Proposal[];
  /** Where each domain's claims live, most first (the `auto` claim folder). */
  claimFolders: Record<string, DomainFolder[]>;
}

const QUEUE_STATUSES = new Set(["unprocessed", "processing", "partial"]);
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
const lower = (v: unknown): string | null => text(v)?.toLowerCase().replace(/^["']|["']$/g, "") ?? null;

function tally(values: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

const first = (counts: Record<string, number>): string | undefined => Object.keys(counts)[0];

/** The field most null-result notes give their reason in (SPEC §1 `reasonField`); `notes` when none or tied. */
export function detectReasonField(notes: Iterable<ConventionNote>): { field: string; counts: Record<string, number> } {
  const counts: Record<string, number> = Object.fromEntries(REASON_FIELDS.map((f) => [f, 0]));
  for (const n of notes) {
    if (lower(n.data?.status) !== "null-result") continue;
    for (const f of REASON_FIELDS) if (text(n.data?.[f]) !== null) counts[f] = (counts[f] ?? 0) + 1;
  }
  const best = REASON_FIELDS.reduce<string>((a, b) => ((counts[b] ?? 0) > (counts[a] ?? 0) ? b : a), "notes");
  return { field: best, counts };
}

/** The settings the vault's notes suggest, each with its counts; `settings` are the current ones. */
export function detectConventions(notes: readonly ConventionNote[], claims: ClaimIndex | null, settings: Settings): Conventions {
  const claimTypes = new Set(settings.otherNoteTypes);
  // A source is a note with a status that is not a claim (or another of the vault's note types).
  const sources = notes.filter((n) => n.data && lower(n.data.status) !== null && !claimTypes.has(lower(n.data.type) ?? ""));
  const byFolder = tally(sources.map((n) => (n.path.includes("/") ? n.path.slice(0, n.path.indexOf("/")) : "/")));
  const queueFolder = first(byFolder) ?? settings.queueFolder;
  const queued = sources.filter((n) => queueFolder === "/" || n.path.startsWith(`${queueFolder}/`));
  const types = tally(queued.map((n) => lower(n.data?.type) ?? "(none)"));
  const sourceType = Object.keys(types).find((t) => t !== "(none)") ?? settings.sourceTypes[0] ?? "source";
  const reason = detectReasonField(queued);
  const waiting = queued.filter((n) => QUEUE_STATUSES.has(lower(n.data?.status) ?? ""));
  const judged = waiting.length > 0 ? waiting : queued;
  const withPriority = judged.filter((n) => text(n.data?.priority) !== null).length;
  const usePriority = judged.length === 0 || withPriority * 2 >= judged.length;
  const folders = claims?.domainFolders() ?? new Map<string, DomainFolder[]>();
  const folderCounts: Record<string, number> = {};
  for (const [domain, list] of folders) for (const f of list) folderCounts[`${domain} → ${f.folder || "/"}`] = f.count;
  const elsewhere = [...folders].filter(([domain, list]) => list[0] !== undefined && list[0].folder !== `domains/${domain}`).map(([d]) => d);
  const proposals: Proposal[] = [
    { setting: "queueFolder", value: queueFolder, current: settings.queueFolder, counts: byFolder, why: "sources (notes with a status) by top folder" },
    { setting: "sourceTypes", value: [sourceType], current: settings.sourceTypes, counts: types, why: `type of the sources under ${queueFolder}` },
    { setting: "reasonField", value: reason.field, current: settings.reasonField, counts: reason.counts, why: "null-result sources giving a reason in each field" },
    {
      setting: "usePriority",
      value: usePriority,
      current: settings.usePriority,
      counts: { "with a priority": withPriority, "without": judged.length - withPriority },
      why: waiting.length > 0 ? "sources still in the queue (unprocessed, processing)" : "sources",
    },
    {
      setting: "claimFolder",
      value: AUTO_FOLDER,
      current: settings.claimFolder,
      counts: folderCounts,
      why: elsewhere.length > 0 ? `claims per domain and folder; ${elsewhere.join(", ")} live outside domains/{{domain}}` : "claims per domain and folder",
    },
  ];
  return { proposals, claimFolders: Object.fromEntries(folders) };
}

/** The settings with the proposals applied (what "Apply" in the settings tab writes). */
export function applyConventions(settings: Settings, proposals: readonly Proposal[]): Settings {
  const next: Settings = { ...settings, sourceTypes: [...settings.sourceTypes], otherNoteTypes: [...settings.otherNoteTypes] };
  for (const p of proposals) (next as Record<string, unknown>)[p.setting] = Array.isArray(p.value) ? [...p.value] : p.value;
  return next;
}

const shown = (v: Proposal["value"]): string => (Array.isArray(v) ? v.join(", ") : String(v));

/** The proposals as text, one setting a line with its counts (the CLI, the settings tab). */
export function conventionLines(c: Conventions): string[] {
  const lines: string[] = [];
  for (const p of c.proposals) {
    const same = shown(p.value) === shown(p.current);
    lines.push(`${p.setting}: ${shown(p.value)}${same ? " (as set)" : ` (now ${shown(p.current) || "detected"})`}`);
    const counts = Object.entries(p.counts).filter(([, n]) => n > 0 || p.setting === "reasonField");
    lines.push(`  ${p.why}: ${counts.length === 0 ? "none" : counts.map(([k, n]) => `${k} ${n}`).join("; ")}`);
  }
  return lines;
}
