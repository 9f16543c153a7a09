/**
 * Notice: rendered as `.notice` (with a `.notice-message` inside) in a shared
 * `.notice-container` in document.body; hides after `duration` ms (default
 * 5000; 0 = until clicked) or on click. Every notice is also recorded in
 * `noticeLog` for tests.
 */
import "./dom-helpers";

export interface NoticeRecord {
  message: string;
  duration: number;
  hidden: boolean;
  notice: Notice;
}

/** Test-only: every notice shown, in order (message updated by setMessage). */
export const noticeLog: NoticeRecord[] = [];

export const DEFAULT_NOTICE_DURATION = 5000;

function containerFor(doc: Document): HTMLElement {
  const existing = doc.body.querySelector<HTMLElement>(":scope > .notice-container");
  return existing ?? doc.body.createDiv({ cls: "notice-container" });
}

export class Notice {
  /** @deprecated Use `messageEl` instead */
  noticeEl: HTMLElement;
  containerEl: HTMLElement;
  messageEl: HTMLElement;
  private record: NoticeRecord;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(message: string | DocumentFragment, duration?: number) {
    this.containerEl = containerFor(document).createDiv({ cls: "notice" });
    this.messageEl = this.containerEl.createDiv({ cls: "notice-message" });
    this.noticeEl = this.messageEl;
    const d = duration ?? DEFAULT_NOTICE_DURATION;
    this.record = { message: "", duration: d, hidden: false, notice: this };
    noticeLog.push(this.record);
    this.setMessage(message);
    this.containerEl.addEventListener("click", () => this.hide());
    if (d > 0) this.timer = setTimeout(() => this.hide(), d);
  }

  setMessage(message: string | DocumentFragment): this {
    this.record.message = typeof message === "string" ? message : (message.textContent ?? "");
    this.messageEl.setText(message);
    return this;
  }

  hide(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.record.hidden = true;
    this.containerEl.detach();
  }
}
