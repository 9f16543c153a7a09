// SPEC §7 on the command line: the twins of the agent tools, run as the real
// `source-queue` bin (dist/cli.cjs) on temporary copies of the demo vault:
// next [--claim], extract --plan FILE|-, release, undo (also of a plain
// `extract`), with the CLI's exit codes, and two processes claiming at once.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { BIN, cleanUp, cli, cliEnv, copyDemoVault, read, snapshot, tempDir } from "./run-cli";

afterAll(cleanUp);

/** One run with `input` on stdin. */
function cliIn(args: string[], input: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: cliEnv(), input });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** One run, not waited for: for two processes at once. */
function cliAsync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const fm = (vault: string, path: string) => parseFrontmatter(read(vault, path)).data ?? {};

describe("an agent works the queue with the CLI twins of the tools", () => {
  const vault = copyDemoVault();
  let path = "";
  let claimed = "";

  it("next names the highest-priority unprocessed source and writes nothing", () => {
    const before = snapshot(vault);
    const next = cli(["next", "--vault", vault, "--json"]);
    expect(next.code, next.stderr).toBe(0);
    const source = (JSON.parse(next.stdout) as { source: { path: string; priority: string; status: string } }).source;
    expect(source).toMatchObject({ priority: "high", status: "unprocessed" });
    expect(cli(["next", "--vault", vault]).stdout).toBe(`${source.path} (high priority)\n`);
    expect(snapshot(vault)).toEqual(before);
    path = source.path;
  });

  it("next --claim takes that source with a lease, and a second agent gets the next one", () => {
    const claim = cli(["next", "--vault", vault, "--claim", "agent-a", "--lease", "30"]);
    expect(claim.code, claim.stderr).toBe(0);
    expect(claim.stdout).toMatch(new RegExp(`^${path.replace(/[.]/g, "\\.")}: claimed by agent-a until \\d{4}-\\d\\d-\\d\\dT`));
    expect(fm(vault, path)).toMatchObject({ status: "processing", processed_by: "agent-a", processing_until: expect.any(String) });
    const other = JSON.parse(cli(["next", "--vault", vault, "--claim", "agent-b", "--json"]).stdout) as { source: { path: string } };
    expect(other.source.path).not.toBe(path);
    claimed = read(vault, path);
  });

  it("extract --plan - refuses another agent while the lease runs, and writes nothing", () => {
    const before = snapshot(vault);
    const run = cliIn(["extract", path, "--vault", vault, "--plan", "-"], JSON.stringify({ select: [1], agent: "agent-b" }));
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toMatch(/^source-queue: .* is held by agent-a until .*; nothing written\n$/);
    expect(snapshot(vault)).toEqual(before);
  });

  it("extract --plan - creates the chosen candidate and the agent's own claim, and records the model", () => {
    const plan = { select: [1], claims: [{ title: "Evaluations that reward refusal teach models to sandbag", body: "Written by the agent.\n\nA second paragraph." }], model: "cli-model-1", notes: "from the plan", agent: "agent-a" };
    const run = cliIn(["extract", path, "--vault", vault, "--plan", "-", "--json"], JSON.stringify(plan));
    expect(run.code, run.stderr).toBe(0);
    const created = (JSON.parse(run.stdout) as { created: string[] }).created;
    expect(created).toHaveLength(2);
    const own = read(vault, created[1] ?? "");
    expect(own).toContain("# Evaluations that reward refusal teach models to sandbag\n\nWritten by the agent.\n\nA second paragraph.\n\n## Evidence\n\n- [[");
    expect(fm(vault, path)).toMatchObject({ status: "processed", processed_by: "agent-a", extraction_model: "cli-model-1", extraction_notes: "from the plan" });
    expect(fm(vault, path)).not.toHaveProperty("processing_until");
  });

  it("undo reverts it: the claims are gone and the source is byte for byte as claimed", () => {
    const run = cli(["undo", path, "--vault", vault, "--agent", "agent-a"]);
    expect(run).toMatchObject({ code: 0, stdout: "Removed 2 claim(s); the source restored.\n" });
    expect(read(vault, path)).toBe(claimed);
    const again = cli(["undo", path, "--vault", vault]);
    expect(again).toMatchObject({ code: 1, stderr: `source-queue: no extraction of ${path} to undo\n` });
  });

  it("release gives the source back, only for the agent that holds it", () => {
    expect(cli(["release", path, "--vault", vault, "--agent", "agent-b"])).toMatchObject({ code: 1, stderr: expect.stringMatching(/held by agent-a/) });
    expect(cli(["release", path, "--vault", vault, "--agent", "agent-a"])).toMatchObject({ code: 0, stdout: `${path}: released by agent-a; status unprocessed\n` });
    expect(fm(vault, path).status).toBe("unprocessed");
    expect(fm(vault, path)).not.toHaveProperty("processed_by");
  });

  it("extract --plan FILE reads the plan from a file, and --dry-run writes nothing", () => {
    const file = join(tempDir("sq-plan-"), "plan.json");
    writeFileSync(file, JSON.stringify({ select: [1] }));
    const before = snapshot(vault);
    const dry = cli(["extract", path, "--vault", vault, "--plan", file, "--dry-run"]);
    expect(dry).toMatchObject({ code: 0, stdout: "Dry run: would create 1; nothing was written.\n" });
    expect(snapshot(vault)).toEqual(before);
    expect(cli(["extract", path, "--vault", vault, "--plan", file])).toMatchObject({ code: 0, stdout: `Created 1 claim(s), linked 0; ${path} is updated.\n` });
  });
});

describe("undo after a plain extract", () => {
  it("reverts `source-queue extract X` with `source-queue undo X`, byte for byte", () => {
    const vault = copyDemoVault();
    const path = "inbox/2025-12-12-permafrost-carbon-feedback-models.md";
    const before = snapshot(vault);
    const run = cli(["extract", path, "--vault", vault, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const created = (JSON.parse(run.stdout) as { created: string[] }).created;
    expect(created.length).toBeGreaterThan(0);
    for (const c of created) expect(existsSync(join(vault, c))).toBe(true);
    const undo = cli(["undo", path, "--vault", vault]);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).toBe(`Removed ${created.length} claim(s); the source restored.\n`);
    // Every file is as before: no claim left, the source restored.
    const after = snapshot(vault);
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([]);
    expect(after).toEqual(before);
  });
});

describe("bad usage of the twins is exit 2 with one line", () => {
  const vault = copyDemoVault();
  const note = "inbox/2026-03-02-ocean-heat-content-record.md";
  const cases: { name: string; args: string[]; error: RegExp }[] = [
    { name: "release without --agent", args: ["release", note], error: /release needs --agent/ },
    { name: "--lease without --claim", args: ["next", "--lease", "5"], error: /--lease goes with --claim/ },
    { name: "a lease that is not a number", args: ["next", "--claim", "a", "--lease", "soon"], error: /--lease: "soon" is not a whole number of minutes/ },
    { name: "claim without --agent", args: ["claim", note], error: /claim needs --agent NAME/ },
    { name: "claim with a lease over a week", args: ["claim", note, "--agent", "a", "--lease", "20000"], error: /--lease: "20000" is not a whole number of minutes from 1 to 10080/ },
    { name: "claim without a note", args: ["claim", "--agent", "a"], error: /claim needs exactly one note path/ },
    { name: "claim of a note outside the vault", args: ["claim", "../elsewhere.md", "--agent", "a"], error: /path is outside the vault: \.\.\/elsewhere\.md/ },
    { name: "claim with --take-over", args: ["claim", note, "--agent", "a", "--take-over"], error: /claim does not take --take-over/ },
    { name: "--plan beside --select", args: ["extract", note, "--plan", "-", "--select", "1"], error: /--plan holds the whole request; it does not go with --select/ },
    { name: "undo without a note", args: ["undo"], error: /undo needs exactly one note path/ },
    { name: "undo of a note that is not there", args: ["undo", "inbox/none.md"], error: /note not found in the vault: inbox\/none\.md/ },
    { name: "next with a note", args: ["next", note], error: /next takes no note path/ },
    { name: "mcp with --json", args: ["mcp", "--json"], error: /mcp does not take --json/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      const run = cli([...c.args, "--vault", vault]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(c.error);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    });
  }

  it("refuses a plan that is not the extract_claims arguments", () => {
    const run = cliIn(["extract", note, "--vault", vault, "--plan", "-"], JSON.stringify({ select: "1" }));
    expect(run).toMatchObject({ code: 2, stderr: expect.stringMatching(/^source-queue: --plan: select: Invalid input: expected array/) });
  });

  it("lists the twins and mcp in the usage text", () => {
    const help = cli(["--help"]).stdout;
    for (const verb of ["next", "claim", "release", "undo", "mcp", "--plan FILE|-"]) expect(help).toContain(verb);
  });
});

describe("two processes claiming the only free source at once", () => {
  it("give exactly one winner in each of 20 trials (next --claim)", async () => {
    const vault = tempDir("sq-race-");
    mkdirSync(join(vault, "inbox"));
    const path = "inbox/2026-01-22-tariff-pass-through-import-prices.md";
    const original = readFileSync(join(import.meta.dirname, "../../demo-vault", path), "utf8");
    for (let trial = 0; trial < 20; trial++) {
      writeFileSync(join(vault, path), original);
      const runs = await Promise.all(["agent-a", "agent-b"].map((agent) => cliAsync(["next", "--vault", vault, "--claim", agent, "--json"])));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const claims = runs.map((r) => (JSON.parse(r.stdout) as { claim: { agent: string } | null }).claim);
      const winners = claims.filter((c) => c !== null);
      expect(winners, `trial ${trial}: ${runs.map((r) => r.stdout.trim()).join(" | ")}`).toHaveLength(1);
      expect(fm(vault, path).processed_by).toBe(winners[0]?.agent);
    }
  }, 120_000);
});
