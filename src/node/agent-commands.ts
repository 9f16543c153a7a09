// The agent tools (SPEC §7) over a vault on disk, for `source-queue mcp` and
// the CLI twins. A mapping only: each tool's arguments become a call of the
// core's commands (src/core/commands/: list, next, claim, extract, set,
// validate, undo), which write through FsVault's locked port; a split is
// journaled as the CLI's `extract` is. Refusals become CommandErrors (one
// line). No tool writes on its own.
import { nodeNow } from "./test-clock";
import { statSync } from "node:fs";
import { claimSource, releaseSource } from "../core/commands/claim-source";
import { CommandFailed, UsageError as CoreUsageError } from "../core/commands/command-error";
import { applyPlan, extractOutcomeJson, planExtract, undo, type ExtractContext } from "../core/commands/extract";
import { listQueue, listResultJson } from "../core/commands/list";
import { nextSource } from "../core/commands/next-source";
import { checkChange, setFields, setJson } from "../core/commands/set-fields";
import { settingsFile, validateQueue, validateResultJson } from "../core/commands/validate";
import { extractJson, listJson } from "../core/commands/json-output";
import { countByStatus } from "../core/queue/queue-query";
import type { Settings } from "../core/note/settings";
import { holdOf } from "../core/writes/source-lease";
import { isQueueNote, readSource } from "../core/note/source-note";
import { CommandError, type AgentCommands, type ClaimArgs, type ExtractArgs, type ListArgs, type NextArgs, pageOf, type PageArgs, type ReadArgs, type ReleaseArgs, type SetArgs, type ToolResult, type UndoArgs } from "./agent-tools";
import { checkBodies, extractRequest, previewPort } from "./agent-plan";
import { textVersion } from "../core/text/text-version";
import { detectReasonField } from "../core/commands/conventions";
import { conventionNotes } from "./convention-notes";
import { FsVault, UsageError } from "./fs-vault";
import { LiveRows } from "./live-rows";
import { journalStoreOf, recoverInterrupted } from "./recovery";
import { keepUndoRecord, UndoStore } from "./undo-store";
import { LiveClaims } from "./live-claims";
import { claimsOfVault } from "./claim-cache";
import { claimTargets } from "./claim-target";
import type { ClaimIndex } from "../core/claims/claim-index";
import { draftSource } from "../core/commands/draft";
import type { DraftResult } from "../core/extraction/ai-draft/response";
import { aiConfigFromEnv, fetchTransport } from "./ai-transport";

export interface AgentCommandsOptions {
  /** The clock, for leases and `processed_date` (tests set it). */
  now?: () => Date;
  /** Where undo records go (default: the CLI's cache folder). */
  undoDir?: string | null;
  /** Where lines about recovered runs go (the server: stderr). */
  log?: (line: string) => void;
}

const oneLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";

/** The core's arguments as the agent named them (`--add` is `claims` here). */
const ARGUMENT: Record<string, string> = { add: "claims", target: "targets" };

/** A core command's refusal as the one line an agent reads; anything else is rethrown. */
function asCommandError(err: unknown): never {
  if (err instanceof CoreUsageError) throw new CommandError(err.option === null ? err.detail : `${ARGUMENT[err.option] ?? err.option}: ${err.detail}`, "usage");
  if (err instanceof UsageError) throw new CommandError(err.message, "usage");
  if (err instanceof CommandFailed) throw new CommandError(err.message);
  throw err;
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof CommandError) throw err;
    return asCommandError(err);
  }
}

export class FsAgentCommands implements AgentCommands {
  private readonly rows = new LiveRows();
  private readonly liveClaims = new LiveClaims();
  private readonly now: () => Date;

  constructor(
    private readonly vaultDir: string,
    private readonly opts: AgentCommandsOptions = {},
  ) {
    this.now = opts.now ?? nodeNow;
    // Fails at once (a usage error) when the vault is missing, before the server starts.
    new FsVault(vaultDir);
  }

  /** A fresh view of the vault per call: settings and links as they are now. */
  private open(): { vault: FsVault; settings: Settings; rejected: string[] } {
    const vault = new FsVault(this.vaultDir);
    return { vault, ...vault.settings() };
  }

  /** The split's context, as the CLI's extract has it: its journal is this process's (SPEC §8). */
  private context(vault: FsVault, settings: Settings, claims: ClaimIndex): ExtractContext {
    return { settings, now: this.now(), claims, journal: { store: journalStoreOf(vault), writer: "cli", pid: process.pid, now: Date.now } };
  }

  /** The vault's claim index (SPEC §6), for similar claims and enrichment targets: kept live between calls (live-claims.ts). */
  private claims(vault: FsVault): ClaimIndex {
    return this.liveClaims.read(vault);
  }

  /** Finish or take back what a killed run left, before a write (SPEC §8); a long-running server meets such runs too. */
  async recover(vault: FsVault = this.open().vault): Promise<void> {
    for (const line of await recoverInterrupted(vault)) this.opts.log?.(line);
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

  /** A claim or other note that is not in the queue is refused as extract refuses it. */
  private async requireSource(vault: FsVault, settings: Settings, path: string): Promise<void> {
    const { note } = readSource(path, await guarded(() => vault.read(path)), settings);
    if (!isQueueNote(note)) throw new CommandError(`${path} is a ${note.type ?? "non-source"} note, not a source`);
  }

  async listSources(args: ListArgs): Promise<ToolResult> {
    const { vault, settings } = this.open();
    const filter = { status: args.status?.join(","), priority: args.priority?.join(","), domain: args.domain, all: args.all };
    return guarded(async () => {
      const { sources, ...rest } = listResultJson(vault.root, listQueue(this.rows.read(vault, settings), filter));
      const { page, ...paging } = pageOf(sources, args);
      return { ...rest, sources: page, ...paging };
    });
  }

  async nextSource(args: NextArgs & { skip?: ReadonlySet<string> }): Promise<ToolResult> {
    const { vault, settings } = this.open();
    const rows = this.rows.read(vault, settings);
    const all = args.skip && args.skip.size > 0 ? rows.filter((r) => !args.skip?.has(r.path)) : rows;
    // Only the leases of rows that would come first are read (their frontmatter only, kept with the row).
    const frontmatterOf = (p: string) => {
      try {
        return this.rows.frontmatter(vault, p);
      } catch {
        return undefined; // unreadable now: counted as held
      }
    };
    const next = nextSource(all, { domain: args.domain, frontmatterOf, agent: args.agent }, this.now());
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

  /** `review`: the claim names the branch its extraction will be reviewed on (`--sync git --review`, SPEC §7). */
  async claimSource(args: ClaimArgs, review?: { branchOf: (path: string) => string }): Promise<ToolResult> {
    const { vault, settings } = this.open();
    const path = this.notePath(vault, args.path);
    await this.requireSource(vault, settings, path);
    const result = await claimSource(vault, { path, agent: args.agent, leaseMinutes: args.lease_minutes, reviewBranch: review?.branchOf(path) }, this.now());
    this.rows.touched([path]);
    if (!result.ok) throw new CommandError(result.error);
    return { path, agent: result.agent, status: "processing", processing_until: result.until, outcome: result.outcome, previous: result.previous };
  }

  async readSource(args: ReadArgs): Promise<ToolResult> {
    const { vault, settings } = this.open();
    const path = this.notePath(vault, args.path);
    const now = this.now();
    const claims = this.claims(vault);
    // SPEC §9: only when the agent asks; a failure is one problem line and the rule-based candidates stay.
    let drafted: DraftResult | null = null;
    if (args.draft === true) {
      const { config, problem } = aiConfigFromEnv(settings);
      if (problem !== null) throw new CommandError(problem, "usage");
      drafted = await guarded(() => draftSource(vault, path, { settings, ai: config, send: fetchTransport(config.timeoutSeconds), claims }));
    }
    const draft = drafted?.ok ? drafted.draft : undefined;
    const plan = await guarded(() => planExtract(previewPort(vault), { path, dryRun: true, draft }, { settings, now, claims }));
    const { note, sections, parsed } = readSource(path, plan.sourceBefore, settings);
    const hold = holdOf(parsed.data, now);
    const json = extractJson(plan, true, [], drafted !== null && !drafted.ok ? [drafted.error] : []);
    return {
      path,
      title: note.title,
      frontmatter: parsed.data,
      status: note.status,
      priority: note.priority,
      held: hold.held ? { by: hold.by, until: hold.until?.toISOString() ?? null } : null,
      sections: { ...sections, body: parsed.shape.lines.slice(parsed.bodyStart).join("\n") },
      candidates: json.candidates.map((c, i) => ({ number: i + 1, ...c })),
      version: textVersion(plan.sourceBefore),
      guidance: plan.guidance,
      folder: plan.folder,
      previous: plan.previous,
      ...(json.draft ? { draft: json.draft } : {}),
      problems: json.problems,
    };
  }

  /** `takeOver`: a curator's `--take-over` on the CLI (never an agent's tool argument). */
  async extractClaims(args: ExtractArgs, takeOver = false): Promise<ToolResult> {
    checkBodies(args);
    const { vault, settings } = this.open();
    const path = this.notePath(vault, args.path);
    await this.recover(vault);
    const claims = this.claims(vault);
    const ctx = this.context(vault, settings, claims);
    const targets = await guarded(async () => claimTargets(vault, Object.entries(args.targets ?? {}).map(([n, p]) => [Number(n), p] as const), claims));
    const request = { ...extractRequest(path, args, takeOver), targets };
    // The holder and the version are checked on the text the plan read; the write compares that text (SPEC §7, §8).
    const plan = await guarded(() => planExtract(vault, request, ctx));
    if (plan.blockers.length > 0) throw new CommandError(`nothing written: ${plan.blockers.join("; ")}`);
    if (args.dry_run) return { ...extractJson(plan, true, [], []), version: textVersion(plan.sourceBefore), wouldCreate: plan.creates.map((p) => p.candidate.path) };

    const outcome = await guarded(() => applyPlan(vault, plan, { writer: request.writer ?? {}, now: ctx.now }, ctx.journal));
    this.rows.touched([path, ...plan.creates.map((p) => p.candidate.path)]);
    this.liveClaims.touched([...plan.creates.map((p) => p.candidate.path), ...plan.enrichments.map((e) => e.targetPath)]);
    if (outcome.code !== 0) throw new CommandError(outcome.errors.join("; "));
    const json = extractOutcomeJson(outcome);
    const kept = outcome.record === null ? null : keepUndoRecord(this.undoStore(vault), outcome.record, args.agent?.trim() || null);
    return {
      ...json,
      problems: kept === null ? json.problems : [...json.problems, { level: "warning", message: kept }],
      undoable: outcome.record !== null && kept === null,
      extraction_model: args.model ?? null,
      extraction_notes: args.notes ?? null,
    };
  }

  async setFields(args: SetArgs, takeOver = false): Promise<ToolResult> {
    const change = { status: args.status, priority: args.priority, reason: args.reason };
    // Bad values are named before the note is looked for, as the CLI's set does.
    await guarded(async () => checkChange(change));
    const { vault, settings } = this.open();
    const path = this.notePath(vault, args.path);
    await this.requireSource(vault, settings, path);
    this.rows.touched([path]);
    // No reason field set: the one most null-result notes of the queue use (SPEC §1), as the CLI's set finds it.
    const reasonField = settings.reasonField || (args.reason ? detectReasonField(conventionNotes(vault, settings.queueFolder)).field : "notes");
    return setJson(await guarded(() => setFields(vault, path, change, { settings: { ...settings, reasonField }, now: this.now(), writer: { agent: args.agent, takeOver } })));
  }

  async releaseSource(args: ReleaseArgs): Promise<ToolResult> {
    const { vault, settings } = this.open();
    const path = this.notePath(vault, args.path);
    await this.requireSource(vault, settings, path);
    const result = await releaseSource(vault, { path, agent: args.agent }, this.now());
    this.rows.touched([path]);
    if (!result.ok) throw new CommandError(result.error);
    return { path, agent: result.agent, status: result.status };
  }

  async validateVault(args: PageArgs): Promise<ToolResult> {
    const { vault, settings, rejected } = this.open();
    const items = this.rows.read(vault, settings);
    // Dangling claims_extracted entries as `validate` finds them (SPEC §2 rule 9), from the claim cache.
    const claims = claimsOfVault(vault);
    const { files, ...counts } = validateResultJson(validateQueue({ items, settingsPath: settingsFile(vault.configDir), rejected, claims }));
    const { page, ...paging } = pageOf(files, args);
    return { files: page, ...counts, ...paging };
  }

  async undoExtraction(args: UndoArgs): Promise<ToolResult> {
    const { vault } = this.open();
    const path = this.notePath(vault, args.path);
    await this.recover(vault);
    const store = this.undoStore(vault);
    const kept = store.load(path);
    if (kept === null) throw new CommandError(`no extraction of ${path} to undo`);
    const { record, maker } = kept;
    const result = await guarded(() => undo(vault, record, { agent: args.agent, maker, now: this.now() }));
    this.rows.touched([path, ...record.created.map((c) => c.path)]);
    this.liveClaims.touched([...record.created.map((c) => c.path), ...(record.enriched ?? []).map((e) => e.path)]);
    if (result.sourceRestored) store.forget(path);
    return { source: path, ...result };
  }
}
