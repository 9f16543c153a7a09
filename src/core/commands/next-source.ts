// The next source for an agent (SPEC §7 `next_source`): the first of the
// queue's default order (priority, then newest; see queue-query.ts) among the
// sources no one holds. Available are `unprocessed` sources and `processing`
// ones whose lease has run out (their agent stopped; see ../source-lease.ts).
// Pure: the caller reads the frontmatter of the processing rows only (a queue
// row does not carry the lease), which is few notes and cheap.
import { compareItems, type QueueItem } from "../queue-query";
import { holdOf } from "../source-lease";

export interface NextOptions {
  /** Only sources of this domain (compared without regard to case). */
  domain?: string;
  /** The frontmatter of rows in `processing`, by path; a processing row missing here counts as held. */
  processingData?: ReadonlyMap<string, Record<string, unknown> | null>;
}

/** The rows whose frontmatter nextSource needs to see. */
export const processingPaths = (items: readonly QueueItem[]): string[] => items.filter((i) => i.status === "processing").map((i) => i.path);

const byQueueOrder = compareItems("priority-newest");

/** One pass, no sort: a vault of 10,000 sources asks this on every call. */
export function nextSource(items: readonly QueueItem[], opts: NextOptions, now: Date): QueueItem | null {
  const domain = opts.domain?.trim().toLowerCase() ?? "";
  let best: QueueItem | null = null;
  for (const item of items) {
    if (domain !== "" && (item.domain ?? "").toLowerCase() !== domain) continue;
    if (item.status === "processing") {
      const data = opts.processingData?.get(item.path);
      if (data === undefined || holdOf(data, now).held) continue;
    } else if (item.status !== "unprocessed") continue;
    if (best === null || byQueueOrder(item, best) < 0) best = item;
  }
  return best;
}
