// @vitest-environment happy-dom
// Issue #12 done criteria in the test double, with the real planner (no stand-in):
// the demo source with an enrichment hint, a near-duplicate and a plain claim.
import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "../../test-support/obsidian/harness";
import SourceQueuePlugin from "../../src/plugin/main";
import { DATA_PATH, demoVaultFiles, loadPlugin, MANIFEST, openExtract } from "./extract-support";

const SOURCE = "inbox/2026-03-20-mortgage-resets-household-spending.md";
const TARGET = "domains/economics/Household inflation expectations moved twice as much as professional forecasts during the 2021–2023 inflation surge.md";
const DEBT = "domains/economics/Household debt booms predict lower GDP growth three to five years ahead, with the effect concentrated in mortgage debt.md";

let h: Harness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

/** Lines of `after` that are not in `before`, and the reverse. */
function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

describe("enrichment and near-duplicates in the preview (real planner, live claim index)", () => {
  it("targets the named claim, unselects the near-duplicate with its match, writes one claim and one bullet, and undo restores it all", async () => {
    const loaded = await loadPlugin({ files: demoVaultFiles() });
    h = loaded.h;
    const harness = loaded.h;
    const before = { source: harness.read(SOURCE), target: harness.read(TARGET), debt: harness.read(DEBT) };
    const modal = await openExtract(harness, SOURCE);
    await harness.settle();

    const texts = modal.rows.map((r) => r.textContent ?? "");
    const enrich = texts.findIndex((t) => t.includes("Enriches"));
    const dup = texts.findIndex((t) => t.includes("Similar to"));
    expect(enrich).toBeGreaterThanOrEqual(0);
    expect(texts[enrich]).toContain("Household inflation expectations moved twice as much");
    expect(texts[enrich]).toContain("named in the hint");
    expect(modal.checkbox(enrich + 1).checked).toBe(true);
    expect(dup).toBeGreaterThanOrEqual(0);
    expect(texts[dup]).toContain("Household debt booms predict lower GDP growth");
    expect(modal.checkbox(dup + 1).checked).toBe(false);
    expect(modal.createButton.textContent).toBe("Create 1 note, enrich 1");

    const notes = () => harness.storage.list().filter((p) => p.endsWith(".md")).sort();
    const vaultBefore = notes();
    await modal.create();
    const made = notes().filter((p) => !vaultBefore.includes(p));
    expect(made).toHaveLength(1);
    // One bullet in the target, nothing else there changed.
    const diff = lineDiff(before.target, harness.read(TARGET));
    expect(diff.removed).toEqual([]);
    expect(diff.added).toHaveLength(1);
    expect(diff.added[0]).toMatch(/^- \[\[2026-03-20-mortgage-resets-household-spending\]\]/);
    expect(harness.read(DEBT)).toBe(before.debt);
    expect(harness.read(SOURCE)).toMatch(/\nenrichments:\n {2}- .*Household inflation expectations moved twice as much/);
    expect(harness.notices.at(-1)).toMatch(/^Created 1, enriched 1, linked \d+, skipped \d+\.$/);

    // A re-run proposes no second bullet.
    const after = { source: harness.read(SOURCE), target: harness.read(TARGET) };
    const again = await openExtract(harness, SOURCE);
    await harness.settle();
    await again.create();
    expect(harness.read(TARGET)).toBe(after.target);
    expect(notes()).toHaveLength(vaultBefore.length + 1);

    await harness.runCommand("source-queue:undo-last-extraction");
    await harness.settle();
    expect(harness.read(SOURCE)).toBe(before.source);
    expect(harness.read(TARGET)).toBe(before.target);
    expect(notes()).toEqual(vaultBefore);
  });

  it("undoes an enriching run after the plugin is unloaded and loaded again: the target loses its bullet, the source its enrichments", async () => {
    const loaded = await loadPlugin({ files: demoVaultFiles() });
    h = loaded.h;
    const harness = loaded.h;
    const before = { source: harness.read(SOURCE), target: harness.read(TARGET) };
    const modal = await openExtract(harness, SOURCE);
    await harness.settle();
    await modal.create();
    expect(harness.read(TARGET)).not.toBe(before.target);
    const stored = JSON.parse(harness.read(DATA_PATH)) as { lastExtraction: { enriched?: { path: string }[] } };
    expect(stored.lastExtraction.enriched?.map((e) => e.path)).toEqual([TARGET]);

    await harness.unloadPlugin(loaded.plugin);
    await harness.loadPlugin(SourceQueuePlugin, MANIFEST);
    await harness.runCommand("source-queue:undo-last-extraction");
    await harness.settle();
    expect(harness.read(TARGET)).toBe(before.target);
    expect(harness.read(SOURCE)).toBe(before.source);
  });
});
