// SPEC §3 "The source is then updated" and §4 "Toggles": which fields a split
// or a status change writes, and the `## Extracted claims` section.
import { describe, expect, it } from "vitest";
import { removeField, replaceExtractedSection, statusEdits, updateSource, type SourceUpdate } from "../../../src/core/writes/source-update";

const SOURCE = "---\ntype: source\nstatus: unprocessed # triage\npriority: high\n---\n## Content\nText\n";
const UPDATE: SourceUpdate = {
  newTitles: ["Probes beat SAEs", "Monitors: fail at scale"],
  status: "processed",
  today: "2026-05-01",
  processedBy: "",
  claimLinks: ["[[Probes beat SAEs]]", "[[Monitors - fail at scale]]"],
};

function updated(text: string, update: SourceUpdate): string {
  const result = updateSource(text, update);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe("updateSource", () => {
  it("appends the titles, sets status and processed_date, and adds the Extracted claims section", () => {
    expect(updated(SOURCE, UPDATE)).toBe(
      [
        "---",
        "type: source",
        "status: processed # triage",
        "priority: high",
        "claims_extracted:",
        "  - Probes beat SAEs",
        '  - "Monitors: fail at scale"',
        "processed_date: 2026-05-01",
        "---",
        "## Content",
        "Text",
        "",
        "## Extracted claims",
        "",
        "- [[Probes beat SAEs]]",
        "- [[Monitors - fail at scale]]",
        "",
      ].join("\n"),
    );
  });

  it("writes processed_by only when the setting is not empty", () => {
    expect(updated(SOURCE, { ...UPDATE, processedBy: "agent-7" })).toContain("processed_date: 2026-05-01\nprocessed_by: agent-7\n---");
    expect(updated(SOURCE, UPDATE)).not.toContain("processed_by");
  });

  it("uses the statusAfterExtraction setting and still records processed_date", () => {
    const text = updated(SOURCE, { ...UPDATE, status: "processing", processedBy: "me" });
    expect(text).toContain("status: processing # triage\n");
    expect(text).toContain("processed_date: 2026-05-01\nprocessed_by: me\n");
  });

  it("a re-run appends only new titles and replaces the section instead of repeating it", () => {
    const once = updated(SOURCE, UPDATE);
    const twice = updated(once, {
      ...UPDATE,
      newTitles: ["Probes beat SAEs", "Tracing costs hours"],
      today: "2026-05-02",
      claimLinks: [...UPDATE.claimLinks, "[[Tracing costs hours]]"],
    });
    expect(twice).toBe(
      [
        "---",
        "type: source",
        "status: processed # triage",
        "priority: high",
        "claims_extracted:",
        "  - Probes beat SAEs",
        '  - "Monitors: fail at scale"',
        "  - Tracing costs hours",
        "processed_date: 2026-05-02",
        "---",
        "## Content",
        "Text",
        "",
        "## Extracted claims",
        "",
        "- [[Probes beat SAEs]]",
        "- [[Monitors - fail at scale]]",
        "- [[Tracing costs hours]]",
        "",
      ].join("\n"),
    );
    expect(twice.match(/## Extracted claims/g)).toHaveLength(1);
  });

  it("appends to an existing flow-style claims_extracted in its style", () => {
    const text = "---\ntype: source\nclaims_extracted: [Old claim]\nstatus: processing\n---\nBody\n";
    expect(updated(text, { ...UPDATE, newTitles: ["New claim"], claimLinks: ["[[Old claim]]", "[[New claim]]"] })).toBe(
      "---\ntype: source\nclaims_extracted: [Old claim, New claim]\nstatus: processed\nprocessed_date: 2026-05-01\n---\nBody\n\n## Extracted claims\n\n- [[Old claim]]\n- [[New claim]]\n",
    );
  });

  it("keeps CRLF, the BOM and a missing final newline", () => {
    const text = "\uFEFF---\r\ntype: source\r\nstatus: unprocessed\r\n---\r\nBody";
    expect(updated(text, { ...UPDATE, newTitles: ["A"], claimLinks: ["[[A]]"] })).toBe(
      "\uFEFF---\r\ntype: source\r\nstatus: processed\r\nclaims_extracted:\r\n  - A\r\nprocessed_date: 2026-05-01\r\n---\r\nBody\r\n\r\n## Extracted claims\r\n\r\n- [[A]]",
    );
  });

  it("refuses a source whose frontmatter cannot be read", () => {
    expect(updateSource("---\nstatus: [broken\n---\n", UPDATE)).toEqual({
      ok: false,
      reason: "its frontmatter cannot be read, so it is not edited (fix the YAML first)",
    });
  });
});

describe("replaceExtractedSection", () => {
  it("replaces the section up to the next heading of level 2 or above, keeping what follows", () => {
    expect(replaceExtractedSection("---\na: 1\n---\n## Extracted claims\n\n- [[old]]\n- [[older]]\n\n## Next\nx\n", ["[[new]]"])).toBe(
      "---\na: 1\n---\n## Extracted claims\n\n- [[new]]\n\n## Next\nx\n",
    );
  });

  it("finds the section heading whatever its case", () => {
    expect(replaceExtractedSection("Body\n\n## extracted Claims\n- [[old]]\n", ["[[new]]"])).toBe("Body\n\n## Extracted claims\n\n- [[new]]\n");
  });

  it("ignores a heading inside a fenced code block", () => {
    expect(replaceExtractedSection("```\n## Extracted claims\n```\n", ["[[new]]"])).toBe("```\n## Extracted claims\n```\n\n## Extracted claims\n\n- [[new]]\n");
  });

  it("changes nothing when there are no links", () => {
    expect(replaceExtractedSection("Body\n", [])).toBe("Body\n");
  });
});

describe("statusEdits: the fields that go with a status (SPEC §4)", () => {
  it.each<[string, Parameters<typeof statusEdits>, ReturnType<typeof statusEdits>]>([
    ["unprocessed sets only status", ["unprocessed", "2026-05-01", "me"], [{ key: "status", set: "unprocessed" }]],
    ["processing sets only status", ["processing", "2026-05-01", "me"], [{ key: "status", set: "processing" }]],
    [
      "processed sets processed_date and processed_by",
      ["processed", "2026-05-01", "me"],
      [
        { key: "status", set: "processed" },
        { key: "processed_date", set: "2026-05-01" },
        { key: "processed_by", set: "me" },
      ],
    ],
    [
      "processed without a processed_by setting leaves it out",
      ["processed", "2026-05-01", ""],
      [
        { key: "status", set: "processed" },
        { key: "processed_date", set: "2026-05-01" },
      ],
    ],
    [
      "null-result writes the reason to notes",
      ["null-result", "2026-05-01", "me", "  paywalled  "],
      [
        { key: "status", set: "null-result" },
        { key: "notes", set: "paywalled" },
      ],
    ],
    ["null-result without a reason leaves notes alone", ["null-result", "2026-05-01", "me", "  "], [{ key: "status", set: "null-result" }]],
  ])("%s", (_name, args, edits) => {
    expect(statusEdits(...args)).toEqual(edits);
  });
});

describe("the record stays true on a re-extraction (SPEC §3)", () => {
  const PROCESSED = "---\ntype: source\nstatus: processed\nprocessed_by: theseus\nprocessed_date: 2026-03-01\nclaims_extracted:\n  - Old claim\n---\nBody\n";

  it("with processed_by set, today's date stands beside today's name", () => {
    const text = updated(PROCESSED, { ...UPDATE, processedBy: "curator-1" });
    expect(text).toContain("processed_by: curator-1\nprocessed_date: 2026-05-01\n");
    expect(text).not.toContain("theseus");
  });

  it("with processed_by empty, the earlier name goes rather than claim this run", () => {
    const text = updated(PROCESSED, UPDATE);
    expect(text).toContain("status: processed\nprocessed_date: 2026-05-01\nclaims_extracted:\n  - Old claim\n");
    expect(text).not.toMatch(/processed_by/);
  });

  it("removeField takes only the field's lines, CRLF kept", () => {
    expect(removeField("---\r\na: 1\r\nprocessed_by:\r\n  - x\r\nb: 2\r\n---\r\nBody\r\n", "processed_by")).toBe("---\r\na: 1\r\nb: 2\r\n---\r\nBody\r\n");
    expect(removeField("---\na: 1\n---\nprocessed_by: in the body\n", "processed_by")).toBe("---\na: 1\n---\nprocessed_by: in the body\n");
  });
});
