// @vitest-environment happy-dom
// One command, three doors (issue #13): the CLI (its main function over a
// copy of the demo vault on disk), Obsidian's command line (the plugin's
// handlers in the test double) and the core command itself (over an
// in-memory port) give the same JSON for the same call, and a set leaves
// the same bytes on disk.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extract, extractOutcomeJson, parseSelect } from "../../src/core/commands/extract";
import { listQueue, listResultJson } from "../../src/core/commands/list";
import { setFields, setJson } from "../../src/core/commands/set-fields";
import { settingsFile, validateQueue, validateResultJson } from "../../src/core/commands/validate";
import { queueItemFromText } from "../../src/core/queue/queue-item";
import { loadSettings, type Settings } from "../../src/core/note/settings";
import { run } from "../../src/cli/main";
import { MemoryPort } from "../core/memory-port";
import { claimIndexFromTexts } from "../../src/node/claim-cache";
import { claimFactsFromText } from "../../src/core/claims/claim-input";
import type { ClaimIndex } from "../../src/core/claims/claim-index";
import { cleanUp, copyDemoVault } from "../cli/run-cli";
import { demoFiles, startPlugin } from "./plugin-harness";

afterAll(cleanUp);

const SEED = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";
const OCEAN = "inbox/2026-03-02-ocean-heat-content-record.md";
const SETTINGS = ".obsidian/plugins/source-queue/data.json";

/** The JSON without the vault's name, which each door spells its own way (a folder, a vault name). */
function withoutVault(json: unknown): unknown {
  const copy = { ...(json as Record<string, unknown>) };
  delete copy.vault;
  return copy;
}

interface Doors {
  cli(args: string[]): Promise<unknown>;
  obsidian(command: string, params?: Record<string, string>): Promise<unknown>;
  core: { port: MemoryPort; settings: Settings; rejected: string[]; claims: ClaimIndex; listed: Map<string, string[]> };
  /** The note's text after the call, in each door's vault. */
  texts(path: string): Promise<[string, string, string]>;
}

async function doors(data?: unknown): Promise<Doors> {
  const vault = copyDemoVault();
  const files = demoFiles();
  if (data !== undefined) {
    mkdirSync(join(vault, ".obsidian/plugins/source-queue"), { recursive: true });
    writeFileSync(join(vault, SETTINGS), JSON.stringify(data));
  }
  const started = await startPlugin({ files, data });
  await started.h.settle();
  const { settings, rejected } = loadSettings(data === undefined ? undefined : (data as { settings?: unknown }).settings ?? data);
  const port = new MemoryPort(files, { resolveLinks: true });
  const notes = Object.entries(files).map(([path, text]) => ({ path, text }));
  const claims = claimIndexFromTexts(notes);
  const listed = new Map(notes.map((n) => [n.path, claimFactsFromText(n.path, n.text).listed]));
  return {
    async cli(args) {
      const r = await run([...args, "--vault", vault, "--json", ...(args[0] === "list" || args[0] === "validate" ? ["--no-cache"] : [])]);
      return JSON.parse(r.out) as unknown;
    },
    async obsidian(command, params = {}) {
      return JSON.parse(await started.h.app.cli.run(command, params)) as unknown;
    },
    core: { port, settings, rejected, claims, listed },
    async texts(path) {
      return [readFileSync(join(vault, path), "utf8"), started.h.read(path), await port.read(path)];
    },
  };
}

const coreRows = (d: Doors) => {
  const rows = [];
  for (const [path, text] of d.core.port.files) {
    if (!path.startsWith(`${d.core.settings.queueFolder}/`)) continue;
    const row = queueItemFromText(path, text, d.core.settings);
    if (row) rows.push(row);
  }
  return rows;
};

describe("the CLI, Obsidian's command line and the core command answer alike", () => {
  it("list --all gives the same sources and counts through every door", async () => {
    const d = await doors();
    const cli = await d.cli(["list", "--all"]);
    const obsidian = await d.obsidian("source-queue:list", { all: "true" });
    const core = listResultJson("demo", listQueue(coreRows(d), { all: true }));
    expect((cli as { sources: unknown[] }).sources.length).toBe(26);
    expect(withoutVault(obsidian)).toEqual(withoutVault(cli));
    expect(withoutVault(core)).toEqual(withoutVault(cli));
  });

  it("list with a status and priority filter gives the same sources through every door", async () => {
    const d = await doors();
    const cli = await d.cli(["list", "--status", "Unprocessed,processing", "--priority", "high"]);
    const obsidian = await d.obsidian("source-queue:list", { status: "Unprocessed,processing", priority: "high" });
    expect((cli as { sources: unknown[] }).sources.length).toBeGreaterThan(0);
    expect(withoutVault(obsidian)).toEqual(withoutVault(cli));
  });

  it("validate gives the same report through every door, bad settings included", async () => {
    const data = { settings: { claimFolder: "", defaultConfidence: "sure", processedBy: "curator" } };
    const d = await doors(data);
    const cli = await d.cli(["validate"]);
    const obsidian = await d.obsidian("source-queue:validate");
    const core = validateResultJson(validateQueue({ items: coreRows(d), settingsPath: settingsFile(".obsidian"), rejected: d.core.rejected, claims: { index: d.core.claims, listed: d.core.listed } }));
    const files = (cli as { files: { path: string; problems: { message: string }[] }[] }).files;
    expect(files[0]).toEqual({ path: SETTINGS, problems: [expect.objectContaining({ message: 'Setting "claimFolder" is invalid; the default is used' }), expect.objectContaining({ message: 'Setting "defaultConfidence" is invalid; the default is used' })] });
    expect(obsidian).toEqual(cli);
    expect(core).toEqual(cli);
  });

  it("extract --dry-run with a selection, a new title and an added claim plans the same through every door, writing nothing", async () => {
    const d = await doors();
    const before = await d.texts(SEED);
    const cli = await d.cli(["extract", SEED, "--dry-run", "--select", "1,3", "--title", "2=Circuit tracing costs hours per prompt", "--add", "Interpretability reached a production decision"]);
    const obsidian = await d.obsidian("source-queue:extract", { note: SEED, "dry-run": "true", select: "1,3", title: "2=Circuit tracing costs hours per prompt", add: "Interpretability reached a production decision" });
    const core = extractOutcomeJson(
      await extract(
        d.core.port,
        { path: SEED, dryRun: true, select: parseSelect("1,3"), titles: new Map([[2, "Circuit tracing costs hours per prompt"]]), added: [{ title: "Interpretability reached a production decision" }] },
        { settings: d.core.settings, now: new Date(), claims: d.core.claims },
      ),
    );
    const candidates = (cli as { candidates: { title: string; selected: boolean }[] }).candidates;
    // The seed's 4 candidates (3 hints and the curator's item), then the added claim, which is always selected.
    expect(candidates.map((c) => c.selected)).toEqual([true, false, true, false, true]);
    expect(candidates[1]?.title).toBe("Circuit tracing costs hours per prompt");
    expect(candidates[4]?.title).toBe("Interpretability reached a production decision");
    expect(obsidian).toEqual(cli);
    expect(core).toEqual(cli);
    expect(await d.texts(SEED)).toEqual(before);
  });

  it("set lowercases and trims its values, and leaves the same bytes through every door", async () => {
    const d = await doors();
    const cli = await d.cli(["set", OCEAN, "--status", " Processed ", "--priority", "LOW"]);
    const obsidian = await d.obsidian("source-queue:set", { note: OCEAN, status: " Processed ", priority: "LOW" });
    const core = setJson(await setFields(d.core.port, OCEAN, { status: " Processed ", priority: "LOW" }, { settings: d.core.settings, now: new Date() }));
    expect(cli).toMatchObject({ path: OCEAN, changed: true, fields: { priority: "low", status: "processed" } });
    expect(obsidian).toEqual(cli);
    expect(core).toEqual(cli);
    const [onDisk, inObsidian, inMemory] = await d.texts(OCEAN);
    expect(inObsidian).toBe(onDisk);
    expect(inMemory).toBe(onDisk);
  });

  it("set null-result without a reason is refused by every door, and nothing is written", async () => {
    const d = await doors();
    const before = await d.texts(OCEAN);
    const r = await run(["set", OCEAN, "--status", "null-result"]).catch((err: Error) => err);
    expect((r as Error).message).toContain("needs a reason");
    await expect(d.obsidian("source-queue:set", { note: OCEAN, status: "null-result" })).rejects.toThrow("status=: null-result needs a reason");
    await expect(setFields(d.core.port, OCEAN, { status: "null-result" }, { settings: d.core.settings, now: new Date() })).rejects.toThrow("needs a reason");
    expect(await d.texts(OCEAN)).toEqual(before);
  });

  it("extract refuses a note that is not a source through every door", async () => {
    const d = await doors();
    const claim = [...d.core.port.files.keys()].find((p) => p.startsWith("domains/"));
    if (!claim) throw new Error("the demo vault has no claim");
    await expect(run(["extract", claim, "--vault", "demo-vault", "--dry-run"])).rejects.toThrow("not a source");
    await expect(d.obsidian("source-queue:extract", { note: claim, "dry-run": "true" })).rejects.toThrow("not a source");
    await expect(extract(d.core.port, { path: claim, dryRun: true }, { settings: d.core.settings, now: new Date() })).rejects.toThrow("not a source");
  });

  it("the plugin's Validate queue command lists bad settings first, as the CLI does", async () => {
    const data = { settings: { defaultConfidence: "sure" } };
    const started = await startPlugin({ data });
    await started.h.settle();
    await started.h.runCommand("source-queue:validate-queue");
    await started.h.settle();
    const report = document.querySelector<HTMLElement>(".modal.source-queue-report");
    const first = report?.querySelector(".source-queue-report-list > li");
    expect(first?.querySelector("a")?.textContent).toBe(SETTINGS);
    expect(first?.textContent).toContain('Warning: Setting "defaultConfidence" is invalid; the default is used');
  });
});
