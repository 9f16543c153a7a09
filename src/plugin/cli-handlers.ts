// The same list, extract, set and validate for Obsidian's own command line
// (Plugin.registerCliHandler, Obsidian 1.12.2+), answering in the JSON of
// SPEC §5: thin doors over the core commands, as the CLI is. Registered only
// where the app has it.
import { normalizePath, Plugin, requireApiVersion, type CliData, type CliFlags } from "obsidian";
import { UsageError } from "../core/commands/command-error";
import { extract, extractOutcomeJson, parseNumbered, parseSelect, planExtract, type ExtractOutcome } from "../core/commands/extract";
import { listQueue, listResultJson } from "../core/commands/list";
import { setFields, setJson } from "../core/commands/set-fields";
import { validateQueue, validateResultJson } from "../core/commands/validate";
import type { ClaimIndex } from "../core/claims/claim-index";
import type { ExtractionPlan } from "../core/extraction/extraction";
import { PRIORITIES, STATUSES } from "../core/note/model";
import type { QueueItem } from "../core/queue/queue-query";
import type { Settings } from "../core/note/settings";
import type { VaultPort } from "../core/note/vault-port";
import type { Writer } from "../core/commands/holder";

export interface CliHost {
  port: VaultPort;
  vaultName(): string;
  settings(): Settings;
  /** Settings that were invalid in data.json and fell back to defaults. */
  rejectedSettings(): readonly string[];
  /** The settings file, vault-relative. */
  settingsPath(): string;
  now(): Date;
  /** Every queue row, read from its note's text. */
  rows(): Promise<QueueItem[]>;
  /** The vault's claim index (SPEC §6), kept live by the plugin: near-duplicates and enrichment targets. */
  claims(): ClaimIndex;
  /** Apply a plan as the preview does (keeping its record for undo). */
  applyPlan(plan: ExtractionPlan, writer: Writer): Promise<ExtractOutcome>;
  /** What each of these notes lists in claims_extracted (validate's dangling entries, SPEC §2 rule 9). */
  listedClaims?(paths: readonly string[]): Map<string, string[]>;
}

/** A flag's value, or undefined when absent or given bare (`all` parses as "true"). */
const value = (v: string | undefined) => (v === undefined || v === "true" ? undefined : v);
const out = (result: unknown) => JSON.stringify(result, null, 2);

/** Usage errors name the flag as Obsidian's command line spells it (`select=`). */
async function answer(run: () => Promise<unknown>): Promise<string> {
  try {
    return out(await run());
  } catch (err) {
    if (err instanceof UsageError && err.option !== null) throw new Error(`${err.option}=: ${err.detail}`);
    throw err;
  }
}

/** `target=N=path`: the claim candidate N enriches, a claim note of the vault; else a usage error naming it. */
function targetsOf(pair: string | undefined, claims: ClaimIndex): Map<number, string> {
  const targets = parseNumbered(pair === undefined ? [] : [pair], "target");
  for (const [n, path] of targets) {
    const clean = normalizePath(path.trim());
    if (claims.get(clean) === null) throw new UsageError(`candidate ${n}: ${clean} is not a claim note of this vault`, "target");
    targets.set(n, clean);
  }
  return targets;
}

type Registrar = (command: string, description: string, flags: CliFlags | null, handler: (params: CliData) => Promise<string>) => void;

export function registerCliHandlers(plugin: Plugin, host: CliHost): boolean {
  if (!requireApiVersion("1.12.2")) return false;
  const register = (Plugin.prototype as { registerCliHandler?: unknown }).registerCliHandler;
  if (typeof register !== "function") return false;
  const add: Registrar = (command, description, flags, handler) => (register as Registrar).call(plugin, command, description, flags, handler);
  const noteOf = (params: CliData): string => {
    const path = value(params.note) ?? value(params.path);
    if (!path) throw new UsageError("a note is needed (note=<path>)");
    return normalizePath(path);
  };
  const ctx = () => ({ settings: host.settings(), now: host.now(), claims: host.claims() });
  // Who writes (SPEC §7): `agent=NAME` for an agent, `take-over` for a curator taking a held source over.
  const writerOf = (params: CliData): Writer => ({ agent: value(params.agent), takeOver: params["take-over"] !== undefined });
  const writerFlags = { agent: { value: "<name>", description: "Your agent's name (while the source is held, only its holder may write)" }, "take-over": { description: "Take a source an agent holds over (ends its lease)" } };

  add("source-queue:list", "List the source queue as JSON", { status: { value: "<a,b>", description: "Statuses to show" }, priority: { value: "<a,b>", description: "Priorities to show" }, domain: { value: "<domain>", description: "Only this domain" }, all: { description: "Include processed and null-result" } }, (params) =>
    answer(async () => listResultJson(host.vaultName(), listQueue(await host.rows(), { status: value(params.status), priority: value(params.priority), domain: value(params.domain), all: params.all !== undefined }))),
  );

  add(
    "source-queue:extract",
    "Split a source's extraction hints into claim notes",
    { note: { value: "<path>", description: "The source note" }, "dry-run": { description: "Write nothing" }, select: { value: "<1,3>", description: "Candidates to create, by number" }, add: { value: "<title>", description: "A claim in no hint" }, title: { value: "<N=title>", description: "Retitle candidate N" }, target: { value: "<N=path>", description: "The claim candidate N enriches" }, ...writerFlags },
    (params) =>
      answer(async () => {
        const titled = value(params.add);
        const req = {
          path: noteOf(params),
          dryRun: params["dry-run"] !== undefined,
          select: value(params.select) === undefined ? undefined : parseSelect(value(params.select) ?? ""),
          titles: parseNumbered(value(params.title) === undefined ? [] : [value(params.title) ?? ""], "title"),
          added: titled === undefined ? [] : [{ title: titled }],
          targets: targetsOf(value(params.target), host.claims()),
          writer: writerOf(params),
        };
        if (req.dryRun) return extractOutcomeJson(await extract(host.port, req, ctx()));
        // Applied as the preview applies, so the run can be undone from the palette.
        return extractOutcomeJson(await host.applyPlan(await planExtract(host.port, req, ctx()), req.writer));
      }),
  );

  add("source-queue:set", "Set a source's status or priority", { note: { value: "<path>", description: "The source note" }, status: { value: "<status>", description: STATUSES.join(", ") }, priority: { value: "<priority>", description: PRIORITIES.join(", ") }, reason: { value: "<text>", description: "Why, for null-result" }, ...writerFlags }, (params) =>
    answer(async () => setJson(await setFields(host.port, noteOf(params), { status: value(params.status), priority: value(params.priority), reason: value(params.reason) }, { ...ctx(), writer: writerOf(params) }))),
  );

  add("source-queue:validate", "Report every problem of every queue note as JSON", null, () =>
    answer(async () => {
      const items = await host.rows();
      const listed = host.listedClaims?.(items.map((i) => i.path));
      const claims = listed ? { index: host.claims(), listed } : undefined;
      return validateResultJson(validateQueue({ items, settingsPath: host.settingsPath(), rejected: host.rejectedSettings(), claims }));
    }),
  );
  return true;
}
