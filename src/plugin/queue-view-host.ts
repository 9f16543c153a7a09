// What the queue view needs, handed over by main.ts: not the plugin object,
// and in a module of its own, so the view's parts (the row menu among them)
// import it without importing the view, which imports them.
import type { QueueQuery } from "../core/queue/queue-query";
import type { Settings } from "../core/note/settings";
import type { QueueActions } from "./actions";
import type { BulkSetter } from "./bulk-set";
import type { QueueIndex } from "./queue-index";

export interface QueueViewHost {
  readonly data: { readonly query: QueueQuery; readonly settings: Settings; readonly lastExtraction: { sourcePath: string } | null };
  readonly index: QueueIndex;
  readonly actions: QueueActions;
  /** Changes on the selection, and their undo (issue #14). */
  readonly bulk: BulkSetter;
  saveQuery(query: QueueQuery): Promise<void>;
}
