// The row cache of `list` and `validate` (README "The command-line tool"),
// through the built bin: the output never depends on it, unchanged notes are
// not read, every kind of change is seen, and a cache that cannot be used is
// ignored without a word. NODE_DEBUG=source-queue makes the bin say on stderr
// how many rows came from the cache and how many notes it read.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheDir } from "../../src/node/cache-location";
import { run as runInProcess } from "../../src/cli/main";
import { cleanUp, cli, cliEnv, copyDemoVault, snapshot, tempDir, type CliRun } from "../cli/run-cli";

const SEED = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";
const NOTES = 26;
const AN_HOUR_AGO = new Date(Date.now() - 3_600_000);

afterAll(cleanUp);

/** A copy of the demo vault whose notes were last changed an hour ago, so the cache may keep them (notes changed in the last two seconds it does not). */
function agedVault(): string {
  const vault = copyDemoVault();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else utimesSync(join(dir, e.name), AN_HOUR_AGO, AN_HOUR_AGO);
    }
  };
  walk(vault);
  return vault;
}

/** A run against its own cache folder, with the cache's account on stderr. */
function run(args: string[], cache: string, extra: Record<string, string | undefined> = {}): CliRun {
  return cli(args, undefined, cliEnv({ SOURCE_QUEUE_CACHE_DIR: cache, NODE_DEBUG: "source-queue", ...extra }));
}

interface CacheAccount {
  hits: number;
  reads: number;
  wrote: boolean;
}

function account(r: CliRun): CacheAccount {
  const m = /(\d+) rows from the cache, (\d+) notes read, (writing|unchanged)/.exec(r.stderr);
  if (!m) throw new Error(`no cache account on stderr: ${r.stderr}`);
  return { hits: Number(m[1]), reads: Number(m[2]), wrote: m[3] === "writing" };
}

/** stderr without the NODE_DEBUG lines: what a user would see. */
const userErr = (r: CliRun) =>
  r.stderr
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("SOURCE-QUEUE "))
    .join("\n");

/** The one cache file in a cache folder. */
function cacheFile(cache: string): string {
  const files = readdirSync(cache).filter((f) => f.endsWith(".json"));
  expect(files).toHaveLength(1);
  return join(cache, files[0] ?? "");
}

interface CacheJson {
  format: string;
  version: number;
  key: string;
  vault: string;
  problems: unknown[];
  files: unknown[][];
}

const readCache = (cache: string) => JSON.parse(readFileSync(cacheFile(cache), "utf8")) as CacheJson;

/** Rewrite the entry of one note in the cache file. */
function editEntry(cache: string, path: string, edit: (entry: unknown[]) => unknown) {
  const data = readCache(cache);
  const at = data.files.findIndex((e) => e[0] === path);
  expect(at).toBeGreaterThanOrEqual(0);
  data.files[at] = edit(data.files[at] ?? []) as unknown[];
  writeFileSync(cacheFile(cache), JSON.stringify(data));
}

const list = (vault: string, cache: string, ...args: string[]) => run(["list", "--vault", vault, ...args], cache);
const uncached = (vault: string, ...args: string[]) => cli(["list", "--vault", vault, ...args, "--no-cache"]);

/** A vault listed once, so its cache holds every note. */
function listedOnce(): { vault: string; cache: string } {
  const vault = agedVault();
  const cache = tempDir("sq-cache-");
  const first = list(vault, cache, "--json");
  expect(first.code).toBe(0);
  expect(account(first)).toEqual({ hits: 0, reads: NOTES, wrote: true });
  return { vault, cache };
}

describe("the row cache", () => {
  it("makes a second list print the same bytes as the first and as --no-cache, reading no unchanged note", () => {
    const { vault, cache } = listedOnce();
    for (const args of [["--json"], ["--all", "--json"], [], ["--status", "processed", "--priority", "low"]]) {
      const r = list(vault, cache, ...args);
      expect(r.code).toBe(0);
      expect(userErr(r)).toBe("");
      expect(account(r)).toEqual({ hits: NOTES, reads: 0, wrote: false });
      expect(r.stdout).toBe(uncached(vault, ...args).stdout);
    }
  });

  it("takes a row from the cache without reading the note: a title changed in the cache shows until the note changes", () => {
    const { vault, cache } = listedOnce();
    editEntry(cache, SEED, (e) => {
      (e[5] as unknown[])[0] = "Title from the cache";
      return e;
    });
    const titleOf = (r: CliRun) => (JSON.parse(r.stdout) as { sources: { path: string; title: string }[] }).sources.find((s) => s.path === SEED)?.title;
    expect(titleOf(list(vault, cache, "--json"))).toBe("Title from the cache");
    expect(titleOf(uncached(vault, "--json"))).toMatch(/^Circuit Tracing/);
    writeFileSync(join(vault, SEED), readFileSync(join(vault, SEED), "utf8"));
    expect(titleOf(list(vault, cache, "--json"))).toMatch(/^Circuit Tracing/);
  });

  it("does not rewrite its file when nothing changed", () => {
    const { vault, cache } = listedOnce();
    const before = statSync(cacheFile(cache));
    expect(account(list(vault, cache, "--json")).wrote).toBe(false);
    const after = statSync(cacheFile(cache));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it("shows the new values of a note edited to the same size with its old mtime put back", () => {
    const { vault, cache } = listedOnce();
    const file = join(vault, SEED);
    const old = statSync(file);
    const text = readFileSync(file, "utf8");
    const edited = text.replace("Circuit Tracing", "Circuit Tracinq");
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    utimesSync(file, old.atime, old.mtime);
    expect(statSync(file).size).toBe(old.size);
    const r = list(vault, cache, "--json");
    expect(account(r)).toMatchObject({ hits: NOTES - 1, reads: 1 });
    expect(r.stdout).toContain("Circuit Tracinq");
    expect(r.stdout).toBe(uncached(vault, "--json").stdout);
  });

  it("drops a deleted note and lists a renamed one under its new name", () => {
    const { vault, cache } = listedOnce();
    const gone = "inbox/2025-12-12-permafrost-carbon-feedback-models.md";
    const renamed = "inbox/2026-03-02-ocean-heat-content-record.md";
    unlinkSync(join(vault, gone));
    renameSync(join(vault, renamed), join(vault, "inbox/renamed.md"));
    const r = list(vault, cache, "--all", "--json");
    expect(account(r)).toEqual({ hits: NOTES - 2, reads: 1, wrote: true });
    expect(r.stdout).toBe(uncached(vault, "--all", "--json").stdout);
    const paths = JSON.parse(r.stdout) as { sources: { path: string }[] };
    expect(paths.sources.map((s) => s.path)).toContain("inbox/renamed.md");
    expect(paths.sources.map((s) => s.path)).not.toContain(gone);
    const stored = readCache(cache).files.map((e) => e[0]);
    expect(stored).toHaveLength(NOTES - 1);
    expect(stored).not.toContain(gone);
    expect(stored).not.toContain(renamed);
  });

  it("re-reads every note when a setting changes", () => {
    const { vault, cache } = listedOnce();
    const before = list(vault, cache, "--all", "--json").stdout;
    mkdirSync(join(vault, ".obsidian/plugins/source-queue"), { recursive: true });
    writeFileSync(join(vault, ".obsidian/plugins/source-queue/data.json"), JSON.stringify({ sourceTypes: ["source", "newsletter"] }));
    const r = list(vault, cache, "--all", "--json");
    expect(account(r)).toEqual({ hits: 0, reads: NOTES, wrote: true });
    expect(r.stdout).not.toBe(before);
    expect(r.stdout).toBe(uncached(vault, "--all", "--json").stdout);
  });

  it("does not keep notes changed in the last two seconds, since a same-size edit within the clock's step would look unchanged", () => {
    const vault = copyDemoVault(); // just copied: every note is new
    const cache = tempDir("sq-cache-");
    expect(account(list(vault, cache, "--json"))).toEqual({ hits: 0, reads: NOTES, wrote: true });
    expect(account(list(vault, cache, "--json"))).toEqual({ hits: 0, reads: NOTES, wrote: false });
  });

  it("does not keep the row of a note that could not be read, and tries it again", () => {
    const vault = agedVault();
    const cache = tempDir("sq-cache-");
    const huge = join(vault, "inbox/huge.md");
    writeFileSync(huge, "");
    truncateSync(huge, 65 * 1024 * 1024); // sparse: no disk, but over the 64 MB read limit
    utimesSync(huge, AN_HOUR_AGO, AN_HOUR_AGO);
    list(vault, cache, "--json");
    const r = list(vault, cache, "--all", "--json");
    expect(account(r)).toEqual({ hits: NOTES, reads: 1, wrote: false });
    expect(r.stdout).toContain("File could not be read");
    expect(r.stdout).toBe(uncached(vault, "--all", "--json").stdout);
  });

  it("gives validate the same report, exit code included, with and without it", () => {
    const { vault, cache } = listedOnce();
    const r = run(["validate", "--vault", vault, "--json"], cache);
    expect(account(r)).toEqual({ hits: NOTES, reads: 0, wrote: false });
    const plain = cli(["validate", "--vault", vault, "--json", "--no-cache"]);
    expect([r.code, r.stdout]).toEqual([plain.code, plain.stdout]);
    expect(run(["validate", "--vault", vault], cache).stdout).toBe(cli(["validate", "--vault", vault, "--no-cache"]).stdout);
  });

  it("is neither read nor written with --no-cache", () => {
    const vault = agedVault();
    const cache = join(tempDir("sq-cache-"), "unused");
    for (const command of ["list", "validate"]) {
      const r = run([command, "--vault", vault, "--no-cache"], cache);
      expect(r.stderr).not.toContain("rows from the cache");
    }
    expect(existsSync(cache)).toBe(false);
  });

  it("is not used when the CLI runs from its TypeScript sources, whose code it cannot identify", async () => {
    const vault = agedVault();
    const cache = join(tempDir("sq-cache-"), "unused");
    const saved = process.env.SOURCE_QUEUE_CACHE_DIR;
    process.env.SOURCE_QUEUE_CACHE_DIR = cache;
    try {
      expect((await runInProcess(["list", "--vault", vault, "--json"])).code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_QUEUE_CACHE_DIR;
      else process.env.SOURCE_QUEUE_CACHE_DIR = saved;
    }
    expect(existsSync(cache)).toBe(false);
  });

  it("removes temporary files that a killed run left beside it, and only those", () => {
    const { vault, cache } = listedOnce();
    const file = cacheFile(cache);
    const left = `${file}.4242-deadbeef.tmp`;
    const fresh = `${file}.4243-deadbeef.tmp`;
    const other = join(cache, "notes.txt.tmp");
    for (const f of [left, fresh, other]) writeFileSync(f, "{");
    for (const f of [left, other]) utimesSync(f, AN_HOUR_AGO, new Date(Date.now() - 2 * 3_600_000));
    writeFileSync(join(vault, SEED), `${readFileSync(join(vault, SEED), "utf8")} `);
    utimesSync(join(vault, SEED), AN_HOUR_AGO, AN_HOUR_AGO);
    expect(account(list(vault, cache, "--json")).wrote).toBe(true);
    expect([existsSync(left), existsSync(fresh), existsSync(other)]).toEqual([false, true, true]);
  });

  it("lives outside the vault, one private file per vault", () => {
    const vault = agedVault();
    const other = agedVault();
    const cache = tempDir("sq-cache-");
    const before = snapshot(vault);
    list(vault, cache);
    list(other, cache);
    expect(snapshot(vault)).toEqual(before);
    const files = readdirSync(cache);
    expect(files).toHaveLength(2);
    if (process.platform !== "win32") for (const f of files) expect(statSync(join(cache, f)).mode & 0o077).toBe(0);
  });
});

describe("a cache that cannot be used is ignored without a word", () => {
  const data = (edit: (c: CacheJson) => unknown) => (cache: string) => JSON.stringify(edit(readCache(cache)));
  it.each<[string, (cache: string) => string | Buffer]>([
    ["not JSON", () => "{ not json"],
    ["empty", () => ""],
    ["binary", () => Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x80])],
    ["JSON of another shape", () => '{"hello":"world"}'],
    ["a JSON array", () => "[1,2,3]"],
    ["of an older format version", data((c) => ({ ...c, version: 0 }))],
    ["for another build or settings", data((c) => ({ ...c, key: "0".repeat(64) }))],
    ["for another vault", data((c) => ({ ...c, vault: "/elsewhere" }))],
    ["holding files that are not a list", data((c) => ({ ...c, files: {} }))],
    ["far larger than the rows of this vault could be (it might exhaust the heap)", data((c) => ({ ...c, padding: "x".repeat(4 * 1024 * 1024) }))],
  ])("a cache file that is %s is ignored and replaced", (_, contents) => {
    const { vault, cache } = listedOnce();
    writeFileSync(cacheFile(cache), contents(cache));
    const r = list(vault, cache, "--json");
    expect(r.code).toBe(0);
    expect(userErr(r)).toBe("");
    expect(account(r)).toEqual({ hits: 0, reads: NOTES, wrote: true });
    expect(r.stdout).toBe(uncached(vault, "--json").stdout);
    expect(readCache(cache)).toMatchObject({ format: "source-queue-rows", version: 1, vault: expect.any(String) });
    expect(readCache(cache).files).toHaveLength(NOTES);
  });

  it.each<[string, (entry: unknown[]) => unknown]>([
    ["is not a list", () => "inbox/x.md"],
    ["has a stamp that is not numbers", (e) => [e[0], "1", "2", "3", "4", e[5]]],
    ["has a status that is not a status", (e) => [...e.slice(0, 5), ["T", null, null, null, "bogus", null, 0, []]]],
    ["has a negative hint count", (e) => [...e.slice(0, 5), ["T", null, null, null, null, null, -1, []]]],
    ["names a problem the file does not hold", (e) => [...e.slice(0, 5), ["T", null, null, null, null, null, 0, [9999]]]],
    ["has a row of the wrong length", (e) => [...e.slice(0, 5), ["T"]]],
  ])("a cached entry that %s is read again from the note", (_, edit) => {
    const { vault, cache } = listedOnce();
    editEntry(cache, SEED, edit);
    const r = list(vault, cache, "--all", "--json");
    expect(account(r)).toMatchObject({ hits: NOTES - 1, reads: 1, wrote: true });
    expect(r.stdout).toBe(uncached(vault, "--all", "--json").stdout);
  });

  const file = () => {
    const path = join(tempDir("sq-cache-"), "a-file");
    writeFileSync(path, "");
    return path;
  };
  it.each<[string, () => Record<string, string | undefined>]>([
    ["a cache folder that cannot be made (under a file)", () => ({ SOURCE_QUEUE_CACHE_DIR: join(file(), "cache") })],
    ["a cache folder that is a file", () => ({ SOURCE_QUEUE_CACHE_DIR: file() })],
    ["a home folder that cannot hold a cache, and no cache setting", () => ({ SOURCE_QUEUE_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined, HOME: file() })],
  ])("%s still lists, the same as --no-cache", (_, env) => {
    const vault = agedVault();
    for (let i = 0; i < 2; i++) {
      const r = cli(["list", "--vault", vault, "--json"], undefined, cliEnv(env()));
      expect([r.code, r.stderr]).toEqual([0, ""]);
      expect(r.stdout).toBe(uncached(vault, "--json").stdout);
    }
  });

  it.skipIf(process.platform === "win32" || process.getuid?.() === 0)("a read-only cache folder still lists, the same as --no-cache", () => {
    const vault = agedVault();
    const cache = tempDir("sq-cache-");
    chmodSync(cache, 0o500);
    try {
      const r = list(vault, cache, "--json");
      expect([r.code, userErr(r)]).toEqual([0, ""]);
      expect(r.stdout).toBe(uncached(vault, "--json").stdout);
    } finally {
      chmodSync(cache, 0o700);
    }
  });
});

describe("where the cache lives", () => {
  it.each<[string, Record<string, string>, NodeJS.Platform, string | null, string | null]>([
    ["$SOURCE_QUEUE_CACHE_DIR first", { SOURCE_QUEUE_CACHE_DIR: "/c/sq", XDG_CACHE_HOME: "/x" }, "linux", "/home/u", "/c/sq"],
    ["then $XDG_CACHE_HOME/source-queue", { XDG_CACHE_HOME: "/x" }, "linux", "/home/u", "/x/source-queue"],
    ["a relative $XDG_CACHE_HOME is ignored, as XDG says", { XDG_CACHE_HOME: "rel" }, "linux", "/home/u", "/home/u/.cache/source-queue"],
    ["then ~/.cache/source-queue", {}, "linux", "/home/u", "/home/u/.cache/source-queue"],
    ["~/Library/Caches/source-queue on macOS", {}, "darwin", "/Users/u", "/Users/u/Library/Caches/source-queue"],
    ["nowhere without a home", {}, "linux", null, null],
  ])("%s", (_, env, platform, home, expected) => {
    expect(cacheDir(env, platform, home)).toBe(expected);
  });
});
