// CLI cases: `list --json` end to end against the floor of reading every
// note's bytes, and splitting one source through the CLI's FsVault.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyExtraction, planExtraction } from "../src/core/extraction";
import { loadSettings } from "../src/core/settings";
import { FsVault } from "../src/cli/fs-vault";
import { run } from "../src/cli/main";
import { sample } from "./measure";
import type { Report } from "./report";
import { SEED } from "./vault-shape";
const TODAY = "2026-11-20";

/** Runs per vault size: fewer at 50,000, where one run takes seconds (and warms the code up within itself). */
const runsFor = (n: number) => (n >= 10_000 ? { warmup: 0, runs: 3 } : { warmup: 2, runs: 7 });
/** The bin is for reference: Node's start-up plus the same work, in a new process each time (nothing to warm up). */
const binRunsFor = (n: number) => ({ warmup: 0, runs: n >= 10_000 ? 1 : 3 });

/** The floor: list the inbox and read every note, as bytes (decoding is the parser's job). */
function readEveryFile(dir: string, decode: boolean): number {
  const inbox = join(dir, "inbox");
  let total = 0;
  for (const name of readdirSync(inbox)) {
    if (!name.endsWith(".md")) continue;
    total += decode ? readFileSync(join(inbox, name), "utf8").length : readFileSync(join(inbox, name)).length;
  }
  return total;
}

export async function listCases(report: Report, dir: string, n: number, root: string): Promise<void> {
  const opts = { ...runsFor(n), collect: "each" as const };
  // The floor always warms up: the first pass after writing the vault pays for the page cache.
  const floorOpts = { ...opts, warmup: Math.max(1, opts.warmup) };
  const floor = await sample(() => readEveryFile(dir, false), floorOpts);
  report.time("floor: readdir + readFileSync of every note (bytes)", n, floor, null);
  const decoded = await sample(() => readEveryFile(dir, true), floorOpts);
  report.time("floor: the same, decoded as UTF-8", n, decoded, null);

  let sources = -1;
  const list = await sample(async () => {
    const result = await run(["list", "--vault", dir, "--json"]);
    if (result.code !== 0) throw new Error(`list exited ${result.code}: ${result.err ?? ""}`);
    sources = result.out.length;
  }, opts);
  if (sources <= 0) throw new Error("list printed nothing");
  report.time("CLI list --json, in process (run())", n, list, null);
  report.add("CLI list --json ÷ floor (bytes)", n, list.median / floor.median, "x", 2, { op: "<=" });

  const bin = await sample(
    () => execFileSync(process.execPath, [join(root, "dist/cli.cjs"), "list", "--vault", dir, "--json"], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "inherit"] }),
    binRunsFor(n),
  );
  report.time("node dist/cli.cjs list --json (with Node start-up)", n, bin, null);
}

/** Split the seed source and write its claims through FsVault; the source is restored and the claims removed after each run. */
async function timeExtraction(dir: string, runs: { warmup: number; runs: number }) {
  const settings = loadSettings(null).settings;
  const original = readFileSync(join(dir, SEED), "utf8");
  let created: string[] = [];
  let vault = new FsVault(dir);
  const timing = await sample(
    async () => {
      const text = await vault.read(SEED);
      const plan = planExtraction({ path: SEED, text, settings, today: TODAY, port: vault });
      const result = await applyExtraction(plan, vault);
      if (!result.ok) throw new Error(`extraction failed: ${result.error}`);
      created = result.created;
    },
    {
      ...runs,
      // One collection before the series: a full collection before each short run leaves every cache cold and doubles it.
      collect: "once",
      before: () => {
        vault = new FsVault(dir);
      },
      after: () => {
        if (created.length === 0) throw new Error("extraction created nothing");
        for (const p of created) rmSync(join(dir, p), { recursive: true, force: true });
        writeFileSync(join(dir, SEED), original);
      },
    },
  );
  return { timing, claims: created.length };
}

/** The target case: one source in a vault of its own (a temp copy of the seed note). */
export async function extractSeedCase(report: Report, tmp: string, root: string): Promise<void> {
  const dir = join(tmp, "extract-seed");
  mkdirSync(join(dir, "inbox"), { recursive: true });
  copyFileSync(join(root, "demo-vault", SEED), join(dir, SEED));
  const { timing, claims } = await timeExtraction(dir, { warmup: 5, runs: 21 });
  report.time(`split the seed source, write its ${claims} claims (CLI FsVault)`, 1, timing, 10);
  rmSync(dir, { recursive: true, force: true });
}

/** For reference: the same split inside the benchmark vault, where links are resolved against every note. */
export async function extractInVaultCase(report: Report, dir: string, n: number, root: string): Promise<void> {
  copyFileSync(join(root, "demo-vault", SEED), join(dir, SEED));
  const { timing } = await timeExtraction(dir, n >= 50_000 ? { warmup: 0, runs: 3 } : { warmup: 1, runs: 5 });
  report.time("split the seed source inside this vault (CLI FsVault)", n, timing, null);
  rmSync(join(dir, SEED));
}
