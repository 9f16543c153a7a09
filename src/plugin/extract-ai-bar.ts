// "Draft with AI" in the extract preview (SPEC §9): nothing is sent until the
// user presses it; then one request, a progress line with Cancel, the time
// limit, and one line for the outcome. On any failure the rule-based
// candidates stay as they were and nothing is written.
import { ButtonComponent } from "obsidian";
import { draftInputOf, draftOf } from "../core/commands/draft";
import type { ClaimIndex } from "../core/claims/claim-index";
import { endpointOf, type AiConfig } from "../core/extraction/ai-draft/provider";
import type { AiDraft } from "../core/extraction/ai-draft/response";
import type { Settings } from "../core/note/settings";
import { requestUrlTransport } from "./ai-request";
import { CLS } from "./extract-text";

export interface AiBarHost {
  /** The configuration with its key, or the line that says why a draft cannot be asked for. */
  ai(): AiConfig | string;
  settings(): Settings;
  claims(): ClaimIndex;
  /** The source as the preview read it. */
  source(): { path: string; text: string };
  /** The outcome of a request: the draft to plan with (null when it failed) and the line shown, kept across re-renders. */
  drafted(draft: AiDraft | null, line: { text: string; problem: boolean }): void;
}

export class AiDraftBar {
  private readonly button: ButtonComponent;
  private readonly cancelButton: ButtonComponent;
  private readonly lineEl: HTMLElement;
  private cancel: (() => void) | null = null;

  constructor(parent: HTMLElement, private readonly host: AiBarHost, last: { text: string; problem: boolean } | null) {
    const bar = parent.createDiv({ cls: `${CLS}-ai` });
    this.button = new ButtonComponent(bar).setButtonText("Draft with AI").onClick(() => void this.run());
    this.button.buttonEl.setAttr("title", "Ask the model in the settings for claims of this source; each draft is checked like any candidate");
    this.cancelButton = new ButtonComponent(bar).setButtonText("Cancel draft").onClick(() => this.cancel?.());
    this.cancelButton.buttonEl.addClass("is-hidden");
    this.lineEl = bar.createSpan({ cls: `${CLS}-ai-line`, attr: { "aria-live": "polite" } });
    if (last) this.show(last.text, last.problem);
  }

  get pending(): boolean {
    return this.cancel !== null;
  }

  /** Asks for the draft (the one place a request starts); resolves with the line shown. */
  async run(): Promise<{ text: string; problem: boolean }> {
    if (this.pending) return { text: this.lineEl.getText(), problem: false };
    const config = this.host.ai();
    if (typeof config === "string") {
      const line = this.show(config, true);
      this.host.drafted(null, line);
      return line;
    }
    const { path, text } = this.host.source();
    let cancelled!: () => void;
    const stop = new Promise<void>((resolve) => (cancelled = resolve));
    this.cancel = () => cancelled();
    this.button.setDisabled(true);
    this.cancelButton.buttonEl.removeClass("is-hidden");
    let host = config.baseUrl;
    try {
      host = new URL(endpointOf(config)).host;
    } catch {
      // configProblem says so below
    }
    this.show(`Asking ${config.model || "the model"} at ${host}… (up to ${config.timeoutSeconds} s)`, false);
    try {
      const input = draftInputOf(path, text, this.host.settings(), this.host.claims());
      const result = await draftOf(input, { ai: config, send: requestUrlTransport(config.timeoutSeconds, stop) });
      if (!result.ok) {
        const line = this.show(`${result.error}. The candidates below are the rule-based ones; nothing was written.`, true);
        this.host.drafted(null, line);
        return line;
      }
      const n = result.draft.claims.length;
      const line = this.show(result.draft.verdict === "nothing new" ? `Drafted by ${result.draft.model}: nothing new in this source.` : `Drafted by ${result.draft.model}: ${n} claim${n === 1 ? "" : "s"}, each checked below.`, false);
      this.host.drafted(result.draft, line);
      return line;
    } finally {
      this.cancel = null;
      this.button.setDisabled(false);
      this.cancelButton.buttonEl.addClass("is-hidden");
    }
  }

  private show(text: string, problem: boolean): { text: string; problem: boolean } {
    this.lineEl.setText(text);
    this.lineEl.toggleClass("is-problem", problem);
    return { text, problem };
  }
}
