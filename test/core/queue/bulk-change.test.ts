// Issue #14: a change over many notes, one at a time, and its undo, which
// puts back only notes still exactly as the change left them.
import { describe, expect, it } from "vitest";
import { bulkSummary, runBulk, undoBulk, undoSummary, type SetOne } from "../../../src/core/queue/bulk-change";

type Change = { to: string };

/** Notes in memory, with a setOne that sets `priority: …` and refuses notes marked broken. */
function notes(initial: Record<string, string>) {
  const files = new Map(Object.entries(initial));
  const writes: string[] = [];
  const setOne: SetOne<Change> = async (path, change) => {
    const before = files.get(path);
    if (before === undefined) return { ok: false, error: "no longer exists" };
    if (before.includes("broken")) return { ok: false, error: "the YAML does not parse" };
    const after = before.replace(/priority: \w+/, `priority: ${change.to}`);
    if (after !== before) {
      files.set(path, after);
      writes.push(path);
    }
    return { ok: true, before, after };
  };
  return { files, writes, setOne };
}

describe("runBulk", () => {
  it("changes every note once, in order, and records what each was before and after", async () => {
    const n = notes({ a: "priority: low", b: "priority: medium", c: "priority: high" });
    const outcome = await runBulk(["a", "b", "c"], { to: "high" }, n.setOne);
    expect(n.writes).toEqual(["a", "b"]);
    expect(outcome.changed).toEqual([
      { path: "a", before: "priority: low", after: "priority: high" },
      { path: "b", before: "priority: medium", after: "priority: high" },
    ]);
    expect(outcome.unchanged).toEqual(["c"]);
    expect(outcome.refused).toEqual([]);
  });

  it("goes on past a refused note or a setOne that throws, and reports each", async () => {
    const n = notes({ a: "priority: low", b: "broken priority: low", c: "priority: low" });
    const setOne: SetOne<Change> = (path, change) => (path === "c" ? Promise.reject(new Error("disk full")) : n.setOne(path, change));
    const outcome = await runBulk(["a", "b", "c", "gone"], { to: "high" }, setOne);
    expect(outcome.changed.map((c) => c.path)).toEqual(["a"]);
    expect(outcome.refused).toEqual([
      { path: "b", error: "the YAML does not parse" },
      { path: "c", error: "disk full" },
      { path: "gone", error: "no longer exists" },
    ]);
  });

  it("pauses after 8 notes even when they were quick (what a write causes afterwards is not timed here)", async () => {
    const n = notes(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`n${i}`, "priority: low"])));
    let pauses = 0;
    await runBulk([...n.files.keys()], { to: "high" }, n.setOne, { now: () => 0, pause: async () => void pauses++ });
    expect(pauses).toBe(2);
  });

  it("pauses whenever a run of notes has used its time budget, and reports progress after each note", async () => {
    let clock = 0;
    const n = notes(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`n${i}`, "priority: low"])));
    const slow: SetOne<Change> = async (path, change) => {
      clock += 5;
      return n.setOne(path, change);
    };
    let pauses = 0;
    const progress: number[] = [];
    await runBulk([...n.files.keys()], { to: "high" }, slow, { now: () => clock, budgetMs: 12, pause: async () => void pauses++, onProgress: (d) => progress.push(d) });
    // 5 ms a note, a pause every third note (15 ms ≥ 12).
    expect(pauses).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe("undoBulk", () => {
  it("restores every note still as the change left it, and leaves an edited or deleted one alone", async () => {
    const n = notes({ a: "priority: low", b: "priority: low", c: "priority: low" });
    const outcome = await runBulk(["a", "b", "c"], { to: "high" }, n.setOne);
    n.files.set("b", "priority: high\nedited by hand");
    n.files.delete("c");
    const undo = await undoBulk(outcome.changed, async ({ path, before, after }) => {
      const now = n.files.get(path);
      if (now === undefined) return "missing";
      if (now !== after) return "edited";
      n.files.set(path, before);
      return "restored";
    });
    expect(undo).toEqual({ restored: ["a"], edited: ["b"], missing: ["c"] });
    expect(n.files.get("a")).toBe("priority: low");
    expect(n.files.get("b")).toBe("priority: high\nedited by hand");
  });
});

describe("the summary notices", () => {
  it.each<[string, Parameters<typeof bulkSummary>[0], string]>([
    ["all set", { changed: [{ path: "inbox/a.md", before: "", after: "x" }], unchanged: [], refused: [] }, "Set priority high on 1 note."],
    [
      "some already so and some refused, named without folder or extension",
      {
        changed: Array.from({ length: 38 }, (_, i) => ({ path: `inbox/${i}.md`, before: "", after: "x" })),
        unchanged: ["inbox/z.md"],
        refused: [
          { path: "inbox/broken-yaml.md", error: "the YAML does not parse" },
          { path: "inbox/gone.md", error: "no longer exists" },
        ],
      },
      "Set priority high on 38 notes, 1 already so, 2 refused: broken-yaml (the YAML does not parse); gone (no longer exists).",
    ],
  ])("%s", (_name, outcome, text) => {
    expect(bulkSummary(outcome, "priority high")).toBe(text);
  });

  it("names what undo left alone", () => {
    expect(undoSummary({ restored: ["a.md", "b.md"], edited: ["inbox/c.md"], missing: [] })).toBe("Undid the change on 2 notes.\nLeft alone because edited since: c.");
  });
});
