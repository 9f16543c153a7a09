// Hostile and broken input through the built `source-queue` bin: code in
// frontmatter never runs, no path leaves the vault, huge or malformed notes
// finish quickly with a problem, concurrent runs never duplicate a claim,
// failed writes roll back, links out of the vault are not followed, and a
// broken settings file falls back to the defaults. Time bounds include
// starting node (a few hundred milliseconds); they are safety limits, not
// benchmarks.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { SEED_PATH, seedNote } from "../fixtures/seed";
import { BIN, cleanUp, cliEnv, copyDemoVault } from "./run-cli";

// A hang guard for shared, loaded machines, not a speed target (speeds live in `npm run bench`).
const SAFE_MS = 15_000;
const CLAIMS = "domains/ai-alignment";
const SPAR = `${CLAIMS}/The SPAR agent-automated circuit tracing project is the most direct attempted solution to the hours-per-prompt bottleneck.md`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function cli(args: string[], nodeArgs: string[] = []): Run {
  const start = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: cliEnv() });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - start };
}

function cliAsync(args: string[], nodeArgs: string[] = []): Promise<Run> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { env: cliEnv() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - start }));
  });
}

/** Temporary folders made here (some hold 10 MB notes), removed when the file's tests end. */
const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  cleanUp();
});

/** A vault in a temporary folder holding these files (text or raw bytes). */
function vaultWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir("sq-hostile-");
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

/** Every entry under a folder, links as links (never followed), to compare before and after. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) out.set(`${prefix}${name}`, `-> ${readlinkSync(full)}`);
      else if (st.isDirectory()) walk(full, `${prefix}${name}/`);
      else out.set(`${prefix}${name}`, readFileSync(full, "latin1"));
    }
  };
  walk(dir, "");
  return out;
}

const json = <T>(r: Run): T => JSON.parse(r.stdout) as T;
type Problems = { level: string; message: string }[];
type ListJson = { sources: { path: string; hints: number; problems: Problems }[] };
type ValidateJson = { files: { path: string; problems: Problems }[]; errors: number };
type ExtractJson = { candidates: { title: string; path: string; exists: boolean; selected: boolean }[]; created: string[]; problems: Problems };

const messagesOf = (report: ValidateJson, path: string) => report.files.find((f) => f.path === path)?.problems.map((p) => `${p.level}: ${p.message}`) ?? [];
const oneLine = (r: Run) => expect(r.stderr.trim().split("\n")).toHaveLength(1);

describe("code in frontmatter is never run", () => {
  it("---js and ---javascript front matter with a payload runs nothing; list, validate, extract and set report the problem", () => {
    const marker = join(tmpdir(), `sq-cli-pwned-${process.pid}`);
    rmSync(marker, { force: true });
    const payload = `{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned') }`;
    const vault = vaultWith({
      "inbox/js.md": `---js\n${payload}\n---\n**Extraction hints:**\n- Probes beat SAEs on harmful intent detection\n`,
      "inbox/javascript.md": `---javascript\n${payload}\n---\nBody\n`,
    });
    const list = json<ListJson>(cli(["list", "--vault", vault, "--all", "--json"]));
    const report = json<ValidateJson>(cli(["validate", "--vault", vault, "--json"]));
    const extract = cli(["extract", "inbox/js.md", "--vault", vault]);
    const set = cli(["set", "inbox/js.md", "--vault", vault, "--priority", "high"]);

    expect(existsSync(marker)).toBe(false);
    for (const path of ["inbox/js.md", "inbox/javascript.md"]) {
      expect(list.sources.find((s) => s.path === path)?.problems).toContainEqual({ level: "error", message: "Frontmatter in JavaScript is code; it was not run" });
      expect(messagesOf(report, path)).toContain("error: Frontmatter in JavaScript is code; it was not run");
    }
    expect(extract.code).toBe(1);
    expect(set.code).toBe(1);
    oneLine(set);
    expect(readFileSync(join(vault, "inbox/js.md"), "utf8")).toBe(`---js\n${payload}\n---\n**Extraction hints:**\n- Probes beat SAEs on harmful intent detection\n`);
  });
});

describe("no title, hint or domain leaves the claim folder", () => {
  const nfc = "Café owners claim résumé gains".normalize("NFC");
  const titles = [
    "../../.obsidian/plugins/x/main",
    "/etc/passwd",
    "C:\\Windows\\x",
    "CON",
    "nul.txt",
    "Trailing dots and spaces. . .   ",
    "?!*:|<>",
    `${"very long claim ".repeat(312)}end`,
    "Brains 🧠 light up 🔥 under probes",
    "النماذج الكبيرة تتعلم \u202eevil",
    nfc,
    nfc.normalize("NFD"),
  ];
  const note = ["---", "type: source", "title: Paths", 'domain: "../../.obsidian"', "---", "**Extraction hints:**", ...titles.map((t) => `- ${t}`), ""].join("\n");

  it("hostile titles and an escaping domain: every file lands inside the claim folder with a usable name, and NFC/NFD is one claim", () => {
    const vault = vaultWith({ "inbox/paths.md": note });
    const before = snapshot(vault);
    // A hostile title is rarely one a curator leaves selected (SPEC §2): the curator picks them all.
    const picked = Array.from({ length: titles.length }, (_, i) => i + 1).join(",");
    const r = cli(["extract", "inbox/paths.md", "--vault", vault, "--select", picked, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = json<ExtractJson>(r);

    expect(out.created).toHaveLength(titles.length - 1);
    const after = snapshot(vault);
    const added = [...after.keys()].filter((p) => !before.has(p)).sort();
    expect(added).toEqual([...out.created].sort());
    for (const path of out.created) {
      expect(path.startsWith("domains/obsidian/")).toBe(true);
      const name = path.slice("domains/obsidian/".length, -".md".length);
      expect(name).not.toMatch(/[\\/:*?"<>|#^[\]]/);
      expect(name).not.toMatch(/^[.\s]|[.\s]$/);
      expect(name.split(".")[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
    }
    // Nothing lands in .obsidian but the plugin's own (now empty) journal and lock folders.
    expect([...snapshot(vault).keys()].filter((p) => p.startsWith(".obsidian/"))).toEqual([]);
    // The NFD spelling is the NFC claim: "exists — link only", not a second file.
    const [first, second] = out.candidates.slice(-2);
    expect(first).toMatchObject({ exists: false, selected: true, path: `domains/obsidian/${nfc}.md` });
    expect(second).toMatchObject({ exists: true, selected: false, path: `domains/obsidian/${nfc}.md` });

    const again = json<ExtractJson>(cli(["extract", "inbox/paths.md", "--vault", vault, "--json"]));
    expect(again.created).toEqual([]);
    expect(again.candidates.every((c) => c.exists)).toBe(true);
  });
});

describe("size and shape: each finishes quickly with a clear problem", () => {
  const fm = (lines: string[], body = "Body\n") => `---\ntype: source\ntitle: Shape\n${lines.join("\n")}\n---\n${body}`;
  const bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++) bomb.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
  const hints = Array.from({ length: 100_000 }, (_, i) => `- Claim number ${i} holds`).join("\n");

  it.each<[string, string | Buffer, string]>([
    ["a 25 MB note", fm([], `**Extraction hints:**\n- ${"word ".repeat(5_000_000)}\n`), "error: Note is 25.0 million characters; only its frontmatter is read"],
    ["100,000 list items in a hints block", fm([], `**Extraction hints:**\n${hints}\n`), "error: Extraction hints hold 100,000 items; more than 200 is refused, so none are proposed (split the hints by hand)"],
    ["a 10,000-line frontmatter", fm(Array.from({ length: 10_000 }, (_, i) => `field_${i}: ${i}`)), "warning: Frontmatter is 10,002 lines long; more than 1,000 is unusual for a source (check what wrote it)"],
    ["a YAML alias bomb", fm(bomb), "error: Frontmatter YAML does not parse: YAML expands to more than 100,000 values (each alias counted in full); refused as unsafe"],
    ["10,000 levels of nested [", fm([`a: ${"[".repeat(10_000)}`]), "error: Frontmatter YAML does not parse: YAML is nested too deeply to read"],
    ["frontmatter that is a list", "---\n- a\n- b\n---\nBody\n", "error: Frontmatter is a list, not a set of fields"],
    ["frontmatter that is a scalar", "---\njust text\n---\nBody\n", "error: Frontmatter is a single string value, not a set of fields"],
    ["a missing closing ---", "---\ntype: source\ntitle: x\nBody\n", "error: Frontmatter is not closed: no --- line after the opening one"],
    ["invalid UTF-8 bytes", Buffer.concat([Buffer.from("---\ntype: source\ntitle: a"), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from("b\n---\nBody\n")]), "warning: File is not valid UTF-8 (some bytes could not be read as text)"],
    ["a NUL byte", Buffer.concat([Buffer.from("---\ntype: source\ntitle: a"), Buffer.from([0]), Buffer.from("b\n---\nBody\n")]), "error: File contains a NUL byte; it may not be a text note"],
  ])("%s: validate reports it quickly, with memory capped at 128 MB", (_name, data, problem) => {
    const vault = vaultWith({ "inbox/shape.md": data });
    // A small heap cap: an expansion (the alias bomb) or a copy per item would crash instead of passing.
    const r = cli(["validate", "--vault", vault, "--json"], ["--max-old-space-size=128"]);
    expect(r.ms).toBeLessThan(SAFE_MS);
    expect(r.stderr).toBe("");
    expect(messagesOf(json<ValidateJson>(r), "inbox/shape.md")).toContain(problem);
    const list = cli(["list", "--vault", vault, "--all", "--json"], ["--max-old-space-size=128"]);
    expect(list.ms).toBeLessThan(SAFE_MS);
    expect(json<ListJson>(list).sources.map((s) => s.path)).toEqual(["inbox/shape.md"]);
  });

  it("100,000 list items in a hints block: extract refuses with the cap in one line and writes nothing", () => {
    const vault = vaultWith({ "inbox/shape.md": fm(["domain: ai"], `**Extraction hints:**\n${hints}\n`) });
    const before = snapshot(vault);
    const r = cli(["extract", "inbox/shape.md", "--vault", vault]);
    expect(r.ms).toBeLessThan(SAFE_MS);
    expect(r.code).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain("more than 200 is refused");
    expect(snapshot(vault)).toEqual(before);
    expect(json<ListJson>(cli(["list", "--vault", vault, "--json"])).sources[0]?.hints).toBe(100_000);
  });

  it("a 3 GB file named .md (sparse, so it costs no disk) is a row with a problem, not read, and extract refuses it in one line", () => {
    const vault = vaultWith({ "inbox/ok.md": "---\ntype: source\ntitle: Fine\n---\nBody\n", "inbox/huge.md": "" });
    truncateSync(join(vault, "inbox/huge.md"), 3 * 1024 ** 3);
    const r = cli(["validate", "--vault", vault, "--json"], ["--max-old-space-size=128"]);
    expect(r.ms).toBeLessThan(SAFE_MS);
    expect(messagesOf(json<ValidateJson>(r), "inbox/huge.md")).toEqual(["error: File could not be read: the file is 3072 MB; notes over 64 MB are not read"]);
    expect(json<ListJson>(cli(["list", "--vault", vault, "--all", "--json"])).sources.map((s) => s.path).sort()).toEqual(["inbox/huge.md", "inbox/ok.md"]);
    const extract = cli(["extract", "inbox/huge.md", "--vault", vault]);
    expect(extract.code).toBe(1);
    expect(extract.stderr).toBe("source-queue: the file is 3072 MB; notes over 64 MB are not read\n");
  });

  it("a 10,000-line frontmatter still takes a one-line set", () => {
    const text = fm(["priority: low", ...Array.from({ length: 10_000 }, (_, i) => `field_${i}: ${i}`)]);
    const vault = vaultWith({ "inbox/shape.md": text });
    const r = cli(["set", "inbox/shape.md", "--vault", vault, "--priority", "high"]);
    expect(r.ms).toBeLessThan(SAFE_MS);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(vault, "inbox/shape.md"), "utf8")).toBe(text.replace("priority: low", "priority: high"));
  });
});

describe("races", () => {
  it("two extract processes at once on one source: exactly one succeeds, the other exits 1, and nothing is duplicated", async () => {
    const vault = copyDemoVault();
    const seed = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";
    const claimsBefore = readdirSync(join(vault, CLAIMS));
    // A preloaded script holds each process until both have started (a rendezvous of files: a
    // fixed start time was missed by a process slow to start on a loaded machine, and the two
    // then ran one after the other) and pauses each before its first write in the vault, so both have
    // planned before either writes: the race at its worst, every time.
    const gateDir = tempDir("sq-gate-");
    const gate = join(gateDir, "gate.cjs");
    writeFileSync(
      gate,
      [
        'const fs = require("node:fs");',
        'const path = require("node:path");',
        "const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms));",
        `const dir = ${JSON.stringify(gateDir)};`,
        'fs.writeFileSync(path.join(dir, `ready-${process.pid}`), "");',
        "for (const until = Date.now() + 30000; Date.now() < until; sleep(10)) if (fs.readdirSync(dir).filter((n) => n.startsWith(\"ready-\")).length >= 2) break;",
        "const write = fs.writeFileSync;",
        "let first = true;",
        // Only a write inside the vault counts: the claim index's cache (outside it) is written while planning.
        `const inVault = (p) => String(p).startsWith(${JSON.stringify(vault)});`,
        "fs.writeFileSync = function (...args) { if (first && inVault(args[0])) { first = false; sleep(1000); } return write.apply(this, args); };",
        // Writes open their temp file first (SPEC §8): the pause goes there too.
        "const open = fs.openSync;",
        'fs.openSync = function (...args) { if (first && args[1] === "wx" && inVault(args[0])) { first = false; sleep(1000); } return open.apply(this, args); };',
      ].join("\n"),
    );
    const runs = await Promise.all([0, 1].map(() => cliAsync(["extract", seed, "--vault", vault, "--json"], ["--require", gate])));
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    const winner = json<ExtractJson>(runs.find((r) => r.code === 0) as Run);
    const loser = json<ExtractJson>(runs.find((r) => r.code === 1) as Run);
    expect(winner.created).toHaveLength(4);
    expect(loser.created).toEqual([]);
    expect(loser.problems.at(-1)?.message).toMatch(/^extract failed and was rolled back: /);

    const created = readdirSync(join(vault, CLAIMS)).filter((n) => !claimsBefore.includes(n));
    expect(created.map((n) => `${CLAIMS}/${n}`).sort()).toEqual([...winner.created].sort());
    const source = readFileSync(join(vault, seed), "utf8");
    const claims = parseFrontmatter(source).data?.claims_extracted as string[];
    // The winner's 4 claims (the seed's 3 hints and the curator's (3)), each recorded once.
    expect(claims).toHaveLength(4);
    expect(new Set(claims).size).toBe(4);
    expect(source.match(/^## Extracted claims$/gm)).toHaveLength(1);
    expect(source.split("## Extracted claims")[1]?.match(/^- \[\[/gm)).toHaveLength(4);
    expect(readdirSync(join(vault, "inbox")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("faults", () => {
  it("a claim folder path occupied by a file: extract fails in one line, and nothing changes", () => {
    const vault = vaultWith({ [SEED_PATH]: seedNote(), [CLAIMS]: "I am a file, not a folder.\n" });
    const before = snapshot(vault);
    const r = cli(["extract", SEED_PATH, "--vault", vault]);
    expect(r.code).toBe(1);
    oneLine(r);
    expect(r.stderr).toBe(`source-queue: extract failed and was rolled back: ${CLAIMS} is a file, so the claim folder cannot be made there\n`);
    expect(snapshot(vault)).toEqual(before);
  });

  it("a write that fails midway (the third claim's path is a broken link): the first two are removed and the source is untouched", () => {
    const vault = vaultWith({ [SEED_PATH]: seedNote() });
    mkdirSync(join(vault, CLAIMS), { recursive: true });
    symlinkSync(join(tmpdir(), "sq-nowhere", "x.md"), join(vault, SPAR));
    const before = snapshot(vault);
    const r = cli(["extract", SEED_PATH, "--vault", vault]);
    expect(r.code).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain("extract failed and was rolled back: refusing to follow a broken link");
    expect(snapshot(vault)).toEqual(before);
  });

  describe("symbolic links out of the vault are not followed", () => {
    function outside(): string {
      const dir = tempDir("sq-outside-");
      writeFileSync(join(dir, "secret.md"), "---\ntype: source\ntitle: Outside\n---\n**Extraction hints:**\n- A claim from outside\n");
      return dir;
    }

    it("a linked folder and a linked note inside inbox: list does not show them; extract and set through them exit 2 with one line", () => {
      const out = outside();
      const vault = vaultWith({ "inbox/inside.md": "---\ntype: source\ntitle: Inside\n---\nBody\n" });
      symlinkSync(out, join(vault, "inbox/linked"));
      symlinkSync(join(out, "secret.md"), join(vault, "inbox/file-link.md"));
      const outsideBefore = snapshot(out);

      const list = json<ListJson>(cli(["list", "--vault", vault, "--all", "--json"]));
      expect(list.sources.map((s) => s.path)).toEqual(["inbox/inside.md"]);
      expect(json<ValidateJson>(cli(["validate", "--vault", vault, "--json"])).files.map((f) => f.path)).toEqual(["inbox/inside.md"]);
      for (const args of [
        ["extract", "inbox/linked/secret.md"],
        ["extract", join(vault, "inbox/linked/secret.md")],
        ["set", "inbox/file-link.md", "--priority", "high"],
        ["set", "inbox/linked/secret.md", "--status", "processed"],
      ]) {
        const r = cli([...args, "--vault", vault]);
        expect(r.code).toBe(2);
        oneLine(r);
        expect(r.stderr).toMatch(/^source-queue: refusing to follow a link out of the vault: inbox\//);
      }
      expect(snapshot(out)).toEqual(outsideBefore);
    });

    it("a queue folder that is itself a link out of the vault is refused in one line", () => {
      const vault = vaultWith({});
      symlinkSync(outside(), join(vault, "inbox"));
      const r = cli(["list", "--vault", vault]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("source-queue: refusing to follow a link out of the vault: inbox\n");
    });

    it("a link loop inside the vault lists each note once", () => {
      const vault = vaultWith({ "inbox/inside.md": "---\ntype: source\ntitle: Inside\n---\nBody\n" });
      symlinkSync(join(vault, "inbox"), join(vault, "inbox/loop"));
      const r = cli(["list", "--vault", vault, "--all", "--json"]);
      expect(r.code).toBe(0);
      expect(json<ListJson>(r).sources.map((s) => s.path)).toEqual(["inbox/inside.md"]);
    });
  });

  describe("a broken data.json falls back to the defaults", () => {
    const DATA = ".obsidian/plugins/source-queue/data.json";
    const note = { "inbox/inside.md": "---\ntype: source\ntitle: Inside\nstatus: unprocessed\n---\nBody\n" };

    it("invalid JSON: list uses the defaults, validate reports it", () => {
      const vault = vaultWith({ ...note, [DATA]: '{"queueFolder": "inbox", oops' });
      const list = cli(["list", "--vault", vault, "--json"]);
      expect(list.code).toBe(0);
      expect(json<ListJson>(list).sources.map((s) => s.path)).toEqual(["inbox/inside.md"]);
      expect(messagesOf(json<ValidateJson>(cli(["validate", "--vault", vault, "--json"])), DATA)).toEqual([
        "warning: The settings file cannot be read (data.json is not valid JSON); the defaults are used",
      ]);
    });

    it("wrong types: each bad setting falls back to its default and validate names it", () => {
      const vault = vaultWith({ ...note, [DATA]: JSON.stringify({ queueFolder: 42, claimFolder: ["x"], defaultConfidence: "sure", processedBy: "Ann" }) });
      expect(json<ListJson>(cli(["list", "--vault", vault, "--json"])).sources.map((s) => s.path)).toEqual(["inbox/inside.md"]);
      expect(messagesOf(json<ValidateJson>(cli(["validate", "--vault", vault, "--json"])), DATA)).toEqual([
        'warning: Setting "queueFolder" is invalid; the default is used',
        'warning: Setting "claimFolder" is invalid; the default is used',
        'warning: Setting "defaultConfidence" is invalid; the default is used',
      ]);
    });

    it("a list instead of an object: the defaults, and validate says so", () => {
      const vault = vaultWith({ ...note, [DATA]: "[1, 2, 3]" });
      expect(cli(["list", "--vault", vault]).code).toBe(0);
      expect(messagesOf(json<ValidateJson>(cli(["validate", "--vault", vault, "--json"])), DATA)).toEqual([
        "warning: The settings file does not hold a set of settings; the defaults are used",
      ]);
    });
  });
});
