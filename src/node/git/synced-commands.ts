// The agent tools with `--sync git` (SPEC §7): every tool that writes goes
// through GitSync, so the CLI's verbs and `mcp --sync git` share one way of
// committing, pushing and losing a race. Reading tools read the clone as it
// is; `next_source` first fast-forwards it to the remote.
import type { FsAgentCommands } from "../agent-commands";
import { CommandError, type AgentCommands, type ClaimArgs, type ExtractArgs, type ListArgs, type NextArgs, type PageArgs, type ReadArgs, type ReleaseArgs, type UndoArgs, type SetArgs, type ToolResult } from "../agent-tools";
import { reviewBranchOf } from "../../core/writes/source-lease";
import { FsVault } from "../fs-vault";
import { GitRefusal } from "./git-clone";
import { extractSubject, GitSync, RemoteBusy, SourceInReview, SourceTaken, type SyncedWrite } from "./git-sync";
import { runOnReview, type ReviewFacts } from "./on-review";

const clean = (path: string) => path.replace(/\\/g, "/").replace(/^\.\//, "");

/** A GitSync refusal as the agent reads it: bad input is "usage" (the CLI exits 2), a lost race a refusal. */
export async function asToolError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof GitRefusal) throw new CommandError(err.message, "usage");
    if (err instanceof SourceTaken || err instanceof SourceInReview || err instanceof RemoteBusy) throw new CommandError(err.message);
    throw err;
  }
}

/** `--review` and `--on-review CMD` (SPEC §7 "Extractions that go through review"). */
export interface ReviewOptions {
  review?: boolean;
  onReview?: string;
}

/** The synced commands of a vault: its reviewBranch setting read once, for GitSync and the claims. */
export function syncedCommandsOf(vaultDir: string, inner: FsAgentCommands, opts: ReviewOptions = {}): SyncedAgentCommands {
  const template = new FsVault(vaultDir).settings().settings.reviewBranch;
  return new SyncedAgentCommands(inner, new GitSync(vaultDir, { reviewBranch: template }), { ...opts, template });
}


export class SyncedAgentCommands implements AgentCommands {
  constructor(
    private readonly inner: FsAgentCommands,
    readonly sync: GitSync,
    private readonly review: ReviewOptions & { template?: string } = {},
  ) {
    if (review.onReview !== undefined && !review.review) throw new CommandError("--on-review goes with --review", "usage");
  }

  /** In review mode a claim names its branch (review_branch), so the sidebar can show it without git. */
  private claimReview(): { branchOf: (path: string) => string } | undefined {
    const template = this.review.template;
    return this.review.review && template !== undefined ? { branchOf: (path) => reviewBranchOf(template, path) } : undefined;
  }

  /** The next source no one holds, none of whose review branches is open on the remote, and that the user is not editing (uncommitted changes). */
  private async freeSource(args: NextArgs, skip: Set<string>): Promise<ToolResult> {
    const heads = await this.sync.remoteHeads();
    for (;;) {
      const r = await this.inner.nextSource({ ...args, skip });
      const path = (r.source as { path?: string } | null)?.path;
      if (path === undefined || (!this.sync.uncommitted(path) && (await this.sync.reviewOf(path, heads)) === null)) return r;
      skip.add(path);
    }
  }

  private write<T>(w: SyncedWrite<T>): Promise<T> {
    return asToolError(() => this.sync.write(w));
  }

  listSources(args: ListArgs): Promise<ToolResult> {
    return this.inner.listSources(args);
  }

  async nextSource(args: NextArgs): Promise<ToolResult> {
    await asToolError(() => this.sync.refresh());
    return asToolError(() => this.freeSource(args, new Set()));
  }

  readSource(args: ReadArgs): Promise<ToolResult> {
    return this.inner.readSource(args);
  }

  validateVault(args: PageArgs): Promise<ToolResult> {
    return this.inner.validateVault(args);
  }

  claimSource(args: ClaimArgs): Promise<ToolResult> {
    return this.write({ source: clean(args.path), agent: args.agent, run: () => this.inner.claimSource(args, this.claimReview()), subject: () => `claim ${clean(args.path)} for ${args.agent}` });
  }

  /** `next --claim AGENT`: the next free source, claimed and pushed; a source lost to another agent's push is skipped and the next one tried. */
  async claimNext(args: NextArgs & { agent: string; lease_minutes?: number }): Promise<ToolResult> {
    const skip = new Set<string>();
    for (let attempt = 0; attempt < 20; attempt++) {
      const pathOf = (r: ToolResult) => ((r.source as { path?: string } | null)?.path ?? null);
      try {
        const r = await this.sync.write({
          source: null,
          sourceOf: pathOf,
          agent: args.agent,
          run: async () => {
            const next = (await this.freeSource(args, skip)).source as { path: string } | null;
            if (next === null) return { source: null, claim: null };
            // Held by someone since the rows were read: skipped, as the inner claimNext does.
            try {
              return { source: next, claim: await this.inner.claimSource({ path: next.path, agent: args.agent, lease_minutes: args.lease_minutes }, this.claimReview()) };
            } catch (err) {
              if (err instanceof CommandError) return { source: next, claim: null, refused: err.message };
              throw err;
            }
          },
          subject: (r) => `claim ${pathOf(r) ?? "?"} for ${args.agent}`,
        });
        if (r.refused === undefined) return r;
        skip.add(pathOf(r) ?? "");
      } catch (err) {
        if (err instanceof SourceTaken) skip.add(err.source);
        else return asToolError(() => {
          throw err;
        });
      }
    }
    throw new CommandError("other agents claimed every source offered; try again");
  }

  extractClaims(args: ExtractArgs): Promise<ToolResult> {
    const source = clean(args.path);
    if (args.dry_run) return this.inner.extractClaims(args);
    if (this.review.review) return this.extractForReview(args, source);
    return this.write({ source, agent: args.agent ?? null, run: () => this.inner.extractClaims(args), subject: (_r, files) => extractSubject(source, files) });
  }

  /**
   * `--review`: the extraction as one commit on its own branch, pushed under
   * the reviewBranch name; then `--on-review CMD`. A command that fails is
   * bad input for the caller (exit 2) but loses nothing: the branch is pushed
   * and the source stays held while it is open.
   */
  private async extractForReview(args: ExtractArgs, source: string): Promise<ToolResult> {
    const branch = reviewBranchOf(this.review.template ?? "extract/{{slug}}", source);
    let subject = "";
    const done = await asToolError(() =>
      this.sync.writeToBranch(
        {
          source,
          agent: args.agent ?? null,
          run: () => this.inner.extractClaims(args),
          subject: (_r, files) => (subject = extractSubject(source, files)),
        },
        branch,
      ),
    );
    const r = done.result;
    const review = { branch, base: done.base, pushed: done.pushed, on_review: null as string | null };
    if (!done.pushed || this.review.onReview === undefined) return { ...r, review };
    const facts: ReviewFacts = {
      branch,
      base: done.base,
      source,
      agent: args.agent ?? null,
      created: (r.created as string[] | undefined) ?? [],
      enriched: (r.enriched as string[] | undefined) ?? [],
      model: args.model ?? null,
      subject,
    };
    const ran = await runOnReview(this.review.onReview, facts);
    if (!ran.ok) throw new CommandError(`--on-review failed (${ran.line}); ${branch} is pushed and ${source} stays held while it is open`, "usage");
    return { ...r, review: { ...review, on_review: ran.output } };
  }

  setFields(args: SetArgs): Promise<ToolResult> {
    const what = [args.status && `status ${args.status}`, args.priority && `priority ${args.priority}`].filter(Boolean).join(", ");
    // The agent named, so a rejected push rebased over a curator's edit does not read the agent's own hold as a rival's.
    return this.write({ source: clean(args.path), agent: args.agent ?? null, run: () => this.inner.setFields(args), subject: () => `set ${clean(args.path)}: ${what}` });
  }

  releaseSource(args: ReleaseArgs): Promise<ToolResult> {
    return this.write({ source: clean(args.path), agent: args.agent, run: () => this.inner.releaseSource(args), subject: () => `release ${clean(args.path)} by ${args.agent}` });
  }

  undoExtraction(args: UndoArgs): Promise<ToolResult> {
    return this.write({ source: clean(args.path), agent: args.agent ?? null, run: () => this.inner.undoExtraction(args), subject: () => `undo the extraction of ${clean(args.path)}` });
  }
}
