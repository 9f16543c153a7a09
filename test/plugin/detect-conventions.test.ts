// @vitest-environment happy-dom
// SPEC §1, the vault's conventions, in the settings tab: "Detect from this
// vault" shows the settings the notes suggest with their counts, changes
// nothing until Apply, and a null-result written with no reason field set goes
// to the field the vault's null-result notes use.
import { afterEach, describe, expect, it } from "vitest";
import { manifest, startPlugin, type Started } from "./plugin-harness";

let s: Started | null = null;
afterEach(() => {
  s?.h.destroy();
  s = null;
});

const source = (fields: string) => `---\ntype: source\ntitle: A source\nauthor: m3taversal\ndate: 2024-08-28\ndomain: internet-finance\n${fields}\n---\n\n## Content\n\nText.\n`;
const FILES = {
  "inbox/archive/2024-08-28-futardio-proposal-dummy.md": source('status: null-result\nextraction_notes: "Futardio proposal with no substantive content."'),
  "inbox/archive/2024-11-18-futardio-proposal-fund-the-rug-bounty.md": source('status: null-result\nextraction_notes: "No novel claims."'),
  "inbox/archive/2026-02-26-futardio-launch-fitbyte.md": source("status: unprocessed"),
  "domains/internet-finance/futarchy is manipulation-resistant because attack attempts create profitable opportunities for defenders.md": "---\ntype: claim\ndomain: internet-finance\n---\n",
  "core/mechanisms/futarchy solves trustless joint ownership.md": "---\ntype: claim\ndomain: mechanisms\n---\n",
};

describe("Detect from this vault", () => {
  it("shows the proposals with their counts and applies them only when accepted", async () => {
    s = await startPlugin({ files: FILES });
    const tab = s.h.openSettings(manifest.id) as unknown as { display(): void; containerEl: HTMLElement };
    tab.display();
    const button = Array.from(tab.containerEl.querySelectorAll("button")).find((b) => b.textContent === "Detect from this vault");
    expect(button).toBeDefined();
    button?.click();
    const modal = Array.from(document.querySelectorAll<HTMLElement>(".modal")).pop();
    expect(modal?.textContent).toContain("reasonField: extraction_notes (now detected)");
    expect(modal?.textContent).toContain("extraction_notes 2");
    expect(modal?.textContent).toContain("mechanisms → core/mechanisms 1");
    expect(s.plugin.data.settings.reasonField).toBe("");
    Array.from(modal?.querySelectorAll("button") ?? []).find((b) => b.textContent === "Cancel")?.click();
    expect(s.plugin.data.settings.reasonField).toBe("");
    button?.click();
    Array.from(Array.from(document.querySelectorAll<HTMLElement>(".modal")).pop()?.querySelectorAll("button") ?? []).find((b) => b.textContent === "Apply")?.click();
    await s.h.settle();
    expect(s.plugin.data.settings).toMatchObject({ reasonField: "extraction_notes", usePriority: false, claimFolder: "auto", queueFolder: "inbox" });
  });

  it("with no reason field set, a null-result's reason goes where the vault keeps them", async () => {
    s = await startPlugin({ files: FILES });
    const path = "inbox/archive/2026-02-26-futardio-launch-fitbyte.md";
    const file = s.h.app.vault.getFileByPath(path);
    if (!file) throw new Error("no file");
    await s.plugin.actions.change(file as never, { status: "null-result", reason: "Launch announcement; nothing to extract" });
    await s.h.settle();
    expect(s.h.read(path)).toContain("\nextraction_notes: Launch announcement; nothing to extract\n");
    expect(s.h.read(path)).not.toContain("\nnotes:");
  });
});
