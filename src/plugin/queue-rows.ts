// Every queue row read from its note's text, as the CLI reads them: the
// index alone (built from the metadata cache) misses problems only the text
// shows (BOM, CRLF, duplicate keys), and list and validate must answer as
// the CLI does.
import type { App } from "obsidian";
import type { QueueItem } from "../core/queue/queue-query";
import { queueItemFromText } from "../core/queue/queue-item";
import type { Settings } from "../core/note/settings";
import type { QueueIndex } from "./queue-index";

export async function readQueueRows(app: App, index: QueueIndex, settings: Settings): Promise<QueueItem[]> {
  // Asked while the index is still being built (just after start-up): every note, not the ones read so far.
  await index.built();
  const rows: QueueItem[] = [];
  for (const item of index.all()) {
    const file = index.fileOf(item.path);
    if (!file) continue;
    const row = queueItemFromText(file.path, await app.vault.cachedRead(file), settings);
    if (row) rows.push(row);
  }
  return rows;
}
