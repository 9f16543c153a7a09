/**
 * WorkspaceLeaf: `.workspace-leaf` holding its view's containerEl.
 * setViewState() reuses the view when the type is unchanged (setState only),
 * else closes the old view and creates the new one with the registered
 * factory: mount, load(), await onOpen(), await setState(). Unknown view types
 * throw (stricter than Obsidian, which shows an empty view).
 */
import type { App } from "./register";
import "./dom-helpers";
import type { TFile } from "./files";
import { WorkspaceItem, type WorkspaceTabs } from "./workspace-items";
import type { PaneType } from "./keymap";
import { DeferredView, EmptyView, type View } from "./view";

export interface ViewState {
  type: string;
  state?: Record<string, unknown>;
  active?: boolean;
  pinned?: boolean;
  group?: WorkspaceLeaf;
}

export interface OpenViewState {
  state?: Record<string, unknown>;
  eState?: Record<string, unknown>;
  active?: boolean;
  group?: WorkspaceLeaf;
}

let nextId = 1;

/** Views (View.leaf) and the workspace items that hold leaves name WorkspaceLeaf from register.ts: importing it from here would be an import circle. */
declare module "./register" {
  interface Register {
    workspaceLeaf: RegisteredWorkspaceLeaf;
  }
}
/** Inside the block above, `WorkspaceLeaf` would be register.ts's own alias of it. */
type RegisteredWorkspaceLeaf = WorkspaceLeaf;

export class WorkspaceLeaf extends WorkspaceItem {
  parent: WorkspaceTabs;
  view: View;
  app: App;
  id: string;
  pinned = false;
  group: string | null = null;
  hoverPopover: unknown = null;
  /** @internal */
  tabHeaderEl: HTMLElement;
  /** Test-only: how the leaf was created by getLeaf (false = reused/plain, or a PaneType). */
  createdAs: PaneType | false = false;
  /** @internal */
  _detached = false;
  private ephemeral: unknown = {};

  constructor(app: App, parent: WorkspaceTabs, index?: number) {
    super(["workspace-leaf"]);
    this.app = app;
    this.parent = parent;
    this.id = `leaf-${nextId++}`;
    this.tabHeaderEl = createDiv({ cls: "workspace-tab-header", attr: { "data-leaf-id": this.id } });
    this.tabHeaderEl.addEventListener("click", () => {
      this.parent.selectTab(this);
      this.app.workspace.setActiveLeaf(this, { focus: true });
    });
    this.view = new EmptyView(this);
    void this.view._open(this.containerEl);
    this.updateHeader();
    parent._addLeaf(this, index);
  }

  private updateHeader(): void {
    this.tabHeaderEl.setText(this.view.getDisplayText());
    this.tabHeaderEl.setAttr("data-type", this.view.getViewType());
  }

  get isDeferred(): boolean {
    return this.view instanceof DeferredView;
  }

  async open(view: View): Promise<View> {
    if (this.view !== view) {
      await this.view._close();
      this.view = view;
      await view._open(this.containerEl);
      this.updateHeader();
    }
    return view;
  }

  /** @internal swap in a view without opening it (deferred placeholder) */
  _setPlaceholder(view: View): void {
    const old = this.view;
    this.view = view;
    void old._close().catch((e: unknown) => console.error(e));
    view.containerEl.setAttr("data-type", view.getViewType());
    this.containerEl.appendChild(view.containerEl);
    this.updateHeader();
  }

  async setViewState(viewState: ViewState, eState?: any): Promise<void> {
    if (this._detached) throw new Error("setViewState on a detached leaf");
    const ws = this.app.workspace;
    const state = viewState.state ?? {};
    const reuse = !this.isDeferred && this.view.getViewType() === viewState.type;
    if (reuse) {
      await this.view.setState(state, { history: false });
    } else {
      const creator = ws._viewCreator(viewState.type);
      if (!creator) throw new Error(`No view registered for type "${viewState.type}"`);
      const view = creator(this);
      await this.open(view);
      await view.setState(state, { history: false });
    }
    if (eState !== undefined) this.view.setEphemeralState(eState);
    if (viewState.pinned !== undefined) this.setPinned(viewState.pinned);
    this.updateHeader();
    if (viewState.active) ws.setActiveLeaf(this, { focus: true });
    ws._afterViewChange(this);
  }

  async openFile(file: TFile, openState: OpenViewState = {}): Promise<void> {
    const type = this.app.viewRegistry.typeByExtension[file.extension] ?? "markdown";
    await this.setViewState({ type, state: { ...(openState.state ?? {}), file: file.path }, active: openState.active ?? true }, openState.eState);
    this.app.workspace._recordOpen(file, this);
  }

  getViewState(): ViewState {
    return {
      type: this.view.getViewType(),
      state: this.view.getState(),
      active: this.app.workspace.activeLeaf === this,
      pinned: this.pinned,
    };
  }

  async loadIfDeferred(): Promise<void> {
    const view = this.view;
    if (!(view instanceof DeferredView)) return;
    if (!this.app.workspace._viewCreator(view.deferredType)) return;
    await this.setViewState({ type: view.deferredType, state: view.deferredState });
  }

  getEphemeralState(): any {
    return this.ephemeral;
  }

  setEphemeralState(state: any): void {
    this.ephemeral = state;
    this.view.setEphemeralState(state);
  }

  togglePinned(): void {
    this.setPinned(!this.pinned);
  }

  setPinned(pinned: boolean): void {
    if (this.pinned === pinned) return;
    this.pinned = pinned;
    this.trigger("pinned-change", pinned);
  }

  setGroupMember(other: WorkspaceLeaf): void {
    this.setGroup(other.group ?? other.id);
    other.setGroup(this.group ?? other.id);
  }

  setGroup(group: string): void {
    this.group = group;
    this.trigger("group-change", group);
  }

  detach(): void {
    if (this._detached) return;
    this._detached = true;
    const view = this.view;
    view._close().catch((e: unknown) => console.error(e));
    this.parent._removeLeaf(this);
    this.app.workspace._afterDetach(this);
  }

  getIcon(): string {
    return this.view.getIcon();
  }

  getDisplayText(): string {
    return this.view.getDisplayText();
  }

  onResize(): void {
    this.view.onResize();
  }
}
