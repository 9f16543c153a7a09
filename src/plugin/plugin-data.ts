// What the plugin keeps in data.json: settings, the queue's filters and sort
// (remembered between sessions) and the last split, so undo survives a
// reload. Each part is validated on its own; a broken or older file keeps
// its valid values and falls back to defaults for the rest.
import { extractionRecordSchema } from "../core/extraction/apply-extraction";
import type { ExtractionRecord } from "../core/extraction/apply-extraction";
import { DEFAULT_QUERY, queueQuerySchema, type QueueQuery } from "../core/queue/queue-query";
import { loadSettings, type Settings } from "../core/note/settings";

export interface PluginData {
  settings: Settings;
  query: QueueQuery;
  lastExtraction: ExtractionRecord | null;
}


function loadQuery(raw: unknown): QueueQuery {
  if (typeof raw !== "object" || raw === null) return { ...DEFAULT_QUERY };
  const query: QueueQuery = { ...DEFAULT_QUERY };
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(queueQuerySchema.shape) as (keyof QueueQuery)[]) {
    const parsed = queueQuerySchema.shape[key].safeParse(record[key]);
    if (parsed.success) (query as Record<string, unknown>)[key] = parsed.data;
  }
  return query;
}

export function loadPluginData(raw: unknown): { data: PluginData; rejected: string[] } {
  const record = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  // Older versions stored the settings at the top level.
  const { settings, rejected } = loadSettings("settings" in record ? record.settings : raw);
  const last = extractionRecordSchema.safeParse(record.lastExtraction);
  return {
    data: { settings, query: loadQuery(record.query), lastExtraction: last.success ? last.data : null },
    rejected,
  };
}
