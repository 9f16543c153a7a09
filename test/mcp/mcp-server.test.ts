// SPEC §7 end to end: the real MCP server over stdio, driven by the SDK's own
// client, on a temporary copy of the demo vault. An agent takes the next
// source by priority, claims it (a second agent is refused), reads it,
// creates one hint candidate and one claim it wrote, and undoes it byte for
// byte; two agents in two processes claim one source at once and exactly one
// wins; bad input is a one-line tool error that writes nothing.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { BIN, cleanUp, cli, tempDir } from "../cli/run-cli";

const DEMO = join(import.meta.dirname, "../../demo-vault");

interface ToolCall {
  isError: boolean;
  text: string;
  json: Record<string, unknown>;
}

let vault = "";
let cache = "";
const clients: Client[] = [];

async function connect(): Promise<Client> {
  const client = new Client({ name: "source-queue-test", version: "1.0.0" });
  const env = { PATH: process.env.PATH ?? "", SOURCE_QUEUE_CACHE_DIR: cache };
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp", "--vault", vault], env, stderr: "pipe" }));
  clients.push(client);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolCall> {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as { type: string; text: string }[];
  const text = content[0]?.text ?? "";
  return { isError: result.isError === true, text, json: result.isError ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** Every file of the vault with its bytes, to show that a refused call wrote nothing. */
function snapshot(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) Object.assign(out, snapshot(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), "utf8");
  }
  return out;
}

const fm = (path: string) => parseFrontmatter(readFileSync(join(vault, path), "utf8")).data ?? {};

beforeAll(() => {
  vault = tempDir("sq-mcp-vault-");
  cache = tempDir("sq-mcp-cache-");
  cpSync(DEMO, vault, { recursive: true });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  cleanUp();
});

describe("an agent works the queue through the MCP server", () => {
  let agent: Client;
  let path = "";
  let claimed = "";

  beforeAll(async () => {
    agent = await connect();
  });

  it("lists the nine tools, each with a strict JSON Schema for its arguments", async () => {
    const { tools } = await agent.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      ["claim_source", "extract_claims", "list_sources", "next_source", "read_source", "release_source", "set_fields", "undo_extraction", "validate_vault"],
    );
    for (const t of tools) {
      expect(t.inputSchema).toMatchObject({ type: "object", additionalProperties: false });
      expect(t.outputSchema).toMatchObject({ type: "object" });
    }
    const claim = tools.find((t) => t.name === "claim_source");
    expect(claim?.inputSchema.required).toEqual(["path", "agent"]);
    expect(claim?.inputSchema.properties).toHaveProperty("lease_minutes.type", "integer");
  });

  it("gives as next source the first unprocessed source of the queue's order, high priority first", async () => {
    const list = await call(agent, "list_sources", {});
    const sources = list.json.sources as { path: string; status: string; priority: string }[];
    const first = sources.find((s) => s.status === "unprocessed");
    const next = await call(agent, "next_source", {});
    const source = next.json.source as { path: string; priority: string; status: string };
    expect(source).toMatchObject({ path: first?.path, priority: "high", status: "unprocessed" });
    path = source.path;
  });

  it("claims it for one agent and refuses a second while the lease runs", async () => {
    const before = readFileSync(join(vault, path), "utf8");
    const claim = await call(agent, "claim_source", { path, agent: "agent-a", lease_minutes: 30 });
    expect(claim.isError).toBe(false);
    expect(claim.json).toMatchObject({ path, agent: "agent-a", status: "processing", outcome: "claimed" });
    expect(fm(path)).toMatchObject({ status: "processing", processed_by: "agent-a", processing_until: claim.json.processing_until });
    // Only the claim's lines changed: status in place, the two new fields at the end of the block.
    const after = readFileSync(join(vault, path), "utf8");
    expect(after.replace(/^status: processing\n/m, "status: unprocessed\n").replace(/^processed_by: agent-a\nprocessing_until: .*\n/m, "")).toBe(before);

    const second = await call(agent, "claim_source", { path, agent: "agent-b" });
    expect(second.isError).toBe(true);
    expect(second.text).toMatch(/is held by agent-a until /);
    expect(fm(path).processed_by).toBe("agent-a");

    const next = await call(agent, "next_source", {});
    expect((next.json.source as { path: string }).path).not.toBe(path);
    claimed = after;
  });

  it("reads the source: frontmatter, sections, numbered candidates and the curator's guidance", async () => {
    const read = await call(agent, "read_source", { path });
    expect(read.json).toMatchObject({ path, status: "processing", held: { by: "agent-a" } });
    expect((read.json.frontmatter as Record<string, unknown>).domain).toBe("ai-alignment");
    expect((read.json.sections as { body: string }).body).toContain("## Content");
    const candidates = read.json.candidates as { number: number; title: string; selected: boolean }[];
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates[0]).toMatchObject({ number: 1, selected: true });
    expect(read.json.guidance).toMatch(/sandbagging/i);
  });

  it("creates one selected candidate and one claim the agent wrote, and records the model", async () => {
    const read = await call(agent, "read_source", { path });
    const first = (read.json.candidates as { title: string; path: string }[])[0];
    const body = "Residual scheming survived the anti-scheming training in two of six models.\n\n## Evidence\n\n- Table 3 of the report";
    const result = await call(agent, "extract_claims", {
      path,
      agent: "agent-a",
      version: read.json.version,
      select: [1],
      claims: [{ title: "Anti-scheming training leaves residual scheming in some frontier models", description: "Two of six models kept scheming after training.", body, confidence: "likely" }],
      model: "claude-test-1",
      notes: "one agent-written claim",
    });
    expect(result.isError, result.text).toBe(false);
    const created = result.json.created as string[];
    expect(created).toEqual([first?.path, "domains/ai-alignment/Anti-scheming training leaves residual scheming in some frontier models.md"]);

    const hint = readFileSync(join(vault, created[0] ?? ""), "utf8");
    expect(hint).toMatch(/^---\ntype: claim\n/);
    expect(hint).toContain(`# ${first?.title}`);
    const own = readFileSync(join(vault, created[1] ?? ""), "utf8");
    expect(parseFrontmatter(own).data).toMatchObject({ type: "claim", domain: "ai-alignment", confidence: "likely", description: "Two of six models kept scheming after training." });
    expect(own).toContain("# Anti-scheming training leaves residual scheming in some frontier models\n\nResidual scheming survived");
    // The agent's Evidence section kept its bullet and gained the link to the source.
    expect(own).toMatch(/## Evidence\n\n- Table 3 of the report\n- \[\[2026-03-27-sandbagging-scheming-evals\]\] — /);

    const source = fm(path);
    expect(source).toMatchObject({ status: "processed", processed_by: "agent-a", extraction_model: "claude-test-1", extraction_notes: "one agent-written claim" });
    expect(source).not.toHaveProperty("processing_until");
    expect(source.claims_extracted).toEqual(expect.arrayContaining([first?.title, "Anti-scheming training leaves residual scheming in some frontier models"]));
  });

  it("undoes the extraction: the claims are gone and the source is byte for byte as claimed", async () => {
    const undo = await call(agent, "undo_extraction", { path, agent: "agent-a" });
    expect(undo.json).toMatchObject({ source: path, sourceRestored: true, keptEdited: [] });
    expect(undo.json.trashed as string[]).toHaveLength(2);
    for (const p of undo.json.trashed as string[]) expect(existsSync(join(vault, p))).toBe(false);
    expect(readFileSync(join(vault, path), "utf8")).toBe(claimed);
    const again = await call(agent, "undo_extraction", { path, agent: "agent-a" });
    expect(again).toMatchObject({ isError: true, text: `no extraction of ${path} to undo` });
  });

  it("releases the source back to unprocessed, as it was before the claim", async () => {
    const other = await call(agent, "release_source", { path, agent: "agent-b" });
    expect(other.isError).toBe(true);
    const release = await call(agent, "release_source", { path, agent: "agent-a" });
    expect(release.json).toEqual({ path, agent: "agent-a", status: "unprocessed" });
    expect(fm(path)).not.toHaveProperty("processed_by");
    expect(fm(path).status).toBe("unprocessed");
  });

  it("sets fields and validates the vault as the CLI does", async () => {
    const set = await call(agent, "set_fields", { path, priority: "low" });
    expect(set.json).toMatchObject({ path, changed: true });
    expect(fm(path).priority).toBe("low");
    await call(agent, "set_fields", { path, priority: "high" });
    const report = await call(agent, "validate_vault");
    expect((report.json.files as unknown[]).length).toBeGreaterThan(0);
    // One command behind both doors: the same JSON as `source-queue validate --json`, on one page.
    const validated = JSON.parse(cli(["validate", "--vault", vault, "--json"]).stdout) as { files: unknown[] };
    expect(report.json).toEqual({ ...validated, total: validated.files.length, offset: 0, next_offset: null });
    const list = await call(agent, "list_sources", { all: true });
    const listed = JSON.parse(cli(["list", "--vault", vault, "--all", "--json"]).stdout) as { sources: unknown[] };
    expect(list.json).toEqual({ ...listed, total: listed.sources.length, offset: 0, next_offset: null });
  });

  it("answers a long list a page at a time, the pages together being the whole list", async () => {
    const whole = (await call(agent, "list_sources", { all: true, limit: 1000 })).json as { sources: { path: string }[]; total: number };
    expect(whole.total).toBe(whole.sources.length);
    const seen: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page = (await call(agent, "list_sources", { all: true, limit: 10, offset })).json as { sources: { path: string }[]; total: number; next_offset: number | null };
      expect(page.sources.length).toBeLessThanOrEqual(10);
      expect(page.total).toBe(whole.total);
      seen.push(...page.sources.map((s) => s.path));
      offset = page.next_offset;
    }
    expect(seen).toEqual(whole.sources.map((s) => s.path));
    const files = (await call(agent, "validate_vault", { limit: 2 })).json as { files: unknown[]; errors: number; next_offset: number | null; total: number };
    expect(files.files).toHaveLength(2);
    expect(files.next_offset).toBe(2);
    expect(files.total).toBeGreaterThan(2);
    const tooMany = await call(agent, "list_sources", { limit: 5000 });
    expect(tooMany.isError).toBe(true);
  });
});

describe("similar claims and enrichment through the agents' tools (SPEC §6)", () => {
  const MORTGAGE = "inbox/2026-03-20-mortgage-resets-household-spending.md";
  const EXPECTATIONS = "domains/economics/Household inflation expectations moved twice as much as professional forecasts during the 2021–2023 inflation surge.md";
  const DEBT = "domains/economics/Household debt booms predict lower GDP growth three to five years ahead, with the effect concentrated in mortgage debt.md";
  type Candidate = { number: number; kind: string; target: string | null; similar: { path: string; score: number }[]; selected: boolean };

  it("read_source shows the enrichment's target and a near-duplicate's match; extract_claims enriches the target an agent names, and undo takes it back", async () => {
    const agent = await connect();
    const read = await call(agent, "read_source", { path: MORTGAGE });
    const candidates = read.json.candidates as Candidate[];
    const enrich = candidates.find((c) => c.kind === "enrichment");
    expect(enrich).toMatchObject({ target: EXPECTATIONS, selected: true });
    const dup = candidates.find((c) => c.similar[0]?.path === DEBT);
    expect(dup?.selected).toBe(false);
    expect(dup?.similar[0]?.score).toBeGreaterThan(0.5);

    const before = { source: readFileSync(join(vault, MORTGAGE), "utf8"), expectations: readFileSync(join(vault, EXPECTATIONS), "utf8"), debt: readFileSync(join(vault, DEBT), "utf8") };
    // The agent sends the enrichment to the debt claim instead, and creates nothing else.
    const number = enrich?.number ?? 0;
    const run = await call(agent, "extract_claims", { path: MORTGAGE, version: read.json.version, select: [number], targets: { [String(number)]: DEBT } });
    expect(run.isError).toBe(false);
    expect(run.json.created).toEqual([]);
    expect(run.json.enriched).toEqual([DEBT]);
    // One evidence bullet more in the debt claim (under its evidence, before its other sections), nothing else changed.
    const debtAfter = readFileSync(join(vault, DEBT), "utf8").split("\n");
    const added = debtAfter.filter((line) => !before.debt.split("\n").includes(line));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^- \[\[2026-03-20-mortgage-resets-household-spending\]\]/);
    expect(debtAfter.filter((line) => line !== added[0]).join("\n")).toBe(before.debt);
    expect(readFileSync(join(vault, EXPECTATIONS), "utf8")).toBe(before.expectations);
    expect(parseFrontmatter(readFileSync(join(vault, MORTGAGE), "utf8")).data?.enrichments).toHaveLength(1);

    const undone = await call(agent, "undo_extraction", { path: MORTGAGE });
    expect(undone.isError).toBe(false);
    expect(readFileSync(join(vault, DEBT), "utf8")).toBe(before.debt);
    expect(readFileSync(join(vault, MORTGAGE), "utf8")).toBe(before.source);
  });
});

describe("two agents claiming one source at once", () => {
  // Across processes, one winner rests on FsVault.edit's per-note lock (SPEC §8):
  // each claim reads and writes the note holding it, so the second sees the first.
  it("gives exactly one winner in each of 20 trials, across two server processes", async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    const path = "inbox/2026-01-30-compute-export-controls-loopholes.md";
    const original = readFileSync(join(vault, path), "utf8");
    for (let trial = 0; trial < 20; trial++) {
      writeFileSync(join(vault, path), original);
      const results = await Promise.all([call(a, "claim_source", { path, agent: "agent-a" }), call(b, "claim_source", { path, agent: "agent-b" })]);
      const winners = results.filter((r) => !r.isError);
      expect(winners, `trial ${trial}: ${results.map((r) => r.text.split("\n")[0]).join(" | ")}`).toHaveLength(1);
      expect(fm(path).processed_by).toBe(winners[0]?.json.agent);
      expect(results.find((r) => r.isError)?.text).toMatch(/is held by agent-[ab] until /);
    }
    writeFileSync(join(vault, path), original);
  }, 60_000);
});

describe("two agents claiming one source at once through one server", () => {
  it("gives exactly one winner in each of 20 trials", async () => {
    const client = await connect();
    const path = "inbox/2026-01-15-cold-climate-heat-pump-field-trials.md";
    const original = readFileSync(join(vault, path), "utf8");
    for (let trial = 0; trial < 20; trial++) {
      writeFileSync(join(vault, path), original);
      const results = await Promise.all(["agent-a", "agent-b"].map((agent) => call(client, "claim_source", { path, agent })));
      const winners = results.filter((r) => !r.isError);
      expect(winners, `trial ${trial}`).toHaveLength(1);
      expect(fm(path).processed_by).toBe(winners[0]?.json.agent);
    }
    writeFileSync(join(vault, path), original);
  }, 60_000);
});

describe("bad input is a tool error of one line, writes nothing, and the server keeps serving", () => {
  let client: Client;
  beforeAll(async () => {
    client = await connect();
  });

  const source = "inbox/2026-03-14-sycophancy-reward-model-preference-bias.md";
  const cases: { name: string; tool: string; args: Record<string, unknown>; error: RegExp }[] = [
    { name: "an unknown tool", tool: "delete_vault", args: {}, error: /^unknown tool "delete_vault"/ },
    { name: "an unknown argument", tool: "claim_source", args: { path: source, agent: "a", force: true }, error: /^claim_source: Unrecognized key: "force"/ },
    { name: "a wrong type", tool: "set_fields", args: { path: source, priority: 3 }, error: /^set_fields: priority: Invalid option/ },
    { name: "a status that is not one", tool: "set_fields", args: { path: source, status: "done" }, error: /^set_fields: status: Invalid option/ },
    { name: "a path outside the vault", tool: "read_source", args: { path: "../outside.md" }, error: /^path is outside the vault: \.\.\/outside\.md$/ },
    { name: "an absolute path outside the vault", tool: "claim_source", args: { path: "/etc/passwd", agent: "a" }, error: /outside the vault/ },
    { name: "a folder", tool: "read_source", args: { path: "inbox" }, error: /^inbox is not a regular file$/ },
    { name: "a note that does not exist", tool: "extract_claims", args: { path: "inbox/none.md" }, error: /^note not found in the vault: inbox\/none\.md$/ },
    { name: "a claim note instead of a source", tool: "claim_source", args: { path: "domains/biology/deep-sea mining impacts are irreversible on human timescales.md", agent: "a" }, error: /is a claim note, not a source/ },
    { name: "a body over 1 MB", tool: "extract_claims", args: { path: source, claims: [{ title: "Reward models overrate agreement with the user in long chats", body: "x".repeat(1_000_001) }] }, error: /^claims\.0: the body is 1,000,001 bytes; at most 1,000,000 are accepted; nothing written$/ },
    { name: "a title that sanitizes to nothing", tool: "extract_claims", args: { path: source, claims: [{ title: "?? // ** ##" }] }, error: /^claims: "\?\? \/\/ \*\* ##": the title holds no letters or digits$/ },
    { name: "a claim naming an existing note", tool: "extract_claims", args: { path: "inbox/2026-03-27-sandbagging-scheming-evals.md", claims: [{ title: "Reward models trained on human preference data systematically overrate agreement with the user" }] }, error: /^claims: "Reward models trained .*": domains\/ai-alignment\/Reward models .* already exists$/ },
    { name: "a candidate number past the list", tool: "extract_claims", args: { path: source, version: "READ", select: [99] }, error: /^select: "99" is not a candidate number \(1 to \d+\)$/ },
    { name: "a target that is not a claim note", tool: "extract_claims", args: { path: source, version: "READ", targets: { "1": "inbox/2026-03-27-sandbagging-scheming-evals.md" } }, error: /^targets: candidate 1: inbox\/2026-03-27-sandbagging-scheming-evals\.md is not a claim note$/ },
    { name: "a target outside the vault", tool: "extract_claims", args: { path: source, version: "READ", targets: { "1": "../x.md" } }, error: /^targets: candidate 1: path is outside the vault/ },
    { name: "a lease of no minutes", tool: "claim_source", args: { path: source, agent: "a", lease_minutes: 0 }, error: /^claim_source: lease_minutes: Too small/ },
    { name: "an agent name of two lines", tool: "claim_source", args: { path: source, agent: "a\nb" }, error: /agent name must be one line/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const before = snapshot(vault);
      // "READ": the version read_source gives now, so the call is refused for its own fault.
      const version = c.args.version === "READ" ? (await call(client, "read_source", { path: String(c.args.path) })).json.version : c.args.version;
      const result = await call(client, c.tool, version === undefined ? c.args : { ...c.args, version });
      expect(result.isError).toBe(true);
      expect(result.text).toMatch(c.error);
      expect(result.text).not.toContain("\n");
      expect(snapshot(vault)).toEqual(before);
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(9);
    });
  }
});

describe("stdout carries only JSON-RPC", () => {
  it("answers every request with one JSON line, logs to stderr, and survives a line that is not JSON", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [BIN, "mcp", "--vault", vault], { env: { PATH: process.env.PATH ?? "", SOURCE_QUEUE_CACHE_DIR: cache }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const send = (msg: unknown) => child.stdin.write(`${typeof msg === "string" ? msg : JSON.stringify(msg)}\n`);
    const lines = () => stdout.split("\n").filter((l) => l !== "");
    const until = async (n: number) => {
      for (let i = 0; i < 200 && lines().length < n; i++) await new Promise((r) => setTimeout(r, 25));
    };
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } });
    await until(1);
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send("this is not JSON");
    send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "read_source", arguments: { path: "../x.md" } } });
    send({ jsonrpc: "2.0", id: 3, method: "tools/list" });
    await until(3);
    child.stdin.end();
    await new Promise((r) => child.once("exit", r));
    // Calls are answered as they finish, not in order.
    const messages = lines()
      .map((l) => JSON.parse(l) as { id?: number; result?: { isError?: boolean; tools?: unknown[] } })
      .sort((x, y) => (x.id ?? 0) - (y.id ?? 0));
    expect(messages.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(messages[1]?.result?.isError).toBe(true);
    expect(messages[2]?.result?.tools).toHaveLength(9);
    expect(stderr).not.toBe("");
  }, 30_000);
});
