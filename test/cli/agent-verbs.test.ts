// The CLI twins of the agent tools (SPEC §7): next --claim, claim, extract
// --plan, undo, release, with the CLI's exit codes (1 refused, 2 no such note).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimVerb, extractPlanVerb, nextVerb, releaseVerb, undoVerb } from "../../src/cli/agent-verbs";
import { UsageError } from "../../src/node/fs-vault";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { cleanUp, tempDir } from "./run-cli";

let vault = "";
const saved = process.env.SOURCE_QUEUE_CACHE_DIR;
beforeAll(() => {
  vault = tempDir("sq-verbs-");
  process.env.SOURCE_QUEUE_CACHE_DIR = tempDir("sq-verbs-cache-");
  cpSync(join(import.meta.dirname, "../../demo-vault"), vault, { recursive: true });
});
afterAll(() => {
  if (saved === undefined) delete process.env.SOURCE_QUEUE_CACHE_DIR;
  else process.env.SOURCE_QUEUE_CACHE_DIR = saved;
  cleanUp();
});

const fm = (path: string) => parseFrontmatter(readFileSync(join(vault, path), "utf8")).data ?? {};

describe("an agent loop on the command line", () => {
  it("claims the next source, extracts it with a plan from stdin, undoes it and releases it", async () => {
    const next = await nextVerb({ vault, claim: "cli-agent", lease: "5", json: true });
    expect(next.code).toBe(0);
    const { source, claim } = JSON.parse(next.out) as { source: { path: string }; claim: { outcome: string } };
    expect(claim.outcome).toBe("claimed");
    const path = source.path;
    const claimed = readFileSync(join(vault, path), "utf8");
    expect(fm(path)).toMatchObject({ status: "processing", processed_by: "cli-agent" });

    const plan = JSON.stringify({ select: [1], claims: [{ title: "A claim the command-line agent wrote itself", body: "Its own words." }], model: "cli-model", agent: "cli-agent" });
    const extract = await extractPlanVerb(path, { vault, plan: "-", readStdin: () => plan, json: true });
    expect(extract.code, extract.err).toBe(0);
    const created = (JSON.parse(extract.out) as { created: string[] }).created;
    expect(created).toHaveLength(2);
    expect(fm(path)).toMatchObject({ status: "processed", extraction_model: "cli-model" });

    const undo = await undoVerb(path, { vault, agent: "cli-agent" });
    expect(undo).toMatchObject({ code: 0, out: "Removed 2 claim(s); the source restored." });
    expect(readFileSync(join(vault, path), "utf8")).toBe(claimed);

    expect(await releaseVerb(path, { vault, agent: "someone-else" })).toMatchObject({ code: 1, err: expect.stringMatching(/^source-queue: .*held by cli-agent/) });
    expect(await releaseVerb(path, { vault, agent: "cli-agent" })).toMatchObject({ code: 0, out: `${path}: released by cli-agent; status unprocessed` });
  });

  it("says plainly when no source is free", async () => {
    expect(await nextVerb({ vault, domain: "no-such-domain" })).toEqual({ code: 0, out: "No source is free." });
  });

  const usage: { name: string; run: () => Promise<unknown>; error: RegExp }[] = [
    { name: "a plan that is not JSON", run: () => extractPlanVerb("inbox/x.md", { vault, plan: "-", readStdin: () => "{" }), error: /^--plan: not JSON/ },
    { name: "a plan file that is not there", run: () => extractPlanVerb("inbox/x.md", { vault, plan: join(vault, "none.json") }), error: /^--plan: cannot read/ },
    { name: "a note that is not there", run: () => undoVerb("inbox/none.md", { vault }), error: /^note not found in the vault: inbox\/none\.md$/ },
    { name: "release without --agent", run: () => releaseVerb("inbox/x.md", { vault }), error: /release needs --agent/ },
    { name: "--lease without --claim", run: () => nextVerb({ vault, lease: "5" }), error: /--lease goes with --claim/ },
  ];
  for (const c of usage) {
    it(`treats ${c.name} as bad usage (exit 2)`, async () => {
      await expect(c.run()).rejects.toThrow(UsageError);
      await expect(c.run()).rejects.toThrow(c.error);
    });
  }
});

describe("claim <note>: claim_source on the command line", () => {
  const path = "inbox/2026-03-02-ocean-heat-content-record.md";
  const until = () => Date.parse(String(fm(path).processing_until));

  it("claims the named source with a lease, in one line of text", async () => {
    const r = await claimVerb(path, { vault, agent: "claimer-a", lease: "30" });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^inbox\/2026-03-02-ocean-heat-content-record\.md: claimed by claimer-a until \d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(fm(path)).toMatchObject({ status: "processing", processed_by: "claimer-a", processing_until: expect.any(String) });
  });

  it("claiming again extends the agent's own lease, and --json gives the tool's result", async () => {
    const before = until();
    const r = await claimVerb(path, { vault, agent: "claimer-a", lease: "120", json: true });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ path, agent: "claimer-a", status: "processing", processing_until: expect.any(String), outcome: "extended", previous: "claimer-a" });
    expect(until()).toBeGreaterThan(before);
    expect((await claimVerb(path, { vault, agent: "claimer-a", lease: "120" })).out).toMatch(/ \(lease extended\)$/);
  });

  it("is refused for another agent while the lease runs: one line, exit 1, nothing written", async () => {
    const held = readFileSync(join(vault, path), "utf8");
    const r = await claimVerb(path, { vault, agent: "claimer-b" });
    expect(r).toMatchObject({ code: 1, out: "", err: expect.stringMatching(/^source-queue: inbox\/2026-03-02-ocean-heat-content-record\.md is held by claimer-a until \d{4}-/) });
    expect(r.err?.split("\n")).toHaveLength(1);
    expect(readFileSync(join(vault, path), "utf8")).toBe(held);
  });

  it("is refused for a processed source (exit 1)", async () => {
    const processed = "inbox/2025-07-02-inflation-expectations-households-firms.md";
    const r = await claimVerb(processed, { vault, agent: "claimer-a" });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/so it cannot be claimed/);
  });

  const outside = () => {
    const file = join(tempDir("sq-verbs-outside-"), "outside.md");
    writeFileSync(file, "---\nstatus: unprocessed\n---\n");
    return file;
  };
  const usage: { name: string; run: () => Promise<unknown>; error: RegExp }[] = [
    { name: "claim without --agent", run: () => claimVerb(path, { vault }), error: /^claim needs --agent NAME/ },
    { name: "a lease that is not a number", run: () => claimVerb(path, { vault, agent: "claimer-a", lease: "soon" }), error: /^--lease: "soon" is not a whole number of minutes from 1 to 10080$/ },
    { name: "a lease of no minutes", run: () => claimVerb(path, { vault, agent: "claimer-a", lease: "0" }), error: /^--lease: "0" is not a whole number/ },
    { name: "a lease longer than a week", run: () => claimVerb(path, { vault, agent: "claimer-a", lease: "10081" }), error: /^--lease: "10081" is not a whole number of minutes from 1 to 10080$/ },
    { name: "a note outside the vault, by its path", run: () => claimVerb(outside(), { vault, agent: "claimer-a" }), error: /^path is outside the vault: / },
    { name: "a note outside the vault, through ..", run: () => claimVerb("../outside.md", { vault, agent: "claimer-a" }), error: /^path is outside the vault: \.\.\/outside\.md$/ },
    { name: "a note that is not there", run: () => claimVerb("inbox/none.md", { vault, agent: "claimer-a" }), error: /^note not found in the vault: inbox\/none\.md$/ },
  ];
  for (const c of usage) {
    it(`treats ${c.name} as bad usage (exit 2), nothing written`, async () => {
      const held = readFileSync(join(vault, path), "utf8");
      await expect(c.run()).rejects.toThrow(UsageError);
      await expect(c.run()).rejects.toThrow(c.error);
      expect(readFileSync(join(vault, path), "utf8")).toBe(held);
    });
  }
});
