// @vitest-environment happy-dom
// The pieces of the extract preview given data directly (issue #11): the
// wording for a source extracted before, which rows are invalid and why, and
// a row drawn for a candidate whose title names a topic.
import { describe, expect, it } from "vitest";
import "../../test-support/obsidian/index";
import type { Candidate } from "../../src/core/extraction/candidates";
import type { ExtractionPlan } from "../../src/core/extraction/extraction";
import { rowProblems } from "../../src/plugin/extract-problems";
import { CandidateRow, type RowEvents } from "../../src/plugin/extract-row";
import { createLabel, createReasons, previousNotice, TOPIC_FLAG } from "../../src/plugin/extract-text";

describe("the notice for a source extracted before", () => {
  const cases: { name: string; previous: ExtractionPlan["previous"]; text: string | null }[] = [
    { name: "a source never extracted has none", previous: null, text: null },
    { name: "date, curator and count", previous: { date: "2026-03-02", by: "theseus", claims: 3 }, text: "Extracted on 2026-03-02 by theseus: 3 claims. Creating more adds to them." },
    { name: "one claim is singular", previous: { date: "2026-03-02", by: "theseus", claims: 1 }, text: "Extracted on 2026-03-02 by theseus: 1 claim. Creating more adds to them." },
    { name: "no curator recorded", previous: { date: "2026-03-02", by: null, claims: 2 }, text: "Extracted on 2026-03-02: 2 claims. Creating more adds to them." },
    { name: "no date recorded", previous: { date: null, by: "theseus", claims: 2 }, text: "Extracted by theseus: 2 claims. Creating more adds to them." },
    { name: "neither recorded", previous: { date: null, by: null, claims: 4 }, text: "Extracted before: 4 claims. Creating more adds to them." },
    { name: "processed with no claims listed", previous: { date: "2026-03-02", by: null, claims: 0 }, text: "Extracted on 2026-03-02, with no claims listed. Creating claims adds them to this source." },
  ];
  for (const c of cases) it(c.name, () => expect(previousNotice(c.previous)).toBe(c.text));

  it("Create counts notes in the singular and plural", () => {
    expect([0, 1, 2].map((n) => createLabel(n))).toEqual(["Create 0 notes", "Create 1 note", "Create 2 notes"]);
  });
});

const candidate = (index: number, patch: Partial<Candidate> = {}): Candidate => ({
  index,
  title: `Claim ${index} is true`,
  fromQuote: false,
  fileName: `Claim ${index} is true`,
  path: `domains/x/Claim ${index} is true.md`,
  origin: "hints",
  kind: "claim",
  topic: false,
  description: `Why claim ${index} holds.`,
  evidence: [],
  similar: [],
  target: null,
  existing: null,
  selected: true,
  text: `Claim ${index} is true, says the hint.`,
  ...patch,
});

describe("which rows are invalid", () => {
  const none = () => null;
  const cases: { name: string; candidates: Candidate[]; added?: (c: Candidate) => string | null; problems: [number, string][] }[] = [
    { name: "checked rows with distinct titles are fine", candidates: [candidate(1), candidate(2)], problems: [] },
    { name: "a checked row with an empty title", candidates: [candidate(1, { title: "", fileName: "" })], problems: [[1, "the title is empty"]] },
    { name: "an unchecked row with an empty title is not in the way", candidates: [candidate(1, { title: "", fileName: "", selected: false })], problems: [] },
    {
      name: "two checked rows on one file name, whatever the case",
      candidates: [candidate(1), candidate(2, { fileName: "claim 1 IS true" })],
      problems: [
        [1, "another checked candidate would be written to the same file"],
        [2, "another checked candidate would be written to the same file"],
      ],
    },
    { name: "a row on the name of a row left unchecked is fine", candidates: [candidate(1), candidate(2, { fileName: "Claim 1 is true", selected: false })], problems: [] },
    { name: "a link-only row takes no file", candidates: [candidate(1), candidate(2, { fileName: "Claim 1 is true", existing: "domains/x/Claim 1 is true.md" })], problems: [] },
    {
      name: "an added claim is checked by the added-claim rules, even unchecked",
      candidates: [candidate(1), candidate(2, { origin: "added", selected: false })],
      added: (c) => (c.index === 2 ? "another candidate has this title" : null),
      problems: [[2, "another candidate has this title"]],
    },
  ];
  for (const c of cases) it(c.name, () => expect([...rowProblems(c.candidates, c.added ?? none)]).toEqual(c.problems));
});

describe("why Create is disabled", () => {
  const planned = (c: Candidate) => ({ candidate: c, confidence: "experimental" as const, text: "" });
  const cases: { name: string; plan: Parameters<typeof createReasons>[0]; pending?: boolean; reasons: string[] }[] = [
    { name: "nothing in the way", plan: { blockers: [], creates: [planned(candidate(1))], candidates: [candidate(1)] }, reasons: [] },
    { name: "core's blockers, as core says them", plan: { blockers: ["Candidate 1 has an empty title"], creates: [], candidates: [candidate(1)] }, reasons: ["Candidate 1 has an empty title"] },
    {
      name: "a claim typed into Add a claim and not added",
      plan: { blockers: [], creates: [planned(candidate(1))], candidates: [candidate(1)] },
      pending: true,
      reasons: ["Add the claim you typed, or clear it, before creating."],
    },
    { name: "no candidates at all", plan: { blockers: [], creates: [], candidates: [] }, reasons: ["There is nothing to create."] },
    { name: "every candidate exists", plan: { blockers: [], creates: [], candidates: [candidate(1, { existing: "a.md", selected: false })] }, reasons: ["Every candidate exists already; nothing to create."] },
    { name: "nothing checked", plan: { blockers: [], creates: [], candidates: [candidate(1, { selected: false })] }, reasons: ["Check at least one candidate to create it."] },
  ];
  for (const c of cases) it(c.name, () => expect(createReasons(c.plan, c.pending ?? false)).toEqual(c.reasons));
});

describe("a row", () => {
  const events = (): RowEvents & { titles: string[] } => {
    const titles: string[] = [];
    return { titles, onSelect: () => undefined, onTitle: (t) => titles.push(t), onDescription: () => undefined, onConfidence: () => undefined };
  };
  const values = { title: "The formal alignment trilemma as impossibility result", description: "Why.", confidence: "experimental" as const };

  it("a title that names a topic is flagged beside it with what to do, and the flag goes once the title is rewritten", () => {
    const parent = document.body.createDiv();
    const c = candidate(1, { title: values.title, topic: true });
    const row = new CandidateRow(parent, c, values, events());
    const flag = row.el.querySelector(".source-queue-extract-topic");
    expect(flag?.textContent).toBe(TOPIC_FLAG);
    expect(flag?.classList.contains("is-hidden")).toBe(false);
    expect(flag?.previousElementSibling?.classList.contains("source-queue-extract-confidence")).toBe(true);
    row.update({ ...c, title: "No alignment scheme satisfies all three trilemma properties at once" }, null);
    expect(flag?.classList.contains("is-hidden")).toBe(true);
    parent.remove();
  });

  it("an unselected candidate says why in one short line; checked by the user, the line goes", () => {
    const parent = document.body.createDiv();
    const why = 'Verdict: the source has nothing new ("No novel claims to extract")';
    const c = candidate(1, { selected: false, why });
    const row = new CandidateRow(parent, c, { ...values, title: c.title }, events());
    const line = row.el.querySelector(".source-queue-extract-why");
    expect(line?.textContent).toBe(why);
    expect(line?.classList.contains("is-hidden")).toBe(false);
    row.update({ ...c, selected: true }, null);
    expect(line?.classList.contains("is-hidden")).toBe(true);
    parent.remove();
  });

  it("a selected title rewritten from the hint says so, the hint shown below it", () => {
    const parent = document.body.createDiv();
    const c = candidate(1, { title: "RLHF is an implicit social choice", rewritten: true, text: "RLHF as implicit social choice" });
    const row = new CandidateRow(parent, c, { ...values, title: c.title }, events());
    expect(row.el.querySelector(".source-queue-extract-why")?.textContent).toBe("Title rewritten from the hint's words (the hint is kept below)");
    expect(row.el.querySelector(".source-queue-extract-rationale")?.textContent).toContain("RLHF as implicit social choice");
    parent.remove();
  });

  it("a claim title is not flagged", () => {
    const parent = document.body.createDiv();
    const row = new CandidateRow(parent, candidate(1), { ...values, title: "Claim 1 is true" }, events());
    expect(row.el.querySelector(".source-queue-extract-topic")?.classList.contains("is-hidden")).toBe(true);
    parent.remove();
  });

  it("an item that is not a claim shows its kind; an added claim shows where it came from and no hint text", () => {
    const parent = document.body.createDiv();
    const other = new CandidateRow(parent, candidate(1, { kind: "caution", selected: false }), values, events());
    expect(other.el.querySelector(".source-queue-extract-kind")?.textContent).toBe("Caution or scoping note");
    expect(other.el.classList.contains("is-unselected")).toBe(true);
    const added = new CandidateRow(parent, candidate(2, { origin: "added", text: "" }), values, { ...events(), onRemove: () => undefined });
    expect(added.el.querySelector(".source-queue-extract-origin")?.textContent).toBe("Added by you");
    expect(added.el.querySelector(".source-queue-extract-rationale")).toBeNull();
    expect(Array.from(added.el.querySelectorAll("button"), (b) => b.textContent)).toEqual(["Remove"]);
    parent.remove();
  });
});
