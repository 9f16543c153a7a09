// The top of the extract preview (SPEC §3–4): a source extracted before says
// so first, then the source and claim folder, the source's errors and the
// curator's guidance. Drawn once per plan; nothing here changes as the user types.
import type { ExtractionPlan } from "../core/extraction/extraction";
import { CLS, previousNotice } from "./extract-text";

export function renderHeader(body: HTMLElement, plan: ExtractionPlan): void {
  const previous = previousNotice(plan.previous);
  if (previous !== null) body.createDiv({ cls: `${CLS}-previous`, text: previous, attr: { role: "status" } });

  const about = body.createDiv({ cls: `${CLS}-about` });
  about.createDiv({ cls: `${CLS}-source`, text: `Source: ${plan.source.title}` });
  about.createDiv({ cls: `${CLS}-folder`, text: `Claim folder: ${plan.folder} (${plan.folderWhy})` });

  if (plan.droppedLinks.length > 0) {
    about.createDiv({ cls: `${CLS}-dropped`, text: `Relevant Notes left out (no note of the vault has that name): ${plan.droppedLinks.map((l) => `[[${l}]]`).join(", ")}` });
  }

  const errors = plan.problems.filter((p) => p.level === "error");
  if (errors.length > 0) {
    const list = body.createEl("ul", { cls: `${CLS}-problems` });
    for (const p of errors) list.createEl("li", { cls: "source-queue-problem-error", text: `Error: ${p.message}` });
  }

  if (plan.guidance) {
    const box = body.createDiv({ cls: `${CLS}-guidance`, attr: { role: "note" } });
    box.createDiv({ cls: `${CLS}-guidance-title`, text: "Curator guidance" });
    box.createEl("p", { text: plan.guidance });
  }
}
