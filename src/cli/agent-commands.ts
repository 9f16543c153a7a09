// The agent tools (SPEC §7) over a vault on disk, for `source-queue mcp`. A
// thin mapping from each tool's arguments to the core's commands and the §5
// JSON; refusals become CommandErrors (one line). Wave 1 of #15: once the
// command layer (src/core/commands/) has setFields/extract/validate/list,
// each method here calls it instead of the pieces below.
import { statSync } from "node:fs";
import { formatISO } from "date-fns";
import { bodyProblem } from "../core/agent-claim";
import { claimSource, releaseSource } from "../core/commands/claim-source";
import { nextSource, processingPaths } from "../core/commands/next-source";
import { applyExtraction, planExtraction, undoExtraction, type ExtractionRecord } from "../core/extraction";
import { editFrontmatter, type FieldEdit } from "../core/frontmatter-edit";
import { removeFrontmatterKeys } from "../core/frontmatter-remove";
import { extractJson, listJson } from "../core/json-output";
import { ALL_STATUSES, countByStatus, DEFAULT_QUERY, queryItems, type QueueQuery, type StatusKey } from "../core/queue-query";
import type { Settings } from "../core/settings";
import { holdOf, LEASE_FIELD } from "../core/source-lease";
import { isQueueNote, readSource } from "../core/source-note";
import { statusEdits } from "../core/source-update";
import { CommandError, type AgentCommands, type ClaimArgs, type ExtractArgs, type ListArgs, type NextArgs, type PathArgs, type ReleaseArgs, type SetArgs, type ToolResult } from "./agent-tools";
import { choicesFrom, previewPort, withAgentBodies } from "./agent-plan";
import { FsVault } from "./fs-vault";
import { LiveRows } from "./live-rows";
import { UndoStore } from "./undo-store";
import { validate } from "./validate";

export interface AgentCommandsOptions {
  /** The clock, for leases and `processed_date` (tests set it). */
  now?: () => Date;
  /** Where undo records go (default: the CLI's cache folder). */
  undoDir?: string | null;
}

const oneLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";

export class FsAgentCommands implements AgentCommands {
  private readonly rows = new LiveRows();
  private readonly now: () => Date;

  constructor(
    private readonly vaultDir: string,
    private readonly opts: AgentCommandsOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    // Fails at once (a usage error) when the vault is missing, before the server starts.
    new FsVault(vaultDir);
  }

  /** A fresh view of the vault per call: settings and links as they are now. */
  private open(): { vault: FsVault; settings: Settings; rejected: string[] } {
    const vault = new FsVault(this.vaultDir);
    return { vault, ...vault.settings() };
  }

  private undoStore(vault: FsVault): UndoStore {
    return this.opts.undoDir === undefined ? new UndoStore(vault.realRoot) : new UndoStore(vault.realRoot, this.opts.undoDir);
  }

  /** The vault path of an existing Markdown note, or a CommandError: outside the vault, missing, not a regular file. */
  private notePath(vault: FsVault, path: string): string {
    const clean = path.replace(/\\/g, "/").replace(/^\.\//, "");
    let full: string;
    try {
      full = vault.abs(clean);
    } catch (err) {
      throw new CommandError(oneLine(err), "usage");
    }
    const found = vault.existing(clean);
    if (found === null) throw new CommandError(`note not found in the vault: ${path}`, "usage");
    if (!statSync(full, { throwIfNoEntry: false })?.isFile()) throw new CommandError(`${path} is not a regular file`, "usage");
    if (!found.toLowerCase().endsWith(".md")) throw new CommandError(`${path} is not a Markdown note`, "usage");
    return found;
  }

  /** The path of a source note (a queue note, not a claim) and its text. */
  private async source(vault: FsVault, settings: Settings, path: string): Promise<{ path: string; text: string }> {
    const found = this.notePath(vault, path);
    const text = await vault.read(found);
    const { note } = readSource(found, text, settings);
    if (!isQueueNote(note)) throw new CommandError(`${found} is a ${note.type ?? "non-source"} note, not a source`);
    return { path: found, text };
  }

  async listSources(args: ListArgs): Promise<ToolResult> {
    const { vault, settings } = this.open();
    const statuses = (args.status ?? []) as StatusKey[];
    const query: QueueQuery = {
      ...DEFAULT_QUERY,
      statuses: statuses.length > 0 ? statuses : args.all ? ALL_STATUSES : DEFAULT_QUERY.statuses,
      priorities: args.priority ?? [],
      domain: args.domain ?? "",
    };
    const all = this.rows.read(vault, settings);
    return listJson(vault.root, countByStatus(all), queryItems(all, query));
  }

  async nextSource(args: NextArgs & { skip?: ReadonlySet<string> }): Promise<ToolResult> {
    const { vault, settings } = this.open();
    const rows = this.rows.read(vault, settings);
    const all = args.skip && args.skip.size > 0 ? rows.filter((r) => !args.skip?.has(r.path)) : rows;
    // Only processing rows need their lease read, and only their frontmatter is parsed.
    const processingData = new Map<string, Record<string, unknown> | null>();
    for (const path of processingPaths(all)) {
      try {
        processingData.set(path, this.rows.frontmatter(vault, path));
      } catch {
        // unreadable now: counted as held (left out of the map)
      }
    }
    const next = nextSource(all, { domain: args.domain, processingData }, this.now());
    return { source: next === null ? null : (listJson(vault.root, countByStatus([next]), [next]).sources[0] ?? null) };
  }

  /**
   * `next --claim AGENT` (the CLI twin): the next source, claimed. Another
   * agent may claim it between the two steps; then the next one is tried, a
   * few times, so a busy queue does not make this fail.
   */
  async claimNext(args: NextArgs & { agent: string; lease_minutes?: number }): Promise<ToolResult> {
    const skip = new Set<string>();
    for (let attempt = 0; attempt < 5; attempt++) {
      const next = (await this.nextSource({ ...args, skip })).source as { path: string } | null;
      if (next === null) return { source: null, claim: null };
      try {
        return { source: next, claim: await this.claimSource({ path: next.path, agent: args.agent, lease_minutes: args.lease_minutes }) };
      } catch (err) {
        if (!(err instanceof CommandError)) throw err;
        skip.add(next.path);
      }
    }
    throw new CommandError("other agents claimed every source offered; try again");
  }

  async claimSource(args: ClaimArgs): Promise<ToolResult> {
    const { vault, settings } = this.open();
    const { path } = await this.source(vault, settings, args.path);
    const result = await claimSource(vault, { path, agent: args.agent, leaseMinutes: args.lease_minutes }, this.now());
    this.rows.touched([path]);
    if (!result.ok) throw new CommandError(result.error);
    return { path, agent: result.agent, status: "processing", processing_until: result.until, outcome: result.outcome, previous: result.previous };
  }

  async readSource(args: PathArgs): Promise<ToolResult> {
    const { vault, settings } = this.open();
    const { path, text } = await this.source(vault, settings, args.path);
    const { note, sections, parsed } = readSource(path, text, settings);
    const plan = planExtraction({ path, text, settings, today: this.today(), port: previewPort(vault) });
    const hold = holdOf(parsed.data, this.now());
    const json = extractJson(plan, true, [], []);
    return {
      path,
      title: note.title,
      frontmatter: parsed.data,
      status: note.status,
      priority: note.priority,
      held: hold.held ? { by: hold.by, until: hold.until?.toISOString() ?? null } : null,
      sections: { ...sections, body: parsed.shape.lines.slice(parsed.bodyStart).join("\n") },
      candidates: json.candidates.map((c, i) => ({ number: i + 1, ...c })),
      guidance: plan.guidance,
      folder: plan.folder,
      previous: plan.previous,
      problems: json.problems,
    };
  }

  async extractClaims(args: ExtractArgs): Promise<ToolResult> {
    if (args.targets !== undefined && Object.keys(args.targets).length > 0) {
      throw new CommandError("targets: enrichment targets are not available in this version; nothing written");
    }
    const claims = args.claims ?? [];
    claims.forEach((c, i) => {
      const bad = c.body === undefined ? null : bodyProblem(c.body);
      if (bad !== null) throw new CommandError(`claims.${i}: ${bad}; nothing written`);
    });
    const { vault, settings: configured } = this.open();
    const { path, text } = await this.source(vault, configured, args.path);
    // The agent holding the source is the one processing it: its name beside this run's date is
    // true (SPEC §3), so an empty processedBy setting must not remove the processed_by it claimed with.
    const hold = holdOf(readSource(path, text, configured).parsed.data, this.now());
    const settings = hold.held && hold.by && configured.processedBy === "" ? { ...configured, processedBy: hold.by } : configured;
    const today = this.today();
    const added = claims.map((c) => ({ title: c.title, description: c.description, confidence: c.confidence }));
    const draft = planExtraction({ path, text, settings, today, port: vault, added });
    const hintCount = draft.candidates.length - added.length;
    const choices = choicesFrom(args.select, hintCount);
    const plan = choices ? planExtraction({ path, text, settings, today, port: vault, choices, added }) : draft;
    withAgentBodies(plan, claims, vault, hintCount);
    if (plan.blockers.length > 0) throw new CommandError(`nothing written: ${plan.blockers.join("; ")}`);
    if (args.dry_run) return { ...extractJson(plan, true, [], []), wouldCreate: plan.creates.map((p) => p.candidate.path) };

    const result = await applyExtraction(plan, vault);
    this.rows.touched([path, ...plan.creates.map((p) => p.candidate.path)]);
    if (!result.ok) {
      const left = result.leftBehind.length > 0 ? ` (could not remove: ${result.leftBehind.join(", ")})` : "";
      throw new CommandError(`extract failed and was rolled back: ${result.error}${left}`);
    }
    const record = result.record;
    if (record !== null) await this.finish(vault, record, args);
    return { ...extractJson(plan, false, result.created, []), extraction_model: args.model ?? null, extraction_notes: args.notes ?? null };
  }

  /**
   * After the claims exist: record extraction_model / extraction_notes, drop
   * the lease (the source is no longer held), and keep the undo record of the
   * whole run. If any of it fails, the extraction is undone: all or nothing.
   */
  private async finish(vault: FsVault, record: ExtractionRecord, args: ExtractArgs): Promise<void> {
    const edits: FieldEdit[] = [];
    if (args.model !== undefined) edits.push({ key: "extraction_model", set: args.model });
    if (args.notes !== undefined) edits.push({ key: "extraction_notes", set: args.notes });
    let final = record.sourceAfter;
    try {
      final = await vault.edit(record.sourcePath, (current) => {
        if (current !== record.sourceAfter) throw new Error(`${record.sourcePath} changed during the extraction`);
        const set = edits.length > 0 ? editFrontmatter(current, edits) : { ok: true as const, text: current, changed: false };
        if (!set.ok) throw new Error(`extraction_model/extraction_notes cannot be written: ${set.reason}`);
        const dropped = removeFrontmatterKeys(set.text, [LEASE_FIELD]);
        if (!dropped.ok) throw new Error(`${LEASE_FIELD} cannot be removed: ${dropped.reason}`);
        return dropped.text;
      });
      this.undoStore(vault).save({ ...record, sourceAfter: final });
    } catch (err) {
      await undoExtraction({ ...record, sourceAfter: final }, vault).catch(() => undefined);
      throw new CommandError(`extract failed and was rolled back: ${oneLine(err)}`);
    }
  }

  async setFields(args: SetArgs): Promise<ToolResult> {
    if (args.status === undefined && args.priority === undefined) throw new CommandError("set_fields needs status or priority");
    if (args.status === "null-result" && !args.reason?.trim()) throw new CommandError("status null-result needs a reason (it is written to notes)");
    if (args.reason !== undefined && args.status !== "null-result") throw new CommandError("reason goes with status null-result");
    const { vault, settings } = this.open();
    const { path } = await this.source(vault, settings, args.path);
    const edits: FieldEdit[] = [];
    if (args.priority !== undefined) edits.push({ key: "priority", set: args.priority });
    if (args.status !== undefined) edits.push(...statusEdits(args.status, this.today(), settings.processedBy, args.reason));
    let changed = false;
    this.rows.touched([path]);
    try {
      await vault.edit(path, (current) => {
        const result = editFrontmatter(current, edits);
        if (!result.ok) throw new Error(result.reason);
        changed = result.changed;
        return result.text;
      });
    } catch (err) {
      throw new CommandError(`${path} was not changed: ${oneLine(err)}`);
    }
    return { path, changed, fields: Object.fromEntries(edits.map((e) => [e.key, "set" in e ? e.set : e.append])) };
  }

  async releaseSource(args: ReleaseArgs): Promise<ToolResult> {
    const { vault, settings } = this.open();
    const { path } = await this.source(vault, settings, args.path);
    const result = await releaseSource(vault, { path, agent: args.agent }, this.now());
    this.rows.touched([path]);
    if (!result.ok) throw new CommandError(result.error);
    return { path, agent: result.agent, status: result.status };
  }

  async validateVault(): Promise<ToolResult> {
    const { vault, settings, rejected } = this.open();
    const result = await validate(vault, settings, { json: true }, rejected);
    return JSON.parse(result.out) as ToolResult;
  }

  async undoExtraction(args: PathArgs): Promise<ToolResult> {
    const { vault } = this.open();
    const path = this.notePath(vault, args.path);
    const store = this.undoStore(vault);
    const record = store.load(path);
    if (record === null) throw new CommandError(`no extraction of ${path} to undo`);
    const result = await undoExtraction(record, vault);
    this.rows.touched([path, ...record.created.map((c) => c.path)]);
    if (result.sourceRestored) store.forget(path);
    return { source: path, ...result };
  }

  private today(): string {
    return formatISO(this.now(), { representation: "date" });
  }
}
