import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "date-fns";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { changedLines, cleanUp, cli, copyDemoVault, read, snapshot } from "./run-cli";

const SEED = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";
const today = format(new Date(), "yyyy-MM-dd");

let vault: string;
beforeEach(() => {
  vault = copyDemoVault();
});
afterAll(cleanUp);

describe("source-queue list", () => {
  it("prints the queue as JSON with counts, hiding processed and null-result sources", () => {
    const r = cli(["list", "--vault", vault, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { vault: string; counts: Record<string, number>; sources: { path: string; status: string | null }[] };
    expect(out.counts).toEqual({ unprocessed: 15, processing: 4, processed: 2, "null-result": 1, unknown: 4 });
    expect(out.sources).toHaveLength(23);
    expect(out.sources.some((s) => s.status === "processed" || s.status === "null-result")).toBe(false);
    const seed = out.sources.find((s) => s.path === SEED);
    expect(seed).toMatchObject({ title: expect.stringMatching(/^Circuit Tracing/), author: "Subhadip Mitra (@subhadipmitra)", date: "2026-01-01", domain: "ai-alignment", status: "unprocessed", priority: "medium", hints: 3 });
  });

  it("shows every source with --all and filters by status, priority and domain", () => {
    const all = JSON.parse(cli(["list", "--vault", vault, "--all", "--json"]).stdout) as { sources: unknown[] };
    expect(all.sources).toHaveLength(26);
    const filtered = JSON.parse(cli(["list", "--vault", vault, "--status", "processed,null-result", "--priority", "low", "--json"]).stdout) as {
      sources: { status: string; priority: string }[];
    };
    expect(filtered.sources.length).toBeGreaterThan(0);
    expect(filtered.sources.every((s) => ["processed", "null-result"].includes(s.status) && s.priority === "low")).toBe(true);
    const climate = JSON.parse(cli(["list", "--vault", vault, "--domain", "climate", "--json"]).stdout) as { sources: { domain: string }[] };
    expect(climate.sources.every((s) => s.domain === "climate")).toBe(true);
  });

  it("sorts by priority, then newest date first", () => {
    const out = JSON.parse(cli(["list", "--vault", vault, "--json"]).stdout) as { sources: { priority: string | null; date: string | null }[] };
    const rank = (p: string | null) => ({ high: 0, medium: 1, low: 2 })[p ?? ""] ?? 3;
    for (let i = 1; i < out.sources.length; i++) {
      const a = out.sources[i - 1]!;
      const b = out.sources[i]!;
      expect(rank(a.priority) <= rank(b.priority)).toBe(true);
      if (rank(a.priority) === rank(b.priority) && a.date && b.date) expect(a.date >= b.date).toBe(true);
    }
  });

  it("reports legacy and unknown values as normalized values with problems", () => {
    const out = JSON.parse(cli(["list", "--vault", vault, "--all", "--json"]).stdout) as {
      sources: { path: string; status: string | null; priority: string | null; problems: { level: string; message: string }[] }[];
    };
    const partial = out.sources.find((s) => s.path.includes("deep-sea-mining"));
    expect(partial?.status).toBe("processing");
    const complete = out.sources.find((s) => s.path.includes("phage-therapy"));
    expect(complete?.status).toBeNull();
    expect(complete?.problems).toContainEqual({ level: "error", message: expect.stringContaining('"complete (13 pages)"') });
  });

  it("prints a readable table for people", () => {
    const r = cli(["list", "--vault", vault]);
    expect(r.stdout).toMatch(/^23 of 26 sources in inbox\//);
    expect(r.stdout).toContain("PRIORITY  STATUS");
  });
});

describe("source-queue extract", () => {
  it("creates the seed's claims with the §3 frontmatter and body and updates the source", () => {
    const before = read(vault, SEED);
    const r = cli(["extract", SEED, "--vault", vault, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { created: string[]; candidates: { title: string; selected: boolean; origin: string }[]; dryRun: boolean };
    expect(out.dryRun).toBe(false);
    // The seed's 3 hints and the curator's (3) (SPEC §2 rule 5).
    expect(out.candidates).toHaveLength(4);
    expect(out.created).toHaveLength(4);
    for (const path of out.created) {
      expect(path.startsWith("domains/ai-alignment/")).toBe(true);
      const claim = read(vault, path);
      expect(claim).toMatch(/^---\ntype: claim\ndomain: ai-alignment\n/);
      expect(claim).toContain("confidence: experimental\n");
      expect(claim).toContain(`created: ${today}\n`);
      expect(claim).toContain('source: "Subhadip Mitra (@subhadipmitra), \\"Circuit Tracing for the Rest of Us');
      expect(claim).toMatch(/\ndescription: .+\n/);
      expect(claim).toContain("## Evidence\n\n- [[2026-04-06-circuit-tracing-production-safety-mitra]] — ");
      // The seed's Relevant Notes name no note of the demo vault: left out of the claim (issue #24, dropped_links).
      expect(claim).not.toContain("Relevant Notes:");
    }
    const quoted = read(vault, out.created[1]!);
    expect(quoted).toContain("aliases:\n  - \"Anthropic's mechanistic circuit tracing");
    expect(quoted).toContain("\n# Anthropic's mechanistic circuit tracing and DeepMind's pragmatic interpretability address non-overlapping safety tasks: Anthropic maps");

    const after = read(vault, SEED);
    expect(after).toContain(`status: processed\n`);
    expect(after).toContain(`processed_date: ${today}\n`);
    expect(after).toContain("claims_extracted:\n  - ");
    expect(after).toContain("## Extracted claims\n\n- [[");
    // Nothing else in the source changes: the old text is still there line for line.
    const kept = before.split("\n").filter((l) => !l.startsWith("status:"));
    for (const line of kept) expect(after.split("\n")).toContain(line);
  });

  it("creates nothing the second time and leaves the source as it is", () => {
    expect(cli(["extract", SEED, "--vault", vault]).code).toBe(0);
    const once = snapshot(vault);
    const r = cli(["extract", SEED, "--vault", vault, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { created: string[]; linked: string[]; candidates: { exists: boolean; selected: boolean }[] };
    expect(out.created).toEqual([]);
    expect(out.linked).toHaveLength(4);
    expect(out.candidates.every((c) => c.exists && !c.selected)).toBe(true);
    expect(snapshot(vault)).toEqual(once);
  });

  it("writes nothing with --dry-run", () => {
    const before = snapshot(vault);
    const r = cli(["extract", SEED, "--vault", vault, "--dry-run", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { dryRun: boolean; created: string[] }).created).toEqual([]);
    expect(snapshot(vault)).toEqual(before);
    expect(cli(["extract", SEED, "--vault", vault, "--dry-run"]).stdout).toContain("Dry run: would create 4, enrich 0 and link 0; nothing was written.");
  });

  it("creates only the candidates named by --select", () => {
    const r = cli(["extract", SEED, "--vault", vault, "--select", "3", "--json"]);
    const out = JSON.parse(r.stdout) as { created: string[] };
    expect(out.created).toEqual(["domains/ai-alignment/The SPAR agent-automated circuit tracing project is the most direct attempted solution to the hours-per-prompt bottleneck.md"]);
  });

  it("shows an existing claim as exists — link only and does not create it again", () => {
    const note = "inbox/2026-03-14-sycophancy-reward-model-preference-bias.md";
    const r = cli(["extract", note, "--vault", vault]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("(exists — link only: domains/ai-alignment/Reward models trained on human preference data systematically overrate agreement with the user.md)");
  });

  it("refuses a source whose YAML does not parse, creating nothing, with exit 1", () => {
    const before = snapshot(vault);
    const r = cli(["extract", "inbox/2026-03-18-sae-feature-splitting-illusions.md", "--vault", vault]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("nothing written: The source cannot be updated");
    expect(snapshot(vault)).toEqual(before);
  });

  it("rejects --select numbers that are not candidates with exit 2", () => {
    const r = cli(["extract", SEED, "--vault", vault, "--select", "9"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('source-queue: --select: "9" is not a candidate number (1 to 4)\n');
  });

  it.each([
    ["a title of punctuation only", ["--add", "?!"], 'source-queue: --add: "?!": the title holds no letters or digits\n'],
    ["an added title twice", ["--add", "Sparse features scale", "--add", "Sparse features scale"], 'source-queue: --add: "Sparse features scale": another candidate has this title\n'],
    ["a retitle that is not N=text", ["--title", "Better title"], 'source-queue: --title: "Better title" is not N=text\n'],
  ])("refuses %s with exit 2, one line, and writes nothing (#11)", (_name, args, line) => {
    const before = snapshot(vault);
    const r = cli(["extract", SEED, "--vault", vault, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(line);
    expect(snapshot(vault)).toEqual(before);
  });

  it("--add and --title show in a --dry-run --json plan, written nowhere (#11)", () => {
    const before = snapshot(vault);
    const r = cli(["extract", SEED, "--vault", vault, "--dry-run", "--json", "--title", "1=Circuit tracing takes hours per prompt", "--add", "Interpretability reached production", "--description", "5=A first production decision used interpretability."]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { candidates: { title: string; selected: boolean; description: string }[] };
    // The seed's 4 candidates (3 hints and the curator's item), then the added claim.
    expect(out.candidates.map((c) => c.title)).toEqual(["Circuit tracing takes hours per prompt", expect.any(String), expect.any(String), expect.any(String), "Interpretability reached production"]);
    expect(out.candidates[4]?.selected).toBe(true);
    expect(snapshot(vault)).toEqual(before);
  });
});

describe("source-queue set", () => {
  it("changes only the named line", () => {
    const before = read(vault, SEED);
    const r = cli(["set", SEED, "--vault", vault, "--priority", "high"]);
    expect(r.code).toBe(0);
    const after = read(vault, SEED);
    expect(changedLines(before, after)).toEqual([10]);
    expect(after.split("\n")[10]).toBe("priority: high");
  });

  it("writes processed_date with status processed", () => {
    const before = read(vault, SEED);
    cli(["set", SEED, "--vault", vault, "--status", "processed"]);
    const after = read(vault, SEED);
    expect(after.split("\n")[9]).toBe("status: processed");
    expect(after).toContain(`processed_date: ${today}\n---`);
    expect(after.split("\n").length).toBe(before.split("\n").length + 1);
  });

  it("keeps quotes, CRLF line endings and the byte-order mark", () => {
    const crlf = "inbox/2026-02-11-labor-share-software-investment.md";
    const before = read(vault, crlf);
    cli(["set", crlf, "--vault", vault, "--priority", "low"]);
    const after = read(vault, crlf);
    expect(after.split("\r\n").length).toBe(before.split("\r\n").length);
    expect(changedLines(before, after)).toHaveLength(1);
    const quoted = "inbox/2025-07-02-inflation-expectations-households-firms.md";
    cli(["set", quoted, "--vault", vault, "--status", "processing"]);
    expect(read(vault, quoted)).toContain('status: "processing"');
    const bom = "inbox/2026-01-15-cold-climate-heat-pump-field-trials.md";
    cli(["set", bom, "--vault", vault, "--priority", "high"]);
    expect(read(vault, bom).charCodeAt(0)).toBe(0xfeff);
  });

  it("asks for a reason with null-result and writes it to notes", () => {
    const bad = cli(["set", SEED, "--vault", vault, "--status", "null-result"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--status: null-result needs a reason");
    expect(cli(["set", SEED, "--vault", vault, "--status", "null-result", "--reason", "Paywalled"]).code).toBe(0);
    expect(read(vault, SEED)).toContain("status: null-result\n");
    expect(read(vault, SEED)).toContain("notes: Paywalled\n");
  });

  it("refuses to edit YAML that does not parse, and says so in one line", () => {
    const note = "inbox/2026-03-18-sae-feature-splitting-illusions.md";
    const before = read(vault, note);
    const r = cli(["set", note, "--vault", vault, "--priority", "high"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(read(vault, note)).toBe(before);
  });
});

describe("source-queue validate", () => {
  it("reports each broken demo note with a clear message and exits 1", () => {
    const r = cli(["validate", "--vault", vault, "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { files: { path: string; problems: { level: string; message: string }[] }[]; errors: number; warnings: number };
    const messages = (name: string) => out.files.find((f) => f.path.includes(name))?.problems.map((p) => `${p.level}: ${p.message}`) ?? [];
    expect(messages("sae-feature-splitting")).toContainEqual(expect.stringMatching(/^error: Frontmatter YAML does not parse/));
    expect(messages("wildfire-smoke")).toContain("error: Frontmatter is a list, not a set of fields");
    expect(messages("no-frontmatter")).toContain("error: No frontmatter: the note does not start with a --- line");
    expect(messages("minimum-wage")).toContainEqual(expect.stringContaining('Type "newsletter" is not a source type'));
    expect(messages("tariff-pass-through")).toContainEqual(expect.stringContaining("No type field"));
    expect(messages("base-editing")).toContain('error: Priority "urgent" is not one of high, medium, low');
    expect(messages("maize-yields")).toContain('warning: Field "priority" appears 2 times; the last value counts');
    expect(out.errors).toBe(7);
  });

  it("exits 0 when there are only warnings", () => {
    const clean = copyDemoVault();
    const r = cli(["validate", "--vault", join(clean, "domains")]);
    expect(r.code).toBe(0);
  });
});

describe("usage errors", () => {
  it("a missing note exits 2 with one line", () => {
    const r = cli(["extract", "inbox/nope.md", "--vault", vault]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("source-queue: note not found in the vault: inbox/nope.md\n");
  });

  it("a missing vault exits 2 with one line", () => {
    const r = cli(["list", "--vault", join(vault, "nope")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("vault not found");
  });

  it("an unknown command or flag exits 2", () => {
    expect(cli(["frobnicate"]).code).toBe(2);
    expect(cli(["list", "--vault", vault, "--select", "1"]).code).toBe(2);
    expect(cli(["set", SEED, "--vault", vault, "--status", "done"]).stderr).toContain('"done" is not one of');
  });

  it("never prints a stack trace", () => {
    writeFileSync(join(vault, "inbox", "x.md"), "---\ntitle: x\n---\n");
    for (const args of [["extract", "../../etc/passwd", "--vault", vault], ["set", "inbox/x.md", "--vault", vault]]) {
      const r = cli(args);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(vault, "..", "etc"))).toBe(false);
    }
  });
});
