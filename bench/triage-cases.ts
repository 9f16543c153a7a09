// Issue #14 cases: selecting every row shown (Ctrl/Cmd+A) and a bulk change
// of 500 notes with its undo, in the test double's app with the queue open.
// The bulk change yields to the screen between runs of notes; a heartbeat
// timer measures the longest stretch the main thread was busy (the longest
// frame a user would see), including the index updates and redraws the
// writes cause.
import type { App as ObsidianApp } from "obsidian";
import type { Harness } from "../test-support/obsidian/harness";
import type SourceQueuePlugin from "../src/plugin/main";
import { BulkSetter, vaultRestoreOne, vaultSetOne } from "../src/plugin/bulk-set";
import { ObsidianVaultPort } from "../src/plugin/obsidian-vault-port";
import type { QueueView } from "../src/plugin/queue-view";
import { sample, withHeartbeat } from "./measure";
import type { Report } from "./report";

const BULK = 500;

export async function triageCases(report: Report, h: Harness, plugin: SourceQueuePlugin, view: QueueView, n: number, settle: () => Promise<void>): Promise<void> {
  const list = view.containerEl.querySelector<HTMLElement>(".source-queue-list");
  if (!list) throw new Error("no list");
  const key = (k: string, init: KeyboardEventInit = {}) => list.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init }));
  const shown = () => Number(view.containerEl.querySelector(".source-queue-summary")?.textContent?.split(" ")[0]);

  // Ctrl/Cmd+A over every row shown, timed with the redraw it causes; Esc between runs.
  const selectAll = await sample(
    () => {
      key("a", { ctrlKey: true });
      void view.containerEl.offsetHeight;
    },
    { warmup: 3, runs: n >= 50_000 ? 11 : 21, after: async () => {
      key("Escape");
      await settle();
    } },
  );
  report.time(`select all rows shown (Ctrl/Cmd+A, ${shown()} rows) + redraw`, n, selectAll, 16);

  // 500 notes set to high, then undone: one Vault.process per note through the plugin's own runner.
  const app = h.app as unknown as ObsidianApp;
  const bulk = new BulkSetter({ app, setOne: vaultSetOne(new ObsidianVaultPort(app), () => plugin.data.settings, () => new Date()), restoreOne: vaultRestoreOne(app), reasonField: () => plugin.data.settings.reasonField });
  const paths = plugin.index.all().slice(0, BULK).map((i) => i.path);
  let changed = 0;
  const set = await withHeartbeat(async () => {
    const outcome = await bulk.set(paths, { field: "priority", to: "high" });
    // The vault shape includes broken notes on purpose: those are refused, as they should be.
    if (!outcome || outcome.changed.length < BULK / 2) throw new Error(`bulk set changed too little: ${JSON.stringify(outcome?.refused.slice(0, 3))}`);
    changed = outcome.changed.length;
    await settle();
  });
  report.add(`bulk set priority on ${BULK} notes (one Vault.process each, with the index and sidebar following)`, n, set.ms, "ms", 5000, { note: `${changed} changed, the rest refused or already high` });
  report.add(`bulk set on ${BULK} notes: longest busy stretch (frame) meanwhile`, n, set.longest, "ms", 50, { p95: set.p95 });
  const undo = await withHeartbeat(async () => {
    await bulk.undo();
    await settle();
  });
  report.add(`undo of that bulk change (${BULK} notes)`, n, undo.ms, "ms", 5000);
  report.add(`undo of ${BULK} notes: longest busy stretch (frame) meanwhile`, n, undo.longest, "ms", 50, { p95: undo.p95 });
}
