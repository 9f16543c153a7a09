// A claim's description when neither its hint's commentary nor an evidence
// sentence gives one (SPEC §3: "never empty … else the rationale's first
// sentence that is not the title"). The knowledge base's claim schema
// requires a description; on real notes about a quarter of the sources gave
// some candidate none. Never the title again, never a text another claim of
// the source already has.
import { repeatsTitle } from "../claims/claim-note";
import type { SourceSections } from "../note/sections";
import { stripMarkdown } from "../text/markdown";
import { collapseWhitespace, sentencesOf } from "../text/sentences";

const MAX = 400;

export function describeFallback(input: { title: string; rationale: string; evidenceOf: string | null; original: string; sections: Pick<SourceSections, "whyThisMatters" | "whyArchived">; taken: ReadonlySet<string> }): string {
  const free = (text: string) => text !== "" && !repeatsTitle(text, input.title) && !input.taken.has(text);
  const sentences = (text: string | null) => (text ? sentencesOf(collapseWhitespace(stripMarkdown(text)).trim().slice(0, 10_000)) : []);
  const evidenceOf = input.evidenceOf ? [`Evidence: ${input.evidenceOf}.`] : [];
  const original = input.original !== input.title ? [`From the hint: ${input.original}.`] : [];
  const candidates = [...sentences(input.rationale), ...evidenceOf, ...original, ...sentences(input.sections.whyThisMatters), ...sentences(input.sections.whyArchived)];
  const found = candidates.map((s) => s.replace(/^[-*•]\s+/, "").trim()).find(free) ?? "";
  return found.length > MAX ? `${found.slice(0, MAX - 1).trimEnd()}…` : found;
}
