// Which notes are claims, and what the claim index keeps of each (SPEC §6):
// a note whose `type` is `claim` (the claim types are a parameter), with its
// title (frontmatter `title`, else the first H1, else the file name) and
// aliases. One reading for the plugin (from the metadata cache's frontmatter
// and headings) and the CLI (from the note's text).
import { parseFrontmatter } from "../note/parse-frontmatter";
import { CodeFences } from "./code-fence";
import { headingOf } from "../note/sections";

/** What a claim note says about itself (from the metadata cache or the note's text). */
export interface ClaimInput {
  path: string;
  /** The frontmatter `title`, else the first H1; null: the file name is the title. */
  title: string | null;
  aliases: readonly string[];
  /** The note's `domain` (a list names several; missing: none), for the `auto` claim folder (SPEC §3). */
  domains?: readonly string[];
}

export const DEFAULT_CLAIM_TYPES: readonly string[] = ["claim"];

/** A note's `type` is one of the claim types (compared without case or surrounding space). */
export function isClaimType(type: unknown, claimTypes: readonly string[] = DEFAULT_CLAIM_TYPES): boolean {
  if (typeof type !== "string") return false;
  const t = type.trim().toLowerCase();
  return claimTypes.some((c) => c.trim().toLowerCase() === t);
}

/** `aliases` (or the older `alias`) as Obsidian reads them: a list, or one string. */
export function aliasesOf(frontmatter: Record<string, unknown>): string[] {
  const raw = frontmatter.aliases ?? frontmatter.alias;
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list.filter((a): a is string | number => typeof a === "string" || typeof a === "number").map(String).filter((a) => a.trim() !== "");
}

/** `domain` as written: one string, or each string of a list; anything else is no domain. */
export function domainsOf(frontmatter: Record<string, unknown>): string[] {
  const raw = frontmatter.domain;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((d): d is string => typeof d === "string").map((d) => d.trim()).filter((d) => d !== "");
}

/** A claim's index input from its frontmatter and first H1 (null: not a claim). */
export function claimInputFromFrontmatter(
  path: string,
  frontmatter: Record<string, unknown> | null | undefined,
  firstH1: string | null,
  claimTypes: readonly string[] = DEFAULT_CLAIM_TYPES,
): ClaimInput | null {
  if (!frontmatter || !isClaimType(frontmatter.type, claimTypes)) return null;
  const own = typeof frontmatter.title === "string" && frontmatter.title.trim() !== "" ? frontmatter.title.trim() : null;
  return { path, title: own ?? (firstH1?.trim() || null), aliases: aliasesOf(frontmatter), domains: domainsOf(frontmatter) };
}

/** The first `# Heading` of the body, outside fenced code. */
export function firstH1(lines: readonly string[], from = 0): string | null {
  const fences = new CodeFences();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (fences.skip(line)) continue;
    const h = headingOf(line);
    if (h?.level === 1 && h.text !== "") return h.text;
  }
  return null;
}

/** What a note says about claims: itself as a claim (or null), and the claims it lists in `claims_extracted` (SPEC §2 rule 9). */
export interface ClaimFacts {
  claim: ClaimInput | null;
  listed: string[];
}

/** The strings of a note's `claims_extracted` (a list, or one string). */
export function listedClaims(frontmatter: Record<string, unknown>): string[] {
  const raw = frontmatter.claims_extracted;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((c): c is string => typeof c === "string" && c.trim() !== "");
}

/** One reading of a note for the claim index and the dangling check. */
export function claimFactsFromText(path: string, text: string, claimTypes: readonly string[] = DEFAULT_CLAIM_TYPES): ClaimFacts {
  const parsed = parseFrontmatter(text);
  if (!parsed.data) return { claim: null, listed: [] };
  const claim = isClaimType(parsed.data.type, claimTypes) ? claimInputFromFrontmatter(path, parsed.data, firstH1(parsed.shape.lines, parsed.bodyStart), claimTypes) : null;
  return { claim, listed: listedClaims(parsed.data) };
}

/** A claim's index input from the note's text (null: not a claim, or its frontmatter cannot be read). */
export function claimInputFromText(path: string, text: string, claimTypes: readonly string[] = DEFAULT_CLAIM_TYPES): ClaimInput | null {
  const parsed = parseFrontmatter(text);
  if (!parsed.data || !isClaimType(parsed.data.type, claimTypes)) return null;
  return claimInputFromFrontmatter(path, parsed.data, firstH1(parsed.shape.lines, parsed.bodyStart), claimTypes);
}
