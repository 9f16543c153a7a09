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
import { conventions } from "./conventions";
import { version } from "../../package.json";
import { validate } from "./validate";

const USAGE = `Usage:
  source-queue list     [--vault DIR] [--status a,b] [--priority a,b] [--domain d] [--all] [--json] [--no-cache]
  source-queue extract  <note> [--vault DIR] [--dry-run] [--select 1,3] [--json]
                        [--add "Title"]… [--title N="Title"]… [--description N="Text"]…
                        [--target N=path]… [--draft] [--no-cache] [--agent AGENT | --take-over]
  source-queue set      <note> [--vault DIR] [--status S] [--priority P] [--reason TEXT] [--json]
                        [--agent AGENT | --take-over]
  source-queue validate [--vault DIR] [--json] [--no-cache] [--fix-dangling]
  source-queue conventions [--vault DIR] [--json] [--no-cache]
  source-queue --version

For agents and scripts (the MCP tools' twins):
  source-queue next     [--vault DIR] [--domain D] [--claim AGENT] [--lease MIN] [--json]
  source-queue claim    <note> --agent AGENT [--vault DIR] [--lease MIN] [--json]
  source-queue extract  <note> --plan FILE|- [--vault DIR] [--dry-run] [--json] [--take-over]
  source-queue release  <note> --agent AGENT [--vault DIR] [--json]
  source-queue undo     <note> [--vault DIR] [--agent AGENT] [--json]
  source-queue mcp      [--vault DIR] [--sync git [--review [--on-review CMD]]] [--http [HOST:]PORT [--token-file FILE]]
next gives the highest-priority unprocessed source no one holds; --claim takes it
(status processing, processed_by AGENT, a lease of --lease minutes, default 60).
claim takes the note named, as claim_source does (refused while another agent's lease
runs; claiming again renews your own lease from now).
extract --plan reads the extract_claims arguments as JSON from FILE or stdin (-).
undo reverts the last extraction of the note, made by extract or an agent.
While an agent's lease on a source runs, extract, set and undo are refused unless
--agent names the holder; --take-over (a curator) ends the lease in the same edit.
mcp serves the agent tools over stdio (Model Context Protocol), or with --http over
Streamable HTTP at /mcp, bound to 127.0.0.1 unless HOST says otherwise; any other
address needs --token-file (a bearer token every request must carry).
--sync git (next, claim, extract, set, release, undo, mcp): the vault is a git clone shared
with other agents; each write is one commit pushed to the upstream branch (pull
--ff-only first, rebase and retry when rejected, "taken by AGENT" when the race is lost).
--review (with --sync git: next --claim, claim, extract --plan, mcp): the claim goes to the
upstream branch, the extraction to a new branch of its own (setting reviewBranch,
default extract/{{slug}}) for review; the source stays held while that branch is on
the remote. --on-review CMD runs after its push with SQ_BRANCH, SQ_BASE, SQ_SOURCE,
SQ_AGENT, SQ_TITLE and SQ_BODY set (e.g. gh pr create), within
$SOURCE_QUEUE_ON_REVIEW_TIMEOUT seconds (default 120).

validate --fix-dangling removes the claims_extracted entries that name no claim note
(one line each), so the next extraction proposes those claims again; no note is deleted.
conventions proposes settings from the vault's notes, with the counts behind each; it
changes nothing.

Paths of notes are relative to the vault. --vault defaults to the current directory.
list and validate keep the rows of unchanged notes in a cache outside the vault
($SOURCE_QUEUE_CACHE_DIR, else $XDG_CACHE_HOME/source-queue, else ~/.cache/source-queue);
it is safe to delete. --no-cache reads every note and neither reads nor writes the cache.
extract --draft first asks the configured model for a draft of the source (one request:
its title, content, hints, curator notes and up to 20 similar claim titles), checked like
every candidate; SOURCE_QUEUE_AI_PROVIDER, _URL, _MODEL and _KEY override the settings.
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
  "take-over": { type: "boolean" },
  sync: { type: "string" },
  review: { type: "boolean" },
  "on-review": { type: "string" },
  http: { type: "string" },
  "token-file": { type: "string" },
  "fix-dangling": { type: "boolean" },
  version: { type: "boolean" },
  draft: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const ALLOWED: Record<string, string[]> = {
  list: ["vault", "status", "priority", "domain", "all", "json", "no-cache"],
  extract: ["vault", "dry-run", "select", "json", "add", "title", "description", "plan", "target", "draft", "no-cache", "agent", "take-over", "sync", "review", "on-review"],
  set: ["vault", "status", "priority", "reason", "json", "agent", "take-over", "sync"],
  validate: ["vault", "json", "no-cache", "fix-dangling"],
  conventions: ["vault", "json", "no-cache"],
  next: ["vault", "domain", "claim", "lease", "json", "sync", "review"],
  claim: ["vault", "agent", "lease", "json", "sync", "review"],
  release: ["vault", "agent", "json", "sync"],
  undo: ["vault", "json", "agent", "sync"],
  mcp: ["vault", "sync", "review", "on-review", "http", "token-file"],
};

/** Commands that name one note. */
const NOTE_COMMANDS = new Set(["extract", "set", "claim", "release", "undo"]);

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
  if (values.version || command === "version") return { code: 0, out: `source-queue ${version}` };
  if (command === undefined) return { code: 2, out: "", err: `source-queue: no command given\n${USAGE}` };
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`unknown command "${command}" (try list, extract, set, validate, conventions, next, claim, release, undo or mcp)`);
  for (const key of Object.keys(values)) {
    if (key !== "help" && !allowed.includes(key)) throw new UsageError(`${command} does not take --${key}`);
  }
  const needsNote = NOTE_COMMANDS.has(command);
  if (needsNote && rest.length !== 1) throw new UsageError(`${command} needs exactly one note path`);
  if (!needsNote && rest.length > 0) throw new UsageError(`${command} takes no note path (got "${rest[0]}")`);

  if (values.plan !== undefined) {
    const clash = (["select", "add", "title", "description", "agent", "draft"] as const).find((k) => values[k] !== undefined);
    if (clash) throw new UsageError(`--plan holds the whole request; it does not go with --${clash}`);
  }
  if (values.agent !== undefined && values["take-over"]) throw new UsageError("--take-over is a curator's; it does not go with --agent");

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
    case "claim":
      return verbs().then((v) => v.claimVerb(note, { ...verb, agent: values.agent, lease: values.lease }));
    case "release":
      return verbs().then((v) => v.releaseVerb(note, { ...verb, agent: values.agent }));
    case "undo":
      return verbs().then((v) => v.undoVerb(note, { ...verb, agent: values.agent }));
    case "list":
      return list(vault, settings, { status: values.status, priority: values.priority, domain: values.domain, all: values.all, json: values.json, cache: !values["no-cache"] });
    case "extract":
      if (values.plan !== undefined) {
        const plan = values.plan;
        return verbs().then((v) => v.extractPlanVerb(note, { ...verb, plan, dryRun: values["dry-run"], takeOver: values["take-over"] }));
      }
      {
        const run = () => extract(vault, settings, note, { dryRun: values["dry-run"], select: values.select, json: values.json, add: values.add, title: values.title, description: values.description, target: values.target, draft: values.draft, cache: !values["no-cache"], agent: values.agent, takeOver: values["take-over"] }, now);
        if (!sync || values["dry-run"]) return run();
        const source = vault.toVaultPath(note);
        return synced(vault.root, source, run, (files) => extractSubject(source, files));
      }
    case "conventions":
      return Promise.resolve(conventions(vault, settings, { json: values.json, cache: !values["no-cache"] }));
    case "set": {
      const run = () => set(vault, settings, note, { status: values.status, priority: values.priority, reason: values.reason, json: values.json, agent: values.agent, takeOver: values["take-over"] }, now);
      if (!sync) return run();
      const source = vault.toVaultPath(note);
      const what = [values.status && `status ${values.status}`, values.priority && `priority ${values.priority}`].filter(Boolean).join(", ");
      return synced(vault.root, source, run, () => `set ${source}: ${what}`);
    }
    default:
      return validate(vault, settings, { json: values.json, cache: !values["no-cache"], fixDangling: values["fix-dangling"] }, rejected);
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
