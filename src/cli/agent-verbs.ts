// The CLI twins of the agent tools (SPEC §7): `next [--claim AGENT]`,
// `claim`, `release`, `undo` and `extract --plan FILE|-`, as CommandResults for
// main.ts, over the same commands as the MCP server (agent-commands.ts), so
// the two doors cannot disagree. JSON with --json; one line of text without.
import { readFileSync } from "node:fs";
import { FsAgentCommands } from "../node/agent-commands";
import { CommandError, parsePlan, type ToolResult } from "../node/agent-tools";
import { leaseProblem, MAX_LEASE_MINUTES } from "../core/commands/claim-source";
import { FsVault, UsageError } from "../node/fs-vault";
import { SyncedAgentCommands, syncedCommandsOf } from "../node/git/synced-commands";
import { json } from "./output";
import type { CommandResult } from "./result";

export interface VerbOptions {
  vault: string;
  json?: boolean;
  /** `--sync git`: every write is a commit pushed to the clone's upstream (SPEC §7). */
  sync?: boolean;
  /** `--review`: extractions go to a branch of their own for review; `--on-review CMD` runs after its push (SPEC §7). */
  review?: boolean;
  onReview?: string;
}

/** The agent commands over the vault, synced through git when asked. */
function commandsOf(opts: VerbOptions): FsAgentCommands | SyncedAgentCommands {
  const commands = new FsAgentCommands(opts.vault);
  if (!opts.sync) return commands;
  try {
    return syncedCommandsOf(opts.vault, commands, { review: opts.review, onReview: opts.onReview });
  } catch (err) {
    if (err instanceof CommandError) throw new UsageError(err.message);
    throw err;
  }
}

/** A command's refusal as the CLI shows it: one line on stderr, exit 1 (2 when no note of the vault was named). */
async function run(fn: () => Promise<ToolResult>, text: (r: ToolResult) => string, jsonOut: boolean | undefined): Promise<CommandResult> {
  try {
    const result = await fn();
    return { code: 0, out: jsonOut ? json(result) : text(result) };
  } catch (err) {
    if (err instanceof CommandError && err.kind === "usage") throw new UsageError(err.message);
    if (err instanceof CommandError) return { code: 1, out: "", err: `source-queue: ${err.message}` };
    throw err;
  }
}

/** A note as the user named it: vault-relative, or a file-system path inside the vault. */
const notePath = (vault: string, note: string): string => new FsVault(vault).toVaultPath(note);

const leaseOf = (lease: string | undefined): number | undefined => {
  if (lease === undefined) return undefined;
  const n = Number(lease);
  // The core's bounds (a week at most), asked here so a bad value is bad usage (exit 2) before anything is read.
  if (leaseProblem(n) !== null) throw new UsageError(`--lease: "${lease}" is not a whole number of minutes from 1 to ${MAX_LEASE_MINUTES}`);
  return n;
};

export async function nextVerb(opts: VerbOptions & { domain?: string; claim?: string; lease?: string }): Promise<CommandResult> {
  const commands = commandsOf(opts);
  const lease = leaseOf(opts.lease);
  if (opts.claim === undefined) {
    if (lease !== undefined) throw new UsageError("--lease goes with --claim");
    return run(
      () => commands.nextSource({ domain: opts.domain }),
      (r) => {
        const s = r.source as { path: string; priority: string | null } | null;
        return s === null ? "No source is free." : `${s.path} (${s.priority ?? "no"} priority)`;
      },
      opts.json,
    );
  }
  const agent = opts.claim;
  return run(
    () => commands.claimNext({ domain: opts.domain, agent, lease_minutes: lease }),
    (r) => {
      const claim = r.claim as { path: string; processing_until: string } | null;
      return claim === null ? "No source is free." : `${claim.path}: claimed by ${agent} until ${claim.processing_until}`;
    },
    opts.json,
  );
}

/** `claim <note> --agent AGENT [--lease MIN]`: claim_source on the command line, one named source. */
export async function claimVerb(note: string, opts: VerbOptions & { agent?: string; lease?: string }): Promise<CommandResult> {
  const agent = opts.agent;
  if (agent === undefined) throw new UsageError("claim needs --agent NAME (the agent that takes the source)");
  const lease = leaseOf(opts.lease);
  const commands = commandsOf(opts);
  return run(
    () => commands.claimSource({ path: notePath(opts.vault, note), agent, lease_minutes: lease }),
    (r) => {
      const previous = typeof r.previous === "string" ? r.previous : "no one named";
      const how = r.outcome === "extended" ? " (lease extended)" : r.outcome === "shortened" ? " (lease shortened)" : r.outcome === "taken-over" ? ` (taken over from ${previous}, whose lease had run out)` : "";
      return `${String(r.path)}: claimed by ${String(r.agent)} until ${String(r.processing_until)}${how}`;
    },
    opts.json,
  );
}

export async function releaseVerb(note: string, opts: VerbOptions & { agent?: string }): Promise<CommandResult> {
  const agent = opts.agent;
  if (agent === undefined) throw new UsageError("release needs --agent NAME (the agent that holds the source)");
  const commands = commandsOf(opts);
  return run(() => commands.releaseSource({ path: notePath(opts.vault, note), agent }), (r) => `${String(r.path)}: released by ${agent}; status unprocessed`, opts.json);
}

export async function undoVerb(note: string, opts: VerbOptions & { agent?: string }): Promise<CommandResult> {
  const commands = commandsOf(opts);
  return run(
    () => commands.undoExtraction({ path: notePath(opts.vault, note), agent: opts.agent }),
    (r) => {
      const kept = (r.keptEdited as string[]).length;
      const source = r.sourceRestored ? "the source restored" : `the source left as it is (${String(r.sourceNote)})`;
      return `Removed ${(r.trashed as string[]).length} claim(s)${kept > 0 ? `, kept ${kept} edited since` : ""}; ${source}.`;
    },
    opts.json,
  );
}

/** `extract <note> --plan FILE|-`: the extract_claims arguments as JSON, from a file or stdin ("-"). */
export async function extractPlanVerb(note: string, opts: VerbOptions & { plan: string; dryRun?: boolean; takeOver?: boolean; readStdin?: () => string }): Promise<CommandResult> {
  let text: string;
  try {
    text = opts.plan === "-" ? (opts.readStdin ?? (() => readFileSync(0, "utf8")))() : readFileSync(opts.plan, "utf8");
  } catch (err) {
    throw new UsageError(`--plan: cannot read ${opts.plan === "-" ? "stdin" : opts.plan}: ${(err as Error).message.split("\n")[0]}`);
  }
  let plan;
  try {
    plan = parsePlan(text);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const commands = commandsOf(opts);
  const args = { ...plan, path: notePath(opts.vault, note), ...(opts.dryRun ? { dry_run: true } : {}) };
  return run(
    () => commands.extractClaims(args, opts.takeOver === true),
    (r) => {
      if (r.dryRun) return `Dry run: would create ${(r.wouldCreate as string[]).length}; nothing was written.`;
      const review = r.review as { branch: string; pushed: boolean; on_review: string | null } | undefined;
      const made = `Created ${(r.created as string[]).length} claim(s), linked ${(r.linked as string[]).length}`;
      if (review === undefined) return `${made}; ${note} is updated.`;
      return `${made} on ${review.branch}, pushed for review${review.on_review ? `: ${review.on_review}` : ""}.`;
    },
    opts.json,
  );
}
