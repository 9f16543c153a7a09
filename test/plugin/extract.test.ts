// @vitest-environment happy-dom
// The extract preview in Obsidian (SPEC §2–4): the real plugin over the test
// double's vault, driven through the modal a user sees. Outcomes are read
// from the vault's storage, never from the plugin's own state.
import { afterEach, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { today as dayOf } from "../../src/core/commands/clock";

const today = () => dayOf(new Date());
import { SEED_CITATION, SEED_FILE_NAMES, SEED_TITLES } from "../fixtures/seed";
import type { Harness } from "../../test-support/obsidian/harness";
import { demoVaultFiles, FOLDER, frontmatterLines, loadPlugin, openExtract, SEED, SEED_PATH } from "./extract-support";

const TITLES = SEED_TITLES;
const NAMES = SEED_FILE_NAMES;
const PATHS = NAMES.map((n) => `${FOLDER}/${n}.md`);
const CITATION = SEED_CITATION;
const GUIDANCE =
  "Don't extract the whole article as one claim. Three separable claims: (1) hours-per-prompt bottleneck as specific measurement, (2) Anthropic/DeepMind complementarity framing, (3) first documented production deployment decision using interpretability.";
const SOURCE_LINK = "[[2026-04-06-circuit-tracing-production-safety-mitra]]";

let h: Harness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

async function seedModal(options?: Parameters<typeof loadPlugin>[0]) {
  const loaded = await loadPlugin(options);
  h = loaded.h;
  return { ...loaded, modal: await openExtract(loaded.h) };
}

/** Vault paths of notes, outside the config folder. */
const notePaths = (harness: Harness) =>
  harness.storage
    .list()
    .filter((p) => !p.startsWith(".obsidian") && !harness.storage.isFolder(p))
    .sort();

describe("the preview", () => {
  it("lists the seed's four candidates (its three hints, then the curator's (3)), checked, with their titles and paths in the domain folder", async () => {
    const { modal } = await seedModal();
    expect(modal.el.querySelector(".modal-title")?.textContent).toBe("Extract claims");
    expect(modal.rows).toHaveLength(4);
    expect([1, 2, 3, 4].map((n) => modal.checkbox(n).checked)).toEqual([true, true, true, true]);
    expect([1, 2, 3, 4].map((n) => modal.titleInput(n).value)).toEqual(TITLES);
    expect([1, 2, 3, 4].map((n) => modal.origin(n))).toEqual(["", "", "", "From the curator"]);
    expect([1, 2, 3, 4].map((n) => modal.path(n))).toEqual(PATHS);
    expect([1, 2, 3, 4].map((n) => modal.confidence(n).value)).toEqual(["experimental", "experimental", "experimental", "experimental"]);
    expect(modal.el.textContent).toContain("Claim folder: domains/ai-alignment");
    expect(modal.el.textContent).toContain("Source: Circuit Tracing for the Rest of Us");
    expect(modal.createButton.textContent).toBe("Create 4 notes");
    expect(modal.createButton.disabled).toBe(false);
  });

  it("shows the curator hint as guidance, and each candidate's full hint text", async () => {
    const { modal } = await seedModal();
    const guidance = modal.el.querySelector(".source-queue-extract-guidance");
    expect(guidance?.textContent).toBe(`Curator guidance${GUIDANCE}`);
    expect(modal.row(2).querySelector(".source-queue-extract-rationale")?.textContent).toBe(
      `From the hints: The Anthropic/DeepMind complementarity framing is claim-worthy: "${TITLES[1]}"`,
    );
  });

  it("names each control for assistive technology", async () => {
    const { modal } = await seedModal();
    expect(modal.checkbox(3).getAttribute("aria-label")).toBe(`Create candidate 3: ${TITLES[2]}`);
    expect(modal.titleInput(3).getAttribute("aria-label")).toBe("Title of candidate 3");
    expect(modal.confidence(3).getAttribute("aria-label")).toBe("Confidence of candidate 3");
  });

  it("writes nothing while the preview is open", async () => {
    const { h: harness, modal, storage } = await seedModal();
    const writes = storage.opLog.length;
    modal.type(1, "Another title");
    modal.checkbox(2).click();
    await harness.settle();
    expect(storage.opLog.slice(writes).filter((op) => !op.path.startsWith(".obsidian"))).toEqual([]);
    expect(notePaths(harness)).toEqual([SEED_PATH]);
  });

  it("counts one note in the singular and disables Create when nothing is checked, saying why", async () => {
    const { modal } = await seedModal();
    // The curator's item (4) is unchecked first, so the count runs down over the three hints.
    modal.checkbox(4).click();
    modal.checkbox(1).click();
    modal.checkbox(2).click();
    expect(modal.createButton.textContent).toBe("Create 1 note");
    modal.checkbox(3).click();
    expect(modal.createButton.textContent).toBe("Create 0 notes");
    expect(modal.createButton.disabled).toBe(true);
    expect(modal.reason).toBe("Check at least one candidate to create it.");
  });

  it("blocks Create while a checked title is empty or two titles name one file", async () => {
    const { modal } = await seedModal();
    modal.type(2, "   ");
    expect(modal.createButton.disabled).toBe(true);
    expect(modal.reason).toBe("Candidate 2 has an empty title");
    modal.type(2, "Same claim");
    modal.type(3, "same claim.");
    expect(modal.createButton.disabled).toBe(true);
    expect(modal.reason).toBe('Candidates 2 and 3 would both be "same claim.md"');
    modal.type(3, "A different claim");
    expect(modal.createButton.disabled).toBe(false);
    expect(modal.reason).toBe("");
  });

  it("turns a row into link only when its title is edited to an existing note's name, and back", async () => {
    const existing = `${FOLDER}/Interpretability does not yet scale to frontier models.md`;
    const { modal } = await seedModal({ files: { [SEED_PATH]: SEED, [existing]: "---\ntype: claim\n---\n" } });
    modal.type(3, "interpretability does not yet scale to frontier models");
    expect(modal.kind(3)).toBe("Exists — link only");
    expect(modal.path(3)).toBe(existing);
    expect(modal.checkbox(3).checked).toBe(false);
    // Hints 1 and 2 and the curator's item (4) are still created.
    expect(modal.createButton.textContent).toBe("Create 3 notes");
    modal.type(3, "Interpretability does not yet scale");
    expect(modal.kind(3)).toBe("New note");
    expect(modal.checkbox(3).checked).toBe(true);
    expect(modal.path(3)).toBe(`${FOLDER}/Interpretability does not yet scale.md`);
    expect(modal.createButton.textContent).toBe("Create 4 notes");
  });
});

describe("creating the claims", () => {
  it("an edited title moves its path as it is typed, and Create writes exactly the checked claims and updates the source", async () => {
    const { h: harness, modal } = await seedModal();
    const edited = "SPAR agents automate circuit tracing: the hours-per-prompt fix";
    const editedName = "SPAR agents automate circuit tracing - the hours-per-prompt fix";
    modal.type(3, "SPAR agents");
    expect(modal.path(3)).toBe(`${FOLDER}/SPAR agents.md`);
    modal.type(3, edited);
    expect(modal.path(3)).toBe(`${FOLDER}/${editedName}.md`);
    expect(document.activeElement).toBe(modal.titleInput(3));
    modal.checkbox(1).click();
    // This run is about the hints: the curator's item (4) is unchecked too, so it is skipped like hint 1.
    modal.checkbox(4).click();
    modal.confidence(2).value = "likely";
    modal.confidence(2).dispatchEvent(new Event("change"));
    expect(modal.createButton.textContent).toBe("Create 2 notes");

    await modal.create();

    const created = [PATHS[1] ?? "", `${FOLDER}/${editedName}.md`];
    expect(notePaths(harness)).toEqual([...created, SEED_PATH].sort());
    expect(modal.isOpen).toBe(false);
    expect(harness.notices).toContain("Created 2, enriched 0, linked 0, skipped 2.");

    const second = harness.read(created[0] ?? "");
    expect(parseFrontmatter(second).data).toEqual({
      type: "claim",
      domain: "ai-alignment",
      // The claim's own description (SPEC §3): what surrounds the quote is only "… framing is
      // claim-worthy:", an instruction, so it is the best evidence sentence of ## Content.
      description: "DeepMind: pivoted to pragmatic interpretability after SAEs underperformed linear probes on harmful intent detection",
      confidence: "likely",
      source: CITATION,
      created: today(),
      aliases: [TITLES[1]],
    });
    const third = harness.read(created[1] ?? "");
    expect(parseFrontmatter(third).data).toMatchObject({
      type: "claim",
      domain: "ai-alignment",
      // Hint 3 says nothing beyond its title, so its description is its best evidence sentence.
      description: 'SPAR\'s "Automating Circuit Interpretability with Agents" project directly targets this bottleneck',
      confidence: "experimental",
      source: CITATION,
      created: today(),
      aliases: [edited],
    });
    expect(third.slice(third.indexOf("\n---\n") + 5)).toBe(
      [
        "",
        `# ${edited}`,
        "",
        TITLES[2],
        "",
        "> [!note] Curator guidance",
        `> ${GUIDANCE}`,
        "",
        "## Evidence",
        "",
        `- ${SOURCE_LINK} — ${CITATION}`,
        // The sentences of ## Content that best support this claim, best first (SPEC §3).
        '  > SPAR\'s "Automating Circuit Interpretability with Agents" project directly targets this bottleneck',
        '  > The key remaining bottleneck: "it currently takes a few hours of human effort to understand the circuits even on prompts with only tens of words"',
        // The seed's Relevant Notes name no note of the demo vault: left out, and listed in the preview (issue #24).
        "",
      ].join("\n"),
    );

    const source = harness.read(SEED_PATH);
    expect(parseFrontmatter(source).data).toMatchObject({ status: "processed", processed_date: today(), claims_extracted: [TITLES[1], edited] });
    expect(parseFrontmatter(source).data).not.toHaveProperty("processed_by");
    // Nothing else changed: take out what the split adds and the note is the seed again.
    const fm = frontmatterLines(source);
    const added = fm.findIndex((l) => l === "claims_extracted:");
    expect(fm.slice(added)).toEqual(["claims_extracted:", expect.stringMatching(/^ {2}- /), expect.stringMatching(/^ {2}- /), `processed_date: ${today()}`]);
    // Both file names differ from their titles, so each link shows the title (SPEC §3).
    const section = ["", "## Extracted claims", "", `- [[${NAMES[1]}|${TITLES[1]}]]`, `- [[${editedName}|${edited}]]`].join("\n");
    expect(source.endsWith(section)).toBe(true);
    const lines = source.slice(0, -section.length).split("\n");
    lines.splice(added + 1, 4);
    // The seed has no final newline; its last line gets one before the new section.
    expect(lines.join("\n")).toBe(`${SEED.replace("status: unprocessed", "status: processed")}\n`);
  });

  it("running it again proposes nothing: every row is link only and Create is disabled", async () => {
    const { h: harness, modal } = await seedModal();
    await modal.create();
    const after = harness.read(SEED_PATH);
    expect(notePaths(harness)).toEqual([...PATHS, SEED_PATH].sort());

    const again = await openExtract(harness);
    expect(again.rows).toHaveLength(4);
    expect([1, 2, 3, 4].map((n) => again.kind(n))).toEqual(["Exists — link only", "Exists — link only", "Exists — link only", "Exists — link only"]);
    expect([1, 2, 3, 4].map((n) => again.path(n))).toEqual(PATHS);
    expect([1, 2, 3, 4].map((n) => again.checkbox(n).checked)).toEqual([false, false, false, false]);
    expect(again.createButton.textContent).toBe("Create 0 notes");
    expect(again.createButton.disabled).toBe(true);
    expect(again.reason).toBe("Every candidate exists already; nothing to create.");
    await again.create();
    expect(harness.read(SEED_PATH)).toBe(after);
    expect(notePaths(harness)).toEqual([...PATHS, SEED_PATH].sort());
  });

  it("a failure on the second create leaves no claim behind, the source unchanged, and a notice naming what failed", async () => {
    const { h: harness, modal, storage } = await seedModal();
    // Write 1 is the run's journal (SPEC §8), 2 the first claim, 3 the second.
    storage.failNth("write", 3);
    await modal.create();
    expect(notePaths(harness)).toEqual([SEED_PATH]);
    expect(storage.list().filter((p) => p.includes("/journal/"))).toEqual([]);
    expect(storage.exists(FOLDER)).toBe(false);
    expect(storage.exists("domains")).toBe(false);
    expect(harness.read(SEED_PATH)).toBe(SEED);
    expect(harness.notices.at(-1)).toBe(`Extraction failed and was undone: ${PATHS[1]} could not be created (EIO: i/o error (injected fault)).`);
    // The preview stays open, so the user can try again.
    expect(modal.isOpen).toBe(true);
    expect(modal.createButton.disabled).toBe(false);
  });

  it("a title that tries to climb out of the claim folder is written inside it", async () => {
    const { h: harness, modal } = await seedModal();
    modal.type(1, "../../.obsidian/x");
    expect(modal.path(1)).toBe(`${FOLDER}/obsidian-x.md`);
    await modal.create();
    expect(harness.read(`${FOLDER}/obsidian-x.md`)).toContain("\n# ../../.obsidian/x\n");
    expect(harness.storage.list().filter((p) => p.startsWith(".obsidian/") && !p.startsWith(".obsidian/plugins"))).toEqual([]);
    expect(notePaths(harness).every((p) => p === SEED_PATH || p.startsWith(`${FOLDER}/`))).toBe(true);
  });

  it("a source edited from outside after the preview opened is not split; the preview shows it again with the user's choices", async () => {
    const { h: harness, modal } = await seedModal();
    modal.checkbox(1).click();
    // The curator's item (4) is unchecked as well: that choice must survive the re-shown preview too.
    modal.checkbox(4).click();
    modal.type(2, "Interpretability camps are complementary");
    const edited = SEED.replace("- The SPAR agent-automated circuit tracing project", "- The SPAR agent project");
    await harness.editExternally(SEED_PATH, edited);

    await modal.create();

    expect(notePaths(harness)).toEqual([SEED_PATH]);
    expect(harness.read(SEED_PATH)).toBe(edited);
    expect(harness.notices.at(-1)).toBe("The source changed since the preview; review the candidates and create again.");
    expect(modal.isOpen).toBe(true);
    expect(modal.titleInput(3).value).toBe("The SPAR agent project is the most direct attempted solution to the hours-per-prompt bottleneck");
    expect(modal.checkbox(1).checked).toBe(false);
    expect(modal.checkbox(4).checked).toBe(false);
    expect(modal.titleInput(2).value).toBe("Interpretability camps are complementary");
    expect(modal.createButton.textContent).toBe("Create 2 notes");

    // Reviewed, the second click creates.
    await modal.create();
    expect(notePaths(harness)).toEqual(
      [
        `${FOLDER}/Interpretability camps are complementary.md`,
        `${FOLDER}/The SPAR agent project is the most direct attempted solution to the hours-per-prompt bottleneck.md`,
        SEED_PATH,
      ].sort(),
    );
  });

  it("a claim file that appears after the preview opened is never overwritten; the row becomes link only", async () => {
    const { h: harness, modal } = await seedModal();
    await harness.vault.createFolder("domains");
    await harness.vault.createFolder(FOLDER);
    await harness.vault.create(PATHS[2] ?? "", "Written by someone else.");
    await harness.settle();

    await modal.create();

    expect(harness.read(PATHS[2] ?? "")).toBe("Written by someone else.");
    expect(notePaths(harness)).toEqual([PATHS[2], SEED_PATH].sort());
    expect(harness.read(SEED_PATH)).toBe(SEED);
    expect(harness.notices.at(-1)).toBe("The vault changed since the preview; review the candidates and create again.");
    expect(modal.kind(3)).toBe("Exists — link only");
    // Hints 1 and 2 and the curator's item (4) are still to be created.
    expect(modal.createButton.textContent).toBe("Create 3 notes");
  });

  it("Ctrl+Enter creates from the keyboard", async () => {
    const { h: harness, modal } = await seedModal();
    modal.titleInput(1).focus();
    modal.titleInput(1).dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true, cancelable: true }));
    await harness.settle();
    expect(notePaths(harness)).toEqual([...PATHS, SEED_PATH].sort());
    expect(modal.isOpen).toBe(false);
  });

  it("links follow the vault's link settings", async () => {
    const { h: harness, modal } = await seedModal({ files: { [SEED_PATH]: SEED }, config: { useMarkdownLinks: true } });
    await modal.create();
    const claim = harness.read(PATHS[2] ?? "");
    expect(claim).toContain(`\n- [2026-04-06-circuit-tracing-production-safety-mitra](2026-04-06-circuit-tracing-production-safety-mitra.md) — ${CITATION}\n`);
    expect(claim.split("## Evidence")[1]?.split("Relevant Notes:")[0]).not.toContain("[[");
    const source = harness.read(SEED_PATH);
    expect(source).toContain(`\n- [${NAMES[2]}](${encodeURI(`${NAMES[2]}.md`)})`);
  });

  it("a second Create on the same source while the first is writing does nothing but say so", async () => {
    const loaded = await loadPlugin();
    h = loaded.h;
    const first = await openExtract(loaded.h);
    const second = await openExtract(loaded.h);
    first.createButton.click();
    second.createButton.click();
    await loaded.h.settle();
    expect(notePaths(loaded.h)).toEqual([...PATHS, SEED_PATH].sort());
    expect(loaded.h.notices).toContain("Claims are already being extracted from 2026-04-06-circuit-tracing-production-safety-mitra; wait for that to finish.");
    expect(loaded.h.notices.filter((n) => n.startsWith("Created "))).toEqual(["Created 4, enriched 0, linked 0, skipped 0."]);
  });
});

describe("over the demo vault", () => {
  async function demoModal(path: string) {
    const loaded = await loadPlugin({ files: demoVaultFiles() });
    h = loaded.h;
    return { ...loaded, modal: await openExtract(loaded.h, path) };
  }

  it("shows non-claim items with their kind, unchecked, and a known claim as link only", async () => {
    const { modal } = await demoModal("inbox/2026-03-05-deep-sea-mining-sediment-plumes.md");
    const kinds = modal.rows.map((_, i) => modal.kind(i + 1));
    expect(kinds).toContain("Enriches an existing claim");
    expect(kinds).toContain("Routes work elsewhere");
    expect(kinds).toContain("Caution or scoping note");
    expect(kinds).toContain("Research question");
    // Candidate 2 is listed in claims_extracted but has no note: dangling, proposed again (SPEC §2 rule 9).
    expect(modal.kind(2)).toBe("New note");
    // An enrichment whose target the hint names exactly is checked (SPEC §6); every other non-claim is not.
    for (const [i, kind] of kinds.entries()) {
      if (kind === "New note") continue;
      const certain = kind === "Enriches an existing claim" && (modal.row(i + 1).textContent ?? "").includes("named in the hint");
      expect(modal.checkbox(i + 1).checked).toBe(certain);
    }
  });

  it("shows a claim whose note exists as link only, unchecked", async () => {
    const { modal } = await demoModal("inbox/2026-03-14-sycophancy-reward-model-preference-bias.md");
    expect(modal.kind(1)).toBe("Exists — link only");
    expect(modal.checkbox(1).checked).toBe(false);
  });

  it("names the existing note of a candidate that is already a claim file", async () => {
    const { modal, h: harness } = await demoModal("inbox/2026-03-14-sycophancy-reward-model-preference-bias.md");
    const existing = "domains/ai-alignment/Reward models trained on human preference data systematically overrate agreement with the user.md";
    expect(modal.kind(1)).toBe("Exists — link only");
    expect(modal.path(1)).toBe(existing);
    expect(modal.checkbox(1).checked).toBe(false);
    expect(modal.checkbox(1).disabled).toBe(true);
    const before = harness.read(existing);
    await modal.create();
    expect(harness.read(existing)).toBe(before);
    expect(harness.notices.at(-1)).toMatch(/^Created \d+, enriched 0, linked 1, skipped \d+\.$/);
  });

  it("says where curator-only candidates come from", async () => {
    const { modal } = await demoModal("inbox/2026-01-30-compute-export-controls-loopholes.md");
    expect(modal.rows).toHaveLength(2);
    expect(modal.el.textContent).toContain("these come from the curator's extraction hint");
  });

  it("shows a source's errors and refuses to write a source whose YAML does not parse", async () => {
    const path = "inbox/2026-03-18-sae-feature-splitting-illusions.md";
    const { modal, h: harness } = await demoModal(path);
    const before = harness.read(path);
    expect(modal.el.querySelectorAll(".source-queue-extract-problems li").length).toBeGreaterThan(0);
    expect(modal.createButton.disabled).toBe(true);
    expect(modal.reason).toMatch(/^The source cannot be updated: /);
    await modal.create();
    expect(harness.read(path)).toBe(before);
  });

  it("a source with no hints says there is nothing to split", async () => {
    const { modal } = await demoModal("inbox/2025-10-01-model-welfare-survey-paywalled.md");
    expect(modal.rows).toHaveLength(0);
    expect(modal.el.textContent).toContain("This source has no extraction hints to split.");
    expect(modal.createButton.disabled).toBe(true);
  });
});
