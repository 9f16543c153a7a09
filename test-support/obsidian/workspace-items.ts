/**
 * The workspace tree: splits (root, left and right sidedocks) hold tab groups
 * (WorkspaceTabs), which hold leaves. Only the selected leaf of a tab group is
 * shown (the others are hidden with display: none, as in Obsidian).
 */
import "./dom-helpers";
import { Events } from "./events";
import type { WorkspaceLeaf } from "./register";

export abstract class WorkspaceItem extends Events {
  abstract parent: WorkspaceParent | null;
  containerEl: HTMLElement;

  constructor(cls: string[]) {
    super();
    this.containerEl = createDiv({ cls });
  }

  getRoot(): WorkspaceItem {
    let item: WorkspaceItem = this;
    while (item.parent) item = item.parent;
    return item;
  }

  getContainer(): WorkspaceContainer {
    let item: WorkspaceItem | null = this;
    while (item && !(item instanceof WorkspaceContainer)) item = item.parent;
    if (!item) throw new Error("Item is not in a workspace container");
    return item;
  }
}

export abstract class WorkspaceParent extends WorkspaceItem {
  children: WorkspaceItem[] = [];

  /** @internal */
  _remove(child: WorkspaceItem): void {
    const i = this.children.indexOf(child);
    if (i !== -1) this.children.splice(i, 1);
    child.containerEl.detach();
  }
}

export class WorkspaceSplit extends WorkspaceParent {
  constructor(public parent: WorkspaceParent | null, cls: string[]) {
    super(["workspace-split", ...cls]);
  }

  /** @internal new tab group at `index` (default: last) */
  _addTabs(index = this.children.length): WorkspaceTabs {
    const tabs = new WorkspaceTabs(this);
    this.children.splice(index, 0, tabs);
    this.containerEl.insertBefore(tabs.containerEl, this.containerEl.children[index] ?? null);
    return tabs;
  }

  /** @internal the tab groups under this split */
  _tabGroups(): WorkspaceTabs[] {
    const out: WorkspaceTabs[] = [];
    for (const c of this.children) {
      if (c instanceof WorkspaceTabs) out.push(c);
      else if (c instanceof WorkspaceSplit) out.push(...c._tabGroups());
    }
    return out;
  }

  /** @internal */
  _leaves(): WorkspaceLeaf[] {
    return this._tabGroups().flatMap((t) => t.children as WorkspaceLeaf[]);
  }
}

export abstract class WorkspaceContainer extends WorkspaceSplit {
  abstract win: Window;
  abstract doc: Document;
}

export class WorkspaceRoot extends WorkspaceContainer {
  win: Window = window;
  doc: Document = document;

  constructor() {
    super(null, ["mod-vertical", "mod-root"]);
  }
}

export class WorkspaceSidedock extends WorkspaceSplit {
  collapsed = false;

  constructor(public side: "left" | "right") {
    super(null, ["mod-horizontal", "mod-sidedock", `mod-${side}-split`]);
  }

  toggle(): void {
    if (this.collapsed) this.expand();
    else this.collapse();
  }

  collapse(): void {
    this.collapsed = true;
    this.containerEl.addClass("is-collapsed");
  }

  expand(): void {
    this.collapsed = false;
    this.containerEl.removeClass("is-collapsed");
  }
}

export class WorkspaceMobileDrawer extends WorkspaceParent {
  parent: WorkspaceParent | null = null;
  collapsed = false;

  constructor() {
    super(["workspace-drawer"]);
  }

  expand(): void {
    this.collapsed = false;
  }

  collapse(): void {
    this.collapsed = true;
  }

  toggle(): void {
    this.collapsed = !this.collapsed;
  }
}

export class WorkspaceTabs extends WorkspaceParent {
  /** @internal */
  headerEl: HTMLElement;
  /** @internal */
  bodyEl: HTMLElement;
  /** @internal */
  currentTab = -1;

  constructor(public parent: WorkspaceSplit) {
    super(["workspace-tabs"]);
    this.headerEl = this.containerEl.createDiv({ cls: "workspace-tab-header-container" });
    this.bodyEl = this.containerEl.createDiv({ cls: "workspace-tab-container" });
  }

  /** @internal */
  _addLeaf(leaf: WorkspaceLeaf, index = this.children.length): void {
    this.children.splice(index, 0, leaf);
    this.headerEl.insertBefore(leaf.tabHeaderEl, this.headerEl.children[index] ?? null);
    this.bodyEl.insertBefore(leaf.containerEl, this.bodyEl.children[index] ?? null);
    if (this.currentTab === -1) this.selectTab(leaf);
    else leaf.containerEl.hide();
  }

  /** @internal */
  _removeLeaf(leaf: WorkspaceLeaf): void {
    const i = this.children.indexOf(leaf);
    if (i === -1) return;
    this.children.splice(i, 1);
    leaf.containerEl.detach();
    leaf.tabHeaderEl.detach();
    if (this.children.length === 0) {
      this.currentTab = -1;
      this.parent._remove(this);
    } else if (i <= this.currentTab) {
      this.currentTab = -1;
      this.selectTab(this.children[Math.max(0, i - 1)] as WorkspaceLeaf);
    }
  }

  selectTab(leaf: WorkspaceLeaf): void {
    const i = this.children.indexOf(leaf);
    if (i === -1) return;
    this.currentTab = i;
    this.children.forEach((c, k) => {
      const l = c as WorkspaceLeaf;
      l.containerEl.toggle(k === i);
      l.tabHeaderEl.toggleClass("is-active", k === i);
    });
  }
}

export class WorkspaceRibbon {}
