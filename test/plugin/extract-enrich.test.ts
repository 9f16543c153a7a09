// @vitest-environment happy-dom
// Similar claims and enrichment in the extract preview (SPEC §6, issue #12),
// driven as a user drives it: the near-duplicate shown with its score and
// left unchecked, the enrichment's target and its certainty, Change… through
// Obsidian's fuzzy suggester, Create held back for an enrichment with no
// target, and the live claim index feeding each newly opened preview; all of
// it planned by the real planner over the plugin's live index.
import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "../../test-support/obsidian/harness";
import { createLabel, createReasons, targetCertainty } from "../../src/plugin/extract-text";
import { enrichFiles, HINTS, OVERSIGHT, SOURCE_PATH, SYCOPHANCY } from "./enrich-fixture";
import { loadPlugin, openExtract, type ExtractDialog } from "./extract-support";

let h: Harness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

async function open(files = enrichFiles()): Promise<{ h: Harness; modal: ExtractDialog }> {
  const loaded = await loadPlugin({ files });
  h = loaded.h;
  return { h: loaded.h, modal: await openExtract(loaded.h, SOURCE_PATH) };
}

const text = (el: Element | null | undefined) => el?.textContent ?? "";
const match = (modal: ExtractDialog, n: number) => modal.row(n).querySelector(".source-queue-extract-match");
const rowOf = (modal: ExtractDialog, hint: string) => modal.rows.findIndex((r) => r.textContent?.includes(hint)) + 1;

/** The open fuzzy suggester, as the user sees it. */
function suggester(): { input: HTMLInputElement; items: HTMLElement[] } {
  const prompt = document.querySelector<HTMLElement>(".modal.prompt");
  if (!prompt) throw new Error("no suggester is open");
  return { input: prompt.querySelector("input.prompt-input") as HTMLInputElement, items: Array.from(prompt.querySelectorAll<HTMLElement>(".suggestion-item")) };
}

describe("near-duplicates", () => {
  it("a candidate that restates an existing claim shows it with the score, and is unchecked above the covers threshold", async () => {
    const { modal } = await open();
    const n = rowOf(modal, HINTS.nearDuplicate);
    expect(text(match(modal, n))).toMatch(/^Similar to Reward models trained on human preference data systematically overrate agreement with the user \(0\.\d\d\)/);
    const link = match(modal, n)?.querySelector("a.internal-link");
    expect(link?.getAttribute("data-href")).toBe(SYCOPHANCY);
    expect(modal.checkbox(n).checked).toBe(false);
    // The plain claim next to it is not similar to anything and stays checked.
    const plain = rowOf(modal, HINTS.plain);
    expect(text(match(modal, plain))).toBe("");
    expect(modal.checkbox(plain).checked).toBe(true);
  });

  it("the similar claim's link opens that note", async () => {
    const { h, modal } = await open();
    const n = rowOf(modal, HINTS.nearDuplicate);
    (match(modal, n)?.querySelector("a.internal-link") as HTMLElement).click();
    await h.settle();
    expect(h.app.workspace.getActiveFile()?.path).toBe(SYCOPHANCY);
  });

  it("Create anyway checks it and it is created as a new note", async () => {
    const { modal } = await open();
    const n = rowOf(modal, HINTS.nearDuplicate);
    const before = modal.createButton.textContent;
    modal.button("Create anyway", modal.row(n)).click();
    expect(modal.checkbox(n).checked).toBe(true);
    expect(modal.createButton.textContent).not.toBe(before);
    expect(modal.row(n).querySelectorAll("button").length).toBeGreaterThan(0);
    expect(Array.from(modal.row(n).querySelectorAll("button")).map((b) => b.textContent)).not.toContain("Create anyway");
  });

  it("Link instead makes it link only to the existing claim, with that claim's title", async () => {
    const { modal } = await open();
    const n = rowOf(modal, HINTS.nearDuplicate);
    modal.button("Link instead", modal.row(n)).click();
    expect(modal.titleInput(n).value).toBe("Reward models trained on human preference data systematically overrate agreement with the user");
    expect(modal.kind(n)).toBe("Exists — link only");
    expect(modal.path(n)).toBe(SYCOPHANCY);
  });

  it("Enrich instead turns it into an enrichment of that claim, and Create anyway turns it back", async () => {
    const { h, modal } = await open();
    const n = rowOf(modal, HINTS.nearDuplicate);
    modal.button("Enrich instead", modal.row(n)).click();
    // The new target's text is read before the plan counts it.
    await h.settle();
    expect(text(match(modal, n))).toContain("Enriches Reward models trained on human preference data systematically overrate agreement with the user (chosen by you)");
    expect(modal.checkbox(n).checked).toBe(true);
    expect(modal.createButton.textContent).toBe(createLabel(1, 2));
    modal.button("Create anyway", modal.row(n)).click();
    await h.settle();
    expect(text(match(modal, n))).toMatch(/^Similar to /);
    expect(modal.createButton.textContent).toBe(createLabel(2, 1));
  });
});

describe("enrichment rows", () => {
  it("an enrichment shows its target and that the hint named it, and is checked", async () => {
    const { modal } = await open();
    const n = rowOf(modal, HINTS.enrichment);
    expect(text(match(modal, n))).toContain("Enriches Scalable oversight degrades rapidly as capability gaps grow (named in the hint)");
    expect(modal.path(n)).toBe(OVERSIGHT);
    expect(modal.checkbox(n).checked).toBe(true);
    expect(modal.createButton.textContent).toBe("Create 1 note, enrich 1");
  });

  it("Change… opens the fuzzy suggester over the vault's claims; the pick becomes the target", async () => {
    const { h, modal } = await open();
    const n = rowOf(modal, HINTS.enrichment);
    modal.button("Change…", modal.row(n)).click();
    await h.settle();
    const s = suggester();
    expect(s.items.map((i) => i.querySelector(".source-queue-claim-suggestion-path")?.textContent).sort()).toEqual([OVERSIGHT, SYCOPHANCY].sort());
    s.input.value = "rewmodhum";
    s.input.dispatchEvent(new Event("input"));
    await h.settle();
    const narrowed = suggester().items;
    expect(narrowed.map((i) => i.querySelector(".source-queue-claim-suggestion-path")?.textContent)).toEqual([SYCOPHANCY]);
    narrowed[0]?.click();
    await h.settle();
    expect(document.querySelector(".modal.prompt")).toBeNull();
    expect(text(match(modal, n))).toContain("Enriches Reward models trained on human preference data systematically overrate agreement with the user (chosen by you)");
    expect(modal.path(n)).toBe(SYCOPHANCY);
  });

  it("an enrichment with no target says so, cannot be checked, and once chosen can be", async () => {
    const { h, modal } = await open();
    const n = rowOf(modal, HINTS.untargeted);
    expect(text(match(modal, n))).toContain("No target: choose one");
    expect(modal.checkbox(n).checked).toBe(false);
    expect(modal.checkbox(n).disabled).toBe(true);
    modal.button("Choose…", modal.row(n)).click();
    await h.settle();
    suggester().items.find((i) => i.textContent?.includes(OVERSIGHT))?.click();
    await h.settle();
    expect(modal.checkbox(n).disabled).toBe(false);
    expect(modal.checkbox(n).checked).toBe(true);
  });

  it("Select all checks an enrichment with no target, and Create is disabled saying which", async () => {
    const { modal } = await open();
    const n = rowOf(modal, HINTS.untargeted);
    modal.button("Select all").click();
    expect(modal.checkbox(n).checked).toBe(true);
    expect(modal.createButton.disabled).toBe(true);
    expect(modal.reason).toBe(`Candidate ${n} enriches no claim yet: choose its target, or uncheck it.`);
  });
});

describe("the live claim index", () => {
  it("a claim note created in the vault appears as a similar match in a newly opened preview", async () => {
    const files = enrichFiles();
    delete files[SYCOPHANCY];
    const { h, modal } = await open(files);
    const n = rowOf(modal, HINTS.nearDuplicate);
    expect(text(match(modal, n))).toBe("");
    modal.button("Cancel").click();
    await h.vault.create(SYCOPHANCY, enrichFiles()[SYCOPHANCY] ?? "");
    await h.settle();
    const again = await openExtract(h, SOURCE_PATH);
    expect(text(match(again, rowOf(again, HINTS.nearDuplicate)))).toMatch(/^Similar to Reward models trained on human preference data/);
  });
});

describe("wording", () => {
  it.each([
    [0, 0, "Create 0 notes"],
    [1, 0, "Create 1 note"],
    [2, 1, "Create 2 notes, enrich 1"],
    [0, 1, "Enrich 1 note"],
    [0, 2, "Enrich 2 notes"],
  ])("%i new and %i enriched read %s", (c, e, label) => expect(createLabel(c, e)).toBe(label));

  it.each([
    [{ certain: true, score: 1 }, false, "named in the hint"],
    [{ certain: false, score: 0.4812 }, false, "best guess, 0.48"],
    [{ certain: false, score: 0.4812 }, true, "chosen by you"],
  ])("a target %j (chosen: %s) is described as %s", (t, chosen, words) => expect(targetCertainty(t, chosen)).toBe(words));

  it("an enrichment alone is something to create", () => {
    expect(createReasons({ blockers: [], creates: [], candidates: [], enrichments: [{} as never] }, false)).toEqual([]);
  });
});
