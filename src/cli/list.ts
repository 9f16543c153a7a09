// `source-queue list` (SPEC §5): the queue as the sidebar shows it; a thin
// door over the core's list, with the rows read from disk (and the row cache).
import { listQueue, listResultJson, type ListFilter } from "../core/commands/list";
import { STATUS_KEYS } from "../core/queue/queue-query";
import type { Settings } from "../core/note/settings";
import type { FsVault } from "../node/fs-vault";
import { json, table, truncate } from "./output";
import { readQueue } from "../node/queue-rows";
import type { CommandResult } from "./result";

export interface ListOptions extends ListFilter {
  json?: boolean;
  /** false with --no-cache: every note is read and the row cache is neither read nor written. */
  cache?: boolean;
}

export async function list(vault: FsVault, settings: Settings, opts: ListOptions): Promise<CommandResult> {
  const result = listQueue(readQueue(vault, settings, { cache: opts.cache !== false }), opts);
  if (opts.json) return { code: 0, out: json(listResultJson(vault.root, result)) };
  const { all, shown, counts } = result;
  const summary = STATUS_KEYS.filter((k) => counts[k] > 0).map((k) => `${k} ${counts[k]}`).join(", ");
  const head = `${shown.length} of ${all.length} sources in ${settings.queueFolder || "the vault"}/ (${summary || "none"})`;
  if (shown.length === 0) {
    const hint = all.length === 0 ? `No notes found under "${settings.queueFolder}".` : nothingMatches(all, opts.domain?.trim() ?? "");
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
function nothingMatches(all: readonly { domain: string | null }[], domain: string): string {
  const domains = [...new Set(all.map((i) => i.domain).filter((d): d is string => d !== null))].sort();
  if (domain !== "" && !domains.includes(domain)) {
    return `No source has the domain "${domain}". Known domains: ${domains.join(", ") || "none"}.`;
  }
  return "Nothing matches; --all shows processed and null-result sources too.";
}
