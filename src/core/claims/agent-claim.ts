// Claims an agent writes itself (SPEC §7 `extract_claims` with `claims`): the
// claim note gets the §3 frontmatter and H1 that renderClaim gives every claim,
// and below the H1 the agent's body exactly as written; an `## Evidence` link
// to the source is added when the body has none, so every claim still leads
// back to where it came from. Pure: the plan's rendered text in, the note out.
import { basenameOf } from "../note/model";
import { headingOf } from "../note/sections";

/** An agent's body larger than this (UTF-8) is refused: no claim note is a megabyte of prose. */
export const MAX_BODY_BYTES = 1_000_000;

export interface SourceRef {
  /** The source's vault path. */
  path: string;
  /** The link to the source as the vault's settings write it, from the claim's folder. */
  link: string;
  /** The source as text (author, title, date), as in the `source` field. */
  citation: string;
}

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/** Why a body cannot be written into a claim, or null. */
export function bodyProblem(body: string): string | null {
  const bytes = utf8Bytes(body);
  if (bytes > MAX_BODY_BYTES) return `the body is ${bytes.toLocaleString("en-US")} bytes; at most ${MAX_BODY_BYTES.toLocaleString("en-US")} are accepted`;
  // eslint-disable-next-line no-control-regex -- a NUL byte is what marks binary data
  if (/\u0000/.test(body)) return "the body contains a NUL byte";
  return null;
}

/** Does the body link the source already? A `[[name]]`/`[[path/name|alias]]` wikilink, a Markdown link to its file, or the exact link. */
export function linksSource(body: string, source: SourceRef): boolean {
  if (body.includes(source.link)) return true;
  const name = basenameOf(source.path).toLowerCase();
  const pathNoExt = source.path.replace(/\.md$/i, "").toLowerCase();
  for (const m of body.matchAll(/\[\[([^\]|#^]+)(?:[#^][^\]|]*)?(?:\|[^\]]*)?\]\]/g)) {
    const target = (m[1] ?? "").trim().toLowerCase().replace(/\.md$/, "");
    if (target === name || target === pathNoExt || target.endsWith(`/${name}`)) return true;
  }
  for (const m of body.matchAll(/\]\(<?([^)>]+)>?\)/g)) {
    let target = m[1] ?? "";
    try {
      target = decodeURIComponent(target);
    } catch {
      // a malformed escape is compared as written
    }
    const file = target.split("/").pop()?.toLowerCase().replace(/\.md$/, "") ?? "";
    if (file === name) return true;
  }
  return false;
}

/** Index of the line holding the `## Evidence` heading (any level, any case) outside code fences, or -1. */
function evidenceHeading(lines: readonly string[]): { at: number; level: number } | null {
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const h = headingOf(line);
    if (h && h.text.trim().toLowerCase() === "evidence") return { at: i, level: h.level };
  }
  return null;
}

/** The body with the source's link added: as the last bullet of its Evidence section, or as a new section at the end. */
export function withSourceEvidence(body: string, source: SourceRef): string {
  const lines = body.replace(/\r\n/g, "\n").replace(/\s+$/, "").split("\n");
  if (linksSource(body, source)) return lines.join("\n");
  const bullet = `- ${source.link} — ${source.citation}`;
  const heading = evidenceHeading(lines);
  if (heading === null) return [...lines, "", "## Evidence", "", bullet].join("\n").replace(/^\n+/, "");
  let end = heading.at + 1;
  while (end < lines.length) {
    const h = headingOf(lines[end] ?? "");
    if (h && h.level <= heading.level) break;
    end++;
  }
  let last = end;
  while (last > heading.at + 1 && (lines[last - 1] ?? "").trim() === "") last--;
  const gap = last === heading.at + 1 ? [""] : [];
  lines.splice(last, 0, ...gap, bullet);
  return lines.join("\n");
}

/**
 * The claim note for an agent-written body: the rendered note's frontmatter
 * and H1, then the body (a first line that repeats the H1 is dropped), with
 * the source linked under `## Evidence` when it was not.
 */
export function agentClaimText(rendered: string, body: string, source: SourceRef): string {
  const lines = rendered.split("\n");
  const h1 = lines.findIndex((l) => /^# /.test(l));
  if (h1 < 0) throw new Error("the rendered claim has no H1");
  const head = lines.slice(0, h1 + 1);
  const title = (lines[h1] ?? "").slice(2).trim();
  let own = body.replace(/\r\n/g, "\n").replace(/^\s*\n/, "");
  const first = own.split("\n", 1)[0] ?? "";
  if (/^#\s/.test(first) && first.slice(1).trim() === title) own = own.slice(first.length).replace(/^\s*\n/, "");
  return `${head.join("\n")}\n\n${withSourceEvidence(own, source)}\n`;
}
