// SPEC §7 extract_claims with agent-written claims: the body is kept as
// written below the H1, with the source's Evidence link added when missing.
import { describe, expect, it } from "vitest";
import { agentClaimText, bodyProblem, linksSource, MAX_BODY_BYTES, withSourceEvidence } from "../../../src/core/claims/agent-claim";

const SOURCE = { path: "inbox/2026-03-18-sae-splitting.md", link: "[[2026-03-18-sae-splitting]]", citation: 'Ana Ruiz, "SAE splitting", 2026-03-18' };
const BULLET = `- [[2026-03-18-sae-splitting]] — Ana Ruiz, "SAE splitting", 2026-03-18`;
const RENDERED = [
  "---",
  "type: claim",
  "description: Features split as dictionaries grow",
  "confidence: likely",
  "---",
  "",
  "# Sparse autoencoder features split as the dictionary grows",
  "",
  "A rationale the renderer wrote.",
  "",
  "## Evidence",
  "",
  BULLET,
  "",
].join("\n");

describe("the agent's body below the H1", () => {
  it("keeps the frontmatter and H1 and replaces the rendered body with the agent's", () => {
    const out = agentClaimText(RENDERED, "Written by the agent.\n\nSecond paragraph.", SOURCE);
    expect(out).toBe(
      [...RENDERED.split("\n").slice(0, 7), "", "Written by the agent.", "", "Second paragraph.", "", "## Evidence", "", BULLET, ""].join("\n"),
    );
  });

  it("drops a first line that repeats the H1", () => {
    const out = agentClaimText(RENDERED, "# Sparse autoencoder features split as the dictionary grows\n\nBody.", SOURCE);
    expect(out.match(/^# /gm)).toHaveLength(1);
    expect(out).toContain("grows\n\nBody.\n");
  });

  const bodies: { name: string; body: string; out: string }[] = [
    { name: "a body without Evidence gets the section at its end", body: "Claim text.", out: `Claim text.\n\n## Evidence\n\n${BULLET}` },
    { name: "a body with an Evidence section gets the link as its last bullet", body: "Text.\n\n## Evidence\n\n- a study\n\n## Challenges\n\nNone.", out: `Text.\n\n## Evidence\n\n- a study\n${BULLET}\n\n## Challenges\n\nNone.` },
    { name: "an empty Evidence section gets the link under it", body: "Text.\n\n### evidence\n", out: `Text.\n\n### evidence\n\n${BULLET}` },
    { name: "a body that links the source by wikilink is left as written", body: "See [[2026-03-18-sae-splitting|the paper]].", out: "See [[2026-03-18-sae-splitting|the paper]]." },
    { name: "a wikilink by path counts as the source link", body: "From [[inbox/2026-03-18-sae-splitting]].", out: "From [[inbox/2026-03-18-sae-splitting]]." },
    { name: "a Markdown link to the file counts as the source link", body: "From [it](../../inbox/2026-03-18-sae-splitting.md).", out: "From [it](../../inbox/2026-03-18-sae-splitting.md)." },
    { name: "an Evidence heading inside a code fence is not the section", body: "```\n## Evidence\n```", out: `\`\`\`\n## Evidence\n\`\`\`\n\n## Evidence\n\n${BULLET}` },
    { name: "CRLF in the body becomes LF like the rest of the note", body: "A.\r\nB.", out: `A.\nB.\n\n## Evidence\n\n${BULLET}` },
  ];
  for (const c of bodies) {
    it(c.name, () => {
      expect(withSourceEvidence(c.body, SOURCE)).toBe(c.out);
    });
  }

  it("does not take a link to another note of a similar name for the source", () => {
    expect(linksSource("[[2026-03-18-sae-splitting-2]]", SOURCE)).toBe(false);
  });
});

describe("bodies that are refused", () => {
  it("refuses a body over 1 MB of UTF-8 and accepts one at the limit", () => {
    expect(bodyProblem("a".repeat(MAX_BODY_BYTES))).toBeNull();
    expect(bodyProblem("a".repeat(MAX_BODY_BYTES + 1))).toMatch(/1,000,001 bytes; at most 1,000,000/);
    // Three bytes each in UTF-8: the limit is in bytes, not characters.
    expect(bodyProblem("€".repeat(400_000))).toMatch(/1,200,000 bytes/);
  });
  it("refuses a NUL byte", () => {
    expect(bodyProblem("a\u0000b")).toMatch(/NUL/);
  });
});
