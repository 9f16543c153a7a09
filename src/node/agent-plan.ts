// The extract_claims arguments (SPEC §7) as the core's extract request, and
// the port a read-only plan is made over. Pure helpers, kept apart so
// agent-commands.ts stays a mapping from tool arguments to core commands.
import { bodyProblem } from "../core/claims/agent-claim";
import type { ExtractRequest } from "../core/commands/extract";
import type { FieldEdit } from "../core/note/frontmatter-edit";
import { parseFrontmatter } from "../core/note/parse-frontmatter";
import type { Settings } from "../core/note/settings";
import { describeHold, holdOf } from "../core/writes/source-lease";
import type { VaultPort } from "../core/note/vault-port";
import { CommandError, type ExtractArgs } from "./agent-tools";
import type { FsVault } from "./fs-vault";

/**
 * The vault for a plan that is only shown (read_source): links are not
 * rendered, since a link is only as the vault's settings want it after
 * indexing every note's name, a walk of the whole vault per call.
 */
export function previewPort(vault: FsVault): VaultPort {
  return {
    existing: (p) => vault.existing(p),
    read: (p) => vault.read(p),
    ensureFolder: () => Promise.reject(new Error("read only")),
    create: () => Promise.reject(new Error("read only")),
    edit: () => Promise.reject(new Error("read only")),
    replace: () => Promise.reject(new Error("read only")),
    remove: () => Promise.reject(new Error("read only")),
    linkToFile: () => "",
    linkToText: () => "",
  };
}

/** Bodies the agent wrote that cannot become a claim, refused by position before anything is read. */
export function checkBodies(args: ExtractArgs): void {
  (args.claims ?? []).forEach((c, i) => {
    const bad = c.body === undefined ? null : bodyProblem(c.body);
    if (bad !== null) throw new CommandError(`claims.${i}: ${bad}; nothing written`);
  });
}

/** model and notes, as the extra source fields of the split's one edit. */
export function recordFields(args: Pick<ExtractArgs, "model" | "notes">): FieldEdit[] {
  const fields: FieldEdit[] = [];
  if (args.model !== undefined) fields.push({ key: "extraction_model", set: args.model.replace(/\s+/g, " ").trim() });
  if (args.notes !== undefined) fields.push({ key: "extraction_notes", set: args.notes.replace(/\s+/g, " ").trim() });
  return fields;
}

/**
 * Who the split is by, given the source as read: refused when `agent` is
 * given and someone else holds the source (a live lease, or a curator's
 * `processing` with none). The name written to processed_by is the agent
 * given, else the holder of a live lease (the agent finishing its claim
 * without naming itself), else the vault's setting.
 */
export function extractorOf(path: string, text: string, args: Pick<ExtractArgs, "agent">, settings: Settings, now: Date): string {
  const hold = holdOf(parseFrontmatter(text).data, now);
  const agent = args.agent?.trim();
  if (agent !== undefined && hold.held && hold.by !== agent) throw new CommandError(`${path} is ${describeHold(hold)}; nothing written`);
  return agent || (hold.held ? hold.by : null) || settings.processedBy;
}

/** The core's request for extract_claims: the selected candidates, the agent's own claims, and what to record. */
export function extractRequest(path: string, args: ExtractArgs): ExtractRequest {
  return {
    path,
    dryRun: args.dry_run,
    select: args.select,
    added: (args.claims ?? []).map((c) => ({ title: c.title, description: c.description, confidence: c.confidence, body: c.body })),
    sourceFields: recordFields(args),
  };
}
