// The source after a split (SPEC §3): new titles appended to
// claims_extracted, status and processed fields set, and an
// `## Extracted claims` section that a re-run replaces rather than repeats.
// Nothing else in the note changes.
import { findBlock, joinShape, shapeOf } from "../note/frontmatter-block";
import { editFrontmatter, type EditResult, type FieldEdit } from "../note/frontmatter-edit";
import type { Status } from "../note/model";
import { headingOf } from "../note/sections";

export interface SourceUpdate {
  newTitles: string[];
  status: Status;
  today: string;
  processedBy: string;
  /** Links to every claim of the source, in order, for the `## Extracted claims` section. */
  claimLinks: string[];
  /** Further fields set in the same edit, after the status fields. */
  fields?: readonly FieldEdit[];
  /** Fields removed when present (the lease of an agent's claim, once the source is processed). */
  remove?: readonly string[];
  /** Titles of claims this run enriched, for the enrichments field (SPEC §6); listed ones are left out by the caller. */
  enrichments?: { field: string; titles: string[] };
}

export const EXTRACTED_HEADING = "## Extracted claims";

/** Frontmatter edits for a status change, with the fields that go with it (SPEC §4 "Toggles"). */
export function statusEdits(status: Status, today: string, processedBy: string, reason?: string, reasonField = "notes"): FieldEdit[] {
  const edits: FieldEdit[] = [{ key: "status", set: status }];
  if (status === "processed") {
    edits.push({ key: "processed_date", set: today });
    if (processedBy !== "") edits.push({ key: "processed_by", set: processedBy });
  }
  if (status === "null-result" && reason !== undefined && reason.trim() !== "") {
    edits.push({ key: reasonField, set: reason.trim() });
  }
  return edits;
}

export function updateSource(text: string, update: SourceUpdate): EditResult {
  const edits: FieldEdit[] = [];
  if (update.newTitles.length > 0) edits.push({ key: "claims_extracted", append: update.newTitles });
  if (update.enrichments && update.enrichments.titles.length > 0) edits.push({ key: update.enrichments.field, append: update.enrichments.titles });
  edits.push(...statusEdits(update.status, update.today, update.processedBy));
  if (update.status !== "processed") {
    edits.push({ key: "processed_date", set: update.today });
    if (update.processedBy !== "") edits.push({ key: "processed_by", set: update.processedBy });
  }
  edits.push(...(update.fields ?? []));
  const edited = editFrontmatter(text, edits);
  if (!edited.ok) return edited;
  // The record stays true (SPEC §3): today's processed_date never stands beside
  // an earlier run's processed_by. With a name set it is replaced above; with
  // none, the old name goes rather than claim this run.
  const named = update.processedBy === "" ? removeField(edited.text, "processed_by") : edited.text;
  const recorded = (update.remove ?? []).reduce(removeField, named);
  const withSection = replaceExtractedSection(recorded, update.claimLinks);
  return { ok: true, text: withSection, changed: withSection !== text };
}

/** The text without a top-level frontmatter field (its line and any indented lines under it); every other line as it was. */
export function removeField(text: string, key: string): string {
  const shape = shapeOf(text);
  const block = findBlock(shape.lines);
  if (block.kind !== "block") return text;
  const lines = shape.lines;
  const keyLine = new RegExp(`^${key}\\s*:`);
  for (let i = block.open + 1; i < block.close; i++) {
    if (!keyLine.test(lines[i] ?? "")) continue;
    let end = i + 1;
    while (end < block.close && /^(\s|-\s|-$)/.test(lines[end] ?? "") && (lines[end] ?? "").trim() !== "") end++;
    lines.splice(i, end - i);
    return removeField(joinShape({ ...shape, lines }), key);
  }
  return text;
}

/** Put the claim links under `## Extracted claims`, replacing the section if it is there. */
export function replaceExtractedSection(text: string, links: readonly string[]): string {
  if (links.length === 0) return text;
  const shape = shapeOf(text);
  const lines = shape.lines;
  const section = [EXTRACTED_HEADING, "", ...links.map((l) => `- ${l}`)];
  let inFence = false;
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && /^##\s+extracted claims\s*$/i.test(line.trim())) {
      start = i;
      break;
    }
  }
  if (start >= 0) {
    let end = start + 1;
    while (end < lines.length) {
      const h = headingOf(lines[end] ?? "");
      if (h && h.level <= 2) break;
      end++;
    }
    const trailingBlank = end < lines.length ? [""] : [];
    lines.splice(start, end - start, ...section, ...trailingBlank);
  } else {
    if (lines.length > 0 && (lines[lines.length - 1] ?? "").trim() !== "") lines.push("");
    lines.push(...section);
  }
  return joinShape({ ...shape, lines });
}
