// Rendering a claim note (SPEC §3). Built from plain strings, quoted where
// YAML needs it, so the note reads back exactly as written.
import { finishTitle, stripMarkdown } from "../text/markdown";
import type { Confidence } from "../note/model";
import { sentencesOf } from "../text/sentences";
import { yamlScalar } from "../note/yaml";
import type { VaultPort } from "../note/vault-port";

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

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
/** Says no more than the title: the same words, or a part of them. */
export function repeatsTitle(text: string, title: string): boolean {
  // Much longer than the title, it says more (and a pasted page costs no word scan).
  if (text.length > 2 * title.length + 200) return false;
  // A pasted page of a title is judged on its opening.
  const own = words(text.slice(0, 10_000));
  if (own.length === 0) return true;
  const inTitle = new Set(words(title.slice(0, 10_000)));
  return own.every((w) => inTitle.has(w));
}

/**
 * The claim's own description (SPEC §3): the first sentence of its hint's
 * commentary (the text beyond the title, instructions left out; for a quoted
 * title, what surrounds the quote), or else its best evidence sentence; empty
 * when it has neither, for the curator to write. Never a text the source's
 * other claims share, never the title again.
 */
export function describeClaim(input: { title: string; commentary: string; evidence: readonly string[]; taken?: ReadonlySet<string> }): string {
  // `taken`: descriptions other claims of the source already have; each claim's is its own (SPEC §3).
  const free = (text: string) => !repeatsTitle(text, input.title) && !(input.taken?.has(text) ?? false);
  const first = sentencesOf(stripMarkdown(input.commentary).replace(/\s+/g, " ").trim())[0] ?? "";
  const fromCommentary = words(first).length >= 3 && free(first) ? first : "";
  const text = fromCommentary || (input.evidence.find(free) ?? "");
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : text;
}

/**
 * A hint writer's label at the start of a line ("CLAIM:", "Claim:", "New claim
 * candidate:", "**Key claim:**"): it says what the line is to the extractor,
 * not to a reader of the claim, so no body line keeps it (issue #24).
 */
const CLAIM_LABEL = /^(\s*(?:[-*+]\s+|\d+[.)]\s+)?)(?:\*\*|__)?(?:(?:new|key|potential|possible|proposed)\s+)*claim(?:\s+candidate)?(?:\s+\d+)?\s*:\s*(?:\*\*|__)?\s*(?=\S)/gimu;

/** The text with every line's leading claim label taken out. */
export const withoutClaimLabels = (text: string): string => text.replace(CLAIM_LABEL, "$1");

/**
 * The Relevant Notes targets (the source's PRIMARY CONNECTION and KB
 * connections), once each, split into those a note of the vault answers and
 * those none does. A port that cannot resolve links keeps them all.
 */
export function relatedLinks(targets: readonly (string | null | undefined)[], port: Pick<VaultPort, "resolveLink">, fromPath: string): { kept: string[]; dropped: string[] } {
  const unique = targets.filter((t, i, all): t is string => !!t && all.indexOf(t) === i);
  const resolve = port.resolveLink?.bind(port);
  if (!resolve) return { kept: unique, dropped: [] };
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const t of unique) (resolve(t, fromPath) === null ? dropped : kept).push(t);
  return { kept, dropped };
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

  // The rationale is the hint as written, without its labels; when it says no more than the title, it is left out.
  const body: string[] = ["", `# ${input.title}`, ""];
  const rationale = withoutClaimLabels(input.rationale).trim();
  if (!repeatsTitle(finishTitle(stripMarkdown(rationale)), input.title)) body.push(rationale, "");
  if (input.guidance) body.push("> [!note] Curator guidance", ...input.guidance.split("\n").map((l) => `> ${l}`), "");
  body.push("## Evidence", "", `- ${input.sourceLink} — ${input.sourceCitation}`, ...input.evidence.map((e) => `  > ${e}`), "");
  if (input.relevantLinks.length > 0) body.push("Relevant Notes:", ...input.relevantLinks.map((l) => `- ${l}`), "");
  return [...fm, ...body].join("\n");
}
