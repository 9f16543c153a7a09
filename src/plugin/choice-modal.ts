// The set-priority and set-status commands: pick a value from a list.
import { SuggestModal, type App } from "obsidian";

export class ChoiceModal<T extends string> extends SuggestModal<T> {
  constructor(
    app: App,
    private readonly choices: readonly T[],
    placeholder: string,
    private readonly onChoose: (value: T) => void,
  ) {
    super(app);
    this.setPlaceholder(placeholder);
  }

  getSuggestions(query: string): T[] {
    const q = query.trim().toLowerCase();
    return this.choices.filter((c) => c.includes(q));
  }

  renderSuggestion(value: T, el: HTMLElement): void {
    el.setText(value);
  }

  onChooseSuggestion(value: T): void {
    this.onChoose(value);
  }
}
