// `extract` as every door runs it (issues #11, #13): picks, new titles and
// added claims are checked before anything is planned for writing; bad input
// is one usage line; a dry run writes nothing; a run applies all or nothing.
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/core/commands/command-error";
import { extract, parseNumbered, parseSelect, type ExtractRequest } from "../../../src/core/commands/extract";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { readDemoVault } from "../../../test-support/demo-vault";
import { MemoryPort } from "../memory-port";

const SEED = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";
const ctx = { settings: DEFAULT_SETTINGS, now: new Date(2026, 2, 14, 12) };
const port = () => new MemoryPort(readDemoVault());

describe("parsing what a door was given", () => {
  it("reads `1, 3,3` as positions 1 and 3", () => expect(parseSelect("1, 3,3")).toEqual([1, 3]));
  it("refuses a position that is not a whole number", () => expect(() => parseSelect("1,x")).toThrow(UsageError));
  it("reads N=text pairs, the text kept as given", () => expect([...parseNumbered(["2=A: b = c"], "title")]).toEqual([[2, "A: b = c"]]));
  it("refuses a pair without a number", () => expect(() => parseNumbered(["two=A"], "title")).toThrow('title: "two=A" is not N=text'));
});

describe("extract requests that are refused before any plan is applied", () => {
  it.each<[string, Partial<ExtractRequest>, string]>([
    ["a pick past the last candidate", { select: [9] }, 'select: "9" is not a candidate number (1 to 4)'],
    ["an added title of punctuation only", { added: [{ title: "?!…" }] }, "add: \"?!…\": the title holds no letters or digits"],
    ["an added title that is empty", { added: [{ title: "   " }] }, "the title is empty"],
    ["two added claims with one title", { added: [{ title: "Sparse features scale" }, { title: "sparse features scale" }] }, "another candidate has this title"],
    ["a new title that repeats another candidate's", { titles: new Map([[1, "The SPAR agent-automated circuit tracing project is the most direct attempted solution to the hours-per-prompt bottleneck"]]) }, "title: candidate 1: another candidate has this title"],
    ["a retitle of a candidate that is not there", { titles: new Map([[7, "Anything"]]) }, 'title: "7" is not a candidate number'],
  ])("%s", async (_name, req, message) => {
    const p = port();
    const before = new Map(p.files);
    await expect(extract(p, { path: SEED, ...req }, ctx)).rejects.toThrow(message);
    expect(p.files).toEqual(before);
  });
});

describe("extract runs", () => {
  it("a dry run with a pick, a new title and an added claim plans them and writes nothing", async () => {
    const p = port();
    const before = new Map(p.files);
    const o = await extract(p, { path: SEED, dryRun: true, select: [1], titles: new Map([[1, "Circuit tracing takes hours per prompt"]]), added: [{ title: "Interpretability reached production" }] }, ctx);
    expect(o.code).toBe(0);
    expect(o.plan.creates.map((c) => c.candidate.title)).toEqual(["Circuit tracing takes hours per prompt", "Interpretability reached production"]);
    expect(p.files).toEqual(before);
  });

  it("a run creates the picked claims and the added one, updates the source, and returns what undo needs", async () => {
    const p = port();
    const o = await extract(p, { path: SEED, select: [2], added: [{ title: "Interpretability reached production" }] }, ctx);
    expect(o.code).toBe(0);
    expect(o.created).toEqual(["domains/ai-alignment/" + o.plan.candidates[1]?.fileName + ".md", "domains/ai-alignment/Interpretability reached production.md"]);
    for (const path of o.created) expect(p.files.has(path)).toBe(true);
    expect(await p.read(SEED)).toContain("status: processed");
    expect(o.record?.created.map((c) => c.path)).toEqual(o.created);
  });
});
