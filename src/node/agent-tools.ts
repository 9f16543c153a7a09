// The nine agent tools of SPEC §7, as data: each tool's name, what it does,
// its arguments (a strict zod schema: unknown arguments are refused, and the
// JSON Schema the MCP client sees is made from it) and the command it calls.
// The commands are an injected interface, so the MCP door only parses and
// shows; the CLI implements them over its vault (agent-commands.ts).
import * as z from "zod";
import { CONFIDENCES, PRIORITIES, STATUSES } from "../core/note/model";
import { STATUS_KEYS } from "../core/queue/queue-query";

/** A refusal or failure of a command, as the one line the agent reads. */
export class CommandError extends Error {
  /** "usage": the call named no note of the vault (the CLI exits 2); "refused": the command said no or failed (exit 1). */
  constructor(
    message: string,
    readonly kind: "usage" | "refused" = "refused",
  ) {
    super(message.split("\n")[0] ?? message);
    this.name = "CommandError";
  }
}

const path = z.string().min(1).max(4096).describe("The note's path, relative to the vault (as list_sources gives it)");
const agent = z.string().min(1).max(100).describe("Your agent's name, written to processed_by (one line)");

/**
 * A page of a long answer. A vault of 50,000 sources lists as about 30 MB of
 * JSON: past the 10 MB a message the SDK's own stdio client accepts, and far
 * past what an agent can read. Counts and totals always cover everything.
 */
export const PAGE_DEFAULT = 100;
export const PAGE_MAX = 1000;
function pageArgs() {
  return {
    limit: z.int().min(1).max(PAGE_MAX).optional().describe(`At most this many entries (default ${PAGE_DEFAULT})`),
    offset: z.int().min(0).optional().describe("Skip this many entries first (next_offset of the previous page)"),
  };
}

const listArgs = z.strictObject({
  status: z.array(z.enum(STATUS_KEYS as [string, ...string[]])).optional().describe("Only these statuses (default: unprocessed, processing, unknown)"),
  priority: z.array(z.enum([...PRIORITIES, "unknown"])).optional().describe("Only these priorities"),
  domain: z.string().max(200).optional().describe("Only this domain"),
  all: z.boolean().optional().describe("Include processed and null-result sources"),
  ...pageArgs(),
});

const nextArgs = z.strictObject({
  domain: z.string().max(200).optional().describe("Only sources of this domain"),
  agent: agent.optional().describe("Your agent's name: a source you already hold (a run of yours that did not finish) counts as free for you"),
});

const claimArgs = z.strictObject({
  path,
  agent,
  lease_minutes: z.int().min(1).max(7 * 24 * 60).optional().describe("How long the claim holds before another agent may take it over (default 60)"),
});

const agentClaim = z.strictObject({
  title: z.string().min(1).max(1000).describe("The claim: an assertion someone could disagree with"),
  description: z.string().max(2000).optional().describe("One sentence of context beyond the title"),
  body: z.string().optional().describe("The claim's body in Markdown, kept as written below the H1 (at most 1 MB); a link to the source is added under ## Evidence when missing"),
  confidence: z.enum(CONFIDENCES).optional().describe("Default: the vault's setting"),
});

/**
 * The limits of one extract_claims call (SPEC §7 "Holders, versions and
 * limits"). Together they fit the transport: the largest request they allow,
 * with every character escaped as JSON escapes control characters (six
 * bytes each), stays under the line the stdio server reads
 * (src/mcp/stdio-lines.ts, MAX_REQUEST_BYTES); test/mcp/limits.test.ts builds
 * that request and measures it.
 */
export const MAX_CLAIMS = 100;
/** All bodies of one call together, in UTF-8 bytes (one body: MAX_BODY_BYTES, 1 MB). */
export const MAX_BODIES_BYTES = 8_000_000;
export const MAX_TARGETS = 100;

const extractBase = z.strictObject({
  path,
  version: z.string().min(1).max(100).optional().describe("The source's version as read_source gave it: required with select or targets; refused when the note changed since"),
  select: z.array(z.int().min(1)).max(500).optional().describe("Candidates to create, by number (1-based, as read_source lists them); default: those selected by default"),
  targets: z
    .record(z.string().regex(/^[1-9]\d*$/), z.string().min(1).max(4096))
    .refine((t) => Object.keys(t).length <= MAX_TARGETS, `at most ${MAX_TARGETS} targets`)
    .optional()
    .describe("Enrichment targets by candidate number: {\"3\": \"domains/x/claim.md\"}"),
  claims: z.array(agentClaim).max(MAX_CLAIMS).optional().describe(`Claims you wrote that are in no hint (bodies at most 1 MB each and ${MAX_BODIES_BYTES / 1_000_000} MB together)`),
  model: z.string().min(1).max(200).optional().describe("Recorded in the source's extraction_model (one line)"),
  notes: z.string().min(1).max(10_000).optional().describe("Recorded in the source's extraction_notes"),
  dry_run: z.boolean().optional().describe("Plan only: show what would be written and write nothing"),
  agent: agent.optional().describe("Your agent's name, written to processed_by: while the source is held, refused unless you are its holder"),
});

/** The version is what ties a selection to the text it was read from: on MCP a select or targets without it is refused. */
const extractArgs = extractBase.superRefine((args, ctx) => {
  if ((args.select !== undefined || args.targets !== undefined) && args.version === undefined) {
    ctx.addIssue({ code: "custom", path: ["version"], message: "select and targets need the version read_source gave (read the source first)" });
  }
});

const setArgs = z.strictObject({
  path,
  agent: agent.optional().describe("Your agent's name: while the source is held, refused unless you are its holder"),
  status: z.enum(STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  reason: z.string().min(1).max(10_000).optional().describe("Why a source is null-result (written to notes); only with status null-result"),
});

const releaseArgs = z.strictObject({ path, agent });
const undoArgs = z.strictObject({ path, agent: agent.optional().describe("Your agent's name: an extraction an agent made is undone by that agent (or by a call naming no agent once no one holds the source)") });
const readArgs = z.strictObject({
  path,
  draft: z.boolean().optional().describe("Also ask the model configured for the vault (settings or SOURCE_QUEUE_AI_*) for a draft; its checked claims follow the hint candidates (origin ai). Pass the ones you keep to extract_claims as claims."),
});
const validateArgs = z.strictObject(pageArgs());

/** `extract --plan FILE|-` (the CLI twin of extract_claims): the same arguments as JSON, the note named on the command line. */
export const planSchema = extractBase.omit({ path: true });
export type PlanArgs = z.infer<typeof planSchema>;

/** Keys a JSON object may not have, even where a schema would skip them as inherited ones. */
const HIDDEN_KEYS = ["__proto__", "constructor", "prototype"];

/** The first `__proto__`, `constructor` or `prototype` key anywhere in parsed JSON, as "where: Unrecognized key", or null. */
export function hiddenKeyProblem(value: unknown, where: string[] = []): string | null {
  if (value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    if (HIDDEN_KEYS.includes(key)) return `${where.length > 0 ? `${where.join(".")}: ` : ""}Unrecognized key: "${key}"`;
    const found = hiddenKeyProblem(inner, [...where, key]);
    if (found !== null) return found;
  }
  // Object.entries skips a key JSON.parse made own but the object hides: look for it by name.
  for (const key of HIDDEN_KEYS) {
    if (Object.prototype.hasOwnProperty.call(value, key)) return `${where.length > 0 ? `${where.join(".")}: ` : ""}Unrecognized key: "${key}"`;
  }
  return null;
}

/** A plan file's text as extract_claims arguments, or a CommandError of one line. */
export function parsePlan(text: string): PlanArgs {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CommandError(`--plan: not JSON (${(err as Error).message})`);
  }
  const hidden = hiddenKeyProblem(raw);
  if (hidden !== null) throw new CommandError(`--plan: ${hidden}`);
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) throw new CommandError(issuesLine("--plan", parsed.error));
  return parsed.data;
}

export type ListArgs = z.infer<typeof listArgs>;
export type NextArgs = z.infer<typeof nextArgs>;
export type ClaimArgs = z.infer<typeof claimArgs>;
export type AgentClaimArgs = z.infer<typeof agentClaim>;
export type ExtractArgs = z.infer<typeof extractBase>;
export type SetArgs = z.infer<typeof setArgs>;
export type ReleaseArgs = z.infer<typeof releaseArgs>;
export type UndoArgs = z.infer<typeof undoArgs>;
export type ReadArgs = z.infer<typeof readArgs>;
export type PageArgs = z.infer<typeof validateArgs>;

/** Results are plain JSON objects (the §5 shapes and their kin). */
export type ToolResult = Record<string, unknown>;

/** One async method per tool: resolves to the result, or throws a CommandError (any other error is shown as its first line). */
export interface AgentCommands {
  listSources(args: ListArgs): Promise<ToolResult>;
  nextSource(args: NextArgs): Promise<ToolResult>;
  claimSource(args: ClaimArgs): Promise<ToolResult>;
  readSource(args: ReadArgs): Promise<ToolResult>;
  extractClaims(args: ExtractArgs): Promise<ToolResult>;
  setFields(args: SetArgs): Promise<ToolResult>;
  releaseSource(args: ReleaseArgs): Promise<ToolResult>;
  validateVault(args: PageArgs): Promise<ToolResult>;
  undoExtraction(args: UndoArgs): Promise<ToolResult>;
}

export interface ToolSpec {
  name: string;
  description: string;
  input: z.ZodType<Record<string, unknown>>;
  /** The top-level keys of the result, for the output JSON Schema (further keys are allowed). */
  output: z.ZodType<Record<string, unknown>>;
  run(commands: AgentCommands, args: never): Promise<ToolResult>;
}

const problems = z.array(z.object({ level: z.enum(["error", "warning"]), message: z.string() }));
const row = z.looseObject({ path: z.string(), title: z.string(), status: z.string().nullable(), priority: z.string().nullable(), problems });
const out = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const paged = { total: z.number(), offset: z.number(), next_offset: z.number().nullable() };

function tool<A extends z.ZodType<Record<string, unknown>>>(spec: { name: string; description: string; input: A; output: z.ZodType<Record<string, unknown>>; run: (c: AgentCommands, args: z.infer<A>) => Promise<ToolResult> }): ToolSpec {
  return spec;
}

export const TOOLS: readonly ToolSpec[] = [
  tool({ name: "list_sources", description: "The queue as the sidebar shows it (processed and null-result hidden unless all or status says otherwise), highest priority first, a page at a time (limit, offset; total counts every match).", input: listArgs, output: out({ vault: z.string(), counts: z.record(z.string(), z.number()), sources: z.array(row), ...paged }), run: (c, a) => c.listSources(a) }),
  tool({ name: "next_source", description: "The highest-priority unprocessed source no one holds (a processing source whose lease ran out counts as free), or null.", input: nextArgs, output: out({ source: row.nullable() }), run: (c, a) => c.nextSource(a) }),
  tool({ name: "claim_source", description: "Take a source: sets status processing, processed_by and a lease (processing_until). Refused while another agent's lease runs; claiming again renews your own from now (outcome extended or shortened).", input: claimArgs, output: out({ path: z.string(), agent: z.string(), status: z.literal("processing"), processing_until: z.string(), outcome: z.string() }), run: (c, a) => c.claimSource(a) }),
  tool({ name: "read_source", description: "A source's frontmatter, body sections, claim candidates split from its hints, the curator's guidance and its version (pass it to extract_claims); with draft: true, also a model's checked draft (SPEC §9).", input: readArgs, output: out({ path: z.string(), frontmatter: z.record(z.string(), z.unknown()).nullable(), sections: z.record(z.string(), z.unknown()), candidates: z.array(z.looseObject({ title: z.string() })), version: z.string(), guidance: z.string().nullable(), problems }), run: (c, a) => c.readSource(a) }),
  tool({ name: "extract_claims", description: "Create claim notes from the selected candidates and the claims you wrote, and append evidence to the claims that enrichment candidates target (targets names or changes a target), all or nothing; the source is marked processed (extraction_model and extraction_notes recorded when given).", input: extractArgs, output: out({ source: z.string(), dryRun: z.boolean(), created: z.array(z.string()), linked: z.array(z.string()), problems }), run: (c, a) => c.extractClaims(a) }),
  tool({ name: "set_fields", description: "Set a source's status or priority, changing only those lines (null-result needs a reason). While the source is held, only its holder (agent) may.", input: setArgs, output: out({ path: z.string(), changed: z.boolean() }), run: (c, a) => c.setFields(a) }),
  tool({ name: "release_source", description: "Give a source you hold back: status unprocessed, your processed_by and lease removed.", input: releaseArgs, output: out({ path: z.string(), agent: z.string(), status: z.literal("unprocessed") }), run: (c, a) => c.releaseSource(a) }),
  tool({ name: "validate_vault", description: "Every problem of every queue note: errors and warnings count them all; files come a page at a time (limit, offset).", input: validateArgs, output: out({ files: z.array(z.looseObject({ path: z.string(), problems })), errors: z.number(), warnings: z.number(), ...paged }), run: (c, a) => c.validateVault(a) }),
  tool({ name: "undo_extraction", description: "Undo the last extraction of this source (yours, if an agent made it): its claims are removed (unless edited since) and the source restored byte for byte (unless edited since).", input: undoArgs, output: out({ source: z.string(), trashed: z.array(z.string()), keptEdited: z.array(z.string()), sourceRestored: z.boolean() }), run: (c, a) => c.undoExtraction(a) }),
];

/** One page of a long answer's entries, with where the next page starts (null after the last). */
export function pageOf<T>(entries: readonly T[], args: PageArgs): { page: T[]; total: number; offset: number; next_offset: number | null } {
  const offset = args.offset ?? 0;
  const end = offset + (args.limit ?? PAGE_DEFAULT);
  return { page: entries.slice(offset, end), total: entries.length, offset, next_offset: end < entries.length ? end : null };
}

/** A zod failure as one line: the first problem and where, and how many more. */
export function issuesLine(tool: string, error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (first === undefined) return `${tool}: invalid arguments`;
  const where = first.path.length > 0 ? `${first.path.map(String).join(".")}: ` : "";
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})` : "";
  return `${tool}: ${where}${first.message.replace(/\s*\n\s*/g, " ")}${more}`;
}
