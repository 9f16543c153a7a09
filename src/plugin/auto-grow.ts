// Text areas that grow with their content (issue #11: a long title is read
// whole, never scrolled sideways). Where the engine sizes fields itself
// (`field-sizing: content`, in styles.css) nothing is measured here; elsewhere
// (older WebKit on iOS) the height follows the scroll height on every input.

const sizesItself = (): boolean => typeof CSS !== "undefined" && typeof CSS.supports === "function" && CSS.supports("field-sizing", "content");

/** Fit the area to its text now. */
export function fitToContent(el: HTMLTextAreaElement): void {
  if (sizesItself() || !el.isConnected) return;
  el.setCssProps({ height: "auto" });
  const inner = el.scrollHeight;
  // In a DOM without layout (tests) there is nothing to measure: leave the CSS height.
  if (inner === 0) {
    el.setCssProps({ height: "" });
    return;
  }
  el.setCssProps({ height: `${inner + el.offsetHeight - el.clientHeight}px` });
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
