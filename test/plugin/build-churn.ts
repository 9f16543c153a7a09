// What a stepped build of an index must survive (queue-index.ts,
// claim-index-live.ts): while it pauses, notes it has read already and notes
// it has not yet read are edited, renamed and deleted, and a note is created.
import type { Harness } from "../../test-support/obsidian/harness";
import type { TFile } from "../../test-support/obsidian/files";

export interface Churn {
  /** The new texts of the first note (read already) and the last (not yet). */
  early: string;
  late: string;
  /** Where the second and second-to-last notes are moved. */
  movedTo: { early: string; late: string };
  created: { path: string; text: string };
}

/** Applies the churn to the first three and last three notes of getMarkdownFiles' order (the order a build reads). */
export async function churnDuringBuild(h: Harness, churn: Churn): Promise<void> {
  const order = h.vault.getMarkdownFiles();
  const at = (i: number) => order.at(i) as TFile;
  const [early, early2, early3, late, late2, late3] = [at(0), at(1), at(2), at(-1), at(-2), at(-3)];
  await h.vault.modify(early, churn.early);
  await h.vault.modify(late, churn.late);
  await h.app.fileManager.renameFile(early2, churn.movedTo.early);
  await h.app.fileManager.renameFile(late2, churn.movedTo.late);
  await h.app.vault.delete(early3);
  await h.app.vault.delete(late3);
  await h.vault.create(churn.created.path, churn.created.text);
  await h.settle();
}
