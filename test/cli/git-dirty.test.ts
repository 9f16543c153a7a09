// `--sync git` and the notes a user left uncommitted (SPEC §7: "a clone with
// uncommitted changes to the notes it writes refuses with one line"), with
// the real git binary: a changed or new note the write does not touch is
// kept byte for byte and never committed, across a claim, an extraction, a
// lost race and a kill; a write that would change one (the source itself, or
// a note the remote changed) refuses in one line, exit 2, nothing written,
// the user's text intact.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, cleanUp } from "./run-cli";
import { history, sh, sharedQueue, sq } from "./git-remote";

afterAll(cleanUp, 120_000);

const OTHER = "inbox/2025-07-02-inflation-expectations-households-firms.md";
const NEW_NOTE = "inbox/my-draft.md";
const ENRICHING = "inbox/2026-03-05-deep-sea-mining-sediment-plumes.md";
const TARGET = "domains/biology/deep-sea mining impacts are irreversible on human timescales.md";
const MINE = "\nA curator's sentence, not committed yet.\n";

/** A clone with a changed note (OTHER) and a new one (NEW_NOTE), neither committed; their bytes. */
function dirtyClone(c: string): Record<string, string> {
  writeFileSync(join(c, OTHER), `${readFileSync(join(c, OTHER), "utf8")}${MINE}`);
  writeFileSync(join(c, NEW_NOTE), "# My draft\n\nhalf a thought\n");
  return { [OTHER]: readFileSync(join(c, OTHER), "utf8"), [NEW_NOTE]: readFileSync(join(c, NEW_NOTE), "utf8") };
}

/** `git status --porcelain` lines, sorted (the leading space of " M" kept). */
const status = (c: string, ...paths: string[]) => spawnSync("git", ["status", "--porcelain", "--", ...paths], { cwd: c, encoding: "utf8" }).stdout.split("\n").filter((l) => l !== "").sort();

const expectKept = (c: string, kept: Record<string, string>, remote: string) => {
  for (const [path, text] of Object.entries(kept)) expect(readFileSync(join(c, path), "utf8"), path).toBe(text);
  expect(status(c, OTHER, NEW_NOTE)).toEqual([` M ${OTHER}`, `?? ${NEW_NOTE}`]);
  // Never in a commit: the remote's files are the committed ones.
  expect(sh(remote, "show", `main:${OTHER}`)).not.toContain("not committed yet");
  expect(sh(remote, "ls-tree", "--name-only", "main", NEW_NOTE)).toBe("");
};

function oneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe("notes the user left uncommitted", () => {
  it("an unrelated changed note and a new one survive a claim, an extraction and its push byte for byte, in no commit", async () => {
    const q = sharedQueue(1);
    const c = q.clones[0] ?? "";
    const kept = dirtyClone(c);
    const claim = await sq(["next", "--claim", "agent-1", "--vault", c, "--sync", "git", "--domain", "ai-alignment", "--json"]);
    expect(claim.code, claim.stderr).toBe(0);
    const held = (JSON.parse(claim.stdout) as { source: { path: string } }).source.path;
    const r = await sq(["extract", held, "--plan", "-", "--vault", c, "--sync", "git"], { input: JSON.stringify({ agent: "agent-1" }) });
    expect(r.code, r.stderr).toBe(0);
    const { subjects, merges } = history(q.remote);
    expect(subjects[0]).toMatch(/^extract .*: \d+ claims?$/);
    expect(merges).toBe(0);
    const files = sh(q.remote, "show", "--name-only", "--format=", "main").split("\n");
    expect(files).toContain(held);
    expect(files).not.toContain(OTHER);
    expect(sh(c, "rev-parse", "HEAD")).toBe(sh(q.remote, "rev-parse", "main"));
    expectKept(c, kept, q.remote);
  }, 30_000);

  it("are kept when the push is rejected and our commit is picked onto the remote's head", async () => {
    const q = sharedQueue(2);
    const [a = "", b = ""] = q.clones;
    const kept = dirtyClone(a);
    // Between agent 1's commit and its push, a curator sets another source's priority and pushes: agent 1's push is rejected, then replayed.
    const hook = join(a, ".git", "hooks", "post-commit");
    writeFileSync(hook, `#!/bin/sh\n[ -e "${a}/.git/raced" ] && exit 0\ntouch "${a}/.git/raced"\n"${process.execPath}" "${BIN}" set "${ENRICHING}" --priority low --vault "${b}" --sync git >/dev/null\n`, { mode: 0o755 });
    const r = await sq(["next", "--claim", "agent-1", "--vault", a, "--sync", "git", "--domain", "ai-alignment"]);
    expect(r.code, r.stderr).toBe(0);
    const [mine = "", theirs = ""] = history(q.remote).subjects;
    expect(theirs).toMatch(/^set .*priority low$/);
    expect(mine).toMatch(/ for agent-1$/);
    expect(sh(a, "reflog", "-3", "--format=%gs")).toMatch(/cherry-pick/);
    expect(history(q.remote).merges).toBe(0);
    expect(sh(a, "rev-parse", "HEAD")).toBe(sh(q.remote, "rev-parse", "main"));
    expectKept(a, kept, q.remote);
  }, 30_000);

  it("are kept when a synced extraction is killed (kill -9) before its commit and the next command recovers the clone", async () => {
    const plan = { input: JSON.stringify({ agent: "agent-1" }) };
    const claimed = async (c: string) => {
      const claim = await sq(["next", "--claim", "agent-1", "--vault", c, "--sync", "git", "--domain", "ai-alignment", "--json"]);
      return (JSON.parse(claim.stdout) as { source: { path: string } }).source.path;
    };
    const probe = sharedQueue(1).clones[0] ?? "";
    const traced = await sq(["extract", await claimed(probe), "--plan", "-", "--vault", probe, "--sync", "git"], { ...plan, env: { SOURCE_QUEUE_TRACE_STEPS: "1" } });
    const step = /write step (\d+): git commit$/m.exec(traced.stderr)?.[1];
    expect(step, traced.stderr).toBeDefined();
    const q = sharedQueue(1);
    const c = q.clones[0] ?? "";
    const held = await claimed(c);
    const kept = dirtyClone(c);
    const killed = await sq(["extract", held, "--plan", "-", "--vault", c, "--sync", "git"], { ...plan, env: { SOURCE_QUEUE_FAIL_AT: step } });
    expect(killed.signal).toBe("SIGKILL");
    expect(status(c).length).toBeGreaterThan(2); // the claims, written and not committed
    const next = await sq(["next", "--vault", c, "--sync", "git"]);
    expect(next.code, next.stderr).toBe(0);
    expect(history(q.remote).subjects[0]).toMatch(/^claim /);
    expect(sh(c, "rev-parse", "HEAD")).toBe(sh(q.remote, "rev-parse", "main"));
    expect(status(c)).toEqual([` M ${OTHER}`, `?? ${NEW_NOTE}`]);
    expectKept(c, kept, q.remote);
  }, 40_000);
});

describe("a write that would change a note with uncommitted changes: one line, exit 2, nothing written", () => {
  it("the source itself", async () => {
    const q = sharedQueue(1);
    const c = q.clones[0] ?? "";
    const claim = await sq(["next", "--claim", "agent-1", "--vault", c, "--sync", "git", "--domain", "ai-alignment", "--json"]);
    const held = (JSON.parse(claim.stdout) as { source: { path: string } }).source.path;
    writeFileSync(join(c, held), `${readFileSync(join(c, held), "utf8")}${MINE}`);
    const mine = readFileSync(join(c, held), "utf8");
    const head = sh(c, "rev-parse", "HEAD");
    for (const args of [["extract", held, "--plan", "-"], ["set", held, "--priority", "low", "--agent", "agent-1"], ["release", held, "--agent", "agent-1"]]) {
      const r = await sq([...args, "--vault", c, "--sync", "git"], { input: JSON.stringify({ agent: "agent-1" }) });
      expect(r.code, r.stderr).toBe(2);
      oneLine(r.stderr, new RegExp(`${held.replace(/[.]/g, "\\.")} has uncommitted changes in the clone.*nothing written`));
      expect(readFileSync(join(c, held), "utf8")).toBe(mine);
      expect(sh(c, "rev-parse", "HEAD")).toBe(head);
      expect(sh(q.remote, "rev-parse", "main")).toBe(head);
      expect(status(c)).toEqual([` M ${held}`]);
    }
  }, 30_000);

  it("a claim the extraction would enrich", async () => {
    const q = sharedQueue(1);
    const c = q.clones[0] ?? "";
    writeFileSync(join(c, TARGET), `${readFileSync(join(c, TARGET), "utf8")}${MINE}`);
    const mine = readFileSync(join(c, TARGET), "utf8");
    const source = readFileSync(join(c, ENRICHING), "utf8");
    const r = await sq(["extract", ENRICHING, "--vault", c, "--sync", "git"]);
    expect(r.code, r.stderr).toBe(2);
    oneLine(r.stderr, /deep-sea mining impacts are irreversible on human timescales\.md has uncommitted changes in the clone, and this write would change it.*nothing written/);
    expect(readFileSync(join(c, TARGET), "utf8")).toBe(mine);
    expect(readFileSync(join(c, ENRICHING), "utf8")).toBe(source);
    expect(status(c)).toEqual([` M "${TARGET}"`]); // git quotes a name with spaces
    expect(history(q.remote).subjects).toEqual(["the vault"]);
  }, 30_000);

  it("a note the remote changed (the fast-forward would overwrite it)", async () => {
    const q = sharedQueue(2);
    const [a = "", b = ""] = q.clones;
    writeFileSync(join(b, OTHER), `${readFileSync(join(b, OTHER), "utf8")}\nFrom the other machine.\n`);
    sh(b, "commit", "-qam", "curator note");
    sh(b, "push", "-q");
    writeFileSync(join(a, OTHER), `${readFileSync(join(a, OTHER), "utf8")}${MINE}`);
    const mine = readFileSync(join(a, OTHER), "utf8");
    const head = sh(a, "rev-parse", "HEAD");
    const r = await sq(["next", "--claim", "agent-1", "--vault", a, "--sync", "git", "--domain", "ai-alignment"]);
    expect(r.code, r.stderr).toBe(2);
    oneLine(r.stderr, new RegExp(`the remote changed notes that have uncommitted changes in the clone \\(${OTHER.replace(/[.]/g, "\\.")}\\).*nothing written`));
    expect(readFileSync(join(a, OTHER), "utf8")).toBe(mine);
    expect(sh(a, "rev-parse", "HEAD")).toBe(head);
    expect(history(q.remote).subjects[0]).toBe("curator note");
  }, 30_000);

  it("a staged note, whatever it is", async () => {
    const q = sharedQueue(1);
    const c = q.clones[0] ?? "";
    writeFileSync(join(c, NEW_NOTE), "# staged\n");
    sh(c, "add", NEW_NOTE);
    const r = await sq(["next", "--claim", "agent-1", "--vault", c, "--sync", "git"]);
    expect(r.code, r.stderr).toBe(2);
    oneLine(r.stderr, /staged changes to notes \(inbox\/my-draft\.md\).*nothing written/);
    expect(status(c)).toEqual([`A  ${NEW_NOTE}`]);
    expect(existsSync(join(c, NEW_NOTE))).toBe(true);
    expect(history(q.remote).subjects).toEqual(["the vault"]);
  }, 30_000);
});
