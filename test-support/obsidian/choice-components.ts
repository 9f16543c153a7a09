/**
 * Toggle, dropdown and slider controls. onChange fires from DOM events: the
 * toggle on a click of `.checkbox-container` (or 'change' of its checkbox),
 * the dropdown on 'change', the slider on 'input' when instant else 'change'.
 */
import "./dom-helpers";
import { setTooltip, type TooltipOptions } from "./icons";
import { ValueComponent } from "./text-components";

export class ToggleComponent extends ValueComponent<boolean> {
  toggleEl: HTMLElement;
  private inputEl: HTMLInputElement;
  private on = false;
  private changeCallback: ((value: boolean) => any) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
    this.inputEl = this.toggleEl.createEl("input", { type: "checkbox", attr: { tabindex: 0 } });
    this.toggleEl.addEventListener("click", (evt) => {
      if (evt.target === this.inputEl) return;
      this.onClick();
    });
    this.inputEl.addEventListener("change", () => {
      if (this.disabled) return;
      this.setValue(this.inputEl.checked);
      this.changeCallback?.(this.on);
    });
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.toggleEl.toggleClass("is-disabled", disabled);
    this.inputEl.disabled = disabled;
    return this;
  }

  getValue(): boolean {
    return this.on;
  }

  setValue(on: boolean): this {
    this.on = on;
    this.inputEl.checked = on;
    this.toggleEl.toggleClass("is-enabled", on);
    return this;
  }

  setTooltip(tooltip: string, options?: TooltipOptions): this {
    setTooltip(this.toggleEl, tooltip, options);
    return this;
  }

  onClick(): void {
    if (this.disabled) return;
    this.setValue(!this.on);
    this.changeCallback?.(this.on);
  }

  onChange(callback: (value: boolean) => any): this {
    this.changeCallback = callback;
    return this;
  }
}

export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  private changeCallback: ((value: string) => any) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
    this.selectEl.addEventListener("change", () => this.changeCallback?.(this.getValue()));
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.selectEl.disabled = disabled;
    return this;
  }

  addOption(value: string, display: string): this {
    this.selectEl.createEl("option", { text: display, value });
    return this;
  }

  addOptions(options: Record<string, string>): this {
    for (const [value, display] of Object.entries(options)) this.addOption(value, display);
    return this;
  }

  getValue(): string {
    return this.selectEl.value;
  }

  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }

  onChange(callback: (value: string) => any): this {
    this.changeCallback = callback;
    return this;
  }
}

export class SliderComponent extends ValueComponent<number> {
  sliderEl: HTMLInputElement;
  private instant = false;
  private format: (value: number) => string = String;
  private changeCallback: ((value: number) => any) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.sliderEl = containerEl.createEl("input", { type: "range", cls: "slider" });
    this.sliderEl.addEventListener("input", () => {
      if (this.instant) this.changeCallback?.(this.getValue());
    });
    this.sliderEl.addEventListener("change", () => {
      if (!this.instant) this.changeCallback?.(this.getValue());
    });
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.sliderEl.disabled = disabled;
    return this;
  }

  setInstant(instant: boolean): this {
    this.instant = instant;
    return this;
  }

  setLimits(min: number | null, max: number | null, step: number | "any"): this {
    if (min !== null) this.sliderEl.min = String(min);
    if (max !== null) this.sliderEl.max = String(max);
    this.sliderEl.step = String(step);
    return this;
  }

  getValue(): number {
    return Number(this.sliderEl.value);
  }

  setValue(value: number): this {
    this.sliderEl.value = String(value);
    return this;
  }

  getValuePretty(): string {
    return this.format(this.getValue());
  }

  setDisplayFormat(format: (value: number) => string): this {
    this.format = format;
    return this;
  }

  setDynamicTooltip(): this {
    this.sliderEl.addEventListener("input", () => setTooltip(this.sliderEl, this.getValuePretty()));
    return this;
  }

  onChange(callback: (value: number) => any): this {
    this.changeCallback = callback;
    return this;
  }
}
