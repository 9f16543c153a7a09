/**
 * View and ItemView. A view's containerEl is `.workspace-leaf-content`
 * (data-type = view type); an ItemView puts `.view-header` (children[0]) and
 * `.view-content` (children[1], = contentEl) inside it. The leaf mounts the
 * containerEl, load()s the view, then awaits onOpen(); closing awaits
 * onClose() and unload()s.
 */
import type { App } from "./register";
import { Component } from "./component";
import "./dom-helpers";
import { setIcon, setTooltip } from "./icons";
import type { Scope } from "./keymap";
import type { Menu } from "./menu";
import type { WorkspaceLeaf } from "./register";

export interface ViewStateResult {
  history: boolean;
}

export abstract class View extends Component {
  app: App;
  icon = "";
  navigation = false;
  leaf: WorkspaceLeaf;
  containerEl: HTMLElement;
  scope: Scope | null = null;

  constructor(leaf: WorkspaceLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app;
    this.containerEl = createDiv({ cls: "workspace-leaf-content" });
  }

  async onOpen(): Promise<void> {}

  async onClose(): Promise<void> {}

  abstract getViewType(): string;

  abstract getDisplayText(): string;

  getState(): Record<string, unknown> {
    return {};
  }

  async setState(state: unknown, result: ViewStateResult): Promise<void> {
    void state;
    void result;
  }

  getEphemeralState(): Record<string, unknown> {
    return {};
  }

  setEphemeralState(state: unknown): void {
    void state;
  }

  getIcon(): string {
    return this.icon;
  }

  onResize(): void {}

  onPaneMenu(menu: Menu, source: string): void {
    void menu;
    void source;
  }

  /** @internal mount into the leaf and open */
  async _open(parentEl: HTMLElement): Promise<void> {
    this.containerEl.setAttr("data-type", this.getViewType());
    parentEl.appendChild(this.containerEl);
    this.load();
    await this.onOpen();
    this._refreshHeader();
  }

  /** @internal close and unmount */
  async _close(): Promise<void> {
    this.containerEl.detach();
    try {
      await this.onClose();
    } finally {
      this.unload();
    }
  }

  /** @internal */
  _refreshHeader(): void {}
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;
  /** @internal */
  headerEl: HTMLElement;
  /** @internal */
  titleEl: HTMLElement;
  /** @internal */
  actionsEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.headerEl = this.containerEl.createDiv({ cls: "view-header" });
    const titleContainer = this.headerEl.createDiv({ cls: "view-header-title-container" });
    this.titleEl = titleContainer.createDiv({ cls: "view-header-title" });
    this.actionsEl = this.headerEl.createDiv({ cls: "view-actions" });
    this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => any): HTMLElement {
    const el = createEl("a", { cls: ["clickable-icon", "view-action"], attr: { role: "button", tabindex: 0 } });
    this.actionsEl.insertBefore(el, this.actionsEl.firstChild);
    setIcon(el, icon);
    setTooltip(el, title);
    el.addEventListener("click", callback);
    return el;
  }

  override _refreshHeader(): void {
    this.titleEl.setText(this.getDisplayText());
  }
}

/** The view of a new, empty tab. */
export class EmptyView extends ItemView {
  getViewType(): string {
    return "empty";
  }

  getDisplayText(): string {
    return "New tab";
  }

  override async onOpen(): Promise<void> {
    this.contentEl.createDiv({ cls: "empty-state", text: "No file is open" });
  }
}

/**
 * Placeholder of a leaf whose view is not loaded: restored in the background at
 * startup (Obsidian 1.7.2+ "deferred views"), or whose plugin is not loaded.
 * getViewType() gives the real type; loadIfDeferred()/revealLeaf() load it.
 */
export class DeferredView extends ItemView {
  constructor(leaf: WorkspaceLeaf, public deferredType: string, public deferredState: Record<string, unknown> = {}) {
    super(leaf);
  }

  getViewType(): string {
    return this.deferredType;
  }

  getDisplayText(): string {
    return this.deferredType;
  }

  override getState(): Record<string, unknown> {
    return this.deferredState;
  }
}
