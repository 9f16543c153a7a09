// The plan steps of the agent commands (SPEC §7 extract_claims, read_source):
// pure helpers over the core's plan, kept apart so agent-commands.ts stays a
// mapping from tool arguments to commands.
import { agentClaimText } from "../core/agent-claim";
import { citationOf } from "../core/claim-note";
import type { CandidateChoice, ExtractionPlan } from "../core/extraction";
import type { VaultPort } from "../core/vault-port";
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

/** Choices for `select`: the listed hint candidates on, every other off; null keeps the defaults. */
export function choicesFrom(select: readonly number[] | undefined, count: number): Map<number, CandidateChoice> | null {
  if (select === undefined) return null;
  const bad = select.find((n) => n > count);
  if (bad !== undefined) throw new CommandError(`select: ${bad} is not a candidate number (1 to ${count}); nothing written`);
  const picked = new Set(select);
  const choices = new Map<number, CandidateChoice>();
  for (let i = 1; i <= count; i++) choices.set(i, { selected: picked.has(i) });
  return choices;
}

/** Agent-written bodies replace the rendered body of their added claims (the plan is data: this is a plan step, before apply). */
export function withAgentBodies(plan: ExtractionPlan, claims: ExtractArgs["claims"] & object, vault: FsVault, hintCount: number): void {
  for (const planned of plan.creates) {
    const c = planned.candidate;
    if (c.origin !== "added") continue;
    const body = claims[c.index - hintCount - 1]?.body;
    if (body === undefined || body.trim() === "") continue;
    planned.text = agentClaimText(planned.text, body, { path: plan.sourcePath, link: vault.linkToFile(plan.sourcePath, c.path), citation: citationOf(plan.source) });
  }
}
