// `source-queue list` (SPEC §5): the queue as the sidebar shows it.
import { PRIORITIES } from "../core/model";
import { ALL_STATUSES, countByStatus, DEFAULT_QUERY, queryItems, STATUS_KEYS, type QueueQuery, type StatusKey } from "../core/queue-query";
import { listJson } from "../core/json-output";
import type { Settings } from "../core/settings";
import { UsageError, type FsVault } from "./fs-vault";
import { json, table, truncate } from "./output";
import { readQueue } from "./queue-rows";
import type { CommandResult } from "./result";

export interface ListOptions {
  status?: string;
  priority?: string;
  domain?: string;
  all?: boolean;
  json?: boolean;
  /** false with --no-cache: every note is read and the row cache is neither read nor written. */
  cache?: boolean;
}

function listOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T[] {
  if (value === undefined) return [];
  const parts = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const p of parts) {
    if (!(allowed as readonly string[]).includes(p)) throw new UsageError(`${flag}: "${p}" is not one of ${allowed.join(", ")}`);
  }
  return parts as T[];
}

export async function list(vault: FsVault, settings: Settings, opts: ListOptions): Promise<CommandResult> {
  const statuses = listOf<StatusKey>(opts.status, STATUS_KEYS, "--status");
  const query: QueueQuery = {
    ...DEFAULT_QUERY,
    statuses: statuses.length > 0 ? statuses : opts.all ? ALL_STATUSES : DEFAULT_QUERY.statuses,
    priorities: listOf(opts.priority, [...PRIORITIES, "unknown"] as const, "--priority"),
    domain: opts.domain ?? "",
  };
  const all = readQueue(vault, settings, { cache: opts.cache !== false });
  const shown = queryItems(all, query);
  const counts = countByStatus(all);
  if (opts.json) return { code: 0, out: json(listJson(vault.root, counts, shown)) };
  const summary = STATUS_KEYS.filter((k) => counts[k] > 0).map((k) => `${k} ${counts[k]}`).join(", ");
  const head = `${shown.length} of ${all.length} sources in ${settings.queueFolder || "the vault"}/ (${summary || "none"})`;
  if (shown.length === 0) {
    const hint = all.length === 0 ? `No notes found under "${settings.queueFolder}".` : nothingMatches(all, query);
    return { code: 0, out: `${head}\n${hint}` };
  }
  const rows = [["PRIORITY", "STATUS", "DATE", "DOMAIN", "HINTS", "TITLE", "PATH"]];
  for (const i of shown) {
    const flag = i.problems.some((p) => p.level === "error") ? "! " : i.problems.length > 0 ? "~ " : "";
    rows.push([i.priority ?? "-", i.status ?? "?", i.date ?? "-", truncate(i.domain ?? "-", 16), String(i.hints ?? 0), flag + truncate(i.title, 60), i.path]);
  }
  const legend = shown.some((i) => i.problems.length > 0) ? "\n! has errors, ~ has warnings: see `source-queue validate`" : "";
  return { code: 0, out: `${head}\n\n${table(rows, new Set([4]))}${legend}` };
}

/** Why nothing is listed: an unknown domain names the known ones; otherwise --all may help. */
function nothingMatches(all: readonly { domain: string | null }[], query: QueueQuery): string {
  const domains = [...new Set(all.map((i) => i.domain).filter((d): d is string => d !== null))].sort();
  if (query.domain !== "" && !domains.includes(query.domain)) {
    return `No source has the domain "${query.domain}". Known domains: ${domains.join(", ") || "none"}.`;
  }
  return "Nothing matches; --all shows processed and null-result sources too.";
}
