// Leases defended on every write (SPEC §7 "Holders, versions and limits"),
// for every door: extract, set and undo call checkWriter on the text they
// are about to change, inside the same atomic edit or compare-and-swap, so a
// claim that lands in between is seen. A refusal reads "<path> is held by
// <agent> until <time>; nothing written".
import { oneLineProblem } from "../text/one-line";
import { parseFrontmatter } from "../note/parse-frontmatter";
import { describeHold, holdAgainst, holdOf, type Hold, type Writer } from "../writes/source-lease";
import { CommandFailed, UsageError } from "./command-error";

export type { Writer } from "../writes/source-lease";

const MAX_NAME_CHARS = 100;
const MAX_MODEL_CHARS = 200;

/** A write refused because someone else holds the source; `hold` says who and until when (the plugin asks before taking it over). */
export class SourceHeld extends CommandFailed {
  constructor(
    readonly path: string,
    readonly hold: Extract<Hold, { held: true }>,
  ) {
    super(`${path} is ${describeHold(hold)}; nothing written`);
    this.name = "SourceHeld";
  }
}

/** The agent's name as written into processed_by, or why it cannot be. */
export const agentProblem = (agent: string): string | null => oneLineProblem(agent, "the agent name", MAX_NAME_CHARS);

/** A model's name as written into extraction_model, or why it cannot be. */
export const modelProblem = (model: string): string | null => oneLineProblem(model, "the model", MAX_MODEL_CHARS);

/** The writer with its name checked (a UsageError naming `agent`) and trimmed; an empty name is no name. */
export function checkedWriter(writer: Writer): Writer {
  if (writer.agent === undefined) return writer;
  const bad = agentProblem(writer.agent);
  if (bad !== null) throw new UsageError(bad, "agent");
  return { ...writer, agent: writer.agent.trim() };
}

/** Throws SourceHeld when the source, as `text`, is held against this writer. */
export function checkWriter(path: string, text: string, writer: Writer, now: Date): void {
  const against = holdAgainst(parseFrontmatter(text).data, writer, now);
  if (against !== null) throw new SourceHeld(path, against);
}

/** Was the source, as `text`, held by someone at `now` (a take-over then ends the lease)? */
export const isHeld = (text: string, now: Date): boolean => holdOf(parseFrontmatter(text).data, now).held;
