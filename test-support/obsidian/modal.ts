/**
 * Modal: `.modal-container > .modal-bg + .modal > .modal-close-button +
 * .modal-header > .modal-title, .modal-content`. open() attaches it to
 * document.body, makes its scope the active one (Escape closes) and calls
 * onOpen(); close() detaches it, calls onClose() and the close callback.
 */
import type { App } from "./app";
import "./dom-helpers";
import { Scope } from "./keymap";

/** Test-only: modals currently open, oldest first. */
export const openModals: Modal[] = [];

export class Modal {
  app: App;
  scope: Scope;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  headerEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  shouldRestoreSelection = false;
  private closeCallback: (() => unknown) | null = null;
  private isOpen = false;

  constructor(app: App) {
    this.app = app;
    this.scope = new Scope(app.scope);
    this.scope.register([], "Escape", () => {
      this.close();
      return false;
    });
    this.containerEl = createDiv({ cls: ["modal-container", "mod-dim"] });
    const bg = this.containerEl.createDiv({ cls: "modal-bg" });
    bg.addEventListener("click", () => this.close());
    this.modalEl = this.containerEl.createDiv({ cls: "modal" });
    const closeButton = this.modalEl.createDiv({ cls: ["modal-close-button", "clickable-icon"], attr: { "aria-label": "Close", role: "button", tabindex: "0" } });
    closeButton.addEventListener("click", () => this.close());
    this.headerEl = this.modalEl.createDiv({ cls: "modal-header" });
    this.titleEl = this.headerEl.createDiv({ cls: "modal-title" });
    this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
  }

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    document.body.appendChild(this.containerEl);
    this.app.keymap.pushScope(this.scope);
    openModals.push(this);
    try {
      const result = this.onOpen();
      if (result instanceof Promise) result.catch((e: unknown) => console.error(e));
    } catch (e) {
      console.error(e);
    }
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.containerEl.detach();
    this.app.keymap.popScope(this.scope);
    const i = openModals.indexOf(this);
    if (i !== -1) openModals.splice(i, 1);
    this.onClose();
    this.closeCallback?.();
  }

  onOpen(): Promise<void> | void {}

  onClose(): void {}

  onHistoryBack(): void {
    this.close();
  }

  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }

  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(content);
    return this;
  }

  setCloseCallback(callback: () => any): this {
    this.closeCallback = callback;
    return this;
  }
}
