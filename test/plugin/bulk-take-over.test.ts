// @vitest-environment happy-dom
// A bulk change over sources agents hold (SPEC §7: a curator's take-over is
// explicit; issue #14's bulk set): one question for the whole batch, before
// anything is written. "Take over" changes the held ones too, each lease
// ended in the same edit; "Skip held" changes only the others and names the
// held ones; Cancel or Escape writes nothing at all. Outcomes are read from
// the double's vault, byte for byte.
import { afterEach, describe, expect, it } from "vitest";
import { today as dayOf } from "../../src/core/commands/clock";
import { batchQuestion } from "../../src/plugin/take-over-modal";
import { click, key, openQueue, row, rowPaths, startPlugin, type Started } from "./plugin-harness";

let s: Started | null = null;
afterEach(() => {
  s?.h.destroy();
  s = null;
});

const LIVE = "2099-01-01T10:30:00.000Z";
const RAN_OUT = "2020-01-01T10:30:00.000Z";

const note = (title: string, fields: string) => `---\ntype: source\ntitle: "${title}"\n${fields}---\n# ${title}\n\nBody.\n`;
const free = (title: string) => note(title, "status: unprocessed\npriority: medium\n");
const leased = (title: string, agent: string, until: string) => note(title, `status: processing\npriority: medium\nprocessed_by: ${agent}\nprocessing_until: "${until}"\n`);

const FILES: Record<string, string> = {
  "inbox/a-free.md": free("A free"),
  "inbox/b-held.md": leased("B held", "agent-a", LIVE),
  "inbox/c-held.md": leased("C held", "agent-b", LIVE),
  "inbox/d-free.md": free("D free"),
  "inbox/e-ran-out.md": leased("E ran out", "agent-c", RAN_OUT),
};
const HELD = ["inbox/b-held.md", "inbox/c-held.md"];
const NOT_HELD = ["inbox/a-free.md", "inbox/d-free.md", "inbox/e-ran-out.md"];

const modals = () => Array.from(document.querySelectorAll<HTMLElement>(".modal"));
const menuItems = () => Array.from(document.querySelectorAll<HTMLElement>(".menu .menu-item"));
const button = (modal: HTMLElement, text: string) => {
  const found = Array.from(modal.querySelectorAll("button")).find((b) => b.textContent === text);
  if (!found) throw new Error(`no "${text}" button`);
  return found;
};

/** Waits for a bulk run (it yields to the screen between notes) to finish. */
async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) {
    await s!.h.settle();
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(ok()).toBe(true);
}

/** Every source selected (Ctrl/Cmd+A), then "Status: processed" from the row menu. */
async function setAllProcessed(files: Record<string, string> = FILES): Promise<void> {
  s = await startPlugin({ files });
  const view = await openQueue(s);
  const list = view.querySelector<HTMLElement>(".source-queue-list")!;
  list.focus();
  key(list, "a", { ctrlKey: true });
  await s.h.settle();
  expect(rowPaths(view).sort()).toEqual(Object.keys(files).sort());
  row(view, rowPaths(view)[0]!).dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));
  click(menuItems().find((i) => i.textContent === "Status: processed")!);
  await s.h.settle();
}

const processed = (text: string) => text.replace(/\nstatus: \w+\n/, "\nstatus: processed\n");
const withDate = (text: string) => text.replace(/\n---\n#/, `\nprocessed_date: ${dayOf(new Date())}\n---\n#`);

describe("setting a selection that includes sources agents hold", () => {
  it("asks once for the whole batch, naming the agents, before anything is written", async () => {
    await setAllProcessed();
    expect(modals()).toHaveLength(1);
    const modal = modals()[0]!;
    expect(modal.querySelector(".modal-title")?.textContent).toBe("Take over from agents?");
    expect(modal.querySelector(".modal-content p")?.textContent).toBe("2 of the 5 selected sources are held by agents (agent-a, agent-b): take them over?");
    const listed = Array.from(modal.querySelectorAll("li")).map((li) => li.textContent);
    expect(listed).toEqual([`b-held: agent-a until ${new Date(LIVE).toLocaleString()}`, `c-held: agent-b until ${new Date(LIVE).toLocaleString()}`]);
    expect(Array.from(modal.querySelectorAll("button")).map((b) => b.textContent)).toEqual(["Cancel", "Skip held", "Take over"]);
    for (const [path, text] of Object.entries(FILES)) expect(s!.h.read(path)).toBe(text);
  });

  it("Take over changes every source, ending the held ones' leases in the same edit, with one undo for all", async () => {
    await setAllProcessed();
    click(button(modals()[0]!, "Take over"));
    await until(() => s!.h.notices.some((n) => n.startsWith("Set status processed")));
    expect(modals()).toHaveLength(0);
    // Taken over: the lease and the agent's name go, in the edit that sets the status.
    for (const path of HELD) expect(s!.h.read(path)).toBe(withDate(processed(FILES[path]!).replace(/\nprocessed_by: .*\nprocessing_until: .*/, "")));
    // The others as any bulk change leaves them: the ran-out lease goes as the status leaves processing.
    for (const path of ["inbox/a-free.md", "inbox/d-free.md"]) expect(s!.h.read(path)).toBe(withDate(processed(FILES[path]!)));
    expect(s!.h.read("inbox/e-ran-out.md")).toBe(withDate(processed(FILES["inbox/e-ran-out.md"]!).replace(/\nprocessing_until: .*/, "")));
    expect(s!.h.notices.at(-1)).toBe("Set status processed on 5 notes.Undo");
    await s!.h.runCommand("source-queue:undo-last-bulk-change");
    await until(() => Object.entries(FILES).every(([path, text]) => s!.h.read(path) === text));
  });

  it("Skip held changes only the others and names the held ones as not changed, leaving them byte for byte", async () => {
    await setAllProcessed();
    click(button(modals()[0]!, "Skip held"));
    await until(() => s!.h.notices.some((n) => n.startsWith("Set status processed")));
    for (const path of HELD) expect(s!.h.read(path)).toBe(FILES[path]);
    for (const path of NOT_HELD) expect(s!.h.read(path)).not.toBe(FILES[path]);
    expect(s!.h.read("inbox/a-free.md")).toBe(withDate(processed(FILES["inbox/a-free.md"]!)));
    expect(s!.h.notices.at(-1)).toBe("Set status processed on 3 notes, 2 refused: b-held (held by agent-a, skipped); c-held (held by agent-b, skipped).Undo");
  });

  it.each([
    ["Cancel", (modal: HTMLElement) => click(button(modal, "Cancel"))],
    ["Escape", () => document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }))],
  ])("%s writes nothing at all, byte for byte", async (_how, dismiss) => {
    await setAllProcessed();
    dismiss(modals()[0]!);
    await s!.h.settle();
    await new Promise((r) => setTimeout(r, 20));
    await s!.h.settle();
    expect(modals()).toHaveLength(0);
    for (const [path, text] of Object.entries(FILES)) expect(s!.h.read(path)).toBe(text);
    expect(s!.h.notices).toEqual([]);
    expect(await s!.h.runCommand("source-queue:undo-last-bulk-change")).toBe(false);
  });

  it("a selection where no lease is live is changed without asking", async () => {
    const files = { "inbox/a-free.md": FILES["inbox/a-free.md"]!, "inbox/e-ran-out.md": FILES["inbox/e-ran-out.md"]! };
    await setAllProcessed(files);
    expect(modals()).toHaveLength(0);
    await until(() => s!.h.notices.some((n) => n.startsWith("Set status processed")));
    expect(s!.h.notices.at(-1)).toBe("Set status processed on 2 notes.Undo");
  });
});

describe("the batch question", () => {
  const at = new Date(LIVE);
  it.each<[string, Parameters<typeof batchQuestion>[0], number, string]>([
    ["one held source", [{ path: "inbox/b.md", by: "agent-a", until: at }], 3, "1 of the 3 selected sources is held by an agent (agent-a): take it over?"],
    ["two by one agent name it once", [{ path: "inbox/b.md", by: "agent-a", until: at }, { path: "inbox/c.md", by: "agent-a", until: at }], 4, "2 of the 4 selected sources are held by an agent (agent-a): take them over?"],
    ["two agents", [{ path: "inbox/b.md", by: "agent-a", until: at }, { path: "inbox/c.md", by: "agent-b", until: at }], 5, "2 of the 5 selected sources are held by agents (agent-a, agent-b): take them over?"],
  ])("%s", (_name, held, selected, text) => {
    expect(batchQuestion(held, selected)).toBe(text);
  });
});
