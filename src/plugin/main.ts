import { Plugin } from "obsidian";

export default class SourceQueuePlugin extends Plugin {
  override async onload(): Promise<void> {}
}
