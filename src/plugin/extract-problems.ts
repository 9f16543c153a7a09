// Why a row of the extract preview cannot be created, shown beside the row
// (issue #11: Create stays disabled while any row is invalid, and the user
// sees which one and why). Core's blockers say the same for the whole plan;
// this names the row.
import type { Candidate } from "../core/extraction/candidates";
import type { Confidence } from "../core/note/model";

/** A claim the user added in the preview, as they left it. */
export interface AddedEntry {
  title: string;
  description: string;
  confidence?: Confidence;
  selected: boolean;
}

/**
 * The problem of each row that has one, by candidate index. A claim the user
 * added is checked by `addedProblem` (the rules core refuses it for) whether
 * checked or not, as core blocks on it either way; a proposed candidate only
 * when it is checked: an empty title, or a file name another checked row takes.
 */
export function rowProblems(candidates: readonly Candidate[], addedProblem: (c: Candidate) => string | null): Map<number, string> {
  const problems = new Map<number, string>();
  const creating = candidates.filter((c) => c.selected && c.existing === null);
  const key = (c: Candidate) => c.fileName.normalize("NFC").toLowerCase();
  const count = new Map<string, number>();
  for (const c of creating) if (c.title !== "") count.set(key(c), (count.get(key(c)) ?? 0) + 1);
  for (const c of candidates) {
    const problem =
      c.origin === "added"
        ? addedProblem(c)
        : !c.selected || c.existing !== null
          ? null
          : c.title === ""
            ? "the title is empty"
            : (count.get(key(c)) ?? 0) > 1
              ? "another checked candidate would be written to the same file"
              : null;
    if (problem !== null) problems.set(c.index, problem);
  }
  return problems;
}
