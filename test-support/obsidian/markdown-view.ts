/**
 * FileView, TextFileView and a MarkdownView that shows the note's text in a
 * `<pre class="markdown-text">` (readable in a browser page). Its `editor`
 * holds the text; edits are saved like Obsidian does (debounced 2 s, or at
 * once with `view.save()`), and the view reloads when the file changes on disk.
 */
import { debounce, type Debouncer } from "./debounce";
import "./dom-helpers";
import { TFile } from "./files";
import { ItemView, type ViewStateResult } from "./view";
import type { WorkspaceLeaf } from "./workspace-leaf";

export interface EditorPosition {
  line: number;
  ch: number;
}

export abstract class FileView extends ItemView {
  allowNoFile = false;
  file: TFile | null = null;
  override navigation = true;

  getDisplayText(): string {
    return this.file ? this.file.basename : "No file";
  }

  override getState(): Record<string, unknown> {
    return this.file ? { file: this.file.path } : {};
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    void result;
    const path = (state as { file?: unknown } | null)?.file;
    if (typeof path !== "string") return;
    const file = this.app.vault.getFileByPath(path);
    if (!file) throw new Error(`File not found: ${path}`);
    if (file === this.file) return;
    if (this.file) await this.onUnloadFile(this.file);
    this.file = file;
    await this.onLoadFile(file);
    this._refreshHeader();
  }

  async onLoadFile(file: TFile): Promise<void> {
    void file;
  }

  async onUnloadFile(file: TFile): Promise<void> {
    void file;
  }

  async onRename(file: TFile): Promise<void> {
    void file;
    this._refreshHeader();
  }

  canAcceptExtension(extension: string): boolean {
    return extension === "md";
  }
}

export abstract class EditableFileView extends FileView {}

export abstract class TextFileView extends EditableFileView {
  data = "";
  requestSave: Debouncer<[], Promise<void>>;
  /** @internal text last loaded from or saved to disk */
  _savedData = "";

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.requestSave = debounce(() => this.save(), 2000, true);
  }

  override async onLoadFile(file: TFile): Promise<void> {
    const data = await this.app.vault.read(file);
    this._savedData = data;
    this.data = data;
    this.setViewData(data, true);
  }

  override async onUnloadFile(file: TFile): Promise<void> {
    void file;
    await this.save();
  }

  async save(clear?: boolean): Promise<void> {
    void clear;
    this.requestSave.cancel();
    const file = this.file;
    const data = this.getViewData();
    if (!file || data === this._savedData) return;
    this._savedData = data;
    await this.app.vault.modify(file, data);
  }

  /** @internal the file changed on disk: show the new text unless there are unsaved edits */
  _onDiskChange(data: string): void {
    if (this.getViewData() !== this._savedData) return;
    this._savedData = data;
    this.data = data;
    this.setViewData(data, false);
  }

  override async onClose(): Promise<void> {
    await this.save();
  }

  abstract getViewData(): string;
  abstract setViewData(data: string, clear: boolean): void;
  abstract clear(): void;
}

/** Minimal Editor over the view's text. */
export class MarkdownEditor {
  constructor(private view: MarkdownView) {}
  private cursor: EditorPosition = { line: 0, ch: 0 };

  getValue(): string {
    return this.view.data;
  }

  setValue(content: string): void {
    this.view.data = content;
    this.view._render();
    this.view.requestSave();
  }

  getLine(line: number): string {
    return this.getValue().split("\n")[line] ?? "";
  }

  lineCount(): number {
    return this.getValue().split("\n").length;
  }

  lastLine(): number {
    return this.lineCount() - 1;
  }

  posToOffset(pos: EditorPosition): number {
    const lines = this.getValue().split("\n");
    let offset = 0;
    for (let i = 0; i < pos.line && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
    return offset + pos.ch;
  }

  offsetToPos(offset: number): EditorPosition {
    const before = this.getValue().slice(0, offset).split("\n");
    return { line: before.length - 1, ch: before[before.length - 1]?.length ?? 0 };
  }

  getRange(from: EditorPosition, to: EditorPosition): string {
    return this.getValue().slice(this.posToOffset(from), this.posToOffset(to));
  }

  replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition): void {
    const v = this.getValue();
    this.setValue(v.slice(0, this.posToOffset(from)) + replacement + v.slice(this.posToOffset(to ?? from)));
  }

  getCursor(): EditorPosition {
    return { ...this.cursor };
  }

  setCursor(pos: EditorPosition | number, ch?: number): void {
    this.cursor = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : { ...pos };
  }

  getSelection(): string {
    return "";
  }

  somethingSelected(): boolean {
    return false;
  }

  replaceSelection(replacement: string): void {
    this.replaceRange(replacement, this.cursor);
  }

  focus(): void {}

  blur(): void {}

  hasFocus(): boolean {
    return false;
  }

  refresh(): void {}
}

export class MarkdownView extends TextFileView {
  editor: MarkdownEditor;
  /** @internal */
  textEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.editor = new MarkdownEditor(this);
    const source = this.contentEl.createDiv({ cls: "markdown-source-view" });
    this.textEl = source.createEl("pre", { cls: "markdown-text" });
  }

  getViewType(): string {
    return "markdown";
  }

  getMode(): "source" | "preview" {
    return "source";
  }

  getViewData(): string {
    return this.data;
  }

  setViewData(data: string, clear: boolean): void {
    void clear;
    this.data = data;
    this._render();
  }

  clear(): void {
    this.data = "";
    this._render();
  }

  showSearch(replace?: boolean): void {
    void replace;
  }

  /** @internal */
  _render(): void {
    this.textEl.setText(this.data);
  }
}
