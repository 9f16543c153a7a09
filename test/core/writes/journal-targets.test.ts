// SPEC §8 with SPEC §6: a run killed while enriching claims is finished or
// taken back from what is on disk, the enriched claims byte for byte.
import { describe, expect, it } from "vitest";
import { decideRecovery, parseJournal, journalText, recoverJournal, type ExtractionJournal } from "../../../src/core/writes/journal";
import { MemoryPort } from "../memory-port";

const J: ExtractionJournal = {
  version: 1,
  id: "x",
  writer: "cli",
  pid: null,
  started: 0,
  sourcePath: "inbox/s.md",
  sourceBefore: "S0",
  sourceAfter: "S1",
  claims: [{ path: "d/new.md", text: "NEW" }],
  folders: [],
  targets: [{ path: "d/old.md", before: "T0", after: "T1" }],
};

describe("recovering a run with enrichments", () => {
  it.each([
    ["everything written: done", "NEW", "T1", "S1", { action: "done" }],
    ["claims and targets written, source not yet: finish", "NEW", "T1", "S0", { action: "finish" }],
    ["the target not written yet: roll back the claim, the target untouched", "NEW", "T0", "S0", { action: "rollback", removeClaims: ["d/new.md"], restoreTargets: [], keepTargets: [] }],
    ["the target written, the claim cut short: roll back both", "NE", "T1", "S0", { action: "rollback", removeClaims: ["d/new.md"], restoreTargets: ["d/old.md"], keepTargets: [] }],
    ["a target edited by someone else is kept", "NE", "T1 edited", "S0", { action: "rollback", restoreTargets: [], keepTargets: ["d/old.md"] }],
  ] as const)("%s", (_name, claim, target, source, want) => {
    const d = decideRecovery(J, { source, claims: new Map([["d/new.md", claim]]), targets: new Map([["d/old.md", target]]) });
    expect(d).toMatchObject(want);
  });

  it("a rollback gives the target back its text from before, byte for byte", async () => {
    const port = new MemoryPort({ "inbox/s.md": "S0", "d/new.md": "NE", "d/old.md": "T1" });
    const report = await recoverJournal(J, port);
    expect(report.outcome).toBe("rolled back");
    expect(port.files.get("d/old.md")).toBe("T0");
    expect(port.files.has("d/new.md")).toBe(false);
  });

  it("a journal keeps its targets through its text form; an older journal without them still reads", () => {
    expect(parseJournal(journalText(J))).toEqual(J);
    const { targets: _t, ...old } = J;
    expect(parseJournal(journalText(old))).toEqual(old);
  });
});
