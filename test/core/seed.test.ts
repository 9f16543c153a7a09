import { describe, expect, it } from "vitest";
import { buildCandidates } from "../../src/core/extraction/candidates";
import { DEFAULT_SETTINGS } from "../../src/core/note/settings";
import { readSource } from "../../src/core/note/source-note";
import { SEED_FILE_NAMES, SEED_PATH, SEED_TITLES, seedNote } from "../fixtures/seed";

describe("the seed note from shared/seeds", () => {
  const { note, sections } = readSource(SEED_PATH, seedNote(), DEFAULT_SETTINGS);
  const set = buildCandidates(note, sections, DEFAULT_SETTINGS, () => null);

  it("reads as a clean source with its fields", () => {
    expect(note.typeClass).toBe("source");
    expect(note.status).toBe("unprocessed");
    expect(note.priority).toBe("medium");
    expect(note.date).toBe("2026-01-01");
    expect(note.domain).toBe("ai-alignment");
    expect(note.problems.filter((p) => p.level === "error")).toEqual([]);
  });

  it("yields four candidates: its three Agent Notes hints, then the curator's (3)", () => {
    expect(set.candidates.map((c) => c.title)).toEqual(SEED_TITLES);
    expect(set.candidates.map((c) => c.origin)).toEqual(["hints", "hints", "hints", "curator"]);
  });

  it("titles the second candidate with its quoted passage", () => {
    expect(set.candidates[1]?.title).toBe(
      "Anthropic's mechanistic circuit tracing and DeepMind's pragmatic interpretability address non-overlapping safety tasks: Anthropic maps causal mechanisms, DeepMind detects harmful intent — together covering more failure modes than either alone",
    );
    expect(set.candidates[1]?.fromQuote).toBe(true);
  });

  it("titles the first candidate without the instruction '— use this as evidence …'", () => {
    expect(set.candidates[0]?.title).toBe('"Hours per prompt" bottleneck is a specific, citable measurement for the interpretability scaling challenge');
    expect(set.candidates[0]?.text).toMatch(/use this as evidence in B4-related claims$/);
  });

  it("adds the curator's (3), which no hint covers, and not (1) and (2), which hints 1 and 2 cover", () => {
    expect(set.candidates[3]).toMatchObject({ title: "first documented production deployment decision using interpretability", origin: "curator", selected: true, topic: true });
    expect(set.guidance).toMatch(/^Don't extract the whole article as one claim/);
  });

  it("selects all four by default, in the ai-alignment folder, with names cut to 200 bytes", () => {
    expect(set.candidates.map((c) => c.selected)).toEqual([true, true, true, true]);
    expect(set.candidates.map((c) => c.fileName)).toEqual(SEED_FILE_NAMES);
    expect(set.folder).toBe("domains/ai-alignment");
    expect(new TextEncoder().encode(set.candidates[1]?.fileName).length).toBeLessThanOrEqual(200);
  });

  it("gives each claim its own description, none the source's 'Why this matters', none repeating its title", () => {
    const descriptions = set.candidates.map((c) => c.description);
    expect(new Set(descriptions).size).toBe(4);
    for (const c of set.candidates) {
      expect(c.description).not.toBe("");
      expect(c.description).not.toBe(c.title);
      expect(sections.whyThisMatters).not.toContain(c.description);
    }
  });

  it("quotes sentences of ## Content that support each claim as its evidence", () => {
    const content = seedNote().slice(0, seedNote().indexOf("## Agent Notes"));
    for (const c of set.candidates) {
      expect(c.evidence.length).toBeGreaterThan(0);
      expect(c.evidence.length).toBeLessThanOrEqual(3);
      for (const e of c.evidence) expect(content.replace(/\*\*|\*/g, "")).toContain(e.slice(0, 40));
    }
    expect(set.candidates[0]?.evidence[0]).toMatch(/few hours of human effort/);
    expect(set.candidates[3]?.evidence.join(" ")).toMatch(/deployment decisions|pre-deployment safety assessment/);
  });

  it("flags the curator's topic label and none of the three assertions", () => {
    expect(set.candidates.map((c) => c.topic)).toEqual([false, false, false, true]);
  });

  it("links the primary connection and the KB connections", () => {
    expect(sections.primaryConnection).toBe(
      "scalable oversight degrades rapidly as capability gaps grow with debate achieving only 50 percent success at moderate gaps",
    );
    expect(sections.kbConnections).toHaveLength(3);
  });
});
