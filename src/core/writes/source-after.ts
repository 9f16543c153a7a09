// The source's text after a split (SPEC §3): rendered at plan time for the
// preview, and again by the apply step once the claims exist.
import { DEFAULT_ENRICHMENTS_FIELD, enrichmentEdit } from "../claims/enrichment";
import { claimNameOf, joinPath, toFileName } from "../text/file-name";
import type { EditResult, FieldEdit } from "../note/frontmatter-edit";
import { withDisplay } from "../text/links";
import { parseFrontmatter } from "../note/parse-frontmatter";
import type { Settings } from "../note/settings";
import { LEASE_FIELD, REVIEW_FIELD } from "./source-lease";
import { updateSource } from "./source-update";
import type { VaultPort } from "../note/vault-port";

export interface SourceDraft {
  sourcePath: string;
  sourceBefore: string;
  folder: string;
  newTitles: string[];
  claimPaths: ReadonlyMap<string, string>;
  priorTitles: readonly string[];
  /** Further fields to set in the same edit (an agent's extraction_model / extraction_notes). */
  fields?: readonly FieldEdit[];
  /** Claims this run enriches (SPEC §6): their titles join the source's enrichments field, in the same edit. */
  enriched?: readonly { title: string; path: string }[];
  /** The field that lists them (settings.enrichmentsField). */
  enrichmentsField?: string;
}

/**
 * The source's text after the split. Rendered at plan time for the preview,
 * and again once the claims exist, because a link to a file is only as the
 * user's settings want it when the file is there to link to.
 */
export function renderSourceAfter(d: SourceDraft, settings: Settings, today: string, port: VaultPort): EditResult {
  const allTitles = [...d.priorTitles, ...d.newTitles.filter((t) => !d.priorTitles.includes(t))];
  const seen = new Set<string>();
  const key = (path: string) => path.normalize("NFC").toLowerCase();
  // An entry may be a title or a file name (with or without `.md`): either links without `.md`,
  // and shows the title when the file name had to differ from it.
  const claimLinks = allTitles.map((t) => {
    const name = claimNameOf(t);
    const known = d.claimPaths.get(t);
    const fileName = known === undefined ? toFileName(name) : "";
    const path = known ?? port.existing(joinPath(d.folder, fileName));
    seen.add(key(path ?? joinPath(d.folder, fileName)));
    const link = path ? port.linkToFile(path, d.sourcePath) : port.linkToText(fileName, d.sourcePath);
    const shown = path ? path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "") : fileName;
    return shown === name ? link : withDisplay(link, name);
  });
  // Candidates that exist already are "link only": the section links them too.
  for (const [title, path] of d.claimPaths) {
    if (seen.has(key(path))) continue;
    seen.add(key(path));
    const link = port.linkToFile(path, d.sourcePath);
    claimLinks.push(path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "") === title ? link : withDisplay(link, title));
  }
  return updateSource(d.sourceBefore, {
    enrichments: enrichmentTitles(d),
    newTitles: d.newTitles,
    status: settings.statusAfterExtraction,
    today,
    processedBy: settings.processedBy,
    claimLinks,
    fields: d.fields,
    // An agent's lease ends with its extraction (SPEC §7): a processed source is held by no one.
    // So is the review branch it names: after the merge the source is simply processed.
    remove: settings.statusAfterExtraction === "processing" ? [] : [LEASE_FIELD, REVIEW_FIELD],
  });
}


/** The enrichments field and the titles to add to it: those it does not list yet (by title or file name). */
function enrichmentTitles(d: SourceDraft): { field: string; titles: string[] } | undefined {
  if (!d.enriched || d.enriched.length === 0) return undefined;
  const field = d.enrichmentsField ?? DEFAULT_ENRICHMENTS_FIELD;
  const data = parseFrontmatter(d.sourceBefore).data;
  const titles: string[] = [];
  for (const e of d.enriched) {
    const fileName = e.path.slice(e.path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
    if (!titles.includes(e.title) && enrichmentEdit(data, { title: e.title, fileName }, field) !== null) titles.push(e.title);
  }
  return { field, titles };
}
