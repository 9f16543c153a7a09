// Claims the user adds in the preview or with `extract --add` (issue #11):
// created like the hint candidates, so refused for the same reasons before
// anything is written, with the reason the preview shows beside the row.
import { joinPath, sameName, toFileName } from "../text/file-name";

/**
 * Why an added title cannot be created, or null when it can: empty after
 * clean-up, only punctuation, the same as another candidate's title, or the
 * name of a note that exists (or a claim the source already lists).
 */
export function addedTitleProblem(
  title: string,
  otherTitles: readonly string[],
  folder: string,
  existsAt: (path: string) => string | null,
  claimsExtracted: readonly string[] = [],
): string | null {
  const clean = title.replace(/\s+/g, " ").trim();
  if (clean === "") return "the title is empty";
  if (!/[\p{L}\p{N}]/u.test(clean)) return "the title holds no letters or digits";
  // No fallback name: a title that leaves nothing usable must be refused, not created as "Untitled claim".
  const fileName = toFileName(clean, "");
  if (fileName === "" || !/[\p{L}\p{N}]/u.test(fileName)) return "the title leaves no usable file name";
  if (otherTitles.some((t) => sameName(t, clean) || sameName(toFileName(t), fileName))) return "another candidate has this title";
  const existing = existsAt(joinPath(folder, fileName));
  if (existing !== null) return `${existing} already exists`;
  if (claimsExtracted.some((t) => sameName(t, clean))) return "the source already lists this claim";
  return null;
}
