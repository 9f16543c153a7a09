/**
 * SuggestModal / FuzzySuggestModal: a `.prompt` modal with `input.prompt-input`
 * and `.prompt-results > .suggestion-item` (the selected one `.is-selected`).
 * Suggestions refresh on the input's 'input' event; ArrowUp/ArrowDown move,
 * Enter or a click chooses: the modal closes, then onChooseSuggestion runs.
 */
import type { App } from "./app";
import "./dom-helpers";
import { prepareFuzzySearch, type SearchResult } from "./misc";
import { Modal } from "./modal";

export interface Instruction {
  command: string;
  purpose: string;
}

export interface FuzzyMatch<T> {
  item: T;
  match: SearchResult;
}

export abstract class SuggestModal<T> extends Modal {
  limit = 50;
  emptyStateText = "No results found.";
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  private instructionsEl: HTMLElement;
  private values: T[] = [];
  private selected = 0;
  private refreshId = 0;

  constructor(app: App) {
    super(app);
    this.modalEl.addClass("prompt");
    this.headerEl.detach();
    this.contentEl.detach();
    const inputContainer = this.modalEl.createDiv({ cls: "prompt-input-container" });
    this.inputEl = inputContainer.createEl("input", { cls: "prompt-input", type: "text", attr: { enterkeyhint: "done" } });
    this.resultContainerEl = this.modalEl.createDiv({ cls: "prompt-results" });
    this.instructionsEl = this.modalEl.createDiv({ cls: "prompt-instructions" });
    this.inputEl.addEventListener("input", () => void this.refresh());
    this.scope.register([], "ArrowDown", () => this.move(1));
    this.scope.register([], "ArrowUp", () => this.move(-1));
    this.scope.register([], "Enter", (evt) => {
      this.selectActiveSuggestion(evt);
      return false;
    });
  }

  override open(): void {
    super.open();
    this.inputEl.focus();
    void this.refresh();
  }

  setPlaceholder(placeholder: string): void {
    this.inputEl.placeholder = placeholder;
  }

  setInstructions(instructions: Instruction[]): void {
    this.instructionsEl.empty();
    for (const i of instructions) {
      const row = this.instructionsEl.createDiv({ cls: "prompt-instruction" });
      row.createSpan({ cls: "prompt-instruction-command", text: i.command });
      row.createSpan({ text: i.purpose });
    }
  }

  onNoSuggestion(): void {
    this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
  }

  /** @internal recompute and render the suggestions for the current input */
  async refresh(): Promise<void> {
    const id = ++this.refreshId;
    const values = await this.getSuggestions(this.inputEl.value);
    if (id !== this.refreshId) return;
    this.values = values.slice(0, this.limit);
    this.selected = 0;
    this.resultContainerEl.empty();
    if (this.values.length === 0) {
      this.onNoSuggestion();
      return;
    }
    this.values.forEach((value, i) => {
      const el = this.resultContainerEl.createDiv({ cls: "suggestion-item" });
      this.renderSuggestion(value, el);
      el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
      el.addEventListener("mousemove", () => this.highlight(i));
    });
    this.highlight(0);
  }

  private highlight(i: number): void {
    this.selected = i;
    Array.from(this.resultContainerEl.children).forEach((el, k) => el.toggleClass("is-selected", k === i));
  }

  private move(delta: number): false {
    if (this.values.length > 0) this.highlight((this.selected + delta + this.values.length) % this.values.length);
    return false;
  }

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close();
    this.onChooseSuggestion(value, evt);
  }

  selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
    const value = this.values[this.selected];
    if (value !== undefined) this.selectSuggestion(value, evt);
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  getSuggestions(query: string): FuzzyMatch<T>[] {
    const search = prepareFuzzySearch(query);
    const out: FuzzyMatch<T>[] = [];
    for (const item of this.getItems()) {
      const match = search(this.getItemText(item));
      if (match) out.push({ item, match });
    }
    return query.trim() === "" ? out : out.sort((a, b) => b.match.score - a.match.score);
  }

  renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
    el.setText(this.getItemText(item.item));
  }

  onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt);
  }

  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}
