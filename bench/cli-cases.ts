// CLI cases: `list --json` end to end against the floor of reading every
// note's bytes, with every note parsed (--no-cache) and with a warm row cache
// (the target: a repeated list only stats unchanged notes), and
// splitting one source through the CLI's FsVault.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { planExtraction } from "../src/core/extraction/extraction";
import { applyExtraction } from "../src/core/extraction/apply-extraction";
import { loadSettings } from "../src/core/note/settings";
import { FsVault } from "../src/node/fs-vault";
import { run } from "../src/cli/main";
import { RowCache } from "../src/node/row-cache";
import { sample, summarize, type Timing } from "./measure";
import type { Report } from "./report";
import { SEED } from "./vault-shape";
const TODAY = "2026-11-20";

/** Runs per vault size: fewer at 50,000, where one run takes seconds (and warms the code up within itself). */
const runsFor = (n: number) => (n >= 10_000 ? { warmup: 0, runs: 3 } : { warmup: 2, runs: 7 });
/** The bin is for reference: Node's start-up plus the same work, in a new process each time (only the row cache to warm up). */
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

/** `list --json` in process, checked to have printed something; returns the output. */
async function listJson(dir: string, extra: string[] = []): Promise<string> {
  const result = await run(["list", "--vault", dir, "--json", ...extra]);
  if (result.code !== 0 || result.out.length === 0) throw new Error(`list exited ${result.code}: ${result.err ?? ""}`);
  return result.out;
}

export async function listCases(report: Report, dir: string, n: number, root: string): Promise<void> {
  const opts = { ...runsFor(n), collect: "each" as const };
  // The floor always warms up: the first pass after writing the vault pays for the page cache.
  const floorOpts = { ...opts, warmup: Math.max(1, opts.warmup) };
  const floor = await sample(() => readEveryFile(dir, false), floorOpts);
  report.time("floor: readdir + readFileSync of every note (bytes)", n, floor, null);
  const decoded = await sample(() => readEveryFile(dir, true), floorOpts);
  report.time("floor: the same, decoded as UTF-8", n, decoded, null);

  // The benchmark's own row cache, never the user's (the CLI reads the folder from the environment on each run).
  const cacheDir = `${dir}-row-cache`;
  const userCacheDir = process.env.SOURCE_QUEUE_CACHE_DIR;
  process.env.SOURCE_QUEUE_CACHE_DIR = cacheDir;
  try {
    let cold = "";
    const noCache = await sample(async () => (cold = await listJson(dir, ["--no-cache"])), opts);
    report.time("CLI list --json --no-cache (every note parsed), in process", n, noCache, null);
    report.add("CLI list --json --no-cache ÷ floor (bytes)", n, noCache.median / floor.median, "x", null);

    const emptyCache = await sample(() => listJson(dir), { ...opts, before: () => rmSync(cacheDir, { recursive: true, force: true }) });
    report.time("CLI list --json, empty cache (parse all, write the cache)", n, emptyCache, null);
    await cacheCosts(report, dir, n, cacheDir, opts);

    await listJson(dir); // the cacheCosts left out a row: put it back, untimed
    let warm = "";
    const paired = await pairedWithFloor(dir, async () => (warm = await listJson(dir)), warmRunsFor(n));
    if (warm !== cold) throw new Error("list --json printed different output with the cache than without it");
    report.time("CLI list --json, warm cache (stat every note), in process", n, paired.timing, null);
    report.add("CLI list --json, warm cache ÷ floor (bytes; paired runs)", n, paired.ratio, "x", 2, { op: "<=" });

    const bin = await sample(
      () => execFileSync(process.execPath, [join(root, "dist/cli.cjs"), "list", "--vault", dir, "--json"], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "inherit"] }),
      // One untimed run first: the bin is another build than this bundle, so it starts with a cache of its own to fill.
      { ...binRunsFor(n), warmup: 1 },
    );
    report.time("node dist/cli.cjs list --json, warm cache (with Node start-up)", n, bin, null);
  } finally {
    if (userCacheDir === undefined) delete process.env.SOURCE_QUEUE_CACHE_DIR;
    else process.env.SOURCE_QUEUE_CACHE_DIR = userCacheDir;
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Runs of the warm list, which is cheap (under a second at 50,000 notes): enough for a steady median. */
const warmRunsFor = (n: number) => ({ warmup: 1, runs: n >= 50_000 ? 5 : 9 });

/**
 * Times fn with a floor run just before each run, and gives the median of
 * the per-pair ratios. On a shared machine the load changes within seconds;
 * a ratio of two medians taken a minute apart would measure that as well.
 */
async function pairedWithFloor(dir: string, fn: () => Promise<unknown>, runs: { warmup: number; runs: number }): Promise<{ timing: Timing; ratio: number }> {
  const times: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs.warmup + runs.runs; i++) {
    const floor = await sample(() => readEveryFile(dir, false), { warmup: 0, runs: 1, collect: "each" });
    const t = await sample(fn, { warmup: 0, runs: 1, collect: "each" });
    if (i < runs.warmup) continue;
    times.push(t.median);
    ratios.push(t.median / floor.median);
  }
  return { timing: summarize(times), ratio: summarize(ratios).median };
}

/** What the row cache itself costs: its size on disk, loading it (read, JSON.parse, header check) and writing it. */
async function cacheCosts(report: Report, dir: string, n: number, cacheDir: string, opts: { warmup: number; runs: number }): Promise<void> {
  const files = readdirSync(cacheDir);
  const file = files.length === 1 ? files[0] : undefined;
  if (file === undefined) throw new Error(`expected one cache file in ${cacheDir}, found ${files.length}`);
  report.add("row cache file size", n, statSync(join(cacheDir, file)).size, "bytes", null);

  const vault = new FsVault(dir);
  const settings = vault.settings().settings;
  const paths = vault.markdownFiles(settings.queueFolder);
  let cache: RowCache | null = null;
  const load = await sample(() => (cache = RowCache.open(vault.realRoot, settings, paths.length)), opts);
  report.time("row cache: load (read, JSON.parse, header check)", n, load, null);

  // A cache with every row but one looked up has changed (a note "deleted"), so each save() writes the whole file.
  const filled = cache as RowCache | null;
  if (filled === null) throw new Error("no row cache");
  for (const path of paths.slice(1)) {
    if (filled.lookup(path, () => vault.stampListed(path)) === undefined) throw new Error(`${path} is not in the row cache`);
  }
  const save = await sample(() => filled.save(), opts);
  report.time("row cache: save (encode, JSON.stringify, write, rename)", n, save, null);
}

/** Split the seed source and write its claims through FsVault; the source is restored and the claims removed after each run. */
async function timeExtraction(dir: string, runs: { warmup: number; runs: number }, source = SEED) {
  const settings = loadSettings(null).settings;
  const original = readFileSync(join(dir, source), "utf8");
  let created: string[] = [];
  let vault = new FsVault(dir);
  const timing = await sample(
    async () => {
      const text = await vault.read(source);
      const plan = planExtraction({ path: source, text, settings, today: TODAY, port: vault });
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
        writeFileSync(join(dir, source), original);
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

/**
 * The seed grown to 100 KB: its `## Content` repeated with the numbers and
 * names varied, so the evidence index (BM25 over every sentence), the curator
 * items and the similarity all work on a long source (issue #11: < 20 ms).
 */
export function largeSource(seed: string, bytes = 100_000): string {
  const start = seed.indexOf("## Content\n") + "## Content\n".length;
  const end = seed.indexOf("## Agent Notes");
  const content = seed.slice(start, end);
  const parts: string[] = [];
  let size = seed.length;
  for (let i = 1; size < bytes; i++) {
    const variant = content.replace(/\d+(\.\d+)?/g, (n) => String(Number(n) + i)).replace(/Claude/g, `Model-${i}`);
    parts.push(`**Part ${i}:**\n${variant}`);
    size += variant.length + 12;
  }
  return `${seed.slice(0, end)}${parts.join("")}${seed.slice(end)}`;
}

export async function extractLargeSourceCase(report: Report, tmp: string, root: string): Promise<void> {
  const dir = join(tmp, "extract-large");
  mkdirSync(join(dir, "inbox"), { recursive: true });
  const text = largeSource(readFileSync(join(root, "demo-vault", SEED), "utf8"));
  writeFileSync(join(dir, SEED), text);
  const { timing, claims } = await timeExtraction(dir, { warmup: 5, runs: 21 });
  report.time(`split a 100 KB source (${Math.round(text.length / 1000)} KB), write its ${claims} claims (CLI FsVault)`, 1, timing, 20);
  rmSync(dir, { recursive: true, force: true });
}

/** For reference: the same split inside the benchmark vault, where links are resolved against every note. */
export async function extractInVaultCase(report: Report, dir: string, n: number, root: string): Promise<void> {
  copyFileSync(join(root, "demo-vault", SEED), join(dir, SEED));
  const { timing } = await timeExtraction(dir, n >= 50_000 ? { warmup: 0, runs: 3 } : { warmup: 1, runs: 5 });
  report.time("split the seed source inside this vault (CLI FsVault)", n, timing, null);
  rmSync(join(dir, SEED));
}
