// The `source-queue` command-line tool (SPEC §5): the same core as the
// plugin, over a vault folder on disk. Errors are one line on stderr.
import { parseArgs } from "node:util";
import { UsageError as CommandUsageError } from "../core/commands/command-error";
import { extract } from "./extract";
import { FsVault, UsageError } from "../node/fs-vault";
import { errorText, shortLine } from "../node/error-line";
import { list } from "./list";
import { recoverInterrupted } from "../node/recovery";
import type { CommandResult } from "./result";
import { set } from "./set";
import { synced, syncMode } from "./sync";
import { extractSubject } from "../node/git/git-sync";
import { validate } from "./validate";

const USAGE = `Usage:
  source-queue list     [--vault DIR] [--status a,b] [--priority a,b] [--domain d] [--all] [--json] [--no-cache]
  source-queue extract  <note> [--vault DIR] [--dry-run] [--select 1,3] [--json]
                        [--add "Title"]… [--title N="Title"]… [--description N="Text"]…
                        [--target N=path]… [--no-cache]
  source-queue set      <note> [--vault DIR] [--status S] [--priority P] [--reason TEXT] [--json]
  source-queue validate [--vault DIR] [--json] [--no-cache]

For agents and scripts (the MCP tools' twins):
  source-queue next     [--vault DIR] [--domain D] [--claim AGENT] [--lease MIN] [--json]
  source-queue extract  <note> --plan FILE|- [--vault DIR] [--dry-run] [--json]
  source-queue release  <note> --agent AGENT [--vault DIR] [--json]
  source-queue undo     <note> [--vault DIR] [--json]
  source-queue mcp      [--vault DIR] [--sync git [--review [--on-review CMD]]] [--http [HOST:]PORT [--token-file FILE]]
next gives the highest-priority unprocessed source no one holds; --claim takes it
(status processing, processed_by AGENT, a lease of --lease minutes, default 60).
extract --plan reads the extract_claims arguments as JSON from FILE or stdin (-).
undo reverts the last extraction of the note, made by extract or an agent.
mcp serves the agent tools over stdio (Model Context Protocol), or with --http over
Streamable HTTP at /mcp, bound to 127.0.0.1 unless HOST says otherwise; any other
address needs --token-file (a bearer token every request must carry).
--sync git (next, extract, set, release, undo, mcp): the vault is a git clone shared
with other agents; each write is one commit pushed to the upstream branch (pull
--ff-only first, rebase and retry when rejected, "taken by AGENT" when the race is lost).
--review (with --sync git: next --claim, extract --plan, mcp): the claim goes to the
upstream branch, the extraction to a new branch of its own (setting reviewBranch,
default extract/{{slug}}) for review; the source stays held while that branch is on
the remote. --on-review CMD runs after its push with SQ_BRANCH, SQ_BASE, SQ_SOURCE,
SQ_AGENT, SQ_TITLE and SQ_BODY set (e.g. gh pr create), within
$SOURCE_QUEUE_ON_REVIEW_TIMEOUT seconds (default 120).

Paths of notes are relative to the vault. --vault defaults to the current directory.
list and validate keep the rows of unchanged notes in a cache outside the vault
($SOURCE_QUEUE_CACHE_DIR, else $XDG_CACHE_HOME/source-queue, else ~/.cache/source-queue);
it is safe to delete. --no-cache reads every note and neither reads nor writes the cache.
Exit codes: 0 success, 1 errors found or operation rolled back, 2 bad usage or missing vault/note.`;

const OPTIONS = {
  vault: { type: "string" },
  status: { type: "string" },
  priority: { type: "string" },
  domain: { type: "string" },
  all: { type: "boolean" },
  json: { type: "boolean" },
  "dry-run": { type: "boolean" },
  select: { type: "string" },
  reason: { type: "string" },
  add: { type: "string", multiple: true },
  title: { type: "string", multiple: true },
  description: { type: "string", multiple: true },
  target: { type: "string", multiple: true },
  "no-cache": { type: "boolean" },
  claim: { type: "string" },
  lease: { type: "string" },
  agent: { type: "string" },
  plan: { type: "string" },
  sync: { type: "string" },
  review: { type: "boolean" },
  "on-review": { type: "string" },
  http: { type: "string" },
  "token-file": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const ALLOWED: Record<string, string[]> = {
  list: ["vault", "status", "priority", "domain", "all", "json", "no-cache"],
  extract: ["vault", "dry-run", "select", "json", "add", "title", "description", "plan", "target", "no-cache", "sync", "review", "on-review"],
  set: ["vault", "status", "priority", "reason", "json", "sync"],
  validate: ["vault", "json", "no-cache"],
  next: ["vault", "domain", "claim", "lease", "json", "sync", "review"],
  release: ["vault", "agent", "json", "sync"],
  undo: ["vault", "json", "sync"],
  mcp: ["vault", "sync", "review", "on-review", "http", "token-file"],
};

/** Commands that name one note. */
const NOTE_COMMANDS = new Set(["extract", "set", "release", "undo"]);

export async function run(argv: string[]): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.split("\n")[0] ?? "bad arguments");
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === "help") return { code: 0, out: USAGE };
  if (command === undefined) return { code: 2, out: "", err: `source-queue: no command given\n${USAGE}` };
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`unknown command "${command}" (try list, extract, set, validate, next, release, undo or mcp)`);
  for (const key of Object.keys(values)) {
    if (key !== "help" && !allowed.includes(key)) throw new UsageError(`${command} does not take --${key}`);
  }
  const needsNote = NOTE_COMMANDS.has(command);
  if (needsNote && rest.length !== 1) throw new UsageError(`${command} needs exactly one note path`);
  if (!needsNote && rest.length > 0) throw new UsageError(`${command} takes no note path (got "${rest[0]}")`);

  if (values.plan !== undefined) {
    const clash = (["select", "add", "title", "description"] as const).find((k) => values[k] !== undefined);
    if (clash) throw new UsageError(`--plan holds the whole request; it does not go with --${clash}`);
  }

  const vault = new FsVault(values.vault ?? process.cwd());
  const sync = syncMode(values.sync);
  if (values.review && !sync) throw new UsageError("--review goes with --sync git (the review is a branch on the git remote)");
  if (values["on-review"] !== undefined && !values.review) throw new UsageError("--on-review goes with --review");
  if (values.review && command === "extract" && values.plan === undefined && !values["dry-run"]) throw new UsageError("extract --review takes the agents' request: --plan FILE|-");
  // The server is loaded only for `mcp`, so no other command pays for the MCP SDK.
  if (command === "mcp") {
    const { runMcp } = await import("../mcp/mcp-main");
    return { code: await runMcp(vault.root, { sync, review: values.review, onReview: values["on-review"], http: values.http, tokenFile: values["token-file"] }), out: "" };
  }
  // Before anything reads the vault: finish or take back what a killed run left (SPEC §8).
  const recovered = await recoverInterrupted(vault);
  const result = await dispatch(command, vault, rest[0] ?? "", values, sync);
  return recovered.length === 0 ? result : { ...result, err: [...recovered, ...(result.err ? [result.err] : [])].join("\n") };
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>["values"];

function dispatch(command: string, vault: FsVault, note: string, values: Values, sync: boolean): Promise<CommandResult> {
  const { settings, rejected } = vault.settings();
  // The one clock of a run: every date this command writes is this day.
  const now = new Date();
  const verb = { vault: vault.root, json: values.json, sync, review: values.review, onReview: values["on-review"] };
  // The agents' verbs (and their argument schemas) are loaded only when used.
  const verbs = () => import("./agent-verbs");
  switch (command) {
    case "next":
      return verbs().then((v) => v.nextVerb({ ...verb, domain: values.domain, claim: values.claim, lease: values.lease }));
    case "release":
      return verbs().then((v) => v.releaseVerb(note, { ...verb, agent: values.agent }));
    case "undo":
      return verbs().then((v) => v.undoVerb(note, verb));
    case "list":
      return list(vault, settings, { status: values.status, priority: values.priority, domain: values.domain, all: values.all, json: values.json, cache: !values["no-cache"] });
    case "extract":
      if (values.plan !== undefined) {
        const plan = values.plan;
        return verbs().then((v) => v.extractPlanVerb(note, { ...verb, plan, dryRun: values["dry-run"] }));
      }
      {
        const run = () => extract(vault, settings, note, { dryRun: values["dry-run"], select: values.select, json: values.json, add: values.add, title: values.title, description: values.description, target: values.target, cache: !values["no-cache"] }, now);
        if (!sync || values["dry-run"]) return run();
        const source = vault.toVaultPath(note);
        return synced(vault.root, source, run, (files) => extractSubject(source, files));
      }
    case "set": {
      const run = () => set(vault, settings, note, { status: values.status, priority: values.priority, reason: values.reason, json: values.json }, now);
      if (!sync) return run();
      const source = vault.toVaultPath(note);
      const what = [values.status && `status ${values.status}`, values.priority && `priority ${values.priority}`].filter(Boolean).join(", ");
      return synced(vault.root, source, run, () => `set ${source}: ${what}`);
    }
    default:
      return validate(vault, settings, { json: values.json, cache: !values["no-cache"] }, rejected);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    const result = await run(argv);
    if (result.out) process.stdout.write(result.out.endsWith("\n") ? result.out : `${result.out}\n`);
    if (result.err) process.stderr.write(`${result.err.split("\n").map(shortLine).join("\n")}\n`);
    return result.code;
  } catch (err) {
    const usage = err instanceof CommandUsageError || err instanceof UsageError || (err as { usage?: unknown } | null)?.usage === true;
    const text = err instanceof CommandUsageError ? (err.option === null ? err.detail : `--${err.option}: ${err.detail}`) : errorText(err);
    process.stderr.write(`${shortLine(`source-queue: ${text}`)}
`);
    return usage ? 2 : 1;
  }
}
