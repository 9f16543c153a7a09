// The agent tools with `--sync git` (SPEC §7): every tool that writes goes
// through GitSync, so the CLI's verbs and `mcp --sync git` share one way of
// committing, pushing and losing a race. Reading tools read the clone as it
// is; `next_source` first fast-forwards it to the remote.
import type { FsAgentCommands } from "../agent-commands";
import { CommandError, type AgentCommands, type ClaimArgs, type ExtractArgs, type ListArgs, type NextArgs, type PageArgs, type ReadArgs, type ReleaseArgs, type UndoArgs, type SetArgs, type ToolResult } from "../agent-tools";
import { GitRefusal } from "./git-clone";
import { extractSubject, GitSync, SourceTaken, type SyncedWrite } from "./git-sync";

const clean = (path: string) => path.replace(/\\/g, "/").replace(/^\.\//, "");

/** A GitSync refusal as the agent reads it: bad input is "usage" (the CLI exits 2), a lost race a refusal. */
export async function asToolError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof GitRefusal) throw new CommandError(err.message, "usage");
    if (err instanceof SourceTaken) throw new CommandError(err.message);
    throw err;
  }
}


export class SyncedAgentCommands implements AgentCommands {
  constructor(
    private readonly inner: FsAgentCommands,
    readonly sync: GitSync,
  ) {}

  private write<T>(w: SyncedWrite<T>): Promise<T> {
    return asToolError(() => this.sync.write(w));
  }

  listSources(args: ListArgs): Promise<ToolResult> {
    return this.inner.listSources(args);
  }

  async nextSource(args: NextArgs): Promise<ToolResult> {
    await asToolError(() => this.sync.refresh());
    return this.inner.nextSource(args);
  }

  readSource(args: ReadArgs): Promise<ToolResult> {
    return this.inner.readSource(args);
  }

  validateVault(args: PageArgs): Promise<ToolResult> {
    return this.inner.validateVault(args);
  }

  claimSource(args: ClaimArgs): Promise<ToolResult> {
    return this.write({ source: clean(args.path), agent: args.agent, run: () => this.inner.claimSource(args), subject: () => `claim ${clean(args.path)} for ${args.agent}` });
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
            const next = (await this.inner.nextSource({ ...args, skip })).source as { path: string } | null;
            if (next === null) return { source: null, claim: null };
            // Held by someone since the rows were read: skipped, as the inner claimNext does.
            try {
              return { source: next, claim: await this.inner.claimSource({ path: next.path, agent: args.agent, lease_minutes: args.lease_minutes }) };
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
    return this.write({ source, agent: args.agent ?? null, run: () => this.inner.extractClaims(args), subject: (_r, files) => extractSubject(source, files) });
  }

  setFields(args: SetArgs): Promise<ToolResult> {
    const what = [args.status && `status ${args.status}`, args.priority && `priority ${args.priority}`].filter(Boolean).join(", ");
    return this.write({ source: clean(args.path), agent: null, run: () => this.inner.setFields(args), subject: () => `set ${clean(args.path)}: ${what}` });
  }

  releaseSource(args: ReleaseArgs): Promise<ToolResult> {
    return this.write({ source: clean(args.path), agent: args.agent, run: () => this.inner.releaseSource(args), subject: () => `release ${clean(args.path)} by ${args.agent}` });
  }

  undoExtraction(args: UndoArgs): Promise<ToolResult> {
    return this.write({ source: clean(args.path), agent: args.agent ?? null, run: () => this.inner.undoExtraction(args), subject: () => `undo the extraction of ${clean(args.path)}` });
  }
}
