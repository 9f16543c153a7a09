// @vitest-environment happy-dom
// Undo last extraction in Obsidian (SPEC §4): the source restored byte for
// byte, the claims moved to the trash unless edited since, a source edited
// since left alone, and the record kept in data.json across a reload.
import { afterEach, describe, expect, it } from "vitest";
import { planExtraction } from "../../src/core/extraction/extraction";
import { today as dayOf } from "../../src/core/commands/clock";

const today = () => dayOf(new Date());
import SourceQueuePlugin from "../../src/plugin/main";
import { ObsidianVaultPort } from "../../src/plugin/obsidian-vault-port";
import type { Harness } from "../../test-support/obsidian/harness";
import { DATA_PATH, FOLDER, loadPlugin, MANIFEST, openExtract, SEED, SEED_PATH } from "./extract-support";

const UNDO = `${MANIFEST.id}:undo-last-extraction`;

let h: Harness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

/** The seed split with the default selection (its 3 hints and the curator's (3)); returns the claim paths it created. */
async function splitSeed(): Promise<{ harness: Harness; plugin: SourceQueuePlugin; claims: string[] }> {
  const loaded = await loadPlugin();
  h = loaded.h;
  const modal = await openExtract(loaded.h);
  await modal.create();
  const claims = loaded.h.storage
    .list()
    .filter((p) => p.startsWith(`${FOLDER}/`))
    .sort();
  expect(claims).toHaveLength(4);
  expect(loaded.h.read(SEED_PATH)).not.toBe(SEED);
  return { harness: loaded.h, plugin: loaded.plugin, claims };
}

describe("undo last extraction", () => {
  it("restores the source byte for byte and moves the claims to the trash", async () => {
    const { harness, claims } = await splitSeed();
    expect(await harness.runCommand(UNDO)).toBe(true);
    expect(harness.read(SEED_PATH)).toBe(SEED);
    for (const claim of claims) expect(harness.storage.exists(claim)).toBe(false);
    // The folders the run created go too, once empty (issue #24).
    expect(harness.vault.systemTrash.map((t) => t.path).sort()).toEqual(["domains", "domains/ai-alignment", ...claims].sort());
    expect(harness.notices.at(-1)).toBe(`Undid the extraction from ${SEED_PATH}: moved 4 claims to the trash.\nThe source is restored.`);
  });

  it("is offered only while there is something to undo", async () => {
    const { harness } = await splitSeed();
    expect(harness.app.commands.isCommandAvailable(UNDO)).toBe(true);
    await harness.runCommand(UNDO);
    expect(harness.app.commands.isCommandAvailable(UNDO)).toBe(false);
    expect(await harness.runCommand(UNDO)).toBe(false);
    expect(harness.read(SEED_PATH)).toBe(SEED);
  });

  it("keeps a claim edited since the split and names it in the notice", async () => {
    const { harness, claims } = await splitSeed();
    const mine = claims[1] ?? "";
    const edited = `${harness.read(mine)}\nMy own note on this.\n`;
    await harness.editExternally(mine, edited);
    await harness.runCommand(UNDO);
    expect(harness.read(mine)).toBe(edited);
    for (const claim of claims.filter((c) => c !== mine)) expect(harness.storage.exists(claim)).toBe(false);
    expect(harness.read(SEED_PATH)).toBe(SEED);
    expect(harness.notices.at(-1)).toBe(
      `Undid the extraction from ${SEED_PATH}: moved 3 claims to the trash.\nKept because edited since: ${mine}.\nThe source is restored.`,
    );
  });

  it("leaves a source edited since the split as it is, and says so", async () => {
    const { harness, claims } = await splitSeed();
    const edited = `${harness.read(SEED_PATH)}\n\nA later thought.`;
    await harness.editExternally(SEED_PATH, edited);
    await harness.runCommand(UNDO);
    expect(harness.read(SEED_PATH)).toBe(edited);
    for (const claim of claims) expect(harness.storage.exists(claim)).toBe(false);
    expect(harness.notices.at(-1)).toBe(
      `Undid the extraction from ${SEED_PATH}: moved 4 claims to the trash.\n${SEED_PATH} was edited since the split, so it was left as it is.`,
    );
  });

  it("still works after the plugin is unloaded and loaded again, from the record in data.json", async () => {
    const { harness, plugin, claims } = await splitSeed();
    const stored = JSON.parse(harness.read(DATA_PATH)) as { lastExtraction: { sourcePath: string; created: { path: string }[] } };
    expect(stored.lastExtraction.sourcePath).toBe(SEED_PATH);
    expect(stored.lastExtraction.created.map((c) => c.path).sort()).toEqual(claims);

    await harness.unloadPlugin(plugin);
    const reloaded = await harness.loadPlugin(SourceQueuePlugin, MANIFEST);
    expect(reloaded.data.lastExtraction?.sourcePath).toBe(SEED_PATH);
    await harness.runCommand(UNDO);
    expect(harness.read(SEED_PATH)).toBe(SEED);
    for (const claim of claims) expect(harness.storage.exists(claim)).toBe(false);
    expect((JSON.parse(harness.read(DATA_PATH)) as { lastExtraction: unknown }).lastExtraction).toBeNull();
  });

  it("a later run that created nothing leaves the earlier split as the one undo reverts", async () => {
    const { harness, plugin, claims } = await splitSeed();
    const again = await openExtract(harness);
    expect(again.createButton.disabled).toBe(true);
    // The same re-run through the actions, as a script would do it: it applies, creating nothing.
    const rerun = planExtraction({
      path: SEED_PATH,
      text: harness.read(SEED_PATH),
      settings: plugin.data.settings,
      today: today(),
      port: new ObsidianVaultPort(plugin.app),
    });
    expect(rerun.creates).toEqual([]);
    expect(await plugin.actions.applyPlan(rerun)).toBe(true);
    expect(harness.notices.at(-1)).toBe("Created 0, enriched 0, linked 4, skipped 0.");
    await plugin.actions.undoLastExtraction();
    expect(harness.read(SEED_PATH)).toBe(SEED);
    for (const claim of claims) expect(harness.storage.exists(claim)).toBe(false);
  });
});
