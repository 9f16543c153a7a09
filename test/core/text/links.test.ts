// SPEC §3 "Links are produced the way the user's vault settings ask", for the
// adapters without FileManager.generateMarkdownLink (the CLI).
import { describe, expect, it } from "vitest";
import { formatLink, formatTextLink, withDisplay, type LinkStyle } from "../../../src/core/text/links";

const wiki = (newLinkFormat: LinkStyle["newLinkFormat"]): LinkStyle => ({ useMarkdownLinks: false, newLinkFormat });
const md = (newLinkFormat: LinkStyle["newLinkFormat"]): LinkStyle => ({ useMarkdownLinks: true, newLinkFormat });
const CLAIM = "domains/ai/Probes beat SAEs.md";
const SOURCE = "inbox/src.md";

describe("formatLink", () => {
  it.each<[string, LinkStyle, string, string, boolean, string]>([
    ["a shortest wikilink to a unique name is the name", wiki("shortest"), CLAIM, SOURCE, true, "[[Probes beat SAEs]]"],
    ["a shortest wikilink to a name used twice is the full path", wiki("shortest"), CLAIM, SOURCE, false, "[[domains/ai/Probes beat SAEs|Probes beat SAEs]]"],
    ["a relative wikilink climbs from the note's folder", wiki("relative"), CLAIM, SOURCE, true, "[[../domains/ai/Probes beat SAEs|Probes beat SAEs]]"],
    ["a relative wikilink in the same folder is the name", wiki("relative"), "inbox/other.md", SOURCE, true, "[[other]]"],
    ["an absolute wikilink is the vault path", wiki("absolute"), CLAIM, SOURCE, true, "[[domains/ai/Probes beat SAEs|Probes beat SAEs]]"],
    ["a Markdown link encodes spaces", md("shortest"), CLAIM, SOURCE, true, "[Probes beat SAEs](Probes%20beat%20SAEs.md)"],
    ["a Markdown link encodes parentheses", md("shortest"), "domains/ai/Probes (mostly) win).md", SOURCE, true, "[Probes (mostly) win)](Probes%20%28mostly%29%20win%29.md)"],
    ["a relative Markdown link climbs", md("relative"), SOURCE, "domains/ai/claim.md", true, "[src](../../inbox/src.md)"],
    ["an absolute Markdown link is the vault path", md("absolute"), CLAIM, SOURCE, false, "[Probes beat SAEs](domains/ai/Probes%20beat%20SAEs.md)"],
  ])("%s", (_name, style, target, from, unique, link) => {
    expect(formatLink(style, target, from, unique)).toBe(link);
  });
});

describe("formatTextLink", () => {
  it("is a wikilink to the text, or a Markdown link to text.md", () => {
    expect(formatTextLink(wiki("shortest"), "oversight degrades")).toBe("[[oversight degrades]]");
    expect(formatTextLink(md("shortest"), "oversight (a) degrades")).toBe("[oversight (a) degrades](oversight%20%28a%29%20degrades.md)");
  });
});

describe("withDisplay: a link that shows the claim's title (SPEC §3 [[file|title]])", () => {
  it.each<[string, string, string, string]>([
    ["a wikilink gains the title", "[[Monitors - fail at scale]]", "Monitors: fail at scale", "[[Monitors - fail at scale|Monitors: fail at scale]]"],
    ["a wikilink's display text is replaced", "[[domains/ai/x|x]]", "Probes beat SAEs", "[[domains/ai/x|Probes beat SAEs]]"],
    ["a Markdown link's text is replaced", "[x](domains/ai/x.md)", "Probes: beat SAEs", "[Probes: beat SAEs](domains/ai/x.md)"],
    ["a pipe or bracket in the title cannot end the link early", "[[a]]", "a | b [c]", "[[a|a b c]]"],
    ["anything else is left as it is", "plain text", "Title", "plain text"],
  ])("%s", (_name, link, title, out) => {
    expect(withDisplay(link, title)).toBe(out);
  });
});
