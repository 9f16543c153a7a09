// SPEC §6 "Enrichment": applying an enrichment appends one bullet under the
// target's `## Evidence` (created at the end when missing) and changes
// nothing else in the target; a re-run adds no second bullet.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appendEvidence, linkKeyOf } from "../../../src/core/claims/evidence-append";

const BULLET = "- [[2026-03-01-anthropic-rsp-rollback]] — Anthropic's own language about safety being at cross-purposes with commercial priorities";

const CLAIM = [
  "---",
  "type: claim",
  "domain: ai-alignment",
  "confidence: likely",
  "---",
  "",
  "# Voluntary safety pledges cannot survive competitive pressure",
  "",
  "Unilateral commitments are structurally punished.",
  "",
  "## Evidence",
  "",
  "- [[2025-11-02-lab-pledges]] — Lab pledges, 2025",
  "  > Three of four labs revised their pledges within a year.",
  "- Second item",
  "",
  "## Challenges",
  "Some pledges held.",
  "",
].join("\n");

function appended(text: string, bullet = BULLET): string {
  const result = appendEvidence(text, bullet);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

/** The lines added, for a result that only inserts lines. */
function insertedLines(before: string, after: string): string[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  expect(endA).toBe(start);
  return b.slice(start, endB);
}

describe("appendEvidence", () => {
  it("adds one line after the last item of the Evidence list, changing nothing else", () => {
    const after = appended(CLAIM);
    expect(insertedLines(CLAIM, after)).toEqual([BULLET]);
    expect(after).toContain(`- Second item\n${BULLET}\n\n## Challenges`);
  });

  const cases: { name: string; before: string[]; after: string[] }[] = [
    {
      name: "a quote indented under the last item stays with that item",
      before: ["## Evidence", "", "- [[a]] — A", "  > quoted", "", "Relevant Notes:", "- [[x]]"],
      after: ["## Evidence", "", "- [[a]] — A", "  > quoted", BULLET, "", "Relevant Notes:", "- [[x]]"],
    },
    {
      name: "a list written with asterisks gets an asterisk bullet",
      before: ["## Evidence", "* one", "* two"],
      after: ["## Evidence", "* one", "* two", BULLET.replace(/^-/, "*")],
    },
    {
      name: "the section ends at a thematic break before Relevant Notes, as real claims are laid out",
      before: ["## Evidence", "- one", "", "---", "", "Relevant Notes:", "- [[x]]"],
      after: ["## Evidence", "- one", BULLET, "", "---", "", "Relevant Notes:", "- [[x]]"],
    },
    {
      name: "a missing section is created at the end of the note",
      before: ["# Title", "", "Body.", "", "Relevant Notes:", "- [[x]]"],
      after: ["# Title", "", "Body.", "", "Relevant Notes:", "- [[x]]", "", "## Evidence", "", BULLET],
    },
    {
      name: "an empty section gets the bullet under its heading",
      before: ["## Evidence", "", "## Challenges", "None."],
      after: ["## Evidence", "", BULLET, "", "## Challenges", "None."],
    },
    {
      name: "a section of prose only gets the bullet as a list after the prose",
      before: ["## Evidence", "The labs said so.", "## Challenges"],
      after: ["## Evidence", "The labs said so.", "", BULLET, "", "## Challenges"],
    },
    {
      name: "an Evidence heading inside fenced code is not the section",
      before: ["```", "## Evidence", "```", "Body."],
      after: ["```", "## Evidence", "```", "Body.", "", "## Evidence", "", BULLET],
    },
    {
      name: "a level-three heading inside the section belongs to it",
      before: ["## Evidence", "### From 2025", "- one", "## Challenges"],
      after: ["## Evidence", "### From 2025", "- one", BULLET, "## Challenges"],
    },
    {
      name: "the heading matches without regard to case",
      before: ["## evidence", "- one"],
      after: ["## evidence", "- one", BULLET],
    },
    {
      name: "an 'Evidence from practice' section is another section",
      before: ["## Evidence from practice", "- one"],
      after: ["## Evidence from practice", "- one", "", "## Evidence", "", BULLET],
    },
  ];
  const note = (body: string[]) => ["---", "type: claim", "---", ...body, ""].join("\n");
  for (const c of cases) {
    it(c.name, () => {
      expect(appended(note(c.before))).toBe(note(c.after));
    });
  }

  it("keeps CRLF line endings and the byte-order mark", () => {
    const crlf = `\uFEFF${CLAIM.replace(/\n/g, "\r\n")}`;
    const after = appended(crlf);
    expect(after.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(after).toContain(`- Second item\r\n${BULLET}\r\n\r\n## Challenges`);
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("a note without a final newline still has none", () => {
    const text = "---\ntype: claim\n---\n## Evidence\n- one";
    expect(appended(text)).toBe(`---\ntype: claim\n---\n## Evidence\n- one\n${BULLET}`);
    expect(appended("---\ntype: claim\n---\n# T")).toBe(`---\ntype: claim\n---\n# T\n\n## Evidence\n\n${BULLET}`);
  });

  it("a second append of the same source adds no second bullet", () => {
    const once = appended(CLAIM);
    const twice = appendEvidence(once, BULLET);
    expect(twice).toEqual({ ok: true, text: once, changed: false });
  });

  it("the source counts as there whatever the hint text or link form of its bullet", () => {
    const once = appended(CLAIM);
    for (const bullet of [
      "- [[2026-03-01-anthropic-rsp-rollback]] — other words",
      "- [[inbox/2026-03-01-anthropic-rsp-rollback|the rollback]] — other words",
      "- [the rollback](inbox/2026-03-01-anthropic-rsp-rollback.md) — other words",
      "- [[2026-03-01-ANTHROPIC-rsp-rollback]]",
    ]) {
      expect(appendEvidence(once, bullet)).toMatchObject({ ok: true, changed: false });
    }
  });

  it("a claim already citing the source in its Evidence (it was extracted from it) is not enriched again", () => {
    expect(appendEvidence(CLAIM, "- [[2025-11-02-lab-pledges]] — more from the same source")).toMatchObject({ ok: true, changed: false });
  });

  const refusals: { name: string; text: string; reason: RegExp }[] = [
    { name: "YAML that does not parse", text: "---\ntype: claim\ntitle: [unclosed\n---\n## Evidence\n", reason: /frontmatter cannot be read/ },
    { name: "a note that is not a claim", text: "---\ntype: source\n---\n## Evidence\n", reason: /not a claim \(type: source\)/ },
    { name: "a note without a type", text: "---\ntitle: x\n---\n", reason: /not a claim \(type: missing\)/ },
    { name: "a note without frontmatter", text: "# Just a note\n", reason: /not a claim/ },
    { name: "a note that ends inside an unclosed code block", text: "---\ntype: claim\n---\n```\ncode\n", reason: /unclosed code block/ },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name}, naming why`, () => {
      const result = appendEvidence(r.text, BULLET);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(r.reason);
    });
  }

  it("refuses a bullet of more than one line or without a list marker", () => {
    expect(appendEvidence(CLAIM, "- a\n- b")).toMatchObject({ ok: false });
    expect(appendEvidence(CLAIM, "plain text")).toMatchObject({ ok: false });
  });

  it("whatever the note, an accepted append only inserts lines, and appending again changes nothing", () => {
    const line = fc.oneof(
      fc.constantFrom("## Evidence", "## Challenges", "# Title", "- [[a]] — A", "  > quote", "* item", "---", "```", "", "Relevant Notes:", "text"),
      fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, "")),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.boolean(), (body, finalNewline) => {
        const text = `---\ntype: claim\n---\n${body.join("\n")}${finalNewline ? "\n" : ""}`;
        const result = appendEvidence(text, BULLET);
        if (!result.ok) return;
        const a = text.split("\n");
        const b = result.text.split("\n");
        // Every original line is still there, in order.
        let j = 0;
        for (const l of b) if (j < a.length && l === a[j]) j++;
        expect(j).toBe(a.length);
        // One line more: the bullet (in the list's own marker), and blank lines around a new list or section.
        const own = (l: string) => l.endsWith(BULLET.slice(1));
        expect(b.filter(own).length).toBe(a.filter(own).length + (result.changed ? 1 : 0));
        expect(b.filter((l) => !own(l) && l !== "").length).toBe(a.filter((l) => l !== "").length + b.filter((l) => l === "## Evidence").length - a.filter((l) => l === "## Evidence").length);
        expect(b.filter((l) => l === "## Evidence").length - a.filter((l) => l === "## Evidence").length).toBeLessThanOrEqual(1);
        expect(appendEvidence(result.text, BULLET)).toMatchObject({ ok: true, changed: false });
      }),
    );
  });
});

describe("linkKeyOf", () => {
  it("names the note a bullet links, however the link is written", () => {
    expect(linkKeyOf("- [[Folder/Note#Part|shown]] — x")).toBe("note");
    expect(linkKeyOf("- [shown](Folder/My%20Note.md) and [[other]]")).toBe("my note");
    expect(linkKeyOf("- no link")).toBeNull();
  });
});
