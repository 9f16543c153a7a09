// Claiming and releasing a source (SPEC §7 `claim_source`, `release_source`):
// one atomic read-modify-write each through the port (`port.edit`: Vault.process
// in the app, a per-note lock on disk), deciding on the text it was given, so
// two agents that claim one source at once see each other's write: exactly one
// wins. Only the lines of status, processed_by and processing_until change.
// The lease and who holds a source: see ../source-lease.ts.
import { editFrontmatter, type FieldEdit } from "../note/frontmatter-edit";
import { removeFrontmatterKeys } from "../note/frontmatter-remove";
import { parseFrontmatter } from "../note/parse-frontmatter";
import { describeHold, holdOf, LEASE_FIELD, leaseUntil, REVIEW_FIELD } from "../writes/source-lease";
import type { VaultPort } from "../note/vault-port";
import { agentProblem } from "./holder";

export const DEFAULT_LEASE_MINUTES = 60;
/** A week: a lease longer than that is a lock someone forgot. */
export const MAX_LEASE_MINUTES = 7 * 24 * 60;

export interface ClaimRequest {
  path: string;
  agent: string;
  leaseMinutes?: number;
  /** The branch the extraction will go to for review (`--sync git --review`), written as review_branch in the same edit. */
  reviewBranch?: string;
}

/** "extended" or "shortened": the holder claimed again and its lease now ends later or earlier. */
export type ClaimOutcome = "claimed" | "extended" | "shortened" | "taken-over";

export type ClaimResult =
  | { ok: true; path: string; agent: string; until: string; outcome: ClaimOutcome; previous: string | null }
  | { ok: false; path: string; error: string };

export type ReleaseResult = { ok: true; path: string; agent: string; status: "unprocessed" } | { ok: false; path: string; error: string };

/** A refusal decided inside an edit: thrown to abort it (nothing written), returned as a one-line error. */
class Refusal extends Error {}

const oneLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";


/** Why a lease of this many minutes is refused, or null (every door checks with this). */
export function leaseProblem(minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_LEASE_MINUTES) return `the lease must be a whole number of minutes from 1 to ${MAX_LEASE_MINUTES}`;
  return null;
}

function readData(path: string, text: string): Record<string, unknown> {
  const parsed = parseFrontmatter(text);
  if (parsed.unreadable || parsed.data === null) throw new Refusal(`${path} has no readable frontmatter, so it cannot be claimed (fix the YAML first)`);
  return parsed.data;
}

function edited(path: string, text: string, edits: readonly FieldEdit[]): string {
  const result = editFrontmatter(text, edits);
  if (!result.ok) throw new Refusal(`${path} was not changed: ${result.reason}`);
  return result.text;
}

/**
 * Claim a source for `agent` until now + leaseMinutes: an unprocessed source,
 * one whose lease ran out (taken over), or one this agent holds already (its
 * lease renewed from now: extended, or shortened by a shorter lease). Refused while another agent holds it, and for sources that
 * are processed, null-result or of unknown status.
 */
export async function claimSource(port: VaultPort, req: ClaimRequest, now: Date): Promise<ClaimResult> {
  const { path } = req;
  const agent = req.agent.trim();
  const minutes = req.leaseMinutes ?? DEFAULT_LEASE_MINUTES;
  const bad = agentProblem(req.agent) ?? leaseProblem(minutes);
  if (bad !== null) return { ok: false, path, error: bad };
  const until = leaseUntil(now, minutes);
  let outcome: ClaimOutcome = "claimed";
  let previous: string | null = null;
  try {
    await port.edit(path, (text) => {
      const hold = holdOf(readData(path, text), now);
      if (hold.held && hold.by !== agent) throw new Refusal(`${path} is ${describeHold(hold)}`);
      if (!hold.held && hold.status !== "unprocessed" && hold.status !== "processing") {
        throw new Refusal(`${path} is ${hold.status ?? "of unknown status"}, so it cannot be claimed (only unprocessed sources are)`);
      }
      outcome = hold.held ? (hold.until !== null && Date.parse(until) < hold.until.getTime() ? "shortened" : "extended") : hold.status === "processing" ? "taken-over" : "claimed";
      previous = hold.status === "processing" ? hold.lease.agent : null;
      return edited(path, text, [
        { key: "status", set: "processing" },
        { key: "processed_by", set: agent },
        { key: LEASE_FIELD, set: until },
        ...(req.reviewBranch === undefined ? [] : [{ key: REVIEW_FIELD, set: req.reviewBranch }]),
      ]);
    });
  } catch (err) {
    return { ok: false, path, error: oneLine(err) };
  }
  return { ok: true, path, agent, until, outcome, previous };
}

/**
 * Give a held source back: `status: unprocessed`, and the agent's
 * processed_by and processing_until removed. Refused when the source is not
 * in processing or another agent's name is on it (expired or not: it is
 * theirs to release or someone's to take over).
 */
export async function releaseSource(port: VaultPort, req: { path: string; agent: string }, now: Date): Promise<ReleaseResult> {
  const { path } = req;
  const agent = req.agent.trim();
  const bad = agentProblem(req.agent);
  if (bad !== null) return { ok: false, path, error: bad };
  try {
    await port.edit(path, (text) => {
      const hold = holdOf(readData(path, text), now);
      if (hold.status !== "processing") throw new Refusal(`${path} is ${hold.status ?? "of unknown status"}, not processing, so there is nothing to release`);
      if (hold.lease.agent !== agent) {
        const whose = hold.held ? describeHold(hold) : `claimed by ${hold.lease.agent ?? "no one named"} (lease expired)`;
        throw new Refusal(`${path} is ${whose}, not by ${agent}; nothing released`);
      }
      const back = edited(path, text, [{ key: "status", set: "unprocessed" }]);
      const removed = removeFrontmatterKeys(back, ["processed_by", LEASE_FIELD, REVIEW_FIELD]);
      if (!removed.ok) throw new Refusal(`${path} was not changed: ${removed.reason}`);
      return removed.text;
    });
  } catch (err) {
    return { ok: false, path, error: oneLine(err) };
  }
  return { ok: true, path, agent, status: "unprocessed" };
}
