// `claim <note> --sync git` (SPEC §7 "Agents on many machines"), with the
// real git binary: a claim of a named source is one commit "claim <source>
// for <agent>" pushed to the remote; a second clone's claim of that source
// is refused once the first is pushed ("held by"), and answers "taken by"
// when the two race (its commit dropped, the clone clean at the remote's
// head, no merge).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { BIN, cleanUp } from "./run-cli";
import { dirtyNotes, history, sh, sharedQueue, sq } from "./git-remote";

afterAll(cleanUp, 60_000);

const SOURCE = "inbox/2026-03-27-sandbagging-scheming-evals.md";
const onRemote = (remote: string) => parseFrontmatter(sh(remote, "show", `main:${SOURCE}`)).data ?? {};
const atRemoteHead = (clone: string, remote: string) => {
  expect(dirtyNotes(clone)).toEqual([]);
  expect(sh(clone, "rev-parse", "HEAD")).toBe(sh(remote, "rev-parse", "main"));
};

describe("claim <note> --sync git", () => {
  it("pushes exactly one commit, \"claim <source> for <agent>\", listing the source; claiming again is one more", async () => {
    const q = sharedQueue(1);
    const [a = ""] = q.clones;
    const r = await sq(["claim", SOURCE, "--agent", "agent-1", "--vault", a, "--sync", "git"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${SOURCE.replace(/\./g, "\\.")}: claimed by agent-1 until \\d{4}-\\d\\d-\\d\\dT\\S+\\n$`));
    expect(history(q.remote)).toEqual({ subjects: [`claim ${SOURCE} for agent-1`, "the vault"], merges: 0 });
    expect(sh(q.remote, "log", "-1", "--format=%b", "main").trim()).toBe(`- ${SOURCE}`);
    expect(sh(q.remote, "show", "--name-only", "--format=", "main").trim()).toBe(SOURCE);
    expect(onRemote(q.remote)).toMatchObject({ status: "processing", processed_by: "agent-1", processing_until: expect.any(String) });
    atRemoteHead(a, q.remote);

    const again = await sq(["claim", SOURCE, "--agent", "agent-1", "--lease", "90", "--vault", a, "--sync", "git", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ path: SOURCE, agent: "agent-1", outcome: "extended" });
    expect(history(q.remote).subjects.slice(0, 2)).toEqual([`claim ${SOURCE} for agent-1`, `claim ${SOURCE} for agent-1`]);
    atRemoteHead(a, q.remote);
  }, 30_000);

  it("in a second clone, after the first claim is pushed: refused, held by the first agent, nothing pushed", async () => {
    const q = sharedQueue(2);
    const [a = "", b = ""] = q.clones;
    expect((await sq(["claim", SOURCE, "--agent", "agent-1", "--vault", a, "--sync", "git"])).code).toBe(0);
    const r = await sq(["claim", SOURCE, "--agent", "agent-2", "--vault", b, "--sync", "git"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/is held by agent-1 until /);
    expect(history(q.remote).subjects).toEqual([`claim ${SOURCE} for agent-1`, "the vault"]);
    atRemoteHead(b, q.remote);
  }, 30_000);

  it("racing another clone's claim of the same source: \"taken by\" the winner, our commit dropped, history linear", async () => {
    const q = sharedQueue(2);
    const [a = "", b = ""] = q.clones;
    // Between clone b's commit and its push, agent 1 claims the same source in clone a and pushes first (a post-commit hook makes the race certain).
    const hook = join(b, ".git", "hooks", "post-commit");
    writeFileSync(hook, `#!/bin/sh\n[ -e "${b}/.git/raced" ] && exit 0\ntouch "${b}/.git/raced"\n"${process.execPath}" "${BIN}" claim "${SOURCE}" --agent agent-1 --vault "${a}" --sync git >/dev/null\n`, { mode: 0o755 });
    const r = await sq(["claim", SOURCE, "--agent", "agent-2", "--vault", b, "--sync", "git"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`taken by agent-1: ${SOURCE.replace(/\./g, "\\.")}; nothing written`));
    const { subjects, merges } = history(q.remote);
    expect(subjects).toEqual([`claim ${SOURCE} for agent-1`, "the vault"]);
    expect(merges).toBe(0);
    expect(onRemote(q.remote)).toMatchObject({ processed_by: "agent-1" });
    atRemoteHead(b, q.remote);
    atRemoteHead(a, q.remote);
  }, 30_000);

  it("with --review, names the branch its extraction will go to, in the same one commit", async () => {
    const q = sharedQueue(1);
    const [a = ""] = q.clones;
    const r = await sq(["claim", SOURCE, "--agent", "agent-1", "--vault", a, "--sync", "git", "--review"]);
    expect(r.code, r.stderr).toBe(0);
    expect(history(q.remote).subjects).toEqual([`claim ${SOURCE} for agent-1`, "the vault"]);
    expect(onRemote(q.remote)).toMatchObject({ status: "processing", processed_by: "agent-1", review_branch: "extract/2026-03-27-sandbagging-scheming-evals" });
    atRemoteHead(a, q.remote);
  }, 30_000);
});
