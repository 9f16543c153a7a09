// SPEC §1 "Body sections" and §2 "The hints block": labels in every spelling,
// headings with extra words, the block's end, and the curator's lines.
import { describe, expect, it } from "vitest";
import { hintSections, parseSections, wikilinkTargets } from "../../../src/core/note/sections";
import { readDemoVault } from "../../../test-support/demo-vault";

const sections = (body: string) => parseSections(body.split("\n"));

describe("the hints block", () => {
  it.each<[string, string, string | null]>([
    ["**Extraction hints:** with text on the label's line", "**Extraction hints:** Probes beat SAEs\n**Context:** c", "Probes beat SAEs"],
    ["**Extraction hints**: with the colon outside", "**Extraction hints**: Probes beat SAEs", "Probes beat SAEs"],
    ["a label in another case", "**extraction HINTS:** Probes beat SAEs", "Probes beat SAEs"],
    ["a singular label", "**Extraction hint:** Probes beat SAEs", "Probes beat SAEs"],
    ["a level-2 heading", "## Extraction Hints\n- a\n- b", "- a\n- b"],
    ["a heading of any level", "#### extraction hints\n- a", "- a"],
    ["a heading with extra words", "### Extraction hints (for the extractor)\n- a", "- a"],
    ["a heading with a trailing colon", "## Extraction hints:\n- a", "- a"],
    ["no label at all", "## Content\nText", null],
  ])("is found after %s", (_name, body, hints) => {
    expect(sections(body).hints).toBe(hints);
  });

  it.each<[string, string, string]>([
    ["the next bold label at the start of a line", "**Extraction hints:**\n- a\n- b\n**Context:** later", "- a\n- b"],
    ["the next heading", "**Extraction hints:**\n- a\n## Curator Notes\nPRIMARY CONNECTION: [[x]]", "- a"],
    ["the end of the note", "**Extraction hints:**\n- a\n\nMore prose.\n", "- a\n\nMore prose."],
  ])("ends at %s", (_name, body, hints) => {
    expect(sections(body).hints).toBe(hints);
  });

  it("keeps bold text inside a line, which is not a label", () => {
    expect(sections("**Extraction hints:**\n- a **bold** claim\n- b").hints).toBe("- a **bold** claim\n- b");
  });

  it("keeps the indentation of an indented list", () => {
    expect(sections("**Extraction hints:**\n\n  - a\n  - b\n").hints).toBe("  - a\n  - b");
  });

  it("ignores a label or heading inside fenced code", () => {
    expect(sections("```\n**Extraction hints:** fenced\n```\n**Extraction hints:** real").hints).toBe("real");
    expect(sections("**Extraction hints:**\n- a\n```\n## not a heading\n```\n- b").hints).toBe("- a\n```\n## not a heading\n```\n- b");
  });
});

describe("the curator's lines", () => {
  const CURATOR = [
    "## Curator Notes (structured handoff for extractor)",
    "PRIMARY CONNECTION: [[oversight degrades|the oversight claim]] and [[other]]",
    "WHY ARCHIVED: Documents the bottleneck",
    "as a citable figure.",
    "EXTRACTION HINT: (1) cost (2) scale",
  ].join("\n");

  it("reads PRIMARY CONNECTION as its first link target, WHY ARCHIVED with its continuation, and EXTRACTION HINT", () => {
    expect(sections(CURATOR)).toMatchObject({
      primaryConnection: "oversight degrades",
      whyArchived: "Documents the bottleneck as a citable figure.",
      curatorHint: "(1) cost (2) scale",
      hints: null,
    });
  });

  it.each<[string, string]>([
    ["bold labels", "**EXTRACTION HINT:** (1) a (2) b"],
    ["a list item", "- EXTRACTION HINT: (1) a (2) b"],
    ["another case", "Extraction Hint: (1) a (2) b"],
  ])("reads the curator hint written with %s", (_name, line) => {
    expect(sections(line).curatorHint).toBe("(1) a (2) b");
  });

  it("does not take the agent's **Extraction hints:** label for the curator hint", () => {
    expect(sections("**Extraction hints:** Probes beat SAEs\nmore").curatorHint).toBeNull();
    expect(sections("**Extraction hint:** Probes beat SAEs").curatorHint).toBeNull();
  });

  it("keeps both when a note has agent hints and a curator hint", () => {
    const s = sections(`## Agent Notes\n**Extraction hints:**\n- a\n${CURATOR}`);
    expect(s.hints).toBe("- a");
    expect(s.curatorHint).toBe("(1) cost (2) scale");
  });
});

describe("links for a claim's Relevant Notes", () => {
  it("takes the first link of each KB connections line, once each", () => {
    const s = sections("**KB connections:**\n- [[A]] — about [[Z]]\n- [[B#section|b]]\n- [[A]] again\n**Extraction hints:** h");
    expect(s.kbConnections).toEqual(["A", "B"]);
  });

  it.each<[string, string]>([
    ["a singular label", "**KB connection:**\n- [[A]]"],
    ["a heading in capitals", "## KB CONNECTIONS\n- [[A]]"],
    ["a heading with extra words", "### KB connections (checked)\n- [[A]]"],
  ])("finds KB connections under %s", (_name, body) => {
    expect(sections(body).kbConnections).toEqual(["A"]);
  });

  it("does not take a longer label for KB connections or Why this matters", () => {
    expect(sections("**KB connectionss:**\n- [[A]]\n**Why this matters now:** x").kbConnections).toEqual([]);
    expect(sections("**Why this matters now:** x").whyThisMatters).toBeNull();
  });

  it("reads Why this matters for the claims' fallback context", () => {
    expect(sections("**Why this matters:** It matters.\n**Context:** c").whyThisMatters).toBe("It matters.");
  });

  it("wikilinkTargets drops headings, block refs and aliases", () => {
    expect(wikilinkTargets("[[a]] [[b#h]] [[c#^block|C]] [[ d |D]] [[]]")).toEqual(["a", "b", "c", "d"]);
  });
});

describe("the hints alone, for a queue row", () => {
  const bodies: [string, string][] = [
    ...Object.entries(readDemoVault()).filter(([path]) => path.endsWith(".md")),
    ["a curator hint only", "## Curator Notes\nEXTRACTION HINT: One claim.\n"],
    ["an empty hints block and a curator hint", "**Extraction hints:**\n\n**Context:** c\nEXTRACTION HINT: (1) a (2) b\n"],
    ["a fenced curator line", "```\nEXTRACTION HINT: no\n```\n"],
  ];

  it.each(bodies)("%s: hintSections finds what parseSections finds", (_name, body) => {
    const lines = body.split("\n");
    const { hints, curatorHint } = parseSections(lines);
    const lean = hintSections(lines);
    expect(lean.hints).toBe(hints);
    expect(lean.curatorHint).toBe(curatorHint);
  });
});
