/**
 * app.commands: the command registry. executeCommandById runs a command as
 * the command palette would: a command whose check says "not now" (or an
 * editor command without an active Markdown editor) is not run and the call
 * returns false.
 */
import type { App } from "./register";
import { MarkdownView } from "./markdown-view";

export interface Hotkey {
  modifiers: string[];
  key: string;
}

export interface Command {
  id: string;
  name: string;
  icon?: string;
  mobileOnly?: boolean;
  repeatable?: boolean;
  callback?: () => any;
  checkCallback?: (checking: boolean) => boolean | void;
  editorCallback?: (editor: any, ctx: any) => any;
  editorCheckCallback?: (checking: boolean, editor: any, ctx: any) => boolean | void;
  hotkeys?: Hotkey[];
}

export class Commands {
  commands: Record<string, Command> = {};
  /** Test-only: the value returned by the last command run (a Promise for async callbacks). */
  lastResult: unknown;

  constructor(private app: App) {}

  addCommand(command: Command): void {
    this.commands[command.id] = command;
  }

  removeCommand(id: string): void {
    delete this.commands[id];
  }

  findCommand(id: string): Command | undefined {
    return this.commands[id];
  }

  listCommands(): Command[] {
    return Object.values(this.commands);
  }

  /** Test-only: whether the palette would offer the command right now. */
  isCommandAvailable(id: string): boolean {
    const cmd = this.commands[id];
    if (!cmd) return false;
    const view = this.app.workspace.getActiveViewOfType(MarkdownView);
    if (cmd.editorCheckCallback) return !!view && !!cmd.editorCheckCallback(true, view.editor, view);
    if (cmd.editorCallback) return !!view;
    if (cmd.checkCallback) return !!cmd.checkCallback(true);
    return !!cmd.callback;
  }

  executeCommandById(id: string): boolean {
    const cmd = this.commands[id];
    return cmd ? this.executeCommand(cmd) : false;
  }

  executeCommand(cmd: Command): boolean {
    const view = this.app.workspace.getActiveViewOfType(MarkdownView);
    let result: unknown;
    if (cmd.editorCheckCallback) {
      if (!view || !cmd.editorCheckCallback(true, view.editor, view)) return false;
      result = cmd.editorCheckCallback(false, view.editor, view);
    } else if (cmd.editorCallback) {
      if (!view) return false;
      result = cmd.editorCallback(view.editor, view);
    } else if (cmd.checkCallback) {
      if (!cmd.checkCallback(true)) return false;
      result = cmd.checkCallback(false);
    } else if (cmd.callback) {
      result = cmd.callback();
    } else return false;
    this.lastResult = result;
    if (result instanceof Promise) result.catch((e: unknown) => console.error(e));
    return true;
  }
}
