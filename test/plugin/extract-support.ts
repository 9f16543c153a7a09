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

  /** The title's text area: its value is the whole title, however long. */
  titleInput(n: number): HTMLTextAreaElement {
    return this.row(n).querySelector<HTMLTextAreaElement>("textarea.source-queue-extract-title") as HTMLTextAreaElement;
  }

  descriptionInput(n: number): HTMLTextAreaElement {
    return this.row(n).querySelector<HTMLTextAreaElement>("textarea.source-queue-extract-description") as HTMLTextAreaElement;
  }

  /** The topic flag beside a title, or "" when it is not shown. */
  topicFlag(n: number): string {
    const flag = this.row(n).querySelector(".source-queue-extract-topic");
    return flag && !flag.classList.contains("is-hidden") ? (flag.textContent ?? "") : "";
  }

  /** Why a row cannot be created, as shown beside it ("" when it can). */
  rowProblem(n: number): string {
    return this.row(n).querySelector(".source-queue-extract-row-problem")?.textContent ?? "";
  }

  origin(n: number): string {
    return this.row(n).querySelector(".source-queue-extract-origin")?.textContent ?? "";
  }

  button(text: string, within: ParentNode = this.el): HTMLButtonElement {
    const button = Array.from(within.querySelectorAll("button")).find((b) => b.textContent === text);
    if (!button) throw new Error(`no "${text}" button`);
    return button;
  }

  get addTitle(): HTMLTextAreaElement {
    return this.el.querySelector<HTMLTextAreaElement>("textarea.source-queue-extract-add-title") as HTMLTextAreaElement;
  }

  get addDescription(): HTMLTextAreaElement {
    return this.el.querySelector<HTMLTextAreaElement>("textarea.source-queue-extract-add-description") as HTMLTextAreaElement;
  }

  /** The refusal shown under "Add a claim" ("" when none). */
  get addReason(): string {
    return this.el.querySelector(".source-queue-extract-add-reason")?.textContent ?? "";
  }

  /** Type a claim into "Add a claim" and press Add. */
  addClaim(title: string, description = ""): void {
    fill(this.addTitle, title);
    fill(this.addDescription, description);
    const add = this.el.querySelector<HTMLElement>(".source-queue-extract-add");
    this.button("Add", add ?? this.el).click();
  }

  /** The notice at the top for a source extracted before ("" when none). */
  get previous(): string {
    return this.el.querySelector(".source-queue-extract-previous")?.textContent ?? "";
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
    // The footer's button: rows have a "Create anyway" of their own.
    const footer = this.el.querySelector(".source-queue-extract-footer") ?? this.el;
    const button = Array.from(footer.querySelectorAll("button")).find((b) => b.textContent?.startsWith("Create") || b.textContent?.startsWith("Enrich"));
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
    fill(this.titleInput(n), text);
  }

  describe(n: number, text: string): void {
    fill(this.descriptionInput(n), text);
  }

  async create(): Promise<void> {
    this.createButton.click();
    await this.h.settle();
  }
}

/** Replace a field's text as typing would: focus, value, an input event. */
function fill(el: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  el.focus();
  el.value = text;
  el.dispatchEvent(new Event("input", { bubbles: true }));
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
