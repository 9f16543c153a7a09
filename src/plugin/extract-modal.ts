// Placeholder: the extract preview modal is written in its own change.
import { Modal, type TFile } from "obsidian";
import type SourceQueuePlugin from "./main";

export class ExtractModal extends Modal {
  constructor(
    private readonly plugin: SourceQueuePlugin,
    private readonly file: TFile,
  ) {
    super(plugin.app);
  }
}
