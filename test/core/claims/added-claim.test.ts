// Claims the user adds in the preview or with `extract --add` (issue #11): the
// reasons a title is refused, one row per rule, each with the exact reason the
// preview shows beside the field and the CLI prints.
import { describe, expect, it } from "vitest";
import { addedTitleProblem } from "../../../src/core/claims/added-claim";

const FOLDER = "domains/ai-alignment";
const EXISTING = `${FOLDER}/Sparse autoencoders underperform linear probes.md`;
const existsAt = (path: string) => (path.toLowerCase() === EXISTING.toLowerCase() ? EXISTING : null);
const OTHERS = ["The SPAR agent-automated circuit tracing project is the most direct attempted solution to the hours-per-prompt bottleneck", "Circuit tracing: from detection to understanding"];
const LISTED = ["Probes beat SAEs on harmful intent"];

describe("an added claim's title", () => {
  const cases: [name: string, title: string, problem: string | null][] = [
    ["an assertion is accepted", "Interpretability is first used in a production deployment decision", null],
    ["an empty title is refused", "", "the title is empty"],
    ["a title of spaces and line breaks is empty", "  \n\t ", "the title is empty"],
    ["only punctuation is refused", " ?!… — ", "the title holds no letters or digits"],
    ["only characters a file name cannot hold is refused", "#?*[]", "the title holds no letters or digits"],
    ["invisible characters alone are refused", "\u200b\u200e", "the title holds no letters or digits"],
    ["another row's title is refused, whatever the case and spacing", "  the spar agent-automated circuit tracing project is the most direct attempted solution to the HOURS-PER-PROMPT bottleneck ", "another candidate has this title"],
    ["a title naming the same file as another row is refused", "Circuit tracing - from detection to understanding", "another candidate has this title"],
    ["an existing note's name is refused, naming the note", "sparse autoencoders underperform linear probes", `${EXISTING} already exists`],
    ["a claim the source lists already is refused", "probes beat SAEs on harmful intent", "the source already lists this claim"],
    ["digits alone make a title", "42", null],
    ["a title in another script is accepted", "解釈可能性は本番の判断に使われた", null],
  ];
  for (const [name, title, problem] of cases) it(name, () => expect(addedTitleProblem(title, OTHERS, FOLDER, existsAt, LISTED)).toBe(problem));
});
