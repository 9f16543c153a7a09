/**
 * Icons and tooltips. Every id is accepted as a Lucide icon (the double has no
 * icon set): setIcon replaces the element's content with
 * `<svg class="svg-icon lucide-<id>">`; icons added with addIcon use their SVG.
 */
import "./dom-helpers";

const SVG_NS = "http://www.w3.org/2000/svg";
const custom = new Map<string, string>();

export interface TooltipOptions {
  placement?: "bottom" | "right" | "left" | "top";
  classes?: string[];
  gap?: number;
  delay?: number;
}

export function addIcon(iconId: string, svgContent: string): void {
  custom.set(iconId, svgContent);
}

export function removeIcon(iconId: string): void {
  custom.delete(iconId);
}

export function getIconIds(): string[] {
  return Array.from(custom.keys());
}

export function getIcon(iconId: string): SVGSVGElement | null {
  if (!iconId) return null;
  const id = iconId.replace(/^lucide-/, "");
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("width", "24");
  svg.setAttribute("height", "24");
  svg.setAttribute("viewBox", custom.has(iconId) ? "0 0 100 100" : "0 0 24 24");
  svg.setAttribute("fill", "none");
  svg.setAttribute("stroke", "currentColor");
  svg.setAttribute("stroke-width", "2");
  svg.setAttribute("class", custom.has(iconId) ? `svg-icon ${iconId}` : `svg-icon lucide-${id}`);
  const content = custom.get(iconId);
  if (content !== undefined) svg.innerHTML = content;
  else {
    // a neutral glyph so the icon is visible in a browser page
    const circle = document.createElementNS(SVG_NS, "circle");
    circle.setAttribute("cx", "12");
    circle.setAttribute("cy", "12");
    circle.setAttribute("r", "8");
    svg.appendChild(circle);
  }
  return svg;
}

export function setIcon(parent: HTMLElement, iconId: string): void {
  const svg = getIcon(iconId);
  if (!svg) return;
  while (parent.lastChild) parent.removeChild(parent.lastChild);
  parent.appendChild(svg);
}

/**
 * Hover tooltip: `aria-label` holds the text (removed when empty); the
 * placement goes to `data-tooltip-position`, the delay to `data-tooltip-delay`,
 * extra classes to `data-tooltip-classes`.
 */
export function setTooltip(el: HTMLElement, tooltip: string, options?: TooltipOptions): void {
  if (tooltip) el.setAttribute("aria-label", tooltip);
  else el.removeAttribute("aria-label");
  if (options?.placement) el.setAttribute("data-tooltip-position", options.placement);
  if (options?.delay !== undefined) el.setAttribute("data-tooltip-delay", String(options.delay));
  if (options?.classes?.length) el.setAttribute("data-tooltip-classes", options.classes.join(" "));
}

/** Shows a tooltip element at once (class `tooltip`, in document.body). */
export function displayTooltip(newTargetEl: HTMLElement, content: string | DocumentFragment, options?: TooltipOptions): void {
  document.body.querySelectorAll(":scope > .tooltip").forEach((t) => t.remove());
  const tip = document.body.createDiv({ cls: ["tooltip", ...(options?.classes ?? [])] });
  if (options?.placement) tip.addClass(`mod-${options.placement}`);
  tip.setText(content);
  newTargetEl.addEventListener("mouseleave", () => tip.detach(), { once: true });
}
