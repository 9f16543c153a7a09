// @vitest-environment happy-dom
// SPEC §6: the claim index "kept live in the plugin from the metadata cache":
// built at layout ready from the cache, then following creations, edits,
// type changes, renames (of files and folders) and deletions; unloading it
// leaves no listener behind.
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test-support/obsidian/harness";
import { Plugin } from "obsidian";
import { TFile, TFolder } from "../../test-support/obsidian/files";
import { ClaimIndexLive } from "../../src/plugin/claim-index-live";
import { churnDuringBuild } from "./build-churn";

const claimNote = (title: string, extra = "") => `---\ntype: claim\ndomain: ai-alignment\n${extra}---\n\n# ${title}\n\nBody.\n\n## Evidence\n\n- [[src]] — x\n`;

const FILES: Record<string, string> = {
  "domains/ai-alignment/Reward models overrate agreement with the user.md": claimNote("Reward models overrate agreement with the user"),
  "domains/ai-alignment/Monitors - fail at scale.md": claimNote("Monitors: fail at scale", "aliases:\n  - Monitor failure\n"),
  "inbox/claims/sandbagging evals miss scheming.md": "---\ntype: claim\n---\nNo heading here.\n",
  "inbox/2026-03-27-sandbagging-scheming-evals.md": "---\ntype: source\ntitle: Sandbagging and scheming evals\n---\n",
  "notes/plain.md": "# Reward models overrate agreement\n",
};

class Host extends Plugin {
  live!: ClaimIndexLive;
  override onload(): void {
    this.live = this.addChild(new ClaimIndexLive(this.app));
  }
}

let h: Harness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

async function start(files: Record<string, string> = FILES): Promise<{ h: Harness; live: ClaimIndexLive }> {
  h = createHarness({ files });
  const host = await h.loadPlugin(Host, { id: "claim-index-host" });
  return { h, live: host.live };
}

const paths = (live: ClaimIndexLive) => [...live.index.all()].map((e) => e.path).sort();
const file = (h: Harness, path: string): TFile => {
  const f = h.vault.getAbstractFileByPath(path);
  if (!(f instanceof TFile)) throw new Error(`no file ${path}`);
  return f;
};

describe("ClaimIndexLive", () => {
  it("at layout ready holds every claim note of the vault, with titles from the H1 or the file name, and aliases", async () => {
    const { live } = await start();
    expect(live.ready).toBe(true);
    expect(paths(live)).toEqual([
      "domains/ai-alignment/Monitors - fail at scale.md",
      "domains/ai-alignment/Reward models overrate agreement with the user.md",
      "inbox/claims/sandbagging evals miss scheming.md",
    ]);
    expect(live.index.get("domains/ai-alignment/Monitors - fail at scale.md")).toEqual({
      path: "domains/ai-alignment/Monitors - fail at scale.md",
      title: "Monitors: fail at scale",
      aliases: ["Monitor failure"],
      fileName: "Monitors - fail at scale",
      domains: ["ai-alignment"],
    });
    expect(live.index.get("inbox/claims/sandbagging evals miss scheming.md")?.title).toBe("sandbagging evals miss scheming");
    expect(live.index.byExactTitle("monitor failure")?.path).toBe("domains/ai-alignment/Monitors - fail at scale.md");
  });

  it("a new claim note is found once the cache has indexed it, and listeners hear of it", async () => {
    const { h, live } = await start();
    let heard = 0;
    live.onChange(() => heard++);
    await h.vault.createFolder("domains/biology");
    await h.vault.create("domains/biology/Phage therapy selects for antibiotic resistance tradeoffs.md", claimNote("Phage therapy selects for antibiotic resistance tradeoffs"));
    await h.settle();
    expect(live.index.similarTo("phage therapy selects for resistance tradeoffs")[0]?.path).toBe("domains/biology/Phage therapy selects for antibiotic resistance tradeoffs.md");
    expect(heard).toBe(1);
  });

  it("an edited title replaces the old one", async () => {
    const { h, live } = await start();
    const path = "inbox/claims/sandbagging evals miss scheming.md";
    await h.vault.modify(file(h, path), "---\ntype: claim\n---\n# Capability evals undercount sandbagging models\n");
    await h.settle();
    expect(live.index.get(path)?.title).toBe("Capability evals undercount sandbagging models");
    expect(live.index.byExactTitle("Capability evals undercount sandbagging models")?.path).toBe(path);
  });

  it("a type changed away from claim takes the note out; changed to claim puts it in", async () => {
    const { h, live } = await start();
    const claim = "domains/ai-alignment/Reward models overrate agreement with the user.md";
    await h.vault.modify(file(h, claim), "---\ntype: note\n---\n# Reward models overrate agreement with the user\n");
    const source = "inbox/2026-03-27-sandbagging-scheming-evals.md";
    await h.vault.modify(file(h, source), "---\ntype: claim\ntitle: Sandbagging and scheming evals\n---\n");
    await h.settle();
    expect(live.index.get(claim)).toBeNull();
    expect(live.index.get(source)?.title).toBe("Sandbagging and scheming evals");
  });

  it("an edit to a note that is not a claim does not disturb the index or its listeners", async () => {
    const { h, live } = await start();
    let heard = 0;
    live.onChange(() => heard++);
    await h.vault.modify(file(h, "notes/plain.md"), "# Still not a claim\n");
    await h.settle();
    expect(heard).toBe(0);
    expect(live.index.size).toBe(3);
  });

  it("a renamed file and a renamed folder move their claims", async () => {
    const { h, live } = await start();
    await h.vault.rename(file(h, "inbox/claims/sandbagging evals miss scheming.md"), "inbox/claims/evals miss sandbagging.md");
    const folder = h.vault.getAbstractFileByPath("domains/ai-alignment");
    if (!(folder instanceof TFolder)) throw new Error("no folder");
    await h.vault.rename(folder, "domains/alignment");
    await h.settle();
    expect(paths(live)).toEqual([
      "domains/alignment/Monitors - fail at scale.md",
      "domains/alignment/Reward models overrate agreement with the user.md",
      "inbox/claims/evals miss sandbagging.md",
    ]);
    // The title was the file name, so it follows it; an H1 title stays.
    expect(live.index.get("inbox/claims/evals miss sandbagging.md")?.title).toBe("evals miss sandbagging");
    expect(live.index.get("domains/alignment/Monitors - fail at scale.md")?.title).toBe("Monitors: fail at scale");
  });

  it("a claim renamed away from Markdown leaves the index", async () => {
    const { h, live } = await start();
    await h.vault.rename(file(h, "inbox/claims/sandbagging evals miss scheming.md"), "inbox/claims/sandbagging.txt");
    await h.settle();
    expect(live.index.size).toBe(2);
  });

  it("a deleted claim leaves the index", async () => {
    const { h, live } = await start();
    await h.vault.delete(file(h, "domains/ai-alignment/Monitors - fail at scale.md"));
    await h.settle();
    expect(live.index.get("domains/ai-alignment/Monitors - fail at scale.md")).toBeNull();
    expect(live.index.byExactTitle("Monitor failure")).toBeNull();
  });

  it("unloading the plugin leaves no listener behind, and later changes reach nothing", async () => {
    h = createHarness({ files: FILES });
    const before = h.liveListenerCount();
    const host = await h.loadPlugin(Host, { id: "claim-index-host" });
    expect(h.liveListenerCount()).toBeGreaterThan(before);
    await h.unloadPlugin(host);
    expect(h.liveListenerCount()).toBe(before);
    await h.vault.create("domains/ai-alignment/New claim after unload.md", claimNote("New claim after unload"));
    await h.settle();
    expect(host.live.index.get("domains/ai-alignment/New claim after unload.md")).toBeNull();
  });

  it("the claim types are a setting: rebuild follows a change", async () => {
    h = createHarness({ files: { ...FILES, "notes/insight.md": "---\ntype: insight\n---\n# An insight\n" } });
    let types: readonly string[] = ["claim"];
    class Typed extends Plugin {
      live!: ClaimIndexLive;
      override onload(): void {
        this.live = this.addChild(new ClaimIndexLive(this.app, () => types));
      }
    }
    const host = await h.loadPlugin(Typed, { id: "typed-host" });
    expect(host.live.index.get("notes/insight.md")).toBeNull();
    types = ["claim", "insight"];
    await host.live.rebuild();
    expect(host.live.index.get("notes/insight.md")?.title).toBe("An insight");
  });
});

describe("ClaimIndexLive on a large vault", () => {
  // Past 2,000 Markdown files the build runs in steps; here a step per note, and the vault changes at the fifth pause.
  const many = (): Record<string, string> => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2100; i++) files[`domains/d${i % 7}/claim number ${i} about reward models.md`] = claimNote(`Claim number ${i} about reward models`);
    return files;
  };

  it("builds in steps, and ends holding exactly the vault's claims after creations, edits, renames and deletions during the build", async () => {
    h = createHarness({ files: many() });
    const harness = h;
    let pauses = 0;
    let readyDuring: boolean | null = null;
    let building: ClaimIndexLive | null = null;
    const pause = async (): Promise<void> => {
      pauses++;
      if (pauses !== 5) return;
      readyDuring = building?.ready ?? null;
      // Reached already (early) and not yet (late): an edit, a rename and a deletion of each, and a new note.
      await churnDuringBuild(harness, {
        early: claimNote("An early claim retitled"),
        late: claimNote("A late claim retitled"),
        movedTo: { early: "domains/d0/early moved.md", late: "domains/d0/late moved.md" },
        created: { path: "domains/d1/a new claim.md", text: claimNote("A new claim during the build") },
      });
    };
    class Stepped extends Plugin {
      live!: ClaimIndexLive;
      override onload(): void {
        this.live = this.addChild(new ClaimIndexLive(this.app, undefined, { pause, stepMs: 0 }));
        building = this.live;
      }
    }
    const host = await harness.loadPlugin(Stepped, { id: "stepped-host" });
    for (let i = 0; i < 100 && !host.live.ready; i++) await harness.settle();
    expect(host.live.ready).toBe(true);
    expect(readyDuring).toBe(false);
    expect(pauses).toBeGreaterThan(2000);

    // What a build from scratch finds now.
    const fresh = new ClaimIndexLive(host.app);
    await fresh.rebuild();
    const titles = (live: ClaimIndexLive) => [...live.index.all()].map((e) => `${e.path} = ${e.title}`).sort();
    expect(titles(host.live)).toEqual(titles(fresh));
    expect(host.live.index.size).toBe(2100 - 2 + 1);
    expect(titles(host.live)).toContain("domains/d1/a new claim.md = A new claim during the build");
    expect(titles(host.live).filter((t) => t.endsWith("retitled"))).toHaveLength(2);
  });
});
