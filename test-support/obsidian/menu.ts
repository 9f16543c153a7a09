/**
 * Menu: a `.menu` div in document.body with `.menu-item` children (each with
 * `.menu-item-icon` and `.menu-item-title`), `.menu-separator` between groups.
 * Clicking an enabled item runs its onClick then closes the menu; Escape or a
 * mousedown outside closes it; ArrowUp/ArrowDown select, Enter runs. One menu
 * is shown at a time. The position is kept in `data-x` / `data-y` (no inline styles).
 */
import { Component } from "./component";
import "./dom-helpers";
import { setIcon } from "./icons";

export interface MenuPositionDef {
  x: number;
  y: number;
  width?: number;
  overlap?: boolean;
  left?: boolean;
}

let shownMenu: Menu | null = null;

/** Test-only: the menu currently shown, if any. */
export function currentMenu(): Menu | null {
  return shownMenu;
}

export class MenuSeparator {
  dom: HTMLElement = createDiv({ cls: "menu-separator", attr: { role: "separator" } });
}

export class MenuItem {
  dom: HTMLElement;
  iconEl: HTMLElement;
  titleEl: HTMLElement;
  section = "";
  disabled = false;
  checked: boolean | null = null;
  isLabel = false;
  /** @internal */
  callback: ((evt: MouseEvent | KeyboardEvent) => any) | null = null;

  /** @internal use Menu.addItem */
  constructor(private menu: Menu) {
    this.dom = createDiv({ cls: ["menu-item", "tappable"], attr: { role: "menuitem" } });
    this.iconEl = this.dom.createDiv({ cls: "menu-item-icon" });
    this.titleEl = this.dom.createDiv({ cls: "menu-item-title" });
    this.dom.addEventListener("click", (evt) => this.handleEvent(evt));
    this.dom.addEventListener("mouseenter", () => this.menu._select(this));
  }

  /** @internal */
  handleEvent(evt: MouseEvent | KeyboardEvent): void {
    if (this.disabled || this.isLabel) return;
    evt.preventDefault();
    try {
      this.callback?.(evt);
    } finally {
      this.menu.hide();
    }
  }

  setTitle(title: string | DocumentFragment): this {
    this.titleEl.setText(title);
    return this;
  }

  setIcon(icon: string | null): this {
    this.iconEl.empty();
    if (icon) setIcon(this.iconEl, icon);
    return this;
  }

  setChecked(checked: boolean | null): this {
    this.checked = checked;
    this.dom.toggleClass("mod-checked", checked === true);
    // A checkable item is a menuitemcheckbox, the role that may carry aria-checked.
    this.dom.setAttr("role", checked !== null ? "menuitemcheckbox" : "menuitem");
    if (checked !== null) this.dom.setAttr("aria-checked", checked);
    else this.dom.removeAttribute("aria-checked");
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.dom.toggleClass("is-disabled", disabled);
    this.dom.setAttr("aria-disabled", disabled ? "true" : null);
    return this;
  }

  setWarning(isWarning: boolean): this {
    this.dom.toggleClass("is-warning", isWarning);
    return this;
  }

  setIsLabel(isLabel: boolean): this {
    this.isLabel = isLabel;
    this.dom.toggleClass("is-label", isLabel);
    return this;
  }

  onClick(callback: (evt: MouseEvent | KeyboardEvent) => any): this {
    this.callback = callback;
    return this;
  }

  setSection(section: string): this {
    this.section = section;
    this.dom.setAttr("data-section", section);
    return this;
  }
}

export class Menu extends Component {
  dom: HTMLElement;
  items: (MenuItem | MenuSeparator)[] = [];
  private shown = false;
  private hideCallbacks: (() => any)[] = [];
  private parentEl: HTMLElement | null = null;
  private selected: MenuItem | null = null;
  /** Whether setUseNativeMenu(true) was called (the double always renders DOM menus). */
  useNativeMenu = false;

  constructor() {
    super();
    this.dom = createDiv({ cls: "menu", attr: { role: "menu" } });
  }

  setNoIcon(): this {
    this.dom.addClass("mod-no-icon");
    return this;
  }

  setUseNativeMenu(useNativeMenu: boolean): this {
    this.useNativeMenu = useNativeMenu;
    return this;
  }

  addItem(cb: (item: MenuItem) => any): this {
    if (this.shown) return this;
    const item = new MenuItem(this);
    this.items.push(item);
    cb(item);
    return this;
  }

  addSeparator(): this {
    if (!this.shown) this.items.push(new MenuSeparator());
    return this;
  }

  setParentElement(el: HTMLElement): this {
    this.parentEl = el;
    return this;
  }

  showAtMouseEvent(evt: MouseEvent): this {
    return this.showAtPosition({ x: evt.clientX, y: evt.clientY }, (evt.target as Node | null)?.ownerDocument ?? document);
  }

  showAtPosition(position: MenuPositionDef, doc: Document = document): this {
    shownMenu?.hide();
    this.dom.empty();
    let lastSection: string | null = null;
    for (const item of this.items) {
      if (item instanceof MenuItem && lastSection !== null && item.section !== lastSection && this.dom.lastChild) {
        this.dom.createDiv({ cls: "menu-separator", attr: { role: "separator" } });
      }
      if (item instanceof MenuItem) lastSection = item.section;
      this.dom.appendChild(item.dom);
    }
    this.dom.setAttrs({ "data-x": position.x, "data-y": position.y });
    doc.body.appendChild(this.dom);
    this.parentEl?.addClass("has-active-menu");
    this.shown = true;
    shownMenu = this;
    this.load();
    this.registerDomEvent(doc, "keydown", (evt: KeyboardEvent) => this.onKey(evt), true);
    this.registerDomEvent(doc, "mousedown", (evt: MouseEvent) => {
      if (!this.dom.contains(evt.target as Node)) this.hide();
    }, true);
    return this;
  }

  /** @internal */
  _select(item: MenuItem | null): void {
    this.selected?.dom.removeClass("selected");
    this.selected = item;
    item?.dom.addClass("selected");
  }

  private onKey(evt: KeyboardEvent): void {
    const usable = this.items.filter((i): i is MenuItem => i instanceof MenuItem && !i.disabled && !i.isLabel);
    const at = this.selected ? usable.indexOf(this.selected) : -1;
    if (evt.key === "Escape") this.hide();
    else if (evt.key === "ArrowDown") this._select(usable[(at + 1) % usable.length] ?? null);
    else if (evt.key === "ArrowUp") this._select(usable[(at - 1 + usable.length) % usable.length] ?? null);
    else if (evt.key === "Enter" && this.selected) this.selected.handleEvent(evt);
    else return;
    evt.preventDefault();
    evt.stopPropagation();
  }

  hide(): this {
    if (!this.shown) return this;
    this.shown = false;
    if (shownMenu === this) shownMenu = null;
    this.dom.detach();
    this.parentEl?.removeClass("has-active-menu");
    this.unload();
    for (const cb of this.hideCallbacks) cb();
    return this;
  }

  close(): void {
    this.hide();
  }

  onHide(callback: () => any): void {
    this.hideCallbacks.push(callback);
  }

  static forEvent(evt: PointerEvent | MouseEvent): Menu {
    const menu = new Menu();
    evt.preventDefault();
    queueMicrotask(() => menu.showAtMouseEvent(evt));
    return menu;
  }
}
