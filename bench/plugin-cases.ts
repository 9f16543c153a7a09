// Plugin cases, in the project's Obsidian test double: onload, the queue
// index built from the metadata cache, one note changed, the sidebar's
// render, and a split through ObsidianVaultPort. No Node built-ins: the same
// cases run under happy-dom (no layout) and in Chromium (real layout).
import type { App as ObsidianApp, CachedMetadata, TFile as ObsidianTFile } from "obsidian";
import type { App } from "../test-support/obsidian/app";
import type { TFile } from "../test-support/obsidian/files";
import { createHarness, type Harness } from "../test-support/obsidian/harness";
import { Plugin } from "../test-support/obsidian/plugin";
import { MemoryStorage } from "../test-support/obsidian/storage";
import { parseMarkdown } from "../test-support/obsidian/markdown-parser";
import { planExtraction } from "../src/core/extraction/extraction";
import { applyExtraction } from "../src/core/extraction/apply-extraction";
import { nextPriority, type QueueQuery } from "../src/core/queue/queue-query";
import { loadSettings } from "../src/core/note/settings";
import SourceQueuePlugin from "../src/plugin/main";
import { ObsidianVaultPort } from "../src/plugin/obsidian-vault-port";
import type { QueueView } from "../src/plugin/queue-view";
import { triageCases } from "./triage-cases";
import { prng, SEED } from "./vault-shape";
import { sample, withHeartbeat, summarize } from "./measure";
import type { Report } from "./report";

export interface Manifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
}

/** Loads nothing: it only makes the harness index the vault and reach layout ready. */
class StarterPlugin extends Plugin {}

/**
 * The double resolves each link by scanning every file (fine for tests, quadratic
 * for 50,000 notes at start-up). Obsidian keeps an index; so does this stand-in,
 * installed on the bench's app only. It keeps the double's answer for the paths
 * the bench uses (exact path, else the shortest path ending in the name). The
 * returned function makes it follow later creations, deletions and renames
 * (not during start-up, when every file is "created" in turn).
 */
function indexLinkResolution(app: App): () => void {
  let byName: Map<string, TFile> | null = null;
  const build = () => {
    const map = new Map<string, TFile>();
    const sorted = app.vault.getFiles().sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
    for (const f of sorted) {
      const lower = f.path.toLowerCase();
      const name = f.name.toLowerCase();
      for (const key of [lower, lower.replace(/\.md$/, ""), name, name.replace(/\.md$/, "")]) if (!map.has(key)) map.set(key, f);
    }
    return map;
  };
  app.metadataCache.getFirstLinkpathDest = (linkpath: string, sourcePath: string): TFile | null => {
    if (linkpath === "") return app.vault.getFileByPath(sourcePath);
    byName ??= build();
    return byName.get(linkpath.replace(/^\//, "").toLowerCase()) ?? null;
  };
  return () => {
    for (const event of ["create", "delete", "rename"]) app.vault.on(event, () => (byName = null));
  };
}

const runsFor = (n: number) => (n >= 50_000 ? { warmup: 3, runs: 11 } : { warmup: 5, runs: 21 });
/** rebuild() takes long at 50,000: fewer runs. (No collection before each: a full collection of that heap takes a second.) */
const rebuildRuns = (n: number) => (n >= 50_000 ? { warmup: 2, runs: 7 } : { warmup: 3, runs: 11 });

async function onloadCase(report: Report, h: Harness, manifest: Manifest, n: number): Promise<void> {
  // Obsidian runs onload before layout ready, with the vault already listed when
  // a plugin is enabled in a running app: time that, layout not yet ready, n notes present.
  const ws = h.app.workspace as unknown as { layoutReady: boolean; layoutCallbacks: unknown[] };
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    ws.layoutReady = false;
    const plugin = new SourceQueuePlugin(h.app as unknown as ObsidianApp, { ...manifest, author: "", description: "", dir: `${h.app.vault.configDir}/plugins/${manifest.id}` });
    const start = performance.now();
    plugin.load();
    await (plugin as unknown as { _onloadResult: Promise<void> })._onloadResult;
    const ms = performance.now() - start;
    plugin.unload();
    ws.layoutCallbacks.length = 0;
    ws.layoutReady = true;
    if (i >= 5) times.push(ms);
  }
  report.time("plugin onload (layout not ready; n notes in the vault)", n, summarize(times), 5);
}

export async function pluginCases(report: Report, files: Record<string, string>, n: number, manifest: Manifest): Promise<void> {
  const storage = new MemoryStorage(files);
  const h = createHarness({ storage, vaultLoadedBeforePlugins: true });
  const followChanges = indexLinkResolution(h.app);
  let start = performance.now();
  await h.loadPlugin(StarterPlugin, { id: "bench-starter" });
  report.add("double: index the vault, layout ready (one run)", n, performance.now() - start, "ms", null);
  followChanges();

  await onloadCase(report, h, manifest, n);

  start = performance.now();
  const plugin = await h.loadPlugin(SourceQueuePlugin, manifest);
  report.add("plugin load with layout ready (one run)", n, performance.now() - start, "ms", null);
  await plugin.index.built();
  report.add("plugin load until the queue index is built (one run)", n, performance.now() - start, "ms", null);
  if (plugin.index.size !== n) throw new Error(`the index holds ${plugin.index.size} of ${n} notes`);

  // Past 2,000 notes the build runs in steps with a yield between (queue-index.ts): its total, and the longest step.
  const rebuild = await sample(() => plugin.index.rebuild(), { ...rebuildRuns(n), after: () => h.settle() });
  report.time("queue index rebuild() from the metadata cache, in all (reference)", n, rebuild, null);
  const stepped = await withHeartbeat(() => plugin.index.rebuild());
  report.add("queue index rebuild(): longest busy stretch (frame) meanwhile", n, stepped.longest, "ms", n >= 50_000 ? 50 : null, { p95: stepped.p95 });

  await h.runCommand(`${manifest.id}:open-queue`);
  await plugin.index.idle();
  await h.settle();
  const leaf = h.app.workspace.getLeavesOfType("source-queue")[0];
  const view = leaf?.view as QueueView | undefined;
  if (!view) throw new Error("the queue view did not open");
  const internals = view as unknown as { fullReset: boolean };
  const rowCount = () => view.containerEl.querySelectorAll(".source-queue-row").length;
  const listHeight = view.containerEl.querySelector<HTMLElement>(".source-queue-list")?.clientHeight ?? 0;
  const rowsName = (when: string) => `rows in the DOM ${when} (${listHeight > 0 ? `list ${listHeight} px high` : "no layout: a first window"})`;
  // Timed renders end with the layout they cause (a browser lays out here; happy-dom has no layout).
  const render = () => {
    view.render();
    void view.containerEl.offsetHeight;
  };
  // Between runs, what the app does between frames: pending timers and text
  // reads run (rows' details arrive and are drawn) and the browser lays that
  // out, so a timed run does not pay for the layout of the one before.
  const settle = async () => {
    await h.settle();
    await plugin.index.idle();
    await h.settle();
    void view.containerEl.offsetHeight;
  };

  // A full render: the view filters and sorts every entry again, then draws.
  // Each run changes the query (as a click in the header does), so the rows are new too.
  const fullRender = async (name: string, target: number | null, queries: QueueQuery[]) => {
    let turn = 0;
    const t = await sample(
      () => {
        internals.fullReset = true;
        render();
      },
      {
        ...runsFor(n),
        before: () => {
          plugin.data.query = queries[turn++ % queries.length] ?? plugin.data.query;
        },
        after: settle,
      },
    );
    report.time(name, n, t, target);
  };
  const base = plugin.data.query;
  await fullRender("sidebar render: status filter toggled (filter + sort + draw)", 16, [
    { ...base, statuses: [...base.statuses, "processed"] },
    base,
  ]);
  await fullRender("sidebar render: sort order changed (filter + sort + draw)", null, [{ ...base, sort: "title" }, base]);
  plugin.data.query = base;
  internals.fullReset = true;
  view.render();
  await h.settle();
  const redraw = await sample(render, { ...runsFor(n), after: settle });
  report.time("sidebar render: redraw, nothing changed", n, redraw, 16);
  report.add(rowsName("after opening"), n, rowCount(), "rows", 100, { op: "<=" });

  // One note changed: its priority, as the metadata cache reports it. The text
  // and its cache are prepared untimed; timed is index.update + the view's render.
  const oneChange = async (name: string, pick: () => string | undefined) => {
    let target: { file: ObsidianTFile; cache: CachedMetadata } | null = null;
    const t = await sample(
      () => {
        if (!target) throw new Error("no note prepared");
        plugin.index.update(target.file, target.cache);
        render();
      },
      {
        ...runsFor(n),
        before: () => {
          const path = pick();
          const file = path ? h.app.vault.getFileByPath(path) : null;
          if (!file) throw new Error("no note to change");
          const item = plugin.index.get(file.path);
          // Every priority line: one template repeats the key, and the last one counts.
          const text = storage.read(file.path).replace(/^priority:[^\r\n]*/gm, `priority: ${nextPriority(item?.priority ?? null)}`);
          storage.write(file.path, text);
          target = { file: file as unknown as ObsidianTFile, cache: structuredClone(parseMarkdown(text)) };
        },
        after: settle,
      },
    );
    report.time(name, n, t, 1);
  };
  const rand = prng(7);
  const all = plugin.index.all().map((i) => i.path);
  await oneChange("one note changed, off screen: index.update + render", () => {
    const onScreen = new Set(Array.from(view.containerEl.querySelectorAll<HTMLElement>(".source-queue-row"), (r) => r.dataset.path));
    for (;;) {
      const path = all[Math.floor(rand() * all.length)];
      if (path && !onScreen.has(path)) return path;
    }
  });
  await oneChange("one note changed, the top row (every row below moves)", () => view.containerEl.querySelector<HTMLElement>(".source-queue-row")?.dataset.path);
  report.add(rowsName("after the changes"), n, rowCount(), "rows", 100, { op: "<=" });

  // The same targets with compact rows (one line each: more rows in view).
  plugin.data.settings.compactRows = true;
  internals.fullReset = true;
  view.render();
  await settle();
  await fullRender("compact rows: sidebar render, status filter toggled", 16, [{ ...base, statuses: [...base.statuses, "processed"] }, base]);
  plugin.data.query = base;
  internals.fullReset = true;
  view.render();
  await settle();
  report.time("compact rows: sidebar redraw, nothing changed", n, await sample(render, { ...runsFor(n), after: settle }), 16);
  await oneChange("compact rows: one note changed, the top row", () => view.containerEl.querySelector<HTMLElement>(".source-queue-row")?.dataset.path);
  report.add(rowsName("with compact rows"), n, rowCount(), "rows", 100, { op: "<=" });
  plugin.data.settings.compactRows = false;
  internals.fullReset = true;
  view.render();
  await settle();

  await triageCases(report, h, plugin, view, n, settle);
  h.destroy();
}

/** For reference: the seed split through ObsidianVaultPort over the double, in the demo vault. */
export async function pluginExtractCase(report: Report, demo: Record<string, string>): Promise<void> {
  const h = createHarness({ files: demo });
  await h.loadPlugin(StarterPlugin, { id: "bench-starter" });
  const settings = loadSettings(null).settings;
  const port = new ObsidianVaultPort(h.app as unknown as ObsidianApp);
  const original = demo[SEED] ?? "";
  let created: string[] = [];
  const t = await sample(
    async () => {
      const text = await port.read(SEED);
      const plan = planExtraction({ path: SEED, text, settings, today: "2026-11-20", port });
      const result = await applyExtraction(plan, port);
      if (!result.ok) throw new Error(result.error);
      created = result.created;
    },
    {
      warmup: 5,
      runs: 21,
      collect: "once",
      after: async () => {
        for (const p of created) {
          const f = h.app.vault.getAbstractFileByPath(p);
          if (f) await h.app.vault.delete(f);
        }
        const seed = h.app.vault.getFileByPath(SEED);
        if (seed) await h.app.vault.modify(seed, original);
        await h.settle();
      },
    },
  );
  report.time("split the seed source (ObsidianVaultPort over the double, demo vault)", Object.keys(demo).length, t, null);
  h.destroy();
}
