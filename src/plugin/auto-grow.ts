// Text areas that grow with their content (issue #11: a long title is read
// whole, never scrolled sideways). Where the engine sizes fields itself
// (`field-sizing: content`, in styles.css) nothing is measured here; elsewhere
// (older WebKit on iOS) the height follows the scroll height on every input.

const sizesItself = (): boolean => typeof CSS !== "undefined" && CSS.supports("field-sizing", "content");

/** Fit the area to its text now. */
export function fitToContent(el: HTMLTextAreaElement): void {
  if (sizesItself() || !el.isConnected) return;
  el.setCssProps({ height: "auto" });
  const inner = el.scrollHeight;
  // In a DOM without layout (tests) there is nothing to measure: leave the CSS height.
  el.setCssProps({ height: inner === 0 ? "" : `${inner + el.offsetHeight - el.clientHeight}px` });
}

/** Make the area grow as it is typed into; returns the fitting function for later refits (a resize, a new value). */
export function autoGrow(el: HTMLTextAreaElement): () => void {
  const fit = () => fitToContent(el);
  el.addEventListener("input", fit);
  fit();
  return fit;
}

/** Keep Enter from breaking a one-line field (a title) into lines; Shift+Enter and Mod+Enter pass through. */
export function singleLine(el: HTMLTextAreaElement, onEnter?: () => void): void {
  el.addEventListener("keydown", (evt) => {
    if (evt.key !== "Enter" || evt.shiftKey || evt.ctrlKey || evt.metaKey || evt.altKey || evt.isComposing) return;
    evt.preventDefault();
    onEnter?.();
  });
}

/**
 * A one-line text area that grows with its text: the title and description
 * fields of the preview. `onInput` gets the text as typed; Enter calls `onEnter`.
 */
export function growingField(parent: HTMLElement, cls: string, attr: Record<string, string>, onInput: (value: string) => void, onEnter?: () => void): { el: HTMLTextAreaElement; fit: () => void } {
  const el = parent.createEl("textarea", { cls, attr: { rows: "1", spellcheck: "true", ...attr } });
  singleLine(el, onEnter);
  el.addEventListener("input", () => onInput(el.value));
  return { el, fit: autoGrow(el) };
}
