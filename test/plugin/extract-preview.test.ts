// @vitest-environment happy-dom
// The extract preview of issue #11, driven as a user drives it: titles read
// whole in text areas, select all / none, descriptions edited per claim, claims
// added that are in no hint (and refused with the reason), and the notice for
// a source extracted before. Outcomes are read from the vault's files.
import { afterEach, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import type { Harness } from "../../test-support/obsidian/harness";
import { SEED_TITLES } from "../fixtures/seed";
import { demoVaultFiles, FOLDER, loadPlugin, openExtract, SEED, SEED_PATH, type ExtractDialog } from "./extract-support";

let h: Harness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

async function open(files: Record<string, string> = { [SEED_PATH]: SEED }, path = SEED_PATH): Promise<{ h: Harness; modal: ExtractDialog }> {
  const loaded = await loadPlugin({ files });
  h = loaded.h;
  return { h: loaded.h, modal: await openExtract(loaded.h, path) };
}

/** The seed with extra frontmatter lines after `status:` (replacing it when given). */
const seedWith = (lines: string[], status = "unprocessed") => SEED.replace("status: unprocessed\n", `status: ${status}\n${lines.map((l) => `${l}\n`).join("")}`);

const frontmatter = (text: string) => parseFrontmatter(text).data as Record<string, unknown>;

describe("reading titles whole", () => {
  it("every title sits in a text area holding all of it, even where the file name is cut to 200 bytes", async () => {
    const { modal } = await open();
    expect(modal.rows).toHaveLength(SEED_TITLES.length);
    for (const [i, title] of SEED_TITLES.entries()) {
      const area = modal.titleInput(i + 1);
      expect(area.tagName).toBe("TEXTAREA");
      expect(area.value).toBe(title);
    }
    // One of the seed's titles is longer than the 200 bytes a file name may take: its area still holds all of it.
    const names = modal.rows.map((_, i) => modal.path(i + 1).slice(FOLDER.length + 1, -".md".length));
    const cut = names.findIndex((name, i) => new TextEncoder().encode(name).length < new TextEncoder().encode(SEED_TITLES[i] ?? "").length - 5);
    expect(cut).toBeGreaterThanOrEqual(0);
    expect(modal.titleInput(cut + 1).value).toBe(SEED_TITLES[cut]);
    expect(modal.el.querySelectorAll('.source-queue-extract-row input[type="text"]')).toHaveLength(0);
  });

  it("Enter in a title does not break it into lines", async () => {
    const { modal } = await open();
    const enter = new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true });
    modal.titleInput(1).dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    const shiftEnter = new KeyboardEvent("keydown", { key: "Enter", shiftKey: true, bubbles: true, cancelable: true });
    modal.titleInput(1).dispatchEvent(shiftEnter);
    expect(shiftEnter.defaultPrevented).toBe(false);
  });
});

describe("select all and none", () => {
  it("none unchecks every row and disables Create saying why; all checks them again", async () => {
    const { modal } = await open();
    const n = modal.rows.length;
    modal.button("Select none").click();
    expect(modal.rows.map((_, i) => modal.checkbox(i + 1).checked)).toEqual(Array<boolean>(n).fill(false));
    expect(modal.createButton.disabled).toBe(true);
    expect(modal.reason).toBe("Check at least one candidate to create it.");
    modal.button("Select all").click();
    expect(modal.rows.map((_, i) => modal.checkbox(i + 1).checked)).toEqual(Array<boolean>(n).fill(true));
    expect(modal.createButton.textContent).toBe(`Create ${n} notes`);
  });

  it("all checks the items that are not claims too, but never one that exists", async () => {
    const { modal } = await open(demoVaultFiles(), "inbox/2026-03-05-deep-sea-mining-sediment-plumes.md");
    modal.button("Select all").click();
    for (const [i] of modal.rows.entries()) {
      const exists = modal.kind(i + 1) === "Exists — link only";
      expect(modal.checkbox(i + 1).checked).toBe(!exists);
    }
    const creatable = modal.rows.filter((_, i) => modal.kind(i + 1) !== "Exists — link only").length;
    // An enrichment whose target the live claim index found is counted as an enrichment, not a new note (SPEC §6).
    const [, notes, enriched] = /^Create (\d+) notes(?:, enrich (\d+))?$/.exec(modal.createButton.textContent ?? "") ?? [];
    expect(Number(notes) + Number(enriched ?? 0)).toBe(creatable);
  });
});

describe("descriptions", () => {
  it("each claim's description is shown in its own field, and an edited one lands in that claim's frontmatter", async () => {
    const { h: harness, modal } = await open();
    const proposed = modal.descriptionInput(3).value;
    expect(proposed).not.toBe("");
    expect(modal.descriptionInput(3).getAttribute("aria-label")).toBe("Description of candidate 3");
    modal.describe(3, "Agents that trace circuits  would remove the hours-per-prompt cost.");
    const [first, third] = [modal.path(1), modal.path(3)];
    await modal.create();
    const claim = harness.read(third);
    expect(frontmatter(claim).description).toBe("Agents that trace circuits would remove the hours-per-prompt cost.");
    expect(frontmatter(harness.read(first)).description).not.toBe(frontmatter(claim).description);
  });

  it("a description emptied by the user falls back to the proposed one, which the empty field shows", async () => {
    const { h: harness, modal } = await open();
    const proposed = modal.descriptionInput(3).value;
    modal.describe(3, "   ");
    expect(modal.descriptionInput(3).placeholder).toBe(proposed);
    const third = modal.path(3);
    await modal.create();
    expect(frontmatter(harness.read(third)).description).toBe(proposed);
  });
});

describe("adding a claim", () => {
  const ADDED = "Interpretability is first used in a production deployment decision";

  it("Add appends a checked row marked as added, and Create writes that claim with its description and lists it in the source", async () => {
    const { h: harness, modal } = await open();
    const n = modal.rows.length;
    const shown = modal.rows.map((_, i) => modal.titleInput(i + 1).value);
    modal.addClaim(ADDED, "Anthropic used attribution graphs  before shipping a model.");
    expect(modal.rows).toHaveLength(n + 1);
    expect(modal.titleInput(n + 1).value).toBe(ADDED);
    expect(modal.checkbox(n + 1).checked).toBe(true);
    expect(modal.origin(n + 1)).toBe("Added by you");
    expect(modal.path(n + 1)).toBe(`${FOLDER}/${ADDED}.md`);
    expect(modal.addTitle.value).toBe("");
    expect(modal.addReason).toBe("");
    expect(modal.createButton.textContent).toBe(`Create ${n + 1} notes`);

    await modal.create();
    const claim = harness.read(`${FOLDER}/${ADDED}.md`);
    expect(frontmatter(claim)).toMatchObject({ type: "claim", domain: "ai-alignment", description: "Anthropic used attribution graphs before shipping a model.", confidence: "experimental" });
    expect(claim).toContain(`# ${ADDED}\n`);
    expect(frontmatter(harness.read(SEED_PATH)).claims_extracted).toEqual([...shown, ADDED]);
  });

  it("an added claim without a description is created too, and Enter in its title adds it", async () => {
    const { h: harness, modal } = await open();
    modal.addTitle.value = ADDED;
    modal.addTitle.dispatchEvent(new Event("input", { bubbles: true }));
    const n = modal.rows.length;
    modal.addTitle.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    expect(modal.rows).toHaveLength(n + 1);
    modal.button("Select none").click();
    modal.checkbox(n + 1).click();
    await modal.create();
    expect(harness.storage.list().filter((p) => p.startsWith(`${FOLDER}/`))).toEqual([`${FOLDER}/${ADDED}.md`]);
    expect(typeof frontmatter(harness.read(`${FOLDER}/${ADDED}.md`)).description).toBe("string");
  });

  const existing = `${FOLDER}/Sparse autoencoders underperform linear probes.md`;
  const refusals: { name: string; title: string; reason: string; files?: Record<string, string> }[] = [
    { name: "only punctuation", title: " ?!… — ", reason: "Not added: the title holds no letters or digits." },
    { name: "the title of another row", title: ` ${SEED_TITLES[2]?.toUpperCase() ?? ""} `, reason: "Not added: another candidate has this title." },
    { name: "the name of an existing note", title: "sparse autoencoders underperform linear probes", reason: `Not added: ${existing} already exists.`, files: { [SEED_PATH]: SEED, [existing]: "---\ntype: claim\n---\n" } },
    {
      name: "a claim the source already lists",
      title: "Probes beat SAEs on harmful intent",
      reason: "Not added: the source already lists this claim.",
      files: { [SEED_PATH]: seedWith(["claims_extracted:", '  - "Probes beat SAEs on harmful intent"']) },
    },
  ];
  for (const r of refusals) {
    it(`a title that is ${r.name} is refused with the reason beside it, and Create stays disabled until it is cleared`, async () => {
      const { modal } = await open(r.files);
      const rows = modal.rows.length;
      modal.addClaim(r.title);
      expect(modal.rows).toHaveLength(rows);
      expect(modal.addReason).toBe(r.reason);
      expect(modal.addTitle.getAttribute("aria-invalid")).toBe("true");
      expect(modal.createButton.disabled).toBe(true);
      expect(modal.reason).toContain("Add the claim you typed, or clear it, before creating.");
      modal.addTitle.value = "";
      modal.addTitle.dispatchEvent(new Event("input", { bubbles: true }));
      expect(modal.addReason).toBe("");
      expect(modal.createButton.disabled).toBe(false);
    });
  }

  it("an empty title adds nothing and says why", async () => {
    const { modal } = await open();
    const n = modal.rows.length;
    modal.addClaim("   ");
    expect(modal.rows).toHaveLength(n);
    expect(modal.addReason).toBe("Not added: the title is empty.");
  });

  it("the refusal follows the typing: fixing the title clears it and Add then works", async () => {
    const { modal } = await open();
    const n = modal.rows.length;
    modal.addClaim(SEED_TITLES[0] ?? "");
    expect(modal.addReason).toBe("Not added: another candidate has this title.");
    modal.addTitle.value = ADDED;
    modal.addTitle.dispatchEvent(new Event("input", { bubbles: true }));
    expect(modal.addReason).toBe("");
    modal.button("Add").click();
    expect(modal.rows).toHaveLength(n + 1);
    expect(modal.createButton.disabled).toBe(false);
  });

  it("an added claim retitled to another row's title is marked in its row and blocks Create; Remove takes it out", async () => {
    const { modal } = await open();
    const n = modal.rows.length;
    modal.addClaim(ADDED);
    modal.type(n + 1, SEED_TITLES[1] ?? "");
    expect(modal.rowProblem(n + 1)).toBe("Cannot create: another candidate has this title.");
    expect(modal.createButton.disabled).toBe(true);
    modal.type(n + 1, `${ADDED}, again`);
    expect(modal.rowProblem(n + 1)).toBe("");
    expect(modal.createButton.disabled).toBe(false);
    modal.type(n + 1, "");
    expect(modal.createButton.disabled).toBe(true);
    modal.button("Remove").click();
    expect(modal.rows).toHaveLength(n);
    expect(document.activeElement).toBe(modal.addTitle);
    expect(modal.createButton.textContent).toBe(`Create ${n} notes`);
    expect(modal.createButton.disabled).toBe(false);
  });

  it("a row whose title is emptied says so beside it", async () => {
    const { modal } = await open();
    modal.type(2, " ");
    expect(modal.rowProblem(2)).toBe("Cannot create: the title is empty.");
    expect(modal.titleInput(2).getAttribute("aria-invalid")).toBe("true");
    modal.type(2, "A claim again");
    expect(modal.rowProblem(2)).toBe("");
  });

  it("a source with no hints can still get a claim added and created", async () => {
    const path = "inbox/2025-10-01-model-welfare-survey-paywalled.md";
    const { h: harness, modal } = await open(demoVaultFiles(), path);
    modal.addClaim("Most surveyed researchers think model welfare deserves study");
    expect(modal.rows).toHaveLength(1);
    expect(modal.el.textContent).not.toContain("This source has no extraction hints to split.");
    await modal.create();
    expect(harness.storage.list().some((p) => p.endsWith("/Most surveyed researchers think model welfare deserves study.md"))).toBe(true);
  });
});

describe("a source extracted before", () => {
  it("says when, by whom and how many claims at the top", async () => {
    const files = { [SEED_PATH]: seedWith(["processed_date: 2026-03-02", "processed_by: theseus", "claims_extracted:", "  - One", "  - Two", "  - Three"], "processed") };
    const { modal } = await open(files);
    expect(modal.previous).toBe("Extracted on 2026-03-02 by theseus: 3 claims. Creating more adds to them.");
    expect(modal.el.querySelector(".source-queue-extract-body")?.firstElementChild?.className).toBe("source-queue-extract-previous");
  });

  it("says nothing for a source not processed yet", async () => {
    const { modal } = await open();
    expect(modal.el.querySelector(".source-queue-extract-previous")).toBeNull();
  });
});

describe("where a candidate comes from", () => {
  it("curator items say so beside the path; hint items say nothing", async () => {
    const { modal } = await open(demoVaultFiles(), "inbox/2026-01-30-compute-export-controls-loopholes.md");
    expect(modal.origin(1)).toBe("From the curator");
    const seeded = await openExtract(modal.h, SEED_PATH);
    expect(seeded.origin(1)).toBe("");
  });
});

describe("the layout a phone needs", () => {
  it("the rows scroll in a body of their own and Create sits in a footer outside it", async () => {
    const { modal } = await open();
    const body = modal.el.querySelector(".source-queue-extract-body");
    const footer = modal.el.querySelector(".source-queue-extract-footer");
    expect(body?.contains(modal.row(1))).toBe(true);
    expect(body?.contains(modal.createButton)).toBe(false);
    expect(footer?.contains(modal.createButton)).toBe(true);
    expect(body?.nextElementSibling).toBe(footer);
  });
});
