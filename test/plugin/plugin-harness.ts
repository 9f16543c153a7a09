// Starts the real plugin in the project's Obsidian test double, over the demo
// vault or given files, as Obsidian would load it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDemoVault } from "../../test-support/demo-vault";
import { createHarness, type Harness, type HarnessOptions } from "../../test-support/obsidian/harness";
import SourceQueuePlugin from "../../src/plugin/main";

const root = join(import.meta.dirname, "../../");
export const manifest = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8")) as { id: string; name: string; version: string; minAppVersion: string };

/** Every file of the demo vault as vault path → text. */
export const demoFiles = (): Record<string, string> => readDemoVault();

export interface Started {
  h: Harness;
  plugin: SourceQueuePlugin;
}

export async function startPlugin(options: HarnessOptions & { data?: unknown } = {}): Promise<Started> {
  const files = { ...(options.files ?? demoFiles()) };
  if (options.data !== undefined) {
    files[`.obsidian/plugins/${manifest.id}/data.json`] = typeof options.data === "string" ? options.data : JSON.stringify(options.data);
  }
  const h = createHarness({ ...options, files });
  const plugin = await h.loadPlugin(SourceQueuePlugin, manifest);
  return { h, plugin };
}

/** Open the sidebar through its command and wait for it to draw. */
export async function openQueue(s: Started): Promise<HTMLElement> {
  await s.h.runCommand(`${manifest.id}:open-queue`);
  await s.h.settle();
  const leaf = s.h.app.workspace.getLeavesOfType("source-queue")[0];
  if (!leaf) throw new Error("the queue view did not open");
  return leaf.view.containerEl;
}

export const rows = (el: HTMLElement): HTMLElement[] => Array.from(el.querySelectorAll<HTMLElement>(".source-queue-row"));
export const rowPaths = (el: HTMLElement): string[] => rows(el).map((r) => r.dataset.path ?? "");
export const row = (el: HTMLElement, path: string): HTMLElement => {
  const found = rows(el).find((r) => r.dataset.path === path);
  if (!found) throw new Error(`no row for ${path}`);
  return found;
};

export function key(target: Element, k: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init }));
}

export function click(target: Element, init: MouseEventInit = {}): void {
  target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ...init }));
}
