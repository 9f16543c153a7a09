// The source's text after a split (SPEC §3): rendered at plan time for the
// preview, and again by the apply step once the claims exist.
import { joinPath, toFileName } from "./file-name";
import type { EditResult } from "./frontmatter-edit";
import type { Settings } from "./settings";
import { updateSource } from "./source-update";
import type { VaultPort } from "./vault-port";

export interface SourceDraft {
  sourcePath: string;
  sourceBefore: string;
  folder: string;
  newTitles: string[];
  claimPaths: ReadonlyMap<string, string>;
  priorTitles: readonly string[];
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
  const claimLinks = allTitles.map((t) => {
    const path = d.claimPaths.get(t) ?? port.existing(joinPath(d.folder, toFileName(t)));
    seen.add(key(path ?? joinPath(d.folder, toFileName(t))));
    return path ? port.linkToFile(path, d.sourcePath) : port.linkToText(toFileName(t), d.sourcePath);
  });
  // Candidates that exist already are "link only": the section links them too.
  for (const path of d.claimPaths.values()) {
    if (seen.has(key(path))) continue;
    seen.add(key(path));
    claimLinks.push(port.linkToFile(path, d.sourcePath));
  }
  return updateSource(d.sourceBefore, {
    newTitles: d.newTitles,
    status: settings.statusAfterExtraction,
    today,
    processedBy: settings.processedBy,
    claimLinks,
  });
}

