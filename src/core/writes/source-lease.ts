// Who holds a source (SPEC §7 "claim_source"): an agent that claims a source
// writes `status: processing`, `processed_by: <agent>` and a lease,
//
//   processing_until: "2026-12-03T10:30:00.000Z"
//
// the moment (ISO 8601, UTC) its claim runs out. Until then no other agent
// may take the source; after it, the source is free again (the agent died or
// forgot it), so `next_source` offers it and `claim_source` takes it over.
// A release or the agent's extraction removes the field.
//
// A source in `processing` with no lease (a curator's toggle in the sidebar)
// or with a lease that does not read as a time is held with no end: a person
// is working on it, and only they (or a fix to the field) free it.
import type { Status } from "../note/model";
import { normalizeStatus } from "../note/source-fields";

export const LEASE_FIELD = "processing_until";
/**
 * The branch an extraction under review is pushed to (SPEC §7 "Extractions
 * that go through review"), written by the claim so the sidebar can show it
 * without git; the extraction (or a release) removes it. Whether the branch
 * is still open only the remote knows: the git door asks it, never this field.
 */
export const REVIEW_FIELD = "review_branch";

/** `reviewBranch` with `{{slug}}` as the source's file name without .md: `extract/{{slug}}` → `extract/2026-03-01-x`. */
export function reviewBranchOf(template: string, sourcePath: string): string {
  const slug = (sourcePath.split("/").pop() ?? sourcePath).replace(/\.md$/i, "");
  return template.split("{{slug}}").join(slug);
}

export interface Lease {
  /** `processed_by` as written, or null. */
  agent: string | null;
  /** `processing_until` as written, or null when absent. */
  untilText: string | null;
  /** The moment it reads as, or null when absent or not a time. */
  until: Date | null;
}

export type Hold =
  | { held: false; status: Status | null; lease: Lease }
  /** until null: held with no end (no lease, or one that does not read as a time). */
  | { held: true; status: "processing"; lease: Lease; by: string | null; until: Date | null };

const text = (v: unknown): string | null => {
  // The parser keeps the last of duplicated keys; lists are not one name.
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return null;
};

/** A full timestamp with a time zone: `2026-12-03T10:30:00Z`, `…+01:00`, with or without milliseconds. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseInstant(value: string | null): Date | null {
  if (value === null || !ISO_INSTANT.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function leaseOf(data: Record<string, unknown> | null): Lease {
  const untilText = text(data?.[LEASE_FIELD]);
  return { agent: text(data?.processed_by), untilText, until: parseInstant(untilText) };
}

/** Is the source held at `now`, and by whom? Only `processing` holds; an expired lease does not. */
export function holdOf(data: Record<string, unknown> | null, now: Date): Hold {
  const status = normalizeStatus(data?.status).value;
  const lease = leaseOf(data);
  if (status !== "processing") return { held: false, status, lease };
  if (lease.until !== null && lease.until.getTime() <= now.getTime()) return { held: false, status, lease };
  return { held: true, status, lease, by: lease.agent, until: lease.until };
}

/** The lease's end for a claim made at `now`: as text, millisecond precision, UTC. */
export const leaseUntil = (now: Date, minutes: number): string => new Date(now.getTime() + minutes * 60_000).toISOString();

/** "held by agent-a until 2026-…" / "held by a curator (no lease)" for one-line refusals. */
export function describeHold(hold: Extract<Hold, { held: true }>): string {
  const who = hold.by ?? "someone (no processed_by)";
  if (hold.until !== null) return `held by ${who} until ${hold.until.toISOString()}`;
  if (hold.lease.untilText !== null) return `held by ${who} (its ${LEASE_FIELD} "${hold.lease.untilText}" is not a time, so it does not run out)`;
  return `held by ${who} (status processing with no ${LEASE_FIELD}, so it does not run out)`;
}

/** Who a write is by (SPEC §7 "Holders, versions and limits"): an agent's name, or none (a curator); a curator may take a held source over on purpose. */
export interface Writer {
  agent?: string;
  takeOver?: boolean;
}

/**
 * The hold that refuses this write, or null when it may go ahead. While a
 * source is held, only a write naming the holder goes through; a write
 * naming no one is refused too while an agent's lease (a `processing_until`)
 * runs, so leaving out `agent` is no way around it. A curator's own
 * `processing` (no lease) stops only agents that name someone else, and a
 * take-over stops at nothing (the caller ends the lease in the same edit).
 */
export function heldAgainst(hold: Hold, writer: Writer): Extract<Hold, { held: true }> | null {
  if (!hold.held || writer.takeOver === true) return null;
  const agent = writer.agent?.trim();
  if (agent !== undefined && agent !== "") return hold.by === agent ? null : hold;
  return hold.lease.untilText === null ? null : hold;
}

/** The hold on a source with this frontmatter that refuses this writer at `now`, or null (the plugin asks about these before a bulk change). */
export const holdAgainst = (data: Record<string, unknown> | null, writer: Writer, now: Date): Extract<Hold, { held: true }> | null => heldAgainst(holdOf(data, now), writer);

/** What the sidebar shows of a `processing` source (SPEC §7 "the curator's view"): who holds it, until when, and whether the lease ran out. */
export interface HolderShown {
  by: string | null;
  until: Date | null;
  expired: boolean;
  /** The branch its extraction is in review on, when the claim wrote one (review_branch). */
  reviewBranch?: string | null;
}

export function holderShown(data: Record<string, unknown> | null, now: Date): HolderShown | null {
  const hold = holdOf(data, now);
  if (hold.status !== "processing") return null;
  const review = text(data?.[REVIEW_FIELD]);
  if (hold.held) return { by: hold.by, until: hold.until, expired: false, reviewBranch: review };
  return { by: hold.lease.agent, until: hold.lease.until, expired: true, reviewBranch: review };
}
