// `--on-review CMD` (SPEC §7 "Extractions that go through review"): after a
// review branch is pushed, CMD opens the forge's pull request (`gh pr create`,
// `tea pulls create`, a `curl` to the API). It runs in `sh -c` with the
// branch, the base, the source, the agent and a title and body in its
// environment, under a time limit; a command that fails or hangs is one line,
// and the branch stays pushed (the caller says so: the source stays held).
import { spawn } from "node:child_process";

export interface ReviewFacts {
  branch: string;
  /** The upstream branch the pull request goes into. */
  base: string;
  source: string;
  agent: string | null;
  /** Claim notes the extraction created, enrichments it appended to, the model that wrote it. */
  created: readonly string[];
  enriched: readonly string[];
  model: string | null;
  subject: string;
}

/** The pull request's title and body: what a reviewer reads before opening the branch. */
export function reviewText(f: ReviewFacts): { title: string; body: string } {
  const list = (xs: readonly string[]) => (xs.length === 0 ? ["- none"] : xs.map((x) => `- ${x}`));
  const body = [
    `Extraction of \`${f.source}\` by ${f.agent ?? "an unnamed agent"}, for review before it reaches \`${f.base}\`.`,
    "",
    `## Claims (${f.created.length})`,
    ...list(f.created),
    "",
    `## Enrichments (${f.enriched.length})`,
    ...list(f.enriched),
    "",
    `Model: ${f.model ?? "not recorded"}`,
    "",
    "Opened by source-queue --sync git --review.",
  ].join("\n");
  return { title: f.subject, body };
}

/** The time limit of one --on-review run: $SOURCE_QUEUE_ON_REVIEW_TIMEOUT seconds, else two minutes. */
export function onReviewTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.SOURCE_QUEUE_ON_REVIEW_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 120_000;
}

export type OnReviewOutcome = { ok: true; output: string } | { ok: false; line: string };

/** Runs CMD once; its stdout is kept (the pull request's address, as gh prints it), its stderr only for the failure line. */
export function runOnReview(cmd: string, f: ReviewFacts, timeoutMs = onReviewTimeoutMs()): Promise<OnReviewOutcome> {
  const { title, body } = reviewText(f);
  const env = { ...process.env, SQ_BRANCH: f.branch, SQ_BASE: f.base, SQ_SOURCE: f.source, SQ_AGENT: f.agent ?? "", SQ_TITLE: title, SQ_BODY: body };
  return new Promise((resolve) => {
    // Its own process group, so a timeout ends the command and everything it started.
    const child = spawn("sh", ["-c", cmd], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Uint8Array) => (out = (out + String(d)).slice(-64 * 1024)));
    child.stderr.on("data", (d: Uint8Array) => (err = (err + String(d)).slice(-64 * 1024)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(child.pid ?? 0), "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);
    const lastLine = () => err.trim().split("\n").pop()?.trim() ?? "";
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ ok: false, line: `could not start sh: ${e.message}` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ ok: false, line: `it did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped` });
      if (code === 0) return resolve({ ok: true, output: out.trim() });
      const why = signal !== null ? `killed by ${signal}` : `exit ${code ?? "?"}`;
      resolve({ ok: false, line: lastLine() === "" ? why : `${why}: ${lastLine()}` });
    });
  });
}
