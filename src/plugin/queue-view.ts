// Placeholder: the queue view is written in its own change.
import { ItemView, type WorkspaceLeaf } from "obsidian";
import type SourceQueuePlugin from "./main";

export const VIEW_TYPE = "source-queue";

export class QueueView extends ItemView {
  constructor(
    leaf: WorkspaceLeaf,
    private readonly plugin: SourceQueuePlugin,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return VIEW_TYPE;
  }

  getDisplayText(): string {
    return "Source queue";
  }

  override getIcon(): string {
    return "list-checks";
  }
}
