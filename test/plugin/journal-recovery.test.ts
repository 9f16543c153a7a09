// @vitest-environment happy-dom
// SPEC §8 in Obsidian: a split writes its intent journal in the plugin's
// folder before its first change and removes it after; a journal left there
// (Obsidian closed or crashed mid-run, or a killed CLI) is finished or rolled
// back when the plugin loads, with a notice, through the vault port.
import { afterEach, describe, expect, it } from "vitest";
import { journalText, type ExtractionJournal } from "../../src/core/writes/journal";
import type { Harness } from "../../test-support/obsidian/harness";
import { FOLDER, loadPlugin, MANIFEST, openExtract, SEED, SEED_PATH } from "./extract-support";

const JOURNALS = `.obsidian/plugins/${MANIFEST.id}/journal`;
const A = `${FOLDER}/Claim A.md`;
const B = `${FOLDER}/Claim B.md`;
const AFTER = SEED.replace("status: unprocessed", "status: processed");

const journal = (over: Partial<ExtractionJournal> = {}): ExtractionJournal => ({
  version: 1,
  id: "run1",
  writer: "plugin",
  pid: null,
  started: Date.now(),
  sourcePath: SEED_PATH,
  sourceBefore: SEED,
  sourceAfter: AFTER,
  claims: [
    { path: A, text: "# Claim A\n" },
    { path: B, text: "# Claim B\n" },
  ],
  folders: [],
  ...over,
});

let h: Harness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

async function loadWith(files: Record<string, string>): Promise<Harness> {
  const loaded = await loadPlugin({ files: { [SEED_PATH]: SEED, ...files } });
  h = loaded.h;
  await loaded.h.settle();
  return loaded.h;
}

const journalFiles = (harness: Harness) => harness.storage.list().filter((p) => p.startsWith(`${JOURNALS}/`));

describe("a journal left in the plugin's folder, on load", () => {
  it("with every claim whole and the source as before: the run is finished", async () => {
    expect(SEED).toContain("status: unprocessed");
    const harness = await loadWith({ [`${JOURNALS}/run1.1.json`]: journalText(journal()), [A]: "# Claim A\n", [B]: "# Claim B\n" });
    expect(harness.read(SEED_PATH)).toBe(AFTER);
    expect(harness.read(A)).toBe("# Claim A\n");
    expect(journalFiles(harness)).toEqual([]);
    expect(harness.notices).toContain(`Source queue: an interrupted extraction of ${SEED_PATH} was finished.`);
  });

  it("with a claim missing and another cut short: the run is rolled back and the source left as it was", async () => {
    const harness = await loadWith({ [`${JOURNALS}/run1.1.json`]: journalText(journal()), [A]: "# Cla" });
    expect(harness.storage.exists(A)).toBe(false);
    expect(harness.read(SEED_PATH)).toBe(SEED);
    expect(journalFiles(harness)).toEqual([]);
    expect(harness.notices).toContain(`Source queue: an interrupted extraction of ${SEED_PATH} was rolled back (removed the 1 claim it had written).`);
  });

  it("with the source already written but a claim gone: the source is restored byte for byte", async () => {
    const harness = await loadWith({ [`${JOURNALS}/run1.1.json`]: journalText(journal()), [SEED_PATH]: AFTER, [A]: "# Claim A\n" });
    expect(harness.read(SEED_PATH)).toBe(SEED);
    expect(harness.storage.exists(A)).toBe(false);
  });

  it("keeps a note at a claim's path that holds other text, and says so", async () => {
    const harness = await loadWith({ [`${JOURNALS}/run1.1.json`]: journalText(journal()), [B]: "My own note\n" });
    expect(harness.read(B)).toBe("My own note\n");
    expect(harness.notices.join("\n")).toMatch(/rolled back; kept .*Claim B\.md: not the text this run wrote/);
  });

  it("reads the newest save that is whole when a later save was cut short", async () => {
    const harness = await loadWith({ [`${JOURNALS}/run1.1.json`]: journalText(journal()), [`${JOURNALS}/run1.2.json`]: '{"version":1,"id":"ru', [A]: "# Claim A\n", [B]: "# Claim B\n" });
    expect(harness.read(SEED_PATH)).toBe(AFTER);
    expect(journalFiles(harness)).toEqual([]);
  });

  it("leaves a CLI run's journal of a moment ago to the CLI (it may still be running)", async () => {
    const harness = await loadWith({ [`${JOURNALS}/run1.1.json`]: journalText(journal({ writer: "cli", pid: 123 })), [A]: "# Claim A\n" });
    expect(harness.read(A)).toBe("# Claim A\n");
    expect(journalFiles(harness)).toEqual([`${JOURNALS}/run1.1.json`]);
  });
});

describe("a split in the plugin", () => {
  it("writes its journal before the first claim and leaves none once done", async () => {
    const loaded = await loadPlugin();
    h = loaded.h;
    const modal = await openExtract(loaded.h);
    await modal.create();
    const ops = loaded.storage.opLog.map((o) => `${o.op} ${o.path}`);
    const journalAt = ops.findIndex((o) => o.startsWith(`write ${JOURNALS}/`));
    const firstClaimAt = ops.findIndex((o) => o.startsWith(`write ${FOLDER}/`));
    expect(journalAt).toBeGreaterThanOrEqual(0);
    expect(journalAt).toBeLessThan(firstClaimAt);
    expect(journalFiles(loaded.h)).toEqual([]);
  });
});
