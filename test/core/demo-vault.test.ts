// The demo vault's expected splits, written down note by note in
// test/fixtures/demo-coverage.md (section C), checked against the core.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCandidates } from "../../src/core/extraction/candidates";
import { joinPath } from "../../src/core/text/file-name";
import { DEFAULT_SETTINGS } from "../../src/core/note/settings";
import { readSource } from "../../src/core/note/source-note";

const root = new URL("../../", import.meta.url);
const coverage = readFileSync(new URL("test/fixtures/demo-coverage.md", root), "utf8");
const section = coverage.slice(coverage.indexOf("## C."), coverage.indexOf("## D."));

interface Expected {
  file: string;
  titles: string[];
  selected: boolean[];
}

function expectations(): Expected[] {
  const out: Expected[] = [];
  for (const block of section.split(/\n(?=\*\*#\d+ )/).slice(1)) {
    const file = /`([^`]+\.md)`/.exec(block)?.[1];
    if (!file) continue;
    const items = [...block.matchAll(/^\d+\. `(.+?)`(?: — (not sel|sel)\b)?/gm)];
    out.push({ file, titles: items.map((m) => m[1] ?? ""), selected: items.map((m) => m[2] !== "not sel") });
  }
  return out;
}

// Judgment call E1 in the coverage notes: the seed's first item reads as a claim
// (the curator hint lists it as claim (1)), so this project selects it.
const OVERRIDES: Record<string, boolean[]> = {
  "2026-04-06-circuit-tracing-production-safety-mitra.md": [true, true, true, true],
};

const existingClaims = new Set(
  [
    "domains/ai-alignment/Reward models trained on human preference data systematically overrate agreement with the user.md",
    "domains/economics/Household debt booms predict lower GDP growth three to five years ahead, with the effect concentrated in mortgage debt.md",
    "domains/economics/Household inflation expectations moved twice as much as professional forecasts during the 2021–2023 inflation surge.md",
    "domains/climate/Resource shuffling lets exporters route low-carbon production to the EU while selling high-carbon output elsewhere.md",
  ].map((p) => p.toLowerCase()),
);

describe("the demo vault splits as its coverage notes say", () => {
  const all = expectations();

  it("covers all 26 sources and 63 candidates", () => {
    expect(all).toHaveLength(26);
    expect(all.reduce((n, e) => n + e.titles.length, 0)).toBe(63);
  });

  it.each(all.map((e) => [e.file, e] as const))("%s gives the expected candidates and default selection", (file, e) => {
    const text = readFileSync(new URL(`demo-vault/inbox/${file}`, root), "utf8");
    const { note, sections } = readSource(`inbox/${file}`, text, DEFAULT_SETTINGS);
    const set = buildCandidates(note, sections, DEFAULT_SETTINGS, (p) => (existingClaims.has(p.toLowerCase()) ? p : null));
    expect(set.candidates.map((c) => c.title)).toEqual(e.titles);
    expect(set.candidates.map((c) => c.selected)).toEqual(OVERRIDES[file] ?? e.selected);
    for (const c of set.candidates) {
      expect(c.path).toBe(joinPath(set.folder, c.fileName));
      expect(c.text).not.toContain("\r");
    }
  });
});
