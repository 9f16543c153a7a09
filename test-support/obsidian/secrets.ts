/**
 * Obsidian's secret storage (1.11.4) and the control that picks a secret
 * (SecretComponent, 1.11.1; setValue/onChange 1.11.4). In the app the
 * component lets the user choose or create a named secret and reports its
 * name; the plugin keeps the name and asks secretStorage for the value.
 */
import { Events } from "./events";
import { BaseComponent } from "./text-components";

export class SecretStorage extends Events {
  private readonly secrets = new Map<string, string>();

  setSecret(id: string, secret: string): void {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`Invalid secret ID: ${id}`);
    this.secrets.set(id, secret);
  }

  getSecret(id: string): string | null {
    return this.secrets.get(id) ?? null;
  }

  listSecrets(): string[] {
    return [...this.secrets.keys()];
  }
}

export class SecretComponent extends BaseComponent {
  /** The name of the chosen secret, as a select of the stored names (the app draws its own picker). */
  readonly selectEl: HTMLSelectElement;
  private callback: ((value: string) => unknown) | null = null;

  /** `app` is typed by what is read of it: app.ts imports this file, and a type import back would be a circle. */
  constructor(app: { secretStorage: SecretStorage }, containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.createEl("select", { cls: "secret-component" });
    this.selectEl.createEl("option", { value: "", text: "" });
    for (const id of app.secretStorage.listSecrets()) this.selectEl.createEl("option", { value: id, text: id });
    this.selectEl.addEventListener("change", () => void this.callback?.(this.selectEl.value));
  }

  setValue(value: string): this {
    if (![...this.selectEl.options].some((o) => o.value === value)) this.selectEl.createEl("option", { value, text: value });
    this.selectEl.value = value;
    return this;
  }

  onChange(cb: (value: string) => unknown): this {
    this.callback = cb;
    return this;
  }
}
