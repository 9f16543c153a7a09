// SPEC §3 "Claim notes": the knowledge base's claim format, rendered exactly.
import { describe, expect, it } from "vitest";
import { citationOf, describeClaim, renderClaim, type ClaimInput } from "../../src/core/claim-note";
import { parseFrontmatter } from "../../src/core/parse-frontmatter";

const INPUT: ClaimInput = {
  title: "Probes beat SAEs",
  fileName: "Probes beat SAEs",
  fromQuote: false,
  rationale: "Probes beat SAEs — shown on 12 models. More text.",
  confidence: "experimental",
  domain: "ai-alignment",
  secondaryDomains: ["health"],
  sourceCitation: 'Jane Doe, "Probes", 2026-01-01',
  sourceLink: "[[probes]]",
  relevantLinks: ["[[oversight degrades]]", "[[tracing costs]]"],
  guidance: "Line one\nLine two",
  description: "shown on 12 models.",
  evidence: [],
  created: "2026-05-01",
};
const DESCRIBE = { ...INPUT, fallbackContext: "Why it matters." as string | null };

describe("renderClaim", () => {
  it("writes the claim format: frontmatter, H1, rationale, guidance, Evidence and Relevant Notes", () => {
    expect(renderClaim(INPUT)).toBe(
      [
        "---",
        "type: claim",
        "domain: ai-alignment",
        "secondary_domains:",
        "  - health",
        "description: shown on 12 models.",
        "confidence: experimental",
        'source: "Jane Doe, \\"Probes\\", 2026-01-01"',
        "created: 2026-05-01",
        "---",
        "",
        "# Probes beat SAEs",
        "",
        "Probes beat SAEs — shown on 12 models. More text.",
        "",
        "> [!note] Curator guidance",
        "> Line one",
        "> Line two",
        "",
        "## Evidence",
        "",
        '- [[probes]] — Jane Doe, "Probes", 2026-01-01',
        "",
        "Relevant Notes:",
        "- [[oversight degrades]]",
        "- [[tracing costs]]",
        "",
      ].join("\n"),
    );
  });

  it("writes frontmatter that reads back as the same values", () => {
    const title = 'Probes: "beat" SAEs #1';
    const data = parseFrontmatter(renderClaim({ ...INPUT, title, fileName: "Probes - beat SAEs 1", confidence: "likely" })).data;
    expect(data).toEqual({
      type: "claim",
      domain: "ai-alignment",
      secondary_domains: ["health"],
      description: "shown on 12 models.",
      confidence: "likely",
      source: 'Jane Doe, "Probes", 2026-01-01',
      created: "2026-05-01",
      aliases: [title],
    });
  });

  it("adds aliases with the exact title only when the file name differs", () => {
    expect(renderClaim(INPUT)).not.toContain("aliases:");
    const text = renderClaim({ ...INPUT, title: "Probes: a review", fileName: "Probes - a review" });
    expect(text).toContain('aliases:\n  - "Probes: a review"\n---');
    expect(text).toContain("\n# Probes: a review\n");
  });

  it("leaves out domain, secondary_domains, guidance and Relevant Notes when there are none", () => {
    const text = renderClaim({ ...INPUT, domain: null, secondaryDomains: [], guidance: null, relevantLinks: [] });
    expect(text).not.toMatch(/^domain:|secondary_domains|Curator guidance|Relevant Notes/m);
    expect(text.endsWith('## Evidence\n\n- [[probes]] — Jane Doe, "Probes", 2026-01-01\n')).toBe(true);
  });
});

describe("describeClaim: one sentence of context beyond the title", () => {
  it.each<[string, Partial<typeof DESCRIBE>, string]>([
    ["the rationale's words after the title, first sentence only", {}, "shown on 12 models."],
    ["markdown and a list marker are stripped first", { rationale: "- **Probes beat SAEs.** On *12* models. And more." }, "On 12 models."],
    ["the source's context when the item is only its title", { rationale: "Probes beat SAEs" }, "Why it matters."],
    ["the title itself when there is nothing else", { rationale: "Probes beat SAEs", fallbackContext: null }, "Probes beat SAEs"],
    ["the source's context when the rationale does not start with the title", { rationale: "Something else entirely. Two." }, "Why it matters."],
    [
      "the rationale when the title came from a quote",
      { fromQuote: true, title: "alpha beta gamma delta epsilon", rationale: 'Worth a claim: "alpha beta gamma delta epsilon". Extra.' },
      'Worth a claim: "alpha beta gamma delta epsilon".',
    ],
  ])("%s", (_name, change, description) => {
    expect(describeClaim({ ...DESCRIBE, ...change })).toBe(description);
  });

  it("cuts a very long sentence to 400 characters with an ellipsis", () => {
    const description = describeClaim({ ...DESCRIBE, rationale: `Probes beat SAEs, ${"word ".repeat(100)}` });
    expect(description).toHaveLength(400);
    expect(description.endsWith("word…")).toBe(true);
  });
});

describe("citationOf: the source as text", () => {
  it.each<[string, { author: string | null; title: string; date: string | null }, string]>([
    ["author, quoted title and date", { author: "Jane Doe", title: "Probes", date: "2026-03-00" }, 'Jane Doe, "Probes", 2026-03-00'],
    ["without an author", { author: null, title: "Probes", date: "2026-01-01" }, '"Probes", 2026-01-01'],
    ["without a date", { author: "Jane Doe", title: "Probes", date: null }, 'Jane Doe, "Probes"'],
  ])("%s", (_name, source, citation) => {
    expect(citationOf(source)).toBe(citation);
  });
});
