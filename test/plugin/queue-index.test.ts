// @vitest-environment happy-dom
// The queue index's build (SPEC §4): past 2,000 notes it reads the metadata
// cache in steps, and notes that change, move or go while it runs end up in
// it as they are afterwards.
import { afterEach, describe, expect, it } from "vitest";
import { Plugin } from "obsidian";
import { DEFAULT_SETTINGS } from "../../src/core/note/settings";
import { QueueIndex } from "../../src/plugin/queue-index";
import { createHarness, type Harness } from "../../test-support/obsidian/harness";
import { churnDuringBuild } from "./build-churn";
import { startPlugin } from "./plugin-harness";

const source = (title: string, status = "unprocessed", domain = "biology") =>
  `---\ntype: source\ntitle: ${title}\nstatus: ${status}\npriority: medium\ndomain: ${domain}\n---\n## Content\nText.\n`;

let h: Harness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

/** The index wired to the app as the plugin wires it (main.ts), with the given steps. */
class Host extends Plugin {
  index!: QueueIndex;
  static pause: () => Promise<void> = async () => undefined;
  override onload(): void {
    this.index = new QueueIndex(this.app, () => DEFAULT_SETTINGS, { pause: () => Host.pause(), stepMs: 0 });
  }
  wire(): void {
    this.registerEvent(this.app.metadataCache.on("changed", (file, _data, cache) => this.index.update(file, cache)));
    this.registerEvent(this.app.vault.on("delete", (file) => this.index.remove(file.path)));
    this.registerEvent(this.app.vault.on("rename", (file, oldPath) => this.index.rename(file as never, oldPath)));
  }
}

const rows = (index: QueueIndex) => index.all().map((i) => `${i.path} = ${i.title} (${i.status})`).sort();

describe("the queue index on a large vault", () => {
  it("builds in steps (not ready meanwhile), and ends holding every note as it is after edits, renames, deletions and a new note during the build", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2100; i++) files[`inbox/source ${String(i).padStart(4, "0")}.md`] = source(`Source ${i}`);
    h = createHarness({ files });
    const harness = h;
    let pauses = 0;
    let readyDuring: boolean | null = null;
    let host: Host | null = null;
    Host.pause = async () => {
      pauses++;
      if (pauses !== 5 || !host) return;
      readyDuring = host.index.ready;
      await churnDuringBuild(harness, {
        early: source("Early retitled", "processing"),
        late: source("Late retitled", "null-result", "climate"),
        movedTo: { early: "inbox/early moved.md", late: "inbox/late moved.md" },
        created: { path: "inbox/arrived during the build.md", text: source("Arrived during the build") },
      });
    };
    host = await harness.loadPlugin(Host, { id: "queue-index-host" });
    host.wire();
    const built = host.index.rebuild();
    expect(host.index.ready).toBe(false);
    await built;
    expect(host.index.ready).toBe(true);
    expect(readyDuring).toBe(false);
    expect(pauses).toBeGreaterThan(2000);

    // What a build from scratch finds now, and the counts kept along the way.
    const fresh = new QueueIndex(host.app, () => DEFAULT_SETTINGS);
    await fresh.rebuild();
    expect(rows(host.index)).toEqual(rows(fresh));
    expect(host.index.size).toBe(2100 - 2 + 1);
    expect(host.index.statusCounts()).toEqual(fresh.statusCounts());
    expect(host.index.domains()).toEqual(["biology", "climate"]);
    expect(rows(host.index)).toContain("inbox/arrived during the build.md = Arrived during the build (unprocessed)");
    expect(rows(host.index).filter((r) => r.includes("retitled"))).toHaveLength(2);
  });

  it("a second build started meanwhile wins; the first stops where it was", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2100; i++) files[`inbox/s${i}.md`] = source(`S${i}`);
    h = createHarness({ files });
    Host.pause = async () => undefined;
    const host = await h.loadPlugin(Host, { id: "queue-index-host-2" });
    const first = host.index.rebuild();
    const second = host.index.rebuild();
    await Promise.all([first, second]);
    expect(host.index.size).toBe(2100);
    expect(host.index.statusCounts().unprocessed).toBe(2100);
  });

  it("the next-unprocessed command given while the index is being rebuilt answers from the new index", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2100; i++) files[`inbox/2026-01-01-high-${i}.md`] = source(`High ${i}`).replace("priority: medium", "priority: high");
    files["archive/2026-01-01-the-only-one-there.md"] = source("The only one there");
    const s = await startPlugin({ files, data: { settings: { queueFolder: "archive" } } });
    h = s.h;
    expect(s.plugin.index.size).toBe(1);
    // The queue folder changes (a re-indexing setting): the old entries stay in use until the new build ends.
    // A step per note, so the build is surely under way when the command comes.
    Object.assign(s.plugin.index, { steps: { stepMs: 0, pause: async () => undefined } });
    s.plugin.data.settings.queueFolder = "inbox";
    void s.plugin.index.rebuild();
    expect(s.plugin.index.size).toBe(1);
    await s.h.runCommand("source-queue:next-unprocessed");
    await s.plugin.index.built();
    await s.h.settle();
    expect(s.plugin.index.size).toBe(2100);
    expect(s.h.app.workspace.getActiveFile()?.path).toMatch(/^inbox\/2026-01-01-high-\d+\.md$/);
  });

  it("the next-unprocessed command passes over a source in review (SPEC §7: processing, its review_branch named by the claim)", async () => {
    const inReview = source("In review", "processing").replace("priority: medium", "priority: high").replace("---\n## Content", "processed_by: agent-a\nprocessing_until: 2020-01-01T00:00:00Z\nreview_branch: extract/2026-01-02-in-review\n---\n## Content");
    const s = await startPlugin({ files: { "inbox/2026-01-02-in-review.md": inReview, "inbox/2026-01-01-waiting.md": source("Waiting") } });
    h = s.h;
    await s.h.runCommand("source-queue:next-unprocessed");
    await s.h.settle();
    expect(s.h.app.workspace.getActiveFile()?.path).toBe("inbox/2026-01-01-waiting.md");
  });
});
