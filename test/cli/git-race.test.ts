// Agents racing for one remote for real (SPEC §7 "Agents on many machines",
// issue #22): four agents, two over the CLI and two over MCP, each in its own
// clone, clear a queue of 40 sources with --sync git while agents are killed
// with SIGKILL at random moments and started again, and a curator pushes
// edits to held sources. Every source is claimed by exactly one agent and
// finished once, every claim note is linked from its source, the history is
// linear, `validate` is clean and no line of the curator's is lost.
//
// One race by default; SQ_RACE_RUNS=N runs N in a row (the soak: seeds 1…N,
// one to three kills each) and prints what they measured.
import { afterAll, describe, expect, it } from "vitest";
import { race, type RaceOutcome } from "./git-race";
import { cleanUp } from "./run-cli";

afterAll(cleanUp, 120_000);

const RUNS = Number(process.env.SQ_RACE_RUNS ?? "1");
const FIRST_SEED = Number(process.env.SQ_RACE_SEED ?? "1");

describe("four agents of both doors race for one remote, killed and started again, a curator editing", () => {
  it(`every source claimed by one agent and finished once; claims linked; history linear; validate clean; the curator's lines kept (${RUNS} run${RUNS === 1 ? "" : "s"})`, async () => {
    const outcomes: RaceOutcome[] = [];
    const failed: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const seed = FIRST_SEED + run;
      const o = await race({ doors: ["cli", "mcp", "cli", "mcp"], sources: 40, kills: RUNS === 1 ? 2 : 1 + (seed % 3), curatorEdits: 3, seed });
      outcomes.push(o);
      if (o.violations.length > 0) failed.push(`seed ${seed}: ${o.violations.join("; ")}`);
      if (RUNS > 1) process.stderr.write(`run ${run + 1}/${RUNS} seed ${seed}: ${o.seconds.toFixed(1)} s, ${o.extractions} extractions, ${o.nullResults} null-results, ${o.claimsCreated} claims, ${o.kills} kills (${o.killedDuring.join(" | ")}), ${o.curatorEdits} curator edits, ${o.retries} retries${o.violations.length > 0 ? `, BROKEN: ${o.violations.join("; ")}` : ""}\n`);
    }
    expect(failed).toEqual([]);
    const first = outcomes[0];
    expect(first?.extractions ?? 0).toBeGreaterThan(20);
    expect(first?.nullResults ?? 0).toBeGreaterThan(0);
    expect(first?.kills ?? 0).toBeGreaterThan(0);
  }, Math.max(1, RUNS) * 240_000);
});
