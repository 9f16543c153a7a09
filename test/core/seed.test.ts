import { describe, expect, it } from "vitest";
import { buildCandidates } from "../../src/core/candidates";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { readSource } from "../../src/core/source-note";
import { SEED_PATH, seedNote } from "../fixtures/seed";

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

  it("yields exactly three candidates from its Agent Notes hints", () => {
    expect(set.candidates).toHaveLength(3);
    expect(set.candidates.every((c) => c.origin === "hints")).toBe(true);
  });

  it("titles the second candidate with its quoted passage", () => {
    expect(set.candidates[1]?.title).toBe(
      "Anthropic's mechanistic circuit tracing and DeepMind's pragmatic interpretability address non-overlapping safety tasks: Anthropic maps causal mechanisms, DeepMind detects harmful intent — together covering more failure modes than either alone",
    );
    expect(set.candidates[1]?.fromQuote).toBe(true);
  });

  it("titles the other candidates with their item text", () => {
    expect(set.candidates[0]?.title).toBe(
      '"Hours per prompt" bottleneck is a specific, citable measurement for the interpretability scaling challenge — use this as evidence in B4-related claims',
    );
    expect(set.candidates[2]?.title).toBe(
      "The SPAR agent-automated circuit tracing project is the most direct attempted solution to the hours-per-prompt bottleneck",
    );
  });

  it("attaches the curator hint as guidance and proposes nothing from it", () => {
    expect(set.guidance).toMatch(/^Don't extract the whole article as one claim/);
    expect(set.candidates.some((c) => c.origin === "curator")).toBe(false);
  });

  it("selects all three claims by default, in the ai-alignment folder, with names cut to 200 bytes", () => {
    expect(set.candidates.map((c) => c.selected)).toEqual([true, true, true]);
    expect(set.folder).toBe("domains/ai-alignment");
    expect(new TextEncoder().encode(set.candidates[1]?.fileName).length).toBeLessThanOrEqual(200);
    expect(set.candidates[1]?.path).toBe(
      "domains/ai-alignment/Anthropic's mechanistic circuit tracing and DeepMind's pragmatic interpretability address non-overlapping safety tasks - Anthropic maps causal mechanisms, DeepMind detects harmful intent — together.md",
    );
  });

  it("links the primary connection and the KB connections", () => {
    expect(sections.primaryConnection).toBe(
      "scalable oversight degrades rapidly as capability gaps grow with debate achieving only 50 percent success at moderate gaps",
    );
    expect(sections.kbConnections).toHaveLength(3);
  });
});
