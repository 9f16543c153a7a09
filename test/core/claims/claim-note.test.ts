// SPEC §3 "Claim notes": the knowledge base's claim format, rendered exactly.
import { describe, expect, it } from "vitest";
import { citationOf, describeClaim, renderClaim, type ClaimInput } from "../../../src/core/claims/claim-note";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";

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
const DESCRIBE = { title: "Probes beat SAEs", commentary: "", evidence: [] as string[], taken: new Set<string>() as ReadonlySet<string> };

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

describe("describeClaim: the claim's own sentence of context beyond the title", () => {
  it.each<[string, Partial<typeof DESCRIBE>, string]>([
    ["the commentary's first sentence", { commentary: "Shown on 12 models. And more." }, "Shown on 12 models."],
    ["markdown in the commentary is stripped", { commentary: "Shown on *12* **models**." }, "Shown on 12 models."],
    [
      "the best evidence sentence when there is no commentary",
      { evidence: ["Probes reached 0.95 AUROC where SAEs reached 0.71.", "Second."] },
      "Probes reached 0.95 AUROC where SAEs reached 0.71.",
    ],
    ["the evidence when the commentary is too short to say anything", { commentary: "Strong.", evidence: ["Probes reached 0.95 AUROC on 12 models."] }, "Probes reached 0.95 AUROC on 12 models."],
    ["the evidence when the commentary only repeats the title", { commentary: "Probes beat SAEs.", evidence: ["Probes reached 0.95 AUROC on 12 models."] }, "Probes reached 0.95 AUROC on 12 models."],
    ["empty, for the curator to write, when there is neither", {}, ""],
    ["never the title again", { evidence: ["Probes beat SAEs."] }, ""],
    [
      "never a sentence another claim of the source already has: the next evidence sentence instead",
      { evidence: ["Probes reached 0.95 AUROC on 12 models.", "SAEs reached 0.71 on the same models."], taken: new Set(["Probes reached 0.95 AUROC on 12 models."]) },
      "SAEs reached 0.71 on the same models.",
    ],
  ])("%s", (_name, change, description) => {
    expect(describeClaim({ ...DESCRIBE, ...change })).toBe(description);
  });

  it("cuts a very long sentence to 400 characters with an ellipsis", () => {
    const description = describeClaim({ ...DESCRIBE, commentary: `Measured on models, ${"word ".repeat(100)}` });
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
