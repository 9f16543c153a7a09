// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, type Harness } from "../../test-support/obsidian/harness";
import { FuzzySuggestModal, Menu, Modal, Notice, Setting, SuggestModal, type DropdownComponent, type TextComponent, type ToggleComponent } from "../../test-support/obsidian/index";

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => {
  h.destroy();
  vi.useRealTimers();
});

const key = (k: string, target: EventTarget = document.body): KeyboardEvent => {
  const evt = new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true });
  target.dispatchEvent(evt);
  return evt;
};

describe("Menu", () => {
  function menu(calls: string[]): Menu {
    return new Menu()
      .addItem((i) => i.setTitle("Set high").setIcon("arrow-up").setSection("priority").onClick(() => calls.push("high")))
      .addItem((i) => i.setTitle("Disabled").setDisabled(true).onClick(() => calls.push("disabled")))
      .addSeparator()
      .addItem((i) => i.setTitle("Extract").onClick(() => calls.push("extract")));
  }

  it("renders items in a .menu in document.body and runs the clicked item, then closes", () => {
    const calls: string[] = [];
    const m = menu(calls);
    let hidden = 0;
    m.onHide(() => hidden++);
    m.showAtPosition({ x: 10, y: 20 });
    const titles = Array.from(document.querySelectorAll(".menu .menu-item .menu-item-title")).map((e) => e.textContent);
    expect(titles).toEqual(["Set high", "Disabled", "Extract"]);
    expect(document.querySelector(".menu .menu-item svg.svg-icon.lucide-arrow-up")).not.toBeNull();
    (document.querySelectorAll(".menu .menu-item")[2] as HTMLElement).click();
    expect(calls).toEqual(["extract"]);
    expect(document.querySelector(".menu")).toBeNull();
    expect(hidden).toBe(1);
  });

  it("ignores clicks on disabled items and closes on Escape", () => {
    const calls: string[] = [];
    const m = menu(calls);
    m.showAtMouseEvent(new MouseEvent("contextmenu", { clientX: 5, clientY: 5 }));
    (document.querySelectorAll(".menu .menu-item")[1] as HTMLElement).click();
    expect(calls).toEqual([]);
    expect(document.querySelector(".menu")).not.toBeNull();
    key("Escape");
    expect(document.querySelector(".menu")).toBeNull();
    expect(h.liveListenerCount()).toBe(0);
  });

  it("moves with the arrow keys and runs the selected item with Enter", () => {
    const calls: string[] = [];
    menu(calls).showAtPosition({ x: 0, y: 0 });
    key("ArrowDown");
    key("ArrowDown");
    key("Enter");
    expect(calls).toEqual(["extract"]);
  });
});

describe("Modal", () => {
  class ConfirmModal extends Modal {
    events: string[] = [];
    override onOpen(): void {
      this.events.push("open");
      this.setTitle("Extract claims");
      this.contentEl.createEl("button", { text: "Create 2 claims" });
    }
    override onClose(): void {
      this.events.push("close");
      this.contentEl.empty();
    }
  }

  it("attaches to document.body on open and calls onOpen; close detaches and calls onClose", () => {
    const m = new ConfirmModal(h.app);
    let closedCb = 0;
    m.setCloseCallback(() => closedCb++);
    m.open();
    expect(document.body.contains(m.modalEl)).toBe(true);
    expect(document.querySelector(".modal .modal-title")?.textContent).toBe("Extract claims");
    expect(document.querySelector(".modal-content button")?.textContent).toMatch(/^Create/);
    m.close();
    expect(document.body.contains(m.containerEl)).toBe(false);
    expect(m.events).toEqual(["open", "close"]);
    expect(closedCb).toBe(1);
  });

  it("closes on Escape through its scope", () => {
    const m = new ConfirmModal(h.app);
    m.open();
    const evt = key("Escape", m.contentEl);
    expect(m.events).toEqual(["open", "close"]);
    expect(evt.defaultPrevented).toBe(true);
  });
});

describe("Notice", () => {
  it("renders in .notice-container, records its text and hides after its duration", () => {
    vi.useFakeTimers();
    const n = new Notice("Created 2 claims", 1000);
    expect(document.querySelector(".notice-container .notice .notice-message")?.textContent).toBe("Created 2 claims");
    expect(n.messageEl.textContent).toBe("Created 2 claims");
    n.setMessage("Created 3 claims");
    expect(h.notices).toEqual(["Created 3 claims"]);
    vi.advanceTimersByTime(1000);
    expect(document.querySelector(".notice")).toBeNull();
  });

  it("stays with duration 0 until clicked", () => {
    vi.useFakeTimers();
    const n = new Notice(createFragment((f) => f.createSpan({ text: "Sticky" })), 0);
    vi.advanceTimersByTime(60_000);
    expect(document.body.contains(n.containerEl)).toBe(true);
    n.containerEl.click();
    expect(document.body.contains(n.containerEl)).toBe(false);
    expect(h.notices).toEqual(["Sticky"]);
  });
});

describe("Setting", () => {
  it("builds the row and fires onChange from DOM input events, not from setValue", () => {
    const container = document.body.createDiv();
    const seen: unknown[] = [];
    let text!: TextComponent;
    let toggle!: ToggleComponent;
    let dropdown!: DropdownComponent;
    const s = new Setting(container)
      .setName("Processed by")
      .setDesc("Your name")
      .addText((t) => (text = t.setPlaceholder("name").setValue("me").onChange((v) => seen.push(v))))
      .addToggle((t) => (toggle = t.setValue(false).onChange((v) => seen.push(v))))
      .addDropdown((d) => (dropdown = d.addOptions({ newest: "Newest", oldest: "Oldest" }).setValue("oldest").onChange((v) => seen.push(v))));
    expect(s.nameEl.textContent).toBe("Processed by");
    expect(container.querySelector(".setting-item .setting-item-info .setting-item-description")?.textContent).toBe("Your name");
    expect(seen).toEqual([]);
    text.inputEl.value = "Ada";
    text.inputEl.dispatchEvent(new Event("input"));
    toggle.toggleEl.click();
    dropdown.selectEl.value = "newest";
    dropdown.selectEl.dispatchEvent(new Event("change"));
    expect(seen).toEqual(["Ada", true, "newest"]);
    expect(toggle.toggleEl.classList.contains("is-enabled")).toBe(true);
    expect(container.querySelector("[style]")).toBeNull();
  });

  it("runs a button's onClick unless disabled", () => {
    const container = document.body.createDiv();
    let clicks = 0;
    const setting = new Setting(container).addButton((b) => b.setButtonText("Create").setCta().onClick(() => clicks++));
    const button = container.querySelector("button.mod-cta") as HTMLButtonElement;
    button.click();
    setting.setDisabled(true);
    button.click();
    expect(clicks).toBe(1);
    expect(setting.settingEl.classList.contains("is-disabled")).toBe(true);
  });
});

describe("SuggestModal", () => {
  class PriorityModal extends SuggestModal<string> {
    chosen: string[] = [];
    getSuggestions(query: string): string[] {
      return ["high", "medium", "low"].filter((p) => p.includes(query));
    }
    renderSuggestion(value: string, el: HTMLElement): void {
      el.setText(value);
    }
    onChooseSuggestion(item: string): void {
      this.chosen.push(item);
    }
  }

  const items = (): string[] => Array.from(document.querySelectorAll(".prompt-results .suggestion-item")).map((e) => e.textContent ?? "");

  it("lists suggestions, filters on input and chooses with the keyboard, closing first", async () => {
    const m = new PriorityModal(h.app);
    m.setPlaceholder("Set priority");
    m.open();
    await Promise.resolve();
    expect(items()).toEqual(["high", "medium", "low"]);
    m.inputEl.value = "m";
    m.inputEl.dispatchEvent(new Event("input"));
    await Promise.resolve();
    expect(items()).toEqual(["medium"]);
    key("Enter", m.inputEl);
    expect(m.chosen).toEqual(["medium"]);
    expect(document.querySelector(".prompt")).toBeNull();
  });

  it("chooses a clicked suggestion, and fuzzy-matches item texts", async () => {
    class StatusModal extends FuzzySuggestModal<string> {
      chosen: string[] = [];
      getItems(): string[] {
        return ["unprocessed", "processing", "null-result"];
      }
      getItemText(item: string): string {
        return item;
      }
      onChooseItem(item: string): void {
        this.chosen.push(item);
      }
    }
    const m = new StatusModal(h.app);
    m.open();
    m.inputEl.value = "nllr";
    m.inputEl.dispatchEvent(new Event("input"));
    await Promise.resolve();
    expect(items()).toEqual(["null-result"]);
    (document.querySelector(".suggestion-item") as HTMLElement).click();
    expect(m.chosen).toEqual(["null-result"]);
  });
});
