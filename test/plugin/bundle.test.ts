// @vitest-environment happy-dom
// The built main.js, loaded the way Obsidian mobile would: CommonJS with only
// `obsidian` to require, and no Node globals (Buffer, process) in scope.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as obsidian from "obsidian";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test-support/obsidian/harness";
import { SEED_PATH, seedNote } from "../fixtures/seed";
import { manifest } from "./plugin-harness";

const root = join(import.meta.dirname, "../../");

function loadBundle(): { default: new (...args: never[]) => obsidian.Plugin; required: string[] } {
  const code = readFileSync(join(root, "main.js"), "utf8");
  const required: string[] = [];
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string) => {
    required.push(id);
    if (id === "obsidian") return obsidian;
    throw new Error(`main.js requires "${id}", which Obsidian mobile does not have`);
  };
  // Shadow Node's globals so the bundle sees what a phone's WebView offers.
  new Function("module", "exports", "require", "Buffer", "process", "global", code)(module, module.exports, require, undefined, undefined, undefined);
  return { default: module.exports.default as never, required };
}

let h: Harness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

describe("the built main.js", () => {
  // The target of issue #6 was 150 KB. Similar claims, enrichment, BM25
  // evidence, the intent journal, multi-select and bulk changes (issues
  // #11–#15) took it to 210 KB, js-yaml's loader and zod/mini 49 KB of it:
  // the 150 KB target is missed, and said so in docs/performance.md. Issue
  // #21's judgement (verdicts, propositions, one claim once, curator prose:
  // about 15 KB of patterns and rules), #27's holder checks with the take-over
  // prompt (about 10 KB), #24's auto claim folder, conventions and their
  // Detect dialog, dangling entries and rarity-weighted similarity (about 8 KB)
  // and #26's AI drafts (the prompt and schema, the answer's checks, quote
  // verification, the preview's bar and settings: about 21 KB) took it to
  // about 272 KB. This budget keeps it from creeping further.
  it("is under 280 KB and requires nothing but obsidian", () => {
    const size = readFileSync(join(root, "main.js")).length;
    expect(size).toBeLessThan(280 * 1024);
    const { required } = loadBundle();
    expect(new Set(required)).toEqual(new Set(["obsidian"]));
    expect(readFileSync(join(root, "main.js"), "utf8")).not.toMatch(/require\("(fs|path|os|crypto|buffer|node:[a-z]+)"\)/);
  });

  it("loads, opens the queue and splits the seed note without Node globals", async () => {
    const bundle = loadBundle();
    h = createHarness({ files: { [SEED_PATH]: seedNote() } });
    await h.loadPlugin(bundle.default as never, manifest);
    await h.runCommand("source-queue:open-queue");
    expect(h.rightSidebarEl.querySelector(`[data-path="${SEED_PATH}"]`)).not.toBeNull();
    await h.app.workspace.getLeaf(false).openFile(h.app.vault.getFileByPath(SEED_PATH)!);
    await h.runCommand("source-queue:extract-claims");
    const create = Array.from(document.querySelectorAll<HTMLButtonElement>(".modal button")).find((b) => b.textContent?.startsWith("Create"));
    expect(create?.textContent).toBe("Create 4 notes");
    create!.click();
    await h.settle();
    expect(h.app.vault.getFiles().filter((f) => f.path.startsWith("domains/ai-alignment/"))).toHaveLength(4);
    expect(h.read(SEED_PATH)).toContain("status: processed");
  });
});
