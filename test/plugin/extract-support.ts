// Shared by the extract and undo tests: the real plugin loaded through the
// Obsidian test double over the seed note or the demo vault, and the extract
// modal driven the way a user drives it (typing, clicking, reading the DOM).
import { expect } from "vitest";
import type { Harness, HarnessOptions } from "../../test-support/obsidian/harness";
import type { MemoryStorage } from "../../test-support/obsidian/index";
import type SourceQueuePlugin from "../../src/plugin/main";
import { SEED_PATH, seedNote } from "../fixtures/seed";
import { demoFiles, manifest, startPlugin } from "./plugin-harness";

export const MANIFEST = manifest;
export const SEED = seedNote();
export { SEED_PATH };
export const FOLDER = "domains/ai-alignment";
export const DATA_PATH = `.obsidian/plugins/${MANIFEST.id}/data.json`;

/** Every file of the demo vault, by vault path. */
export const demoVaultFiles = demoFiles;

export interface Loaded {
  h: Harness;
  plugin: SourceQueuePlugin;
  storage: MemoryStorage;
}

/** The real plugin over the seed note alone (or the given files). */
export async function loadPlugin(options: HarnessOptions = { files: { [SEED_PATH]: SEED } }): Promise<Loaded> {
  const { h, plugin } = await startPlugin(options);
  return { h, plugin, storage: h.storage as MemoryStorage };
}

/** What a user sees and touches in the open extract modal. */
export class ExtractDialog {
  constructor(
    readonly h: Harness,
    readonly el: HTMLElement,
  ) {}

  get rows(): HTMLElement[] {
    return Array.from(this.el.querySelectorAll<HTMLElement>(".source-queue-extract-row"));
  }

  row(n: number): HTMLElement {
    const row = this.rows[n - 1];
    if (!row) throw new Error(`no row ${n}`);
    return row;
  }

  checkbox(n: number): HTMLInputElement {
    return this.row(n).querySelector<HTMLInputElement>('input[type="checkbox"]') as HTMLInputElement;
  }

  titleInput(n: number): HTMLInputElement {
    return this.row(n).querySelector<HTMLInputElement>('input[type="text"]') as HTMLInputElement;
  }

  confidence(n: number): HTMLSelectElement {
    return this.row(n).querySelector<HTMLSelectElement>("select") as HTMLSelectElement;
  }

  path(n: number): string {
    return this.row(n).querySelector(".source-queue-extract-path")?.textContent ?? "";
  }

  kind(n: number): string {
    return this.row(n).querySelector(".source-queue-extract-kind")?.textContent ?? "";
  }

  get createButton(): HTMLButtonElement {
    const button = Array.from(this.el.querySelectorAll("button")).find((b) => b.textContent?.startsWith("Create"));
    if (!button) throw new Error("no Create button");
    return button;
  }

  get reason(): string {
    return this.el.querySelector(".source-queue-extract-reason")?.textContent ?? "";
  }

  get isOpen(): boolean {
    return this.el.isConnected;
  }

  type(n: number, text: string): void {
    const input = this.titleInput(n);
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  async create(): Promise<void> {
    this.createButton.click();
    await this.h.settle();
  }
}

/** Open the note and run the command palette's "Extract claims from this source". */
export async function openExtract(h: Harness, path = SEED_PATH): Promise<ExtractDialog> {
  const file = h.vault.getFileByPath(path);
  if (!file) throw new Error(`${path} is not in the vault`);
  await h.workspace.getLeaf(false).openFile(file);
  await h.settle();
  expect(await h.runCommand(`${MANIFEST.id}:extract-claims`)).toBe(true);
  await h.settle();
  const modals = document.querySelectorAll<HTMLElement>(".modal.source-queue-extract");
  const el = modals[modals.length - 1];
  if (!el) throw new Error("the extract modal did not open");
  return new ExtractDialog(h, el);
}

/** The frontmatter lines of a note, between the `---` fences. */
export function frontmatterLines(text: string): string[] {
  const lines = text.split("\n");
  return lines.slice(1, lines.indexOf("---", 1));
}
