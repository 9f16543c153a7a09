// Pick the claim an enrichment goes to (SPEC §6): Obsidian's own fuzzy
// suggester over the live claim index, each claim shown by title with its
// path under it (two claims may share a title in different folders).
import { FuzzySuggestModal, type App, type FuzzyMatch } from "obsidian";
import type { ClaimEntry, ClaimIndex } from "../core/claims/claim-index";

export class ClaimSuggestModal extends FuzzySuggestModal<ClaimEntry> {
  constructor(
    app: App,
    private readonly claims: ClaimIndex,
    private readonly onPick: (claim: ClaimEntry) => void,
  ) {
    super(app);
    this.setPlaceholder("Claim to enrich: type part of its title or path");
    this.emptyStateText = claims.size === 0 ? "The vault has no claim notes." : "No claim matches.";
  }

  getItems(): ClaimEntry[] {
    return Array.from(this.claims.all());
  }

  /**
   * What the fuzzy search matches: the title and aliases. Not the path: it
   * repeats the title, and a fuzzy match over twice the letters lets almost
   * any query match almost every claim.
   */
  getItemText(claim: ClaimEntry): string {
    return [claim.title, ...claim.aliases].join(" · ");
  }

  override renderSuggestion(match: FuzzyMatch<ClaimEntry>, el: HTMLElement): void {
    el.addClass("source-queue-claim-suggestion");
    el.createDiv({ cls: "source-queue-claim-suggestion-title", text: match.item.title });
    el.createEl("small", { cls: "source-queue-claim-suggestion-path", text: match.item.path });
  }

  onChooseItem(claim: ClaimEntry): void {
    this.onPick(claim);
  }
}
