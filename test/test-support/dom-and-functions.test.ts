// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  Component,
  Events,
  Keymap,
  Platform,
  debounce,
  normalizePath,
  parseLinktext,
  parseYaml,
  requireApiVersion,
  setApiVersion,
  setIcon,
  setTooltip,
  stringifyYaml,
} from "../../test-support/obsidian/index";
import { liveDomListenerCount } from "../../test-support/obsidian/component";

afterEach(() => {
  document.body.empty();
  setApiVersion("1.13.1");
  vi.useRealTimers();
});

describe("DOM helpers", () => {
  it("creates elements with DomElementInfo (cls, text, attr, title, value, type, placeholder, href, prepend)", () => {
    const parent = createDiv({ cls: "root" });
    parent.createSpan({ text: "second" });
    const input = parent.createEl("input", { cls: ["a", "b"], type: "text", value: "v", placeholder: "p", attr: { "data-path": "x.md", hidden: null }, prepend: true });
    const link = parent.createEl("a", { href: "https://example.org/", title: "t", text: "link" });
    expect(parent.firstChild).toBe(input);
    expect(input.className).toBe("a b");
    expect(input.value).toBe("v");
    expect(input.placeholder).toBe("p");
    expect(input.getAttribute("data-path")).toBe("x.md");
    expect(input.hasAttribute("hidden")).toBe(false);
    expect(link.href).toBe("https://example.org/");
    expect(link.title).toBe("t");
    expect(parent.createDiv("one two").className).toBe("one two");
    let seen: HTMLElement | null = null;
    const div = createEl("div", { parent, text: "with cb" }, (el) => (seen = el));
    expect(seen).toBe(div);
    expect(div.parentElement).toBe(parent);
  });

  it("adds the Element and HTMLElement helpers", () => {
    const el = createDiv();
    el.addClass("x", "y");
    el.toggleClass(["y", "z"], true);
    el.removeClass("x");
    expect(el.className).toBe("y z");
    expect(el.hasClass("z")).toBe(true);
    el.setAttr("aria-label", "L");
    el.setAttrs({ "data-n": 3, "data-b": true });
    expect([el.getAttr("aria-label"), el.getAttr("data-n"), el.getAttr("data-b")]).toEqual(["L", "3", "true"]);
    el.setText("text");
    el.appendText("+");
    expect(el.getText()).toBe("text+");
    el.createSpan({ cls: "child" });
    expect(el.find(".child")).not.toBeNull();
    expect(el.findAll("span")).toHaveLength(1);
    el.empty();
    expect(el.childNodes).toHaveLength(0);
    document.body.appendChild(el);
    expect(el.isShown()).toBe(true);
    el.hide();
    expect(el.isShown()).toBe(false);
    el.show();
    el.detach();
    expect(el.isConnected).toBe(false);
    expect(el.win).toBe(window);
    expect(el.doc).toBe(document);
    expect(el.instanceOf(HTMLDivElement)).toBe(true);
    const frag = createFragment((f) => f.createEl("b", { text: "bold" }));
    el.setText(frag);
    expect(el.innerHTML).toBe("<b>bold</b>");
  });

  it("sets an svg icon and the tooltip attributes", () => {
    const el = createDiv({ text: "old" });
    setIcon(el, "arrow-up");
    expect(el.querySelector("svg")?.getAttribute("class")).toBe("svg-icon lucide-arrow-up");
    expect(el.textContent).toBe("");
    setTooltip(el, "Problems: missing date", { placement: "top" });
    expect(el.getAttribute("aria-label")).toBe("Problems: missing date");
    expect(el.getAttribute("data-tooltip-position")).toBe("top");
  });
});

describe("Component", () => {
  it("loads children after onload and unloads them, running cleanups in reverse order", () => {
    const order: string[] = [];
    class C extends Component {
      constructor(private name: string) {
        super();
      }
      override onload(): void {
        order.push(`load ${this.name}`);
      }
      override onunload(): void {
        order.push(`unload ${this.name}`);
      }
    }
    const parent = new C("parent");
    parent.addChild(new C("child"));
    parent.register(() => order.push("cleanup 1"));
    parent.register(() => order.push("cleanup 2"));
    parent.load();
    parent.unload();
    expect(order).toEqual(["load parent", "load child", "unload child", "cleanup 2", "cleanup 1", "unload parent"]);
  });

  it("removes registered DOM listeners and event refs on unload", () => {
    const c = new Component();
    const events = new Events();
    let clicks = 0;
    c.load();
    c.registerDomEvent(document.body, "click", () => clicks++);
    c.registerEvent(events.on("x", () => {}));
    expect(liveDomListenerCount()).toBe(1);
    document.body.click();
    c.unload();
    document.body.click();
    expect(clicks).toBe(1);
    expect(liveDomListenerCount()).toBe(0);
    expect(events.listenerCount()).toBe(0);
  });
});

describe("functions", () => {
  it("compares API versions", () => {
    expect(requireApiVersion("1.13.1")).toBe(true);
    expect(requireApiVersion("1.13.2")).toBe(false);
    setApiVersion("1.7.2");
    expect(requireApiVersion("1.7.2")).toBe(true);
    expect(requireApiVersion("1.12.2")).toBe(false);
  });

  it("debounces to the last call, and run() calls it at once", () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 100, true);
    d("a");
    vi.advanceTimersByTime(50);
    d("b");
    vi.advanceTimersByTime(50);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(calls).toEqual(["b"]);
    d("c");
    d.run();
    d("d");
    d.cancel();
    vi.advanceTimersByTime(200);
    expect(calls).toEqual(["b", "c"]);
  });

  it("normalizes paths and splits link text", () => {
    expect(normalizePath("//a\\b//c.md/")).toBe("a/b/c.md");
    expect(normalizePath("")).toBe("/");
    expect(normalizePath("a\u00A0b")).toBe("a b");
    expect(parseLinktext("Note#Heading")).toEqual({ path: "Note", subpath: "#Heading" });
  });

  it("translates modifier clicks into pane types", () => {
    expect(Keymap.isModEvent(new MouseEvent("click"))).toBe(false);
    expect(Keymap.isModEvent(new MouseEvent("click", { ctrlKey: true }))).toBe("tab");
    expect(Keymap.isModEvent(new MouseEvent("click", { ctrlKey: true, altKey: true }))).toBe("split");
    expect(Keymap.isModEvent(new MouseEvent("click", { ctrlKey: true, altKey: true, shiftKey: true }))).toBe("window");
    expect(Keymap.isModEvent(new MouseEvent("auxclick", { button: 1 }))).toBe("tab");
    Platform.isMacOS = true;
    try {
      expect(Keymap.isModEvent(new MouseEvent("click", { ctrlKey: true }))).toBe(false);
      expect(Keymap.isModEvent(new MouseEvent("click", { metaKey: true }))).toBe("tab");
    } finally {
      Platform.isMacOS = false;
    }
  });

  it("parses YAML with dates as strings and stringifies it", () => {
    expect(parseYaml("d: 2026-03-01\nn: 1")).toEqual({ d: "2026-03-01", n: 1 });
    expect(stringifyYaml({ d: "2026-03-01", list: ["a"] })).toBe("d: 2026-03-01\nlist:\n  - a\n");
  });

  it("logs a throwing listener and still calls the others", () => {
    const e = new Events();
    const calls: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    e.on("x", () => {
      throw new Error("boom");
    });
    e.on("x", () => calls.push("second"));
    e.trigger("x");
    expect(calls).toEqual(["second"]);
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
  });
});
