// @vitest-environment happy-dom
// The curator's view of agents' leases (SPEC §7, issue #22): a processing
// row says who holds the source and until when; a lease that ran out is shown
// as such; a row refilled for another note keeps nothing of the holder.
import { describe, expect, it } from "vitest";
import "../../test-support/obsidian/index";
import type { QueueItem } from "../../src/core/queue/queue-query";
import { holderShown } from "../../src/core/writes/source-lease";
import { holderText, renderRow } from "../../src/plugin/queue-row";

const NOW = new Date("2026-11-20T12:00:00Z");
const row: QueueItem = { path: "inbox/a.md", title: "A", author: null, date: null, domain: null, status: "processing", priority: "high", hints: 2, problems: [] };

describe("who holds a source, in the sidebar", () => {
  it.each([
    ["a live lease names the agent and when it ends", { status: "processing", processed_by: "agent-a", processing_until: "2026-11-20T12:52:00Z" }, "agent-a · until in 52 minutes", false],
    ["a lease that ran out says so", { status: "processing", processed_by: "agent-a", processing_until: "2026-11-20T11:57:00Z" }, "agent-a · lease ran out 3 minutes ago", true],
    ["a curator's processing toggle has no end", { status: "processing", processed_by: "ann" }, "ann · no lease end", false],
    ["a source in review names its branch and agent, whatever its lease", { status: "processing", processed_by: "agent-a", processing_until: "2026-11-20T11:00:00Z", review_branch: "extract/a" }, "in review · extract/a · agent-a", true],
    ["no processed_by: someone", { status: "processing", processing_until: "2026-11-20T13:00:00Z" }, "Someone · until in 1 hour", false],
  ])("%s", (_name, data, text, expired) => {
    const holder = holderShown(data, NOW);
    expect(holder?.expired).toBe(expired);
    expect(holder && holderText(holder, NOW)).toBe(text);
    const el = createDiv();
    renderRow(el, row, NOW, holder);
    const shown = el.querySelector(".source-queue-holder");
    expect(shown?.textContent).toBe(text);
    expect(shown?.classList.contains("is-expired")).toBe(expired && !("review_branch" in data));
    // It sits right after the status badge.
    expect(shown?.previousElementSibling?.getAttribute("data-field")).toBe("status");
  });

  it("a source that is not processing shows no holder", () => {
    expect(holderShown({ status: "processed", processed_by: "agent-a" }, NOW)).toBeNull();
    expect(holderShown({ status: "unprocessed" }, NOW)).toBeNull();
  });

  it("a row refilled for a source no one holds is the same DOM as a fresh one", () => {
    const el = createDiv();
    const parts = renderRow(el, row, NOW, holderShown({ status: "processing", processed_by: "agent-a", processing_until: "2026-11-20T12:52:00Z" }, NOW));
    const free: QueueItem = { ...row, path: "inbox/b.md", status: "unprocessed" };
    parts.fill(free, NOW, null);
    const fresh = createDiv();
    renderRow(fresh, free, NOW);
    expect(el.outerHTML).toBe(fresh.outerHTML);
  });
});
