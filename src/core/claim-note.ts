// Rendering a claim note (SPEC §3). Built from plain strings, quoted where
// YAML needs it, so the note reads back exactly as written.
import { finishTitle, stripMarkdown } from "./candidate-title";
import type { Confidence } from "./model";
import { sentencesOf } from "./sentences";
import { yamlScalar } from "./yaml";

export interface ClaimInput {
  title: string;
  fileName: string;
  fromQuote: boolean;
  rationale: string;
  confidence: Confidence;
  domain: string | null;
  secondaryDomains: string[];
  /** The source as text: author, title and date. */
  sourceCitation: string;
  sourceLink: string;
  relevantLinks: string[];
  guidance: string | null;
  /** The claim's own description (the candidate's, as the user left it). */
  description: string;
  /** Sentences of the source quoted under `## Evidence`. */
  evidence: readonly string[];
  created: string;
}

export function citationOf(source: { author: string | null; title: string; date: string | null }): string {
  return [source.author, `"${source.title}"`, source.date].filter((s): s is string => !!s).join(", ");
}

const MAX_DESCRIPTION = 400;

/** One sentence of context beyond the title. */
export function describeClaim(input: Pick<ClaimInput, "title" | "fromQuote" | "rationale"> & { fallbackContext: string | null }): string {
  const rationale = finishTitle(stripMarkdown(input.rationale).replace(/^\s*[-*+]\s+/gm, ""));
  let text: string;
  if (input.fromQuote) text = rationale;
  else {
    const rest = rationale.startsWith(input.title) ? rationale.slice(input.title.length).replace(/^[\s.,;:—–-]+/, "") : "";
    text = rest !== "" ? rest : (input.fallbackContext ?? "");
  }
  const first = sentencesOf(stripMarkdown(text).replace(/\s+/g, " ").trim())[0] ?? "";
  const sentence = first.length > MAX_DESCRIPTION ? `${first.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : first;
  return sentence === "" ? input.title : sentence;
}

const blockList = (key: string, values: readonly string[]) => [`${key}:`, ...values.map((v) => `  - ${yamlScalar(v)}`)];

export function renderClaim(input: ClaimInput): string {
  const fm: string[] = ["---", "type: claim"];
  if (input.domain) fm.push(`domain: ${yamlScalar(input.domain)}`);
  if (input.secondaryDomains.length > 0) fm.push(...blockList("secondary_domains", input.secondaryDomains));
  fm.push(
    `description: ${yamlScalar(input.description)}`,
    `confidence: ${input.confidence}`,
    `source: ${yamlScalar(input.sourceCitation)}`,
    `created: ${input.created}`,
  );
  if (input.fileName !== input.title) fm.push(...blockList("aliases", [input.title]));
  fm.push("---");

  const body: string[] = ["", `# ${input.title}`, "", input.rationale.trim(), ""];
  if (input.guidance) body.push("> [!note] Curator guidance", ...input.guidance.split("\n").map((l) => `> ${l}`), "");
  body.push("## Evidence", "", `- ${input.sourceLink} — ${input.sourceCitation}`, ...input.evidence.map((e) => `  > ${e}`), "");
  if (input.relevantLinks.length > 0) body.push("Relevant Notes:", ...input.relevantLinks.map((l) => `- ${l}`), "");
  return [...fm, ...body].join("\n");
}
