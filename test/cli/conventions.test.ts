// Issue #14: the CLI reads the vault's conventions from the plugin's
// data.json (usePriority, reasonField), names the known domains when a
// --domain matches none, and prints no escape codes off a terminal.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, cli, cliEnv, copyDemoVault, tempDir } from "./run-cli";

afterAll(cleanUp);

const ESC = String.fromCharCode(27);

const note = (fields: string) => `---\ntype: source\ntitle: A source\nauthor: Someone\ndate: 2026-01-02\ndomain: health\n${fields}\n---\n\nBody.\n`;

/** A vault of three sources in a vault whose schema has no priority and keeps reasons in extraction_notes. */
function conventionVault(data: unknown): string {
  const vault = tempDir("sq-conventions-");
  mkdirSync(join(vault, "inbox"), { recursive: true });
  writeFileSync(join(vault, "inbox", "no-priority.md"), note("status: unprocessed"));
  writeFileSync(join(vault, "inbox", "null-with-reason.md"), note("status: null-result\nextraction_notes: Paywalled; nothing new"));
  writeFileSync(join(vault, "inbox", "null-without-reason.md"), note("status: null-result"));
  mkdirSync(join(vault, ".obsidian", "plugins", "source-queue"), { recursive: true });
  writeFileSync(join(vault, ".obsidian", "plugins", "source-queue", "data.json"), JSON.stringify(data));
  return vault;
}

type Report = { files: { path: string; problems: { level: string; message: string }[] }[]; errors: number; warnings: number };

describe("validate with the vault's conventions", () => {
  it("reports no priority warnings with usePriority false, and accepts reasons in the reason field", () => {
    const vault = conventionVault({ settings: { usePriority: false, reasonField: "extraction_notes" } });
    const r = cli(["validate", "--vault", vault, "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const messages = report.files.flatMap((f) => f.problems.map((p) => `${f.path}: ${p.message}`));
    expect(messages).toEqual(["inbox/null-without-reason.md: Status is null-result but no reason is given (in extraction_notes or notes)"]);
  });

  it("reads the settings from the top level of an older data.json too", () => {
    const vault = conventionVault({ usePriority: false, reasonField: "extraction_notes" });
    const report = JSON.parse(cli(["validate", "--vault", vault, "--json"]).stdout) as Report;
    expect(report.warnings).toBe(1);
  });

  it("with the defaults, warns about a missing priority only on a source still in the queue, and takes a reason in notes or extraction_notes", () => {
    const vault = conventionVault({ settings: { queueFolder: "inbox" } });
    const report = JSON.parse(cli(["validate", "--vault", vault, "--json"]).stdout) as Report;
    const messages = report.files.flatMap((f) => f.problems.map((p) => `${f.path}: ${p.message}`));
    expect(messages).toEqual(["inbox/no-priority.md: No priority; it counts as unknown", "inbox/null-without-reason.md: Status is null-result but no reason is given (in notes or extraction_notes)"]);
  });
});

describe("list", () => {
  it("names the known domains when --domain matches none", () => {
    const vault = copyDemoVault();
    const r = cli(["list", "--vault", vault, "--domain", "nope"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No source has the domain "nope"\. Known domains: .*ai-alignment.*\./);
    expect(r.stdout).toContain("climate");
    expect(r.stdout).not.toContain("--all shows");
  });
});

describe("plain output", () => {
  it.each<[string, Record<string, string | undefined>]>([
    ["piped", { NO_COLOR: undefined }],
    ["with NO_COLOR", { NO_COLOR: "1" }],
  ])("prints no escape codes %s (list, validate, and the demo)", (_name, env) => {
    const vault = copyDemoVault();
    for (const args of [["list", "--vault", vault], ["validate", "--vault", vault], ["list", "--vault", vault, "--domain", "nope"]]) {
      const r = cli(args, undefined, cliEnv(env));
      expect(r.stdout + r.stderr).not.toContain(ESC);
    }
  });

  it("npm run demo's script prints no escape codes when piped, and removes its scratch vault", () => {
    const tmp = tempDir("sq-demo-tmp-");
    const out = execFileSync(process.execPath, [join(import.meta.dirname, "../../scripts/demo.mjs")], { encoding: "utf8", env: cliEnv({ NO_COLOR: undefined, FORCE_COLOR: undefined, TMPDIR: tmp }) });
    expect(out).toContain("== 2. The queue");
    expect(out).not.toContain(ESC);
    expect(out).toContain("The scratch copy is removed now");
    expect(readdirSync(tmp)).toEqual([]);
  });
});
