// SPEC §6 "Enrichment": the claim a hint names (a link, a backticked or
// quoted name, else the most similar claim title), the bullet written into
// it, and the source's `enrichments` record. Hints and titles are real
// wording from a public knowledge base (short phrases).
import { describe, expect, it } from "vitest";
import { ClaimIndex } from "../../../src/core/claims/claim-index";
import type { ClaimInput } from "../../../src/core/claims/claim-input";
import { enrichmentBullet, enrichmentEdit, enrichmentTarget, evidenceText, namesInHint, recordEnrichment } from "../../../src/core/claims/enrichment";

const TITLES: [folder: string, title: string][] = [
  ["ai-alignment", "voluntary safety pledges cannot survive competitive pressure because unilateral commitments are structurally punished when competitors advance without equivalent constraints"],
  ["ai-alignment", "universal alignment is mathematically impossible because Arrows impossibility theorem applies to aggregating diverse human preferences into a single coherent objective"],
  ["ai-alignment", "pluralistic alignment must accommodate irreducibly diverse values simultaneously rather than converging on a single aligned state"],
  ["ai-alignment", "safe AI development requires building alignment mechanisms before scaling capability"],
  ["ai-alignment", "democratic alignment assemblies produce constitutions as effective as expert-designed ones while better representing diverse populations"],
  ["entertainment", "GenAI is simultaneously sustaining and disruptive depending on whether users pursue progressive syntheticization or progressive control"],
  ["entertainment", "consumer definition of quality is fluid and revealed through preference not fixed by production value"],
  ["entertainment", "non-ATL production costs will converge with the cost of compute as AI replaces labor across the production chain"],
  ["entertainment", "Hollywood talent will embrace AI because narrowing creative paths within the studio system leave few alternatives"],
  ["space-development", "commercial space stations are the next infrastructure bet as ISS retirement creates a void that 4 companies are racing to fill by 2030"],
  ["space-development", "space governance gaps are widening not narrowing because technology advances exponentially while institutional design advances linearly"],
  ["internet-finance", "Living Capital vehicles pair Living Agent domain expertise with futarchy-governed investment to direct capital toward crucial innovations"],
  ["internet-finance", "Living Capital vehicles likely fail the Howey test for securities classification because the structural separation of capital raise from investment decision eliminates the efforts of others prong"],
  ["internet-finance", "Living Capital vehicles are agentically managed SPACs with flexible structures that marshal capital toward mission-aligned investments and unwind when purpose is fulfilled"],
  ["health", "GLP-1 receptor agonists are the largest therapeutic category launch in pharmaceutical history but their chronic use model makes the net cost impact inflationary through 2035"],
  ["health", "the healthcare attractor state is a prevention-first system where aligned payment continuous monitoring and AI-augmented care delivery create a flywheel that profits from health rather than sickness"],
];

const inputs: ClaimInput[] = TITLES.map(([folder, title]) => ({ path: `domains/${folder}/${title}.md`, title, aliases: [] }));
// A claim whose file name is a slug, with its title kept as an alias, as some vaults write them.
inputs.push({
  path: "domains/ai-alignment/AI-models-distinguish-testing-from-deployment-environments.md",
  title: "AI models distinguish testing from deployment environments providing empirical evidence for deceptive alignment concerns",
  aliases: ["testing versus deployment awareness"],
});
const index = ClaimIndex.build(inputs);
const pathOf = (start: string) => inputs.find((i) => (i.title ?? "").startsWith(start))?.path;

describe("enrichmentTarget", () => {
  const cases: { name: string; hint: string; target: string | null; certain?: boolean }[] = [
    {
      name: "a backticked exact title is the target, for certain",
      hint: "Potential claim enrichment: add authenticity premium data to `consumer definition of quality is fluid and revealed through preference not fixed by production value`",
      target: "consumer definition of quality",
      certain: true,
    },
    {
      name: "a backticked title in another case is still exact",
      hint: "Claim enrichment: update `Non-ATL production costs will converge with the cost of compute as AI replaces labor across the production chain` with 2026 capability evidence",
      target: "non-ATL production costs",
      certain: true,
    },
    {
      name: "a link to the claim's file is the target, for certain",
      hint: "Connection to [[GenAI is simultaneously sustaining and disruptive depending on whether users pursue progressive syntheticization or progressive control]]",
      target: "GenAI is simultaneously",
      certain: true,
    },
    {
      name: "a link written as a slug reaches the claim whose file name has spaces",
      hint: "Enriches [[GenAI-is-simultaneously-sustaining-and-disruptive-depending-on-whether-users-pursue-progressive-syntheticization-or-progressive-control]]",
      target: "GenAI is simultaneously",
      certain: true,
    },
    {
      name: "a link by the claim's alias is the target, for certain",
      hint: "Strengthens [[testing versus deployment awareness]] with the 2026 eval results",
      target: "AI models distinguish",
      certain: true,
    },
    {
      name: "a link written from memory (a shorter title) is still found, as a guess",
      hint: "We already have the claim [[voluntary safety pledges cannot survive competitive pressure]]. This source ENRICHES that claim with the strongest possible evidence. Update, don't duplicate.",
      target: "voluntary safety pledges",
      certain: false,
    },
    {
      name: "a quoted fragment of a title finds that claim, as a guess",
      hint: 'Update the "racing to fill by 2030" claim with 2026 reality — timelines have slipped across the board.',
      target: "commercial space stations",
      certain: false,
    },
    {
      name: "the words before 'claim' name it: the existing Arrow's claim",
      hint: "May not warrant its own claim — but enriches the existing Arrow's claim with the note that the theorem now has a full formal representation (2026).",
      target: "universal alignment is mathematically impossible",
      certain: false,
    },
    {
      name: "the words before 'claim' name it: the sustaining vs. disruptive GenAI claim",
      hint: "Claim enrichment: add the 3% content / 7% operational split as evidence for the sustaining vs. disruptive GenAI claim",
      target: "GenAI is simultaneously",
      certain: false,
    },
    {
      name: "of three Living Capital claims, the hint's other words pick the one about flexible structures",
      hint: "Enriches Living Capital vehicles claim — fluid capital is the mechanism for how flexible structures work in practice",
      target: "Living Capital vehicles are agentically managed SPACs",
      certain: false,
    },
    {
      name: "the existing voluntary-safety-pledges claim, written as a slug, is found",
      hint: "This is an ENRICHMENT source, not a new claim. Update the existing voluntary-safety-pledges claim with Anthropic's own language about competitive and commercial priorities.",
      target: "voluntary safety pledges",
      certain: false,
    },
    {
      name: "a hint about nothing in the index has no target",
      hint: "Connection to broader DAO governance evolution",
      target: null,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = enrichmentTarget(c.hint, index);
      if (c.target === null) {
        expect(found).toBeNull();
        return;
      }
      expect(found?.path).toBe(pathOf(c.target));
      expect(found?.certain).toBe(c.certain);
      if (c.certain) expect(found?.score).toBe(1);
      else expect(found?.score).toBeGreaterThan(0);
    });
  }

  it("two claims with the same title: the name is not certain", () => {
    const twice = ClaimIndex.build([
      { path: "a/Same title here.md", title: null, aliases: [] },
      { path: "b/c/Same title here.md", title: null, aliases: [] },
    ]);
    expect(enrichmentTarget("Add to `Same title here`", twice)).toMatchObject({ path: "a/Same title here.md", certain: false });
  });
});

describe("namesInHint", () => {
  it("reads links, backticks, double, curly and single quotes, and the words before 'claim'", () => {
    const names = namesInHint("Connection to [[A b]] and `C d` and \"E f\" and “G h” and existing 'I j k' claim; Arrow's theorem; the existing GLP-1 claim");
    expect(names.links).toEqual(["A b"]);
    expect(names.quoted).toEqual(["C d", "E f", "G h", "I j k"]);
    expect(names.phrases).toContain("GLP-1");
  });

  it("an apostrophe inside a word is not a quote", () => {
    expect(namesInHint("enriches the existing Arrow's claim with Anthropic's data").quoted).toEqual([]);
  });
});

describe("enrichmentBullet", () => {
  const cases: { name: string; hint: string; bullet: string }[] = [
    {
      name: "an instruction prefix is dropped",
      hint: "Claim enrichment: add the 3% content / 7% operational split as evidence",
      bullet: "- [[src]] — Add the 3% content / 7% operational split as evidence",
    },
    {
      name: "a list marker and a potential-enrichment label are dropped",
      hint: "- Potential claim enrichment: add authenticity premium data to `consumer definition of quality`",
      bullet: "- [[src]] — Add authenticity premium data to consumer definition of quality",
    },
    {
      name: "a bold label is dropped and links become their text",
      hint: "**Extraction hints:** Enriches [[GenAI is sustaining|the GenAI claim]] with *new* data",
      bullet: "- [[src]] — Enriches the GenAI claim with new data",
    },
    {
      name: "several lines become one",
      hint: "Update the claim\n  with 2026 reality.",
      bullet: "- [[src]] — Update the claim with 2026 reality.",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(enrichmentBullet("[[src]]", c.hint)).toBe(c.bullet);
    });
  }

  it("a hint with no words left gives the link alone", () => {
    expect(enrichmentBullet("[[src]]", "Enrichment:")).toBe("- [[src]]");
    expect(evidenceText("  ")).toBe("");
  });
});

describe("recordEnrichment", () => {
  const target = { title: "Monitors: fail at scale", fileName: "Monitors - fail at scale" };
  const SOURCE = "---\ntype: source\nstatus: processed # done\n---\nBody\n";

  it("adds the target's title as a new list at the end of the frontmatter, changing only those lines", () => {
    const result = recordEnrichment(SOURCE, target);
    expect(result).toEqual({ ok: true, changed: true, text: '---\ntype: source\nstatus: processed # done\nenrichments:\n  - "Monitors: fail at scale"\n---\nBody\n' });
  });

  it("appends to an existing list in its own style", () => {
    const text = "---\ntype: source\nenrichments:\n    - Other claim\n---\n";
    expect(recordEnrichment(text, target)).toMatchObject({ ok: true, text: '---\ntype: source\nenrichments:\n    - Other claim\n    - "Monitors: fail at scale"\n---\n' });
    expect(recordEnrichment("---\nenrichments: [Other]\n---\n", target)).toMatchObject({ text: '---\nenrichments: [Other, "Monitors: fail at scale"]\n---\n' });
  });

  it("a second record of the same target changes nothing, whether the list holds its title or its file name", () => {
    const once = recordEnrichment(SOURCE, target);
    if (!once.ok) throw new Error(once.reason);
    expect(recordEnrichment(once.text, target)).toEqual({ ok: true, text: once.text, changed: false });
    const byFile = '---\nenrichments_applied: ["Monitors - fail at scale.md"]\n---\n';
    expect(recordEnrichment(byFile, target, "enrichments_applied")).toEqual({ ok: true, text: byFile, changed: false });
    const bySlug = "---\nenrichments:\n  - monitors-fail-at-scale.md\n---\n";
    expect(recordEnrichment(bySlug, target)).toMatchObject({ changed: false });
  });

  it("the field name is a parameter", () => {
    expect(recordEnrichment(SOURCE, target, "enriched_claims")).toMatchObject({ ok: true, text: expect.stringContaining("enriched_claims:\n  - ") });
  });

  it("keeps CRLF line endings", () => {
    const result = recordEnrichment(SOURCE.replace(/\n/g, "\r\n"), target);
    expect(result).toMatchObject({ ok: true, text: expect.stringContaining('enrichments:\r\n  - "Monitors: fail at scale"\r\n---\r\n') });
  });

  it("refuses a source whose YAML does not parse", () => {
    expect(recordEnrichment("---\ntitle: [broken\n---\n", target)).toMatchObject({ ok: false });
  });

  it("as an edit for the source update of the same run, or null when already listed", () => {
    expect(enrichmentEdit({ enrichments: ["x"] }, target)).toEqual({ key: "enrichments", append: ["Monitors: fail at scale"] });
    expect(enrichmentEdit({ enrichments: ["monitors: FAIL at scale"] }, target)).toBeNull();
    expect(enrichmentEdit(null, target, "other")).toEqual({ key: "other", append: ["Monitors: fail at scale"] });
  });
});
