// The next source for an agent (SPEC §7 `next_source`): the first of the
// queue's default order (priority, then newest; see queue-query.ts) among the
// sources no one holds. Available are `unprocessed` sources and `processing`
// ones whose lease has run out (their agent stopped; see ../source-lease.ts).
// Pure: the caller gives the frontmatter of a processing row when asked (a
// queue row does not carry the lease).
import { compareItems, type QueueItem } from "../queue/queue-query";
import { holdOf, REVIEW_FIELD } from "../writes/source-lease";

export interface NextOptions {
  /** Only sources of this domain (compared without regard to case). */
  domain?: string;
  /**
   * The frontmatter of a row in `processing` (its lease), asked only of rows
   * that would come first; undefined (unreadable now) counts as held.
   */
  frontmatterOf?: (path: string) => Record<string, unknown> | null | undefined;
  /**
   * The agent asking: a source it already holds counts as free for it. An
   * agent killed mid-source and started again under its name picks up its
   * own unfinished work instead of leaving it held until the lease runs out
   * (claiming again extends its own lease, SPEC §7 `claim_source`). Not one
   * whose extraction went to review (review_branch): a rejected review frees
   * its source only once the lease has run out (SPEC §7).
   */
  agent?: string;
}

const byQueueOrder = compareItems("priority-newest");

/**
 * One pass, no sort: a vault of 50,000 sources asks this on every call. A row
 * that cannot come before the best so far is passed over before its lease is
 * looked at, so only a few leases are read however many rows are processing.
 */
export function nextSource(items: readonly QueueItem[], opts: NextOptions, now: Date): QueueItem | null {
  const domain = opts.domain?.trim().toLowerCase() ?? "";
  let best: QueueItem | null = null;
  for (const item of items) {
    if (item.status !== "unprocessed" && item.status !== "processing") continue;
    if (domain !== "" && (item.domain ?? "").toLowerCase() !== domain) continue;
    if (best !== null && byQueueOrder(item, best) >= 0) continue;
    if (item.status === "processing") {
      const data = opts.frontmatterOf?.(item.path);
      if (data === undefined) continue;
      const hold = holdOf(data, now);
      const mine = opts.agent !== undefined && hold.held && hold.by === opts.agent && data?.[REVIEW_FIELD] === undefined;
      if (hold.held && !mine) continue;
    }
    best = item;
  }
  return best;
}
