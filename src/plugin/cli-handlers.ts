// The same list, extract, set and validate for Obsidian's own command line
// (Plugin.registerCliHandler, Obsidian 1.12.2+), answering in the JSON of
// SPEC §5. Registered only where the app has it.
import { Plugin, requireApiVersion, TFile, type CliData, type CliFlags } from "obsidian";
import { planExtraction } from "../core/extraction";
import { extractJson, listJson, validateJson } from "../core/json-output";
import { PRIORITIES, STATUSES, type Priority, type Status } from "../core/model";
import { ALL_STATUSES, countByStatus, DEFAULT_QUERY, queryItems, type StatusKey } from "../core/queue-query";
import { today, writeField } from "./field-writer";
import type SourceQueuePlugin from "./main";
import { ObsidianVaultPort } from "./obsidian-vault-port";

const split = (v: string | undefined) => (v && v !== "true" ? v.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean) : []);
const out = (value: unknown) => JSON.stringify(value, null, 2);

type Registrar = (command: string, description: string, flags: CliFlags | null, handler: (params: CliData) => Promise<string>) => void;

export function registerCliHandlers(plugin: SourceQueuePlugin): boolean {
  if (!requireApiVersion("1.12.2")) return false;
  const register = (Plugin.prototype as { registerCliHandler?: unknown }).registerCliHandler;
  if (typeof register !== "function") return false;
  const add: Registrar = (command, description, flags, handler) => (register as Registrar).call(plugin, command, description, flags, handler);
  const fileOf = (params: CliData): TFile => {
    const path = params.note ?? params.path;
    const file = path ? plugin.app.vault.getAbstractFileByPath(path) : null;
    if (!(file instanceof TFile)) throw new Error(`note not found in the vault: ${path ?? "(none given)"}`);
    return file;
  };

  add("source-queue:list", "List the source queue as JSON", { status: { value: "<a,b>", description: "Statuses to show" }, priority: { value: "<a,b>", description: "Priorities to show" }, domain: { value: "<domain>", description: "Only this domain" }, all: { description: "Include processed and null-result" } }, async (params) => {
    const statuses = split(params.status) as StatusKey[];
    const query = { ...DEFAULT_QUERY, statuses: statuses.length > 0 ? statuses : params.all ? ALL_STATUSES : DEFAULT_QUERY.statuses, priorities: split(params.priority) as (Priority | "unknown")[], domain: params.domain ?? "" };
    plugin.index.ensureDetails(plugin.index.all().map((i) => i.path));
    await plugin.index.idle();
    const all = plugin.index.all();
    return out(listJson(plugin.app.vault.getName(), countByStatus(all), queryItems(all, query)));
  });

  add("source-queue:extract", "Split a source's extraction hints into claim notes", { note: { value: "<path>", description: "The source note" }, "dry-run": { description: "Write nothing" } }, async (params) => {
    const file = fileOf(params);
    const port = new ObsidianVaultPort(plugin.app);
    const plan = planExtraction({ path: file.path, text: await plugin.app.vault.read(file), settings: plugin.data.settings, today: today(), port });
    if (params["dry-run"] || plan.blockers.length > 0) return out(extractJson(plan, !!params["dry-run"], [], plan.blockers));
    const before = new Set(plan.creates.map((c) => c.candidate.path));
    const ok = await plugin.actions.applyPlan(plan);
    return out(extractJson(plan, false, ok ? [...before] : [], ok ? [] : ["extract failed and was rolled back"]));
  });

  add("source-queue:set", "Set a source's status or priority", { note: { value: "<path>", description: "The source note" }, status: { value: "<status>", description: STATUSES.join(", ") }, priority: { value: "<priority>", description: PRIORITIES.join(", ") }, reason: { value: "<text>", description: "Why, for null-result" } }, async (params) => {
    const file = fileOf(params);
    if (params.priority) {
      if (!(PRIORITIES as readonly string[]).includes(params.priority)) throw new Error(`priority must be one of ${PRIORITIES.join(", ")}`);
      await writeField(plugin.app, file, { field: "priority", to: params.priority as Priority }, plugin.data.settings);
    }
    if (params.status) {
      if (!(STATUSES as readonly string[]).includes(params.status)) throw new Error(`status must be one of ${STATUSES.join(", ")}`);
      await writeField(plugin.app, file, { field: "status", to: params.status as Status, reason: params.reason }, plugin.data.settings);
    }
    return `${file.path}: updated`;
  });

  add("source-queue:validate", "Report every problem of every queue note as JSON", null, async () => out(validateJson(await plugin.collectProblems())));
  return true;
}
