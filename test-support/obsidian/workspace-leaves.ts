/** The leaf queries of the Workspace: iterate, find by type, id or group, detach by type. */
import { Events } from "./events";
import { WorkspaceRoot, WorkspaceSidedock } from "./workspace-items";
import type { WorkspaceLeaf } from "./workspace-leaf";

export abstract class WorkspaceLeaves extends Events {
  leftSplit = new WorkspaceSidedock("left");
  rootSplit = new WorkspaceRoot();
  rightSplit = new WorkspaceSidedock("right");

  /** @internal */
  _rootLeaves(): WorkspaceLeaf[] {
    return this.rootSplit._leaves();
  }

  iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => any): void {
    for (const leaf of this._rootLeaves()) callback(leaf);
  }

  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => any): void {
    for (const leaf of [...this.leftSplit._leaves(), ...this._rootLeaves(), ...this.rightSplit._leaves()]) callback(leaf);
  }

  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    const out: WorkspaceLeaf[] = [];
    this.iterateAllLeaves((leaf) => {
      if (leaf.view.getViewType() === viewType) out.push(leaf);
    });
    return out;
  }

  detachLeavesOfType(viewType: string): void {
    for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
  }

  getLeafById(id: string): WorkspaceLeaf | null {
    let found: WorkspaceLeaf | null = null;
    this.iterateAllLeaves((leaf) => {
      if (leaf.id === id) found = leaf;
    });
    return found;
  }

  getGroupLeaves(group: string): WorkspaceLeaf[] {
    const out: WorkspaceLeaf[] = [];
    this.iterateAllLeaves((leaf) => {
      if (leaf.group === group) out.push(leaf);
    });
    return out;
  }
}
