// The agent commands over a vault on disk (src/node/agent-commands.ts), in
// process: what the CLI twins (`next --claim`, `extract --plan`) build on.
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { FsAgentCommands } from "../../src/node/agent-commands";
import { CommandError, parsePlan } from "../../src/node/agent-tools";
import { parseFrontmatter } from "../../src/core/note/parse-frontmatter";
import { cleanUp, tempDir } from "../cli/run-cli";

const DEMO = join(import.meta.dirname, "../../demo-vault");
let vault = "";
let undoDir = "";

beforeEach(() => {
  vault = tempDir("sq-agent-");
  undoDir = tempDir("sq-agent-undo-");
  cpSync(DEMO, vault, { recursive: true });
});
afterAll(cleanUp);

const source = (path: string) => ({ path: path, ...(parseFrontmatter(readFileSync(join(vault, path), "utf8")).data ?? {}) });

describe("taking the next source and claiming it in one step", () => {
  it("gives two agents two different sources, even when one's view of the queue is a step behind", async () => {
    const a = new FsAgentCommands(vault, { undoDir });
    const b = new FsAgentCommands(vault, { undoDir });
    // b reads the queue first, so its rows still show a's source as unprocessed.
    const seenByB = (await b.nextSource({})).source as { path: string };
    const first = (await a.claimNext({ agent: "agent-a" })) as { source: { path: string }; claim: { outcome: string } };
    expect(first.source.path).toBe(seenByB.path);
    expect(first.claim.outcome).toBe("claimed");
    const second = (await b.claimNext({ agent: "agent-b" })) as { source: { path: string } };
    expect(second.source.path).not.toBe(first.source.path);
    expect(source(first.source.path)).toMatchObject({ status: "processing", processed_by: "agent-a" });
    expect(source(second.source.path)).toMatchObject({ status: "processing", processed_by: "agent-b" });
  });

  it("does not offer a source it just claimed as the next one", async () => {
    const a = new FsAgentCommands(vault, { undoDir });
    const next = (await a.nextSource({})).source as { path: string };
    await a.claimSource({ path: next.path, agent: "agent-a" });
    expect(((await a.nextSource({})).source as { path: string }).path).not.toBe(next.path);
  });

  it("gives null for both when nothing is left in the domain", async () => {
    const a = new FsAgentCommands(vault, { undoDir });
    expect(await a.claimNext({ agent: "agent-a", domain: "no-such-domain" })).toEqual({ source: null, claim: null });
  });
});

describe("a plan file for extract --plan", () => {
  it("reads the extract_claims arguments without the path", () => {
    expect(parsePlan('{"select":[1,2],"claims":[{"title":"A claim of the agent","confidence":"likely"}],"model":"m"}')).toEqual({
      select: [1, 2],
      claims: [{ title: "A claim of the agent", confidence: "likely" }],
      model: "m",
    });
  });
  const bad: { name: string; text: string; error: RegExp }[] = [
    { name: "text that is not JSON", text: "{select:", error: /^--plan: not JSON/ },
    { name: "an unknown key", text: '{"selekt":[1]}', error: /^--plan: Unrecognized key: "selekt"$/ },
    { name: "a path (the note is named on the command line)", text: '{"path":"inbox/x.md"}', error: /Unrecognized key: "path"/ },
    { name: "a confidence that is not one", text: '{"claims":[{"title":"t","confidence":"sure"}]}', error: /^--plan: claims\.0\.confidence: Invalid option/ },
  ];
  for (const c of bad) {
    it(`refuses ${c.name} in one line`, () => {
      let error: unknown;
      try {
        parsePlan(c.text);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(CommandError);
      expect((error as Error).message).toMatch(c.error);
      expect((error as Error).message).not.toContain("\n");
    });
  }
});

describe("set_fields writes a null-result's reason where the vault keeps it (SPEC §1)", () => {
  it("in extraction_notes when the vault's null-result notes use that field and no reason field is set", async () => {
    const { writeFileSync } = await import("node:fs");
    for (const n of [1, 2]) writeFileSync(join(vault, `inbox/empty-${n}.md`), `---\ntype: source\ntitle: Empty ${n}\nstatus: null-result\nextraction_notes: nothing new\n---\nBody\n`);
    const path = "inbox/2026-01-15-cold-climate-heat-pump-field-trials.md";
    await new FsAgentCommands(vault, { undoDir }).setFields({ path, status: "null-result", reason: "a survey of surveys" });
    expect(source(path)).toMatchObject({ status: "null-result", extraction_notes: "a survey of surveys" });
    expect(source(path)).not.toHaveProperty("notes");
  });
});
