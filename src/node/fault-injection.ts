// Fault injection for the write-guarantee tests (SPEC §8): with
// SOURCE_QUEUE_FAIL_AT=N the file-system adapter's Nth write step kills the
// process (SIGKILL, as kill -9 would) or fails as a full disk would
// (SOURCE_QUEUE_FAIL_AT=N:enospc), or throws a plain error (N:throw). Only
// the adapter's write steps count, so a test can stop a real CLI process at
// every point of an extraction. Unset, a step costs one comparison.

type Mode = "kill" | "enospc" | "throw";

function parse(value: string | undefined): { at: number; mode: Mode } | null {
  const m = value === undefined ? null : /^(\d+)(?::(kill|enospc|throw))?$/.exec(value.trim());
  if (!m) return null;
  return { at: Number(m[1]), mode: (m[2] as Mode | undefined) ?? "kill" };
}

const plan = parse(process.env.SOURCE_QUEUE_FAIL_AT);
const trace = process.env.SOURCE_QUEUE_TRACE_STEPS === "1";
let steps = 0;

/** One write step of the adapter: `what` names it in the trace. */
export function writeStep(what: string): void {
  if (plan === null && !trace) return;
  steps++;
  if (trace) process.stderr.write(`source-queue: write step ${steps}: ${what}\n`);
  if (plan === null || steps !== plan.at) return;
  if (plan.mode === "kill") process.kill(process.pid, "SIGKILL");
  if (plan.mode === "enospc") throw Object.assign(new Error(`ENOSPC: no space left on device, write (step ${steps}: ${what})`), { code: "ENOSPC" });
  throw new Error(`injected failure at write step ${steps}: ${what}`);
}
