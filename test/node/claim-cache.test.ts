// SPEC §6: the CLI builds the claim index on demand from the vault's notes,
// and caches what each note said (keyed by its stat) as the queue rows are,
// so a later run reads only the notes that changed.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimCacheFile, claimIndexFromTexts, readClaimIndex, type ClaimNotes } from "../../src/node/claim-cache";

let dir = "";
let vault = "";
let cache = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "claim-cache-"));
  vault = join(dir, "vault");
  cache = join(dir, "cache", "claims.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const AN_HOUR_AGO = new Date(Date.now() - 3_600_000);
function write(path: string, text: string, when = AN_HOUR_AGO): void {
  const file = join(vault, path);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, when, when);
}

/** The notes of the folder on disk, as the CLI's adapter would give them. */
function notesOf(root: string): ClaimNotes & { read: string[] } {
  const read: string[] = [];
  const walk = (rel: string): string[] =>
    readdirSync(join(root, rel), { withFileTypes: true }).flatMap((d) => {
      const p = rel === "" ? d.name : `${rel}/${d.name}`;
      return d.isDirectory() ? walk(p) : p.endsWith(".md") ? [p] : [];
    });
  const stampOf = (p: string) => {
    const s = statSync(join(root, p));
    return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
  };
  return {
    read,
    paths: () => walk("").sort(),
    stamp: stampOf,
    readStamped: (p) => {
      read.push(p);
      const stamp = stampOf(p);
      return { text: readFileSync(join(root, p), "utf8"), stamp };
    },
  };
}

const CLAIM = (title: string) => `---\ntype: claim\n---\n# ${title}\n`;

describe("readClaimIndex", () => {
  beforeEach(() => {
    write("domains/a/Probes beat SAEs.md", CLAIM("Probes beat sparse autoencoders on held-out tasks"));
    write("domains/b/monitors.md", "---\ntype: claim\naliases: [Monitor failure]\n---\n# Monitors fail at scale\n");
    write("inbox/source.md", "---\ntype: source\n---\n");
  });

  it("holds every claim note of the vault, and no other note", () => {
    const { index, reads } = readClaimIndex(notesOf(vault), { cacheFile: cache });
    expect([...index.all()].map((e) => e.path).sort()).toEqual(["domains/a/Probes beat SAEs.md", "domains/b/monitors.md"]);
    expect(index.byExactTitle("monitor failure")?.path).toBe("domains/b/monitors.md");
    expect(reads).toBe(3);
  });

  it("a second run reads no note, and answers the same", () => {
    readClaimIndex(notesOf(vault), { cacheFile: cache });
    const notes = notesOf(vault);
    const { index, hits, reads } = readClaimIndex(notes, { cacheFile: cache });
    expect({ hits, reads, read: notes.read }).toEqual({ hits: 3, reads: 0, read: [] });
    expect(index.similarTo("probes beat sparse autoencoders")[0]?.path).toBe("domains/a/Probes beat SAEs.md");
    expect(index.get("inbox/source.md")).toBeNull();
  });

  it("reads again only a note that changed, and drops one that went", () => {
    readClaimIndex(notesOf(vault), { cacheFile: cache });
    write("domains/a/Probes beat SAEs.md", "---\ntype: source\n---\n# Now a source\n");
    rmSync(join(vault, "domains/b/monitors.md"));
    write("domains/c/new.md", CLAIM("Evals undercount sandbagging"));
    const notes = notesOf(vault);
    const { index } = readClaimIndex(notes, { cacheFile: cache });
    expect(notes.read.sort()).toEqual(["domains/a/Probes beat SAEs.md", "domains/c/new.md"]);
    expect([...index.all()].map((e) => e.path)).toEqual(["domains/c/new.md"]);
  });

  it("a note changed in the last seconds is read again next time (its stat could hide a second edit)", () => {
    write("domains/c/fresh.md", CLAIM("Fresh claim"), new Date());
    readClaimIndex(notesOf(vault), { cacheFile: cache });
    const notes = notesOf(vault);
    readClaimIndex(notes, { cacheFile: cache });
    expect(notes.read).toEqual(["domains/c/fresh.md"]);
  });

  it("a corrupt cache file, or one for other claim types, is ignored and rewritten", () => {
    mkdirSync(join(cache, ".."), { recursive: true });
    writeFileSync(cache, "{not json");
    expect(readClaimIndex(notesOf(vault), { cacheFile: cache }).index.size).toBe(2);
    const other = readClaimIndex(notesOf(vault), { cacheFile: cache, claimTypes: ["source"] });
    expect({ reads: other.reads, size: other.index.size }).toEqual({ reads: 3, size: 1 });
  });

  it("without a cache file every note is read and nothing is written", () => {
    const notes = notesOf(vault);
    readClaimIndex(notes, { cacheFile: null });
    expect(notes.read).toHaveLength(3);
    expect(() => statSync(cache)).toThrow();
  });

  it("the cache file lives in the cache folder, one per vault", () => {
    expect(claimCacheFile("/v/one", "/c")).toMatch(/^\/c\/claims-[0-9a-f]{32}\.json$/);
    expect(claimCacheFile("/v/one", "/c")).not.toBe(claimCacheFile("/v/two", "/c"));
    expect(claimCacheFile("/v/one", null)).toBeNull();
  });
});

describe("claimIndexFromTexts", () => {
  it("builds the index from notes already in memory", () => {
    const index = claimIndexFromTexts([
      { path: "a.md", text: CLAIM("One claim here") },
      { path: "b.md", text: "---\ntype: source\n---\n" },
    ]);
    expect(index.size).toBe(1);
    expect(index.get("a.md")?.title).toBe("One claim here");
  });
});
