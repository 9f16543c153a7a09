// SPEC §9 through the built CLI and the agents' read_source, against a
// stand-in provider on loopback: `extract --draft` asks once and shows the
// checked draft (origin, unverified, model), creates with extraction_model;
// a failure is one line, exit 1 and nothing written; without --draft (or
// draft: true) no request is sent even with every SOURCE_QUEUE_AI_* set.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FsAgentCommands } from "../../src/node/agent-commands";
import { startStandIn, type StandIn } from "../../test-support/ai-stand-in";
import { EXISTING, GROWTH, INVENTED, SOURCE, SOURCE_TEXT } from "../core/extraction/ai-draft/fixture";
import { execFile } from "node:child_process";
import { BIN, cleanUp, cliEnv, snapshot, tempDir, type CliRun } from "./run-cli";

/** The built bin, run without blocking: the stand-in answers from this same process (spawnSync would starve it). */
function cli(args: string[], _cwd: undefined, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, encoding: "utf8" }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let server: StandIn;
beforeAll(async () => {
  server = await startStandIn("openai-compatible");
});
afterAll(async () => {
  await server.close();
  cleanUp();
});

function makeVault(): string {
  const dir = tempDir("sq-ai-");
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(SOURCE, SOURCE_TEXT);
  write(EXISTING, "---\ntype: claim\ndomain: economics\n---\n# Sellers who join a marketplace during a downturn churn less than sellers who join in a boom\n\nWhy.\n");
  return dir;
}

const env = () => cliEnv({ SOURCE_QUEUE_AI_PROVIDER: "openai-compatible", SOURCE_QUEUE_AI_URL: server.url, SOURCE_QUEUE_AI_MODEL: "stand-in-model", SOURCE_QUEUE_AI_KEY: "sk-test" });
const GOOD = { kind: "draft" as const, payload: { verdict: "claims", claims: [{ ...GROWTH, enriches: undefined }, { ...INVENTED, enriches: undefined }] } };

describe("extract --draft", () => {
  it("without --draft nothing is sent, even with the provider configured", async () => {
    const vault = makeVault();
    const before = server.requests.length;
    const r = await cli(["extract", SOURCE, "--vault", vault, "--dry-run", "--json"], undefined, env());
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.length).toBe(before);
  });

  it("--dry-run --json: the drafted candidates with origin, unverified and model; nothing written", async () => {
    server.answer = GOOD;
    const vault = makeVault();
    const before = snapshot(vault);
    const r = await cli(["extract", SOURCE, "--vault", vault, "--draft", "--dry-run", "--json"], undefined, env());
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { draft: unknown; candidates: { origin: string; selected: boolean; unverified?: boolean; model?: string }[] };
    expect(out.draft).toEqual({ model: "stand-in-model", verdict: "claims" });
    expect(out.candidates.map((c) => [c.origin, c.selected, c.unverified ?? null, c.model ?? null])).toEqual([
      ["hints", false, null, null],
      // A topic no sentence of the source states with 3/4 of its words stays unselected (SPEC §2).
      ["hints", false, null, null],
      ["ai", true, false, "stand-in-model"],
      ["ai", false, true, "stand-in-model"],
    ]);
    expect(snapshot(vault)).toEqual(before);
  });

  it("the text says which candidates the model drafted and which quote it invented", async () => {
    server.answer = GOOD;
    const r = await cli(["extract", SOURCE, "--vault", makeVault(), "--draft", "--dry-run"], undefined, env());
    expect(r.stdout).toContain("(AI draft, stand-in-model)");
    expect(r.stdout).toContain(`unverified: not in the source, dropped: "${INVENTED.evidence[0]}"`);
  });

  it("creating records the model in the source's extraction_model", async () => {
    server.answer = GOOD;
    const vault = makeVault();
    const r = await cli(["extract", SOURCE, "--vault", vault, "--draft", "--json"], undefined, env());
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(vault, SOURCE), "utf8")).toMatch(/^extraction_model: stand-in-model$/m);
  });

  it("a failure: one line on stderr, exit 1, the rule-based plan shown and nothing written", async () => {
    server.answer = { kind: "status", status: 429 };
    const vault = makeVault();
    const before = snapshot(vault);
    const r = await cli(["extract", SOURCE, "--vault", vault, "--draft"], undefined, env());
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("source-queue: AI draft refused: too many requests or quota used up (429) (Rate limit reached); try again later");
    expect(r.stdout).toContain("2 candidates");
    expect(snapshot(vault)).toEqual(before);
  });
});

describe("read_source with draft: true (MCP)", () => {
  it("adds the checked draft; without it nothing is sent", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { SOURCE_QUEUE_AI_PROVIDER: "openai-compatible", SOURCE_QUEUE_AI_URL: server.url, SOURCE_QUEUE_AI_MODEL: "stand-in-model" });
    try {
      server.answer = GOOD;
      const agent = new FsAgentCommands(makeVault(), { undoDir: tempDir("sq-undo-") });
      const before = server.requests.length;
      const plain = (await agent.readSource({ path: SOURCE })) as { candidates: unknown[] };
      expect(plain.candidates).toHaveLength(2);
      expect(server.requests.length).toBe(before);
      const drafted = (await agent.readSource({ path: SOURCE, draft: true })) as { candidates: { origin: string }[]; draft: unknown };
      expect(drafted.candidates.map((c) => c.origin)).toEqual(["hints", "hints", "ai", "ai"]);
      expect(drafted.draft).toEqual({ model: "stand-in-model", verdict: "claims" });
      server.answer = { kind: "text", text: "no json here" };
      const failed = (await agent.readSource({ path: SOURCE, draft: true })) as { candidates: unknown[]; problems: { message: string }[] };
      expect(failed.candidates).toHaveLength(2);
      expect(failed.problems.map((p) => p.message)).toContain('AI draft failed: the model\'s answer is not JSON ("no json here")');
    } finally {
      process.env = saved;
    }
  });
});
