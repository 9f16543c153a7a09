/** app.viewRegistry: view types and file extensions registered by plugins. */
import type { App } from "./register";
import { Events } from "./events";
import type { ViewCreator } from "./workspace";

export class ViewRegistry extends Events {
  viewByType: Record<string, ViewCreator> = {};
  typeByExtension: Record<string, string> = {};

  constructor(private app: App) {
    super();
  }

  registerView(type: string, viewCreator: ViewCreator): void {
    if (type === "markdown" || type === "empty" || this.viewByType[type]) throw new Error(`Attempting to register an existing view type "${type}"`);
    this.viewByType[type] = viewCreator;
    this.trigger("view-registered", type);
  }

  unregisterView(type: string): void {
    if (!this.viewByType[type]) return;
    delete this.viewByType[type];
    this.app.workspace._onViewUnregistered(type);
    this.trigger("view-unregistered", type);
  }

  getViewCreatorByType(type: string): ViewCreator | undefined {
    return this.viewByType[type];
  }

  isExtensionRegistered(extension: string): boolean {
    return extension in this.typeByExtension;
  }

  getTypeByExtension(extension: string): string | undefined {
    return this.typeByExtension[extension];
  }

  registerExtensions(extensions: string[], viewType: string): void {
    for (const ext of extensions) {
      if (this.typeByExtension[ext]) throw new Error(`Attempting to register an existing file extension "${ext}"`);
    }
    for (const ext of extensions) this.typeByExtension[ext] = viewType;
  }

  unregisterExtensions(extensions: string[]): void {
    for (const ext of extensions) delete this.typeByExtension[ext];
  }
}
