// The extract_claims arguments (SPEC §7) as the core's extract request, and
// the port a read-only plan is made over. Pure helpers, kept apart so
// agent-commands.ts stays a mapping from tool arguments to core commands.
import { Buffer } from "node:buffer";
import { bodyProblem } from "../core/claims/agent-claim";
import type { ExtractRequest } from "../core/commands/extract";
import type { VaultPort } from "../core/note/vault-port";
import { CommandError, MAX_BODIES_BYTES, type ExtractArgs } from "./agent-tools";
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

/** Bodies the agent wrote that cannot become a claim, refused by position before anything is read; and all of them together past the call's limit. */
export function checkBodies(args: ExtractArgs): void {
  let total = 0;
  (args.claims ?? []).forEach((c, i) => {
    const bad = c.body === undefined ? null : bodyProblem(c.body);
    if (bad !== null) throw new CommandError(`claims.${i}: ${bad}; nothing written`);
    total += c.body === undefined ? 0 : Buffer.byteLength(c.body, "utf8");
  });
  if (total > MAX_BODIES_BYTES) throw new CommandError(`claims: the bodies are ${total.toLocaleString("en-US")} bytes together; at most ${MAX_BODIES_BYTES.toLocaleString("en-US")} are accepted in one call; nothing written`);
}

/** The core's request for extract_claims: the selected candidates, the agent's own claims, who writes and what to record. */
export function extractRequest(path: string, args: ExtractArgs, takeOver = false): ExtractRequest {
  return {
    path,
    dryRun: args.dry_run,
    select: args.select,
    added: (args.claims ?? []).map((c) => ({ title: c.title, description: c.description, confidence: c.confidence, body: c.body })),
    writer: { agent: args.agent, takeOver },
    version: args.version,
    model: args.model,
    notes: args.notes,
  };
}
