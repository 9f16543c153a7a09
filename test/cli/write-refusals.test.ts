// SPEC §8 through the built CLI: a symbolic link inside the vault is written
// through and stays a link; a FIFO or a folder named like a note is refused
// at once (exit 2, one line, no hang); error lines say their code once and
// stay under 300 characters, even for a 100 KB folder name in the settings.
import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, cleanUp, cliEnv, copyDemoVault } from "./run-cli";

afterAll(cleanUp);

const NOTE = "inbox/2026-03-02-ocean-heat-content-record.md";
const SOURCE = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";

function run(vault: string, args: string[]) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args, "--vault", vault], { encoding: "utf8", env: cliEnv(), timeout: 10_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - start };
}

const oneLine = (stderr: string) => stderr.trimEnd().split("\n");

describe("a symbolic link inside the vault", () => {
  it("is written through: the link stays a link and its target gets the change", () => {
    const vault = copyDemoVault();
    mkdirSync(join(vault, "notes"));
    writeFileSync(join(vault, "notes/real.md"), readFileSync(join(vault, NOTE)));
    symlinkSync("../notes/real.md", join(vault, "inbox/linked.md"));
    const r = run(vault, ["set", "inbox/linked.md", "--priority", "low"]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(vault, "inbox/linked.md")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(vault, "inbox/linked.md"))).toBe("../notes/real.md");
    expect(readFileSync(join(vault, "notes/real.md"), "utf8")).toMatch(/^priority: low$/m);
  });

  it("is written through by extract too: the source's link stays and the real source is updated", () => {
    const vault = copyDemoVault();
    mkdirSync(join(vault, "notes"));
    writeFileSync(join(vault, "notes/source.md"), readFileSync(join(vault, SOURCE)));
    symlinkSync("../notes/source.md", join(vault, "inbox/linked-source.md"));
    const r = run(vault, ["extract", "inbox/linked-source.md"]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(vault, "inbox/linked-source.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(vault, "notes/source.md"), "utf8")).toMatch(/^status: processed$/m);
  });
});

describe("a path that is not a regular file", () => {
  const cases: [string, (vault: string) => void, RegExp][] = [
    ["a FIFO named x.md", (v) => expect(spawnSync("mkfifo", [join(v, "inbox/x.md")]).status).toBe(0), /^source-queue: inbox\/x\.md is a named pipe \(FIFO\), not a note$/],
    ["a folder named x.md", (v) => mkdirSync(join(v, "inbox/x.md")), /^source-queue: inbox\/x\.md is a folder, not a note$/],
  ];
  for (const [name, make, line] of cases) {
    for (const args of [["set", "inbox/x.md", "--priority", "low"], ["extract", "inbox/x.md"], ["extract", "inbox/x.md", "--dry-run"]]) {
      it(`${name} is refused by ${args.join(" ")} at once: exit 2 and one line`, () => {
        const vault = copyDemoVault();
        make(vault);
        const r = run(vault, args);
        expect(r.signal).toBeNull();
        expect(r.code).toBe(2);
        expect(oneLine(r.stderr)).toEqual([expect.stringMatching(line)]);
        expect(r.ms).toBeLessThan(5000);
      });
    }
  }

  it("never says an error code twice", () => {
    const vault = copyDemoVault();
    mkdirSync(join(vault, "inbox/x.md"));
    expect(run(vault, ["set", "inbox/x.md", "--priority", "low"]).stderr).not.toMatch(/\b(E[A-Z]+): \1/);
  });
});

describe("an error about a 100 KB folder name from the settings", () => {
  it("is one line under 300 characters, with its code once", () => {
    const vault = copyDemoVault();
    mkdirSync(join(vault, ".obsidian/plugins/source-queue"), { recursive: true });
    writeFileSync(join(vault, ".obsidian/plugins/source-queue/data.json"), JSON.stringify({ claimFolder: "x".repeat(100_000) }));
    const r = run(vault, ["extract", SOURCE]);
    expect(r.code).toBe(1);
    const lines = oneLine(r.stderr);
    expect(lines).toHaveLength(1);
    expect((lines[0] ?? "").length).toBeLessThan(300);
    expect(lines[0]).toMatch(/^source-queue: extract failed and was rolled back: ENAMETOOLONG: /);
    expect(lines[0]).not.toMatch(/ENAMETOOLONG: ENAMETOOLONG/);
  });
});
