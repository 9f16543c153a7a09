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
import { wordStems } from "../text/similarity";

const MAX = 400;

/** With nothing else to say: where the claim comes from, numbered when another claim of the source says the same. */
function citationLine(source: { title: string; author: string | null; date: string | null }, taken: ReadonlySet<string>): string {
  const by = [source.author, source.date].filter((s): s is string => !!s).join(", ");
  const base = `Proposed by the extraction hints of "${source.title}"${by ? ` (${by})` : ""}`;
  for (let n = 1; ; n++) {
    const line = n === 1 ? `${base}.` : `${base}, item ${n}.`;
    if (!taken.has(line)) return line;
  }
}

export function describeFallback(input: {
  title: string;
  rationale: string;
  evidenceOf: string | null;
  original: string;
  sections: Pick<SourceSections, "whyThisMatters" | "whyArchived" | "content">;
  source: { title: string; author: string | null; date: string | null };
  taken: ReadonlySet<string>;
}): string {
  const free = (text: string) => text !== "" && !repeatsTitle(text, input.title) && !input.taken.has(text);
  // The opening only: a pasted page is not read whole for a description.
  const sentences = (text: string | null) => (text ? sentencesOf(collapseWhitespace(stripMarkdown(text.slice(0, 10_000))).trim()) : []);
  const evidenceOf = input.evidenceOf ? [`Evidence: ${input.evidenceOf}.`] : [];
  const original = input.original !== input.title ? [`From the hint: ${input.original}.`] : [];
  // Last, the source's own sentence that shares most words with the title: one shared word is enough here.
  const titleWords = new Set(wordStems(input.title));
  const nearest = sentences(input.sections.content)
    .map((s) => ({ s, n: wordStems(s).filter((w) => titleWords.has(w)).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .map((x) => x.s);
  const candidates = [...sentences(input.rationale), ...evidenceOf, ...original, ...nearest, ...sentences(input.sections.whyThisMatters), ...sentences(input.sections.whyArchived)];
  const found = candidates.map((s) => s.replace(/^[-*•]\s+/, "").trim()).find(free) ?? citationLine(input.source, input.taken);
  return found.length > MAX ? `${found.slice(0, MAX - 1).trimEnd()}…` : found;
}
