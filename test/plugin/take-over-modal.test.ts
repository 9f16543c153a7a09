// @vitest-environment happy-dom
// A curator's take-over of a source an agent holds is explicit (SPEC §7
// "Holders, versions and limits"; §4 toggles): the plugin asks first, names
// the agent and when its lease ends, and "Take over" ends the lease in the
// same edit as the change. Cancel and Escape write nothing, byte for byte; a
// lease that ran out holds nothing, so the change goes through unasked.
// Outcomes are read from the double's vault, never from the plugin's state.
import { afterEach, describe, expect, it } from "vitest";
import { today as dayOf } from "../../src/core/commands/clock";
import { frontmatterLines, openExtract, SEED, SEED_PATH } from "./extract-support";
import { click, openQueue, row, startPlugin, type Started } from "./plugin-harness";

let s: Started | null = null;
afterEach(() => {
  s?.h.destroy();
  s = null;
});

const PATH = "inbox/2026-05-01-held-source.md";
const LIVE = "2099-01-01T10:30:00.000Z";
const RAN_OUT = "2020-01-01T10:30:00.000Z";

/** A source in processing, with a lease that ends at `until`. */
const held = (until: string) =>
  `---\ntype: source\ntitle: "A held source"\nstatus: processing\npriority: medium # agent triage\nprocessed_by: agent-a\nprocessing_until: "${until}"\n---\n# A held source\n\nBody.\n`;

const modals = () => Array.from(document.querySelectorAll<HTMLElement>(".modal"));
const button = (modal: HTMLElement, text: string) => {
  const found = Array.from(modal.querySelectorAll("button")).find((b) => b.textContent === text);
  if (!found) throw new Error(`no "${text}" button`);
  return found;
};

/** Opens the queue and clicks the held source's status badge (processing → processed). */
async function toggleStatus(until: string): Promise<void> {
  s = await startPlugin({ files: { [PATH]: held(until) } });
  const view = await openQueue(s);
  click(row(view, PATH).querySelector('[data-field="status"]')!);
  await s.h.settle();
}

describe("toggling the status of a source an agent holds", () => {
  it("asks first, naming the agent and when its lease ends, in sentence case; nothing is written while it asks", async () => {
    await toggleStatus(LIVE);
    expect(modals()).toHaveLength(1);
    const modal = modals()[0]!;
    expect(modal.querySelector(".modal-title")?.textContent).toBe("Take over from the agent?");
    const text = modal.querySelector(".modal-content p")?.textContent ?? "";
    expect(text).toContain(`${PATH} is held by agent-a until ${new Date(LIVE).toLocaleString()}.`);
    expect(text).toContain("Taking it over ends the agent's lease in the same change");
    expect(Array.from(modal.querySelectorAll("button")).map((b) => b.textContent)).toEqual(["Cancel", "Take over"]);
    expect(s!.h.read(PATH)).toBe(held(LIVE));
  });

  it("Take over sets the status and ends the lease in the same edit, changing nothing else of the note", async () => {
    await toggleStatus(LIVE);
    click(button(modals()[0]!, "Take over"));
    await s!.h.settle();
    expect(modals()).toHaveLength(0);
    // processing → processed writes processed_date; the take-over removes the lease and the agent's name with it.
    expect(s!.h.read(PATH)).toBe(
      `---\ntype: source\ntitle: "A held source"\nstatus: processed\npriority: medium # agent triage\nprocessed_date: ${dayOf(new Date())}\n---\n# A held source\n\nBody.\n`,
    );
  });

  it.each([
    ["Cancel", (modal: HTMLElement) => click(button(modal, "Cancel"))],
    ["Escape", () => document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }))],
    ["the close button", (modal: HTMLElement) => click(modal.querySelector(".modal-close-button")!)],
  ])("%s writes nothing, byte for byte", async (_how, dismiss) => {
    await toggleStatus(LIVE);
    dismiss(modals()[0]!);
    await s!.h.settle();
    expect(modals()).toHaveLength(0);
    expect(s!.h.read(PATH)).toBe(held(LIVE));
    expect(s!.h.notices).toEqual([]);
  });

  it("a source whose lease ran out is changed without asking", async () => {
    await toggleStatus(RAN_OUT);
    expect(modals()).toHaveLength(0);
    // Leaving processing removes the stale lease; the name of who last held it stays as written.
    expect(s!.h.read(PATH)).toBe(
      `---\ntype: source\ntitle: "A held source"\nstatus: processed\npriority: medium # agent triage\nprocessed_by: agent-a\nprocessed_date: ${dayOf(new Date())}\n---\n# A held source\n\nBody.\n`,
    );
  });
});

describe("extracting claims from a source an agent holds", () => {
  const heldSeed = SEED.replace(/\nstatus: unprocessed\n/, `\nstatus: processing\nprocessed_by: agent-a\nprocessing_until: "${LIVE}"\n`);

  async function createFromPreview() {
    s = await startPlugin({ files: { [SEED_PATH]: heldSeed } });
    const preview = await openExtract(s.h);
    await preview.create();
    return preview;
  }

  it("asks before Create writes anything; Cancel leaves the vault as it was", async () => {
    expect(heldSeed).not.toBe(SEED);
    const preview = await createFromPreview();
    const ask = modals().find((m) => m.querySelector(".modal-title")?.textContent === "Take over from the agent?");
    expect(ask?.textContent).toContain(`${SEED_PATH} is held by agent-a until ${new Date(LIVE).toLocaleString()}.`);
    click(button(ask!, "Cancel"));
    await s!.h.settle();
    expect(s!.h.read(SEED_PATH)).toBe(heldSeed);
    expect(s!.h.storage.list().filter((p) => p.startsWith("domains/"))).toEqual([]);
    // The preview stays open with what the curator chose, and says why nothing was made.
    expect(preview.isOpen).toBe(true);
    expect(s!.h.notices.at(-1)).toContain("Nothing was extracted");
  });

  it("Take over creates the claims and ends the lease in the same source edit", async () => {
    await createFromPreview();
    const ask = modals().find((m) => m.querySelector(".modal-title")?.textContent === "Take over from the agent?");
    click(button(ask!, "Take over"));
    await s!.h.settle();
    const after = s!.h.read(SEED_PATH);
    const fields = frontmatterLines(after);
    expect(fields).toContain("status: processed");
    expect(fields.some((l) => l.startsWith("processing_until:") || l.startsWith("processed_by:"))).toBe(false);
    expect(s!.h.storage.list().filter((p) => p.startsWith("domains/") && p.endsWith(".md")).length).toBeGreaterThan(0);
    expect(modals()).toHaveLength(0);
  });
});
