// SPEC §8, the intent journal as data: written before a split's first change
// and removed after its last; from what is on disk, a run cut short is
// finished (every claim whole, the source as before) or taken back (claims
// removed only when they hold this run's text or a beginning of it; the
// source restored only when it is byte for byte what the run wrote).
import { describe, expect, it } from "vitest";
import { applyExtraction } from "../../../src/core/extraction/apply-extraction";
import { planExtraction, type CandidateChoice } from "../../../src/core/extraction/extraction";
import { decideRecovery, journalText, parseJournal, recoverAll, type DiskState, type ExtractionJournal, type JournalStore } from "../../../src/core/writes/journal";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { SEED_PATH, seedNote } from "../../fixtures/seed";
import { MemoryPort } from "../memory-port";

const J: ExtractionJournal = {
  version: 1,
  id: "j1",
  writer: "cli",
  pid: 1,
  started: 0,
  sourcePath: "inbox/s.md",
  sourceBefore: "before",
  sourceAfter: "after",
  claims: [
    { path: "c/a.md", text: "claim a" },
    { path: "c/b.md", text: "claim b" },
  ],
  folders: ["c"],
};

const disk = (source: string | null, a: string | null, b: string | null): DiskState => ({ source, claims: new Map([["c/a.md", a], ["c/b.md", b]]) });

describe("deciding what to do with a journal left behind", () => {
  it.each<[string, DiskState, ReturnType<typeof decideRecovery>]>([
    ["every write landed, only the journal was left: done", disk("after", "claim a", "claim b"), { action: "done" }],
    ["every claim whole, the source as before: finish", disk("before", "claim a", "claim b"), { action: "finish" }],
    ["no claim yet: roll back, nothing to remove", disk("before", null, null), { action: "rollback", removeClaims: [], keepClaims: [], restoreSource: false, sourceNote: null }],
    ["one claim whole, one missing: roll back, remove it", disk("before", "claim a", null), { action: "rollback", removeClaims: ["c/a.md"], keepClaims: [], restoreSource: false, sourceNote: null }],
    ["an empty claim file is this run's: removed", disk("before", "claim a", ""), { action: "rollback", removeClaims: ["c/a.md", "c/b.md"], keepClaims: [], restoreSource: false, sourceNote: null }],
    ["a partly written claim is this run's: removed", disk("before", "claim a", "cla"), { action: "rollback", removeClaims: ["c/a.md", "c/b.md"], keepClaims: [], restoreSource: false, sourceNote: null }],
    ["a file with other text at a claim's path is someone's: kept", disk("before", "claim a", "my own note"), { action: "rollback", removeClaims: ["c/a.md"], keepClaims: ["c/b.md"], restoreSource: false, sourceNote: null }],
    ["the source written but a claim edited since: roll back and restore it", disk("after", "claim a", "claim b, edited"), { action: "rollback", removeClaims: ["c/a.md"], keepClaims: ["c/b.md"], restoreSource: true, sourceNote: null }],
    ["the source edited by someone since: left as it is", disk("edited", "claim a", null), { action: "rollback", removeClaims: ["c/a.md"], keepClaims: [], restoreSource: false, sourceNote: "inbox/s.md was edited since, so it was left as it is" }],
    ["the source gone: nothing to restore", disk(null, null, null), { action: "rollback", removeClaims: [], keepClaims: [], restoreSource: false, sourceNote: "inbox/s.md no longer exists" }],
  ])("%s", (_name, state, decision) => {
    expect(decideRecovery(J, state)).toEqual(decision);
  });

  it("reads back what it wrote, and refuses text that is not a journal", () => {
    expect(parseJournal(journalText(J))).toEqual(J);
    expect(parseJournal("{")).toBeNull();
    expect(parseJournal(JSON.stringify({ ...J, version: 2 }))).toBeNull();
  });
});

class MemoryJournals implements JournalStore {
  readonly saved = new Map<string, string>();
  readonly log: string[] = [];
  constructor(private readonly port?: MemoryPort) {}
  save(j: ExtractionJournal): Promise<void> {
    this.saved.set(j.id, journalText(j));
    this.log.push(`journal ${this.port?.log.length ?? 0}`);
    return Promise.resolve();
  }
  remove(id: string): Promise<void> {
    this.saved.delete(id);
    this.log.push(`journal removed ${this.port?.log.length ?? 0}`);
    return Promise.resolve();
  }
  list(): Promise<{ id: string; text: string }[]> {
    return Promise.resolve([...this.saved].map(([id, text]) => ({ id, text })));
  }
}

const seedPlan = (port: MemoryPort, choices?: Map<number, CandidateChoice>) =>
  planExtraction({ path: SEED_PATH, text: port.files.get(SEED_PATH) ?? "", settings: DEFAULT_SETTINGS, today: "2026-05-01", port, choices });

describe("a split with a journal", () => {
  it("saves the journal before its first write and removes it after its last", async () => {
    const port = new MemoryPort({ [SEED_PATH]: seedNote() });
    const store = new MemoryJournals(port);
    const result = await applyExtraction(seedPlan(port), port, { store, writer: "cli", pid: 7, now: () => 1 });
    expect(result.ok).toBe(true);
    // Written when the vault log was still empty; removed once the source replace (the last write) was logged.
    expect(store.log).toEqual(["journal 0", `journal removed ${port.log.length}`]);
    expect(port.log.at(-1)).toBe(`replace ${SEED_PATH}`);
    expect(store.saved.size).toBe(0);
  });

  it("that fails midway takes back its writes and then its journal", async () => {
    const port = new MemoryPort({ [SEED_PATH]: seedNote() }, { failCreate: 2 });
    const store = new MemoryJournals(port);
    const result = await applyExtraction(seedPlan(port), port, { store, writer: "cli", pid: 7, now: () => 1 });
    expect(result.ok).toBe(false);
    expect(port.paths()).toEqual([SEED_PATH]);
    expect(store.saved.size).toBe(0);
  });

  it("cut short after its claims is finished by recovery to the same vault as a whole run", async () => {
    const whole = new MemoryPort({ [SEED_PATH]: seedNote() });
    await applyExtraction(seedPlan(whole), whole);
    // A port that stops (as a killed process would) at the source replace: the journal stays.
    const port = new MemoryPort({ [SEED_PATH]: seedNote() });
    const store = new MemoryJournals(port);
    const plan = seedPlan(port);
    port.replace = () => new Promise<void>(() => undefined);
    void applyExtraction(plan, port, { store, writer: "plugin", pid: null, now: () => 1 });
    await new Promise((r) => setTimeout(r, 10));
    expect(store.saved.size).toBe(1);
    const resumed = new MemoryPort();
    for (const [k, v] of port.files) resumed.files.set(k, v);
    const reports = await recoverAll(store, resumed, () => true);
    expect(reports.map((r) => r.outcome)).toEqual(["finished"]);
    expect(new Map(resumed.files)).toEqual(new Map(whole.files));
    expect(store.saved.size).toBe(0);
  });
});

describe("recovering every journal of a store", () => {
  it("leaves alone the paths a live run's journal names, even when a dead run named them too", async () => {
    const store = new MemoryJournals();
    await store.save(J);
    await store.save({ ...J, id: "live", pid: 2 });
    const port = new MemoryPort({ "inbox/s.md": "before", "c/a.md": "claim a" });
    const reports = await recoverAll(store, port, (j) => j.id !== "live");
    expect(reports).toMatchObject([{ id: "j1", outcome: "rolled back", removed: [], kept: ["c/a.md"] }]);
    expect(port.files.get("c/a.md")).toBe("claim a");
    expect([...store.saved.keys()]).toEqual(["live"]);
  });
});

describe("the same title in two Unicode forms", () => {
  it("is one claim even when both candidates are picked (extract --select 1,2)", () => {
    const nfc = "Café owners claim résumé gains".normalize("NFC");
    const text = `---\ntype: source\ntitle: T\ndomain: economics\nstatus: unprocessed\n---\n## Agent Notes\n**Extraction hints:**\n- ${nfc}\n- ${nfc.normalize("NFD")}\n`;
    const port = new MemoryPort({ "inbox/s.md": text });
    const choices = new Map<number, CandidateChoice>([
      [1, { selected: true }],
      [2, { selected: true }],
    ]);
    const p = planExtraction({ path: "inbox/s.md", text, settings: DEFAULT_SETTINGS, today: "2026-05-01", port, choices });
    expect(p.blockers).toEqual([]);
    expect(p.creates.map((c) => c.candidate.path)).toEqual([`domains/economics/${nfc}.md`]);
  });
});
