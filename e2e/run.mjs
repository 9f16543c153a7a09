// `npm run test:e2e`: the built plugin in real Chromium, on the preview page,
// driven as a user would with mouse and keyboard. Screenshots of each state
// go to test-results/. Prints "N passed, M failed" and exits 1 on a failure.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startPreviewServer } from "../preview/serve.mjs";
import { launch } from "./browser.mjs";

const root = join(import.meta.dirname, "..");
const out = join(root, "test-results");
mkdirSync(out, { recursive: true });
const AXE = readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8");
const SEED = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";
const PERMAFROST = "inbox/2025-12-12-permafrost-carbon-feedback-models.md";

const tests = [];
const test = (name, fn, options = {}) => tests.push({ name, fn, options });

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const row = (page, path) => page.locator(`.source-queue-row[data-path="${path}"]`);
const vault = (page, path) => page.evaluate((p) => window.sourceQueuePreview.read(p), path);
const files = (page) => page.evaluate(() => window.sourceQueuePreview.files());
const shot = (page, name) => page.screenshot({ path: join(out, `${name}.png`) });

async function open(browser, { query = "", viewport = { width: 1400, height: 860 }, colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${baseUrl}${query}`);
  await page.waitForSelector("body[data-ready]", { timeout: 20000 });
  await page.waitForSelector(".source-queue-row");
  page.errors = errors;
  return page;
}

async function axe(page, label) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    // The plugin's own UI; the page around it is the test double's stand-in for Obsidian.
    const context = { include: [[".source-queue-view"], [".modal"], [".menu"], [".notice-container"]].filter((sel) => document.querySelector(sel[0])) };
    const r = await window.axe.run(context, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert(bad.length === 0, `${label}: axe found ${bad.length} serious/critical violations: ${JSON.stringify(bad, null, 1)}`);
  return result.length;
}

test("the queue opens in the right sidebar with rows, counts and badges", async (page) => {
  assert((await page.locator(".source-queue-summary").textContent()) === "22 of 25 shown", "22 of 25 shown by default");
  const drawn = await page.locator(".source-queue-row").count();
  assert(drawn > 5 && drawn < 22, `only rows in view are drawn (${drawn})`);
  assert((await page.locator(".workspace-split.mod-right-split .source-queue-view").count()) === 1, "queue in the right sidebar");
  assert((await page.locator('.source-queue-chip[data-status="unprocessed"]').textContent()) === "Unprocessed 14", "counts");
  await shot(page, "01-queue-light");
});

test("search narrows the list as you type, and clearing it brings the rows back", async (page) => {
  await page.locator(".source-queue-search").click();
  await page.keyboard.type("heat pump");
  await page.waitForFunction(() => document.querySelector(".source-queue-summary")?.textContent === "1 of 25 shown");
  await shot(page, "02-search");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.waitForFunction(() => document.querySelector(".source-queue-summary")?.textContent === "22 of 25 shown");
});

test("status chips filter, and the sort order changes with the keyboard", async (page) => {
  await page.locator('.source-queue-chip[data-status="processed"]').click();
  await page.waitForFunction(() => document.querySelector(".source-queue-summary")?.textContent === "24 of 25 shown");
  await page.locator('.source-queue-chip[data-status="unprocessed"]').click();
  await page.waitForFunction(() => document.querySelector(".source-queue-summary")?.textContent === "10 of 25 shown");
  await shot(page, "03-filtered");
  const sort = page.locator(".source-queue-sort");
  await sort.focus();
  // Options: priority-newest, priority-oldest, newest, oldest, title.
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  await page.waitForFunction(() => document.querySelector(".source-queue-sort").value === "title");
  // The view draws once per burst of changes (a timer later), so wait for the order rather than read at once.
  const inTitleOrder = () => {
    const titles = Array.from(document.querySelectorAll(".source-queue-title"), (e) => e.textContent ?? "");
    return titles.length > 0 && JSON.stringify(titles) === JSON.stringify([...titles].sort((a, b) => a.localeCompare(b)));
  };
  const ordered = await page.waitForFunction(inTitleOrder, null, { timeout: 5000 }).then(() => true, () => false);
  const titles = await page.locator(".source-queue-title").allTextContents();
  assert(ordered, `sorted by title: ${titles.join(" | ")}`);
});

test("clicking the badges cycles priority and status; the row and the note change", async (page) => {
  const seed = row(page, SEED);
  await seed.locator('[data-field="priority"]').click();
  await page.waitForFunction((p) => document.querySelector(`.source-queue-row[data-path="${p}"] [data-field="priority"]`)?.dataset.value === "low", SEED);
  await row(page, SEED).locator('[data-field="status"]').click();
  await page.waitForFunction((p) => document.querySelector(`.source-queue-row[data-path="${p}"] [data-field="status"]`)?.dataset.value === "processing", SEED);
  const text = await vault(page, SEED);
  assert(/\npriority: low\n/.test(text) && /\nstatus: processing\n/.test(text), "note frontmatter changed");
  await row(page, SEED).locator(".source-queue-title").click();
  await page.waitForFunction(() => /priority: low/.test(document.querySelector(".workspace-split.mod-root .markdown-text")?.textContent ?? ""));
  await shot(page, "04-toggled-and-opened");
});

test("the row menu sets null-result with a reason typed into the prompt", async (page) => {
  await row(page, SEED).click({ button: "right" });
  await page.locator(".menu .menu-item", { hasText: "Status: null-result…" }).click();
  await page.locator(".modal textarea").click();
  await page.keyboard.type("Paywalled after the abstract");
  await shot(page, "05-null-result-reason");
  await page.locator(".modal button", { hasText: "Set null-result" }).click();
  await page.waitForFunction((p) => !document.querySelector(`.source-queue-row[data-path="${p}"]`), SEED);
  const text = await vault(page, SEED);
  assert(text.includes("status: null-result\n") && text.includes("notes: Paywalled after the abstract\n"), "null-result and notes written");
});

test("extract: the modal lists candidates, a title is edited, Create writes the notes, undo takes them back", async (page) => {
  const before = await vault(page, PERMAFROST);
  await row(page, PERMAFROST).click({ button: "right" });
  await page.locator(".menu .menu-item", { hasText: "Extract claims…" }).click();
  const modal = page.locator(".modal");
  await modal.locator("input[type=text]").first().waitFor();
  const create = modal.locator("button", { hasText: /^Create/ });
  assert((await create.textContent()) === "Create 2 notes", `button: ${await create.textContent()}`);
  const title = modal.locator("input[type=text]").first();
  await title.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Permafrost feedback adds 0.1–0.3 °C by 2100: intermediate emissions");
  await page.waitForFunction(() => document.querySelector(".modal")?.textContent?.includes("Permafrost feedback adds 0.1–0.3 °C by 2100 - intermediate emissions.md"));
  await shot(page, "06-extract-modal");
  await create.click();
  await page.waitForFunction(() => !document.querySelector(".modal"));
  await page.waitForFunction(() => document.querySelector(".notice")?.textContent?.startsWith("Created 2 claims"));
  await shot(page, "07-created-notice");
  const all = await files(page);
  const made = all.filter((f) => f.startsWith("domains/climate/") && !f.startsWith("domains/climate/Resource"));
  assert(made.length === 2, `two claims: ${made.join(", ")}`);
  assert(made.includes("domains/climate/Permafrost feedback adds 0.1–0.3 °C by 2100 - intermediate emissions.md"), "edited title used");
  await page.locator(`.preview-files .nav-file[data-file="${made[0]}"]`).click();
  await page.waitForFunction(() => /type: claim/.test(document.querySelector(".workspace-split.mod-root .markdown-text")?.textContent ?? ""));
  await shot(page, "08-claim-note");
  // Undo through the command palette, with the keyboard.
  await page.keyboard.press("Control+P");
  await page.keyboard.type("undo last");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /Undid the extraction|Undid the split/.test(document.querySelector(".notice-container")?.textContent ?? ""));
  const after = await files(page);
  assert(!after.some((f) => made.includes(f)), "claims removed");
  assert((await vault(page, PERMAFROST)) === before, "source byte-identical after undo");
  await shot(page, "09-undone");
});

test("keyboard: arrows move, p and s toggle, / focuses search", async (page) => {
  await page.locator(".source-queue-list").focus();
  await page.keyboard.press("ArrowDown");
  const path = await page.locator(".source-queue-row.is-focused").getAttribute("data-path");
  await page.keyboard.press("p");
  await page.waitForFunction((p) => document.querySelector(`.source-queue-row[data-path="${p}"] [data-field="priority"]`)?.dataset.value === "medium", path);
  await page.keyboard.press("s");
  await page.waitForFunction((p) => document.querySelector(`.source-queue-row[data-path="${p}"] [data-field="status"]`)?.dataset.value === "processing", path);
  await shot(page, "10-keyboard-focus");
  await page.keyboard.press("/");
  assert(await page.evaluate(() => document.activeElement?.classList.contains("source-queue-search")), "search focused");
});

test("dark theme: the queue and the extract modal, with no serious accessibility violations", async (page) => {
  assert(await page.evaluate(() => document.body.classList.contains("theme-dark")), "dark theme on");
  await shot(page, "11-queue-dark");
  await axe(page, "dark queue");
  await row(page, SEED).click({ button: "right" });
  await page.locator(".menu .menu-item", { hasText: "Extract claims…" }).click();
  await page.locator(".modal input[type=text]").first().waitFor();
  await shot(page, "12-extract-dark");
  await axe(page, "dark extract modal");
}, { query: "?theme=dark", colorScheme: "dark" });

test("light theme has no serious accessibility violations, with the menu open too", async (page) => {
  await axe(page, "light queue");
  await row(page, SEED).click({ button: "right" });
  await shot(page, "13-menu");
  await axe(page, "light menu");
});

test("a phone (390×844): the queue fills the screen, badges still toggle", async (page) => {
  await shot(page, "14-phone");
  const box = await page.locator(".source-queue-view").boundingBox();
  assert(box && box.width >= 380, `queue is full width: ${box?.width}`);
  await row(page, SEED).locator('[data-field="priority"]').click();
  await page.waitForFunction((p) => document.querySelector(`.source-queue-row[data-path="${p}"] [data-field="priority"]`)?.dataset.value === "low", SEED);
  await axe(page, "phone");
}, { query: "?phone", viewport: { width: 390, height: 844 } });

/** The lines that differ between two texts. */
function diffLines(before, after) {
  const a = before.split("\n");
  const b = after.split("\n");
  const out = [];
  // Line endings stay as they were (CRLF notes keep theirs); the diff reads without them.
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push(`${(a[i] ?? "").replace(/\r$/, "")} → ${(b[i] ?? "").replace(/\r$/, "")}`);
  return out;
}

const selectedPaths = (page) => page.$$eval('.source-queue-row[aria-selected="true"]', (els) => els.map((e) => e.dataset.path));

test("Shift-click selects 5 rows, the menu sets them to high: 5 one-line diffs, and Undo puts them back", async (page) => {
  // Only medium rows, so every one of the five changes.
  await page.locator(".source-queue-priority-filter").selectOption("medium");
  await page.waitForFunction(() => document.querySelectorAll('.source-queue-row [data-field="priority"][data-value="medium"]').length >= 5 && !document.querySelector('.source-queue-row [data-field="priority"]:not([data-value="medium"])'));
  const paths = (await page.$$eval(".source-queue-row", (els) => els.map((e) => e.dataset.path))).slice(0, 5);
  const before = await Promise.all(paths.map((p) => vault(page, p)));
  await row(page, paths[0]).locator(".source-queue-title").click();
  await row(page, paths[4]).locator(".source-queue-title").click({ modifiers: ["Shift"] });
  await page.waitForFunction(() => document.querySelector(".source-queue-selected")?.textContent === "5 selected");
  assert(JSON.stringify(await selectedPaths(page)) === JSON.stringify(paths), `selected: ${await selectedPaths(page)}`);
  await shot(page, "15-selection-light");
  await row(page, paths[2]).click({ button: "right" });
  assert((await page.locator(".menu .menu-item").first().textContent()) === "5 sources selected", "menu for the selection");
  await shot(page, "16-selection-menu");
  await page.locator(".menu .menu-item", { hasText: "Priority: high" }).click();
  await page.waitForFunction(() => /Set priority high on 5 notes/.test(document.querySelector(".notice-container")?.textContent ?? ""));
  for (const [i, p] of paths.entries()) {
    const diff = diffLines(before[i], await vault(page, p));
    assert(diff.length === 1 && diff[0] === "priority: medium → priority: high", `${p}: ${diff.join("; ")}`);
  }
  await shot(page, "17-bulk-notice");
  await page.locator(".notice .source-queue-notice-undo").click();
  await page.waitForFunction(() => /Undid the change on 5 notes/.test(document.querySelector(".notice-container")?.textContent ?? ""));
  for (const [i, p] of paths.entries()) assert((await vault(page, p)) === before[i], `${p} restored byte for byte`);
});

test("Ctrl+A selects every row shown, Esc clears; selected rows show a check mark", async (page) => {
  await page.locator(".source-queue-list").focus();
  await page.keyboard.press("Control+A");
  await page.waitForFunction(() => document.querySelector(".source-queue-selected")?.textContent === "22 selected");
  assert((await page.locator(".source-queue-row.is-selected .source-queue-check svg").count()) > 0, "check marks on selected rows");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.querySelector(".source-queue-selected")?.classList.contains("is-hidden"));
});

/** Whether a select shows its longest option in full: the text's width plus padding fits. */
async function sortFits(page) {
  return page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d");
    const misfits = [];
    for (const el of document.querySelectorAll(".source-queue-controls select")) {
      const style = getComputedStyle(el);
      ctx.font = style.font;
      const text = Math.max(...Array.from(el.options, (o) => ctx.measureText(o.text).width));
      const need = text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      if (need > el.clientWidth + 0.5) misfits.push(`${el.className}: ${el.clientWidth}px for ${need.toFixed(0)}px`);
    }
    return { fits: misfits.length === 0 && document.querySelectorAll(".source-queue-controls select").length === 3, misfits };
  });
}

test("the sort and filter menus show their longest label in full (\"Priority, then newest\")", async (page) => {
  const r = await sortFits(page);
  assert(r.fits, `menus cut off: ${r.misfits.join("; ")}`);
});

test("on a phone the menus fit too, and the selection shows", async (page) => {
  const r = await sortFits(page);
  assert(r.fits, `menus cut off: ${r.misfits.join("; ")}`);
  const paths = await page.$$eval(".source-queue-row", (els) => els.map((e) => e.dataset.path));
  await row(page, paths[1]).locator(".source-queue-title").click({ modifiers: ["Control"] });
  await row(page, paths[3]).locator(".source-queue-title").click({ modifiers: ["Control"] });
  await page.waitForFunction(() => document.querySelector(".source-queue-selected")?.textContent === "2 selected");
  await shot(page, "18-phone-selection");
}, { query: "?phone", viewport: { width: 390, height: 844 } });

async function compact(page) {
  await page.evaluate(() => {
    const { plugin } = window.sourceQueuePreview;
    plugin.data.settings.compactRows = true;
    for (const leaf of plugin.app.workspace.getLeavesOfType("source-queue")) leaf.view.render();
  });
  await page.waitForFunction(() => document.querySelector(".source-queue-view")?.classList.contains("is-compact"));
}

test("compact rows: one line each, with badges, and selection still works", async (page) => {
  await compact(page);
  const heights = await page.$$eval(".source-queue-row", (els) => els.map((e) => e.getBoundingClientRect().height));
  assert(heights.every((h) => h === 30), `rows 30px high: ${heights.join(",")}`);
  // The title's and the badges' vertical centres: one line means they are within a few pixels of each other.
  const spreads = await page.$$eval(".source-queue-row", (els) =>
    els.map((e) => {
      const mids = Array.from(e.querySelectorAll(".source-queue-badge, .source-queue-title"), (c) => c.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.top + r.height / 2);
      return Math.max(...mids) - Math.min(...mids);
    }),
  );
  assert(spreads.every((d) => d <= 3), `title and badges on one line: ${spreads.map((d) => d.toFixed(1)).join(",")}`);
  const paths = await page.$$eval(".source-queue-row", (els) => els.map((e) => e.dataset.path));
  await row(page, paths[2]).locator(".source-queue-title").click();
  await row(page, paths[5]).locator(".source-queue-title").click({ modifiers: ["Shift"] });
  await page.waitForFunction(() => document.querySelector(".source-queue-selected")?.textContent === "4 selected");
  await shot(page, "19-compact-light");
  await axe(page, "compact queue");
});

test("compact rows in the dark theme", async (page) => {
  await compact(page);
  const paths = await page.$$eval(".source-queue-row", (els) => els.map((e) => e.dataset.path));
  await row(page, paths[0]).locator(".source-queue-title").click();
  await row(page, paths[2]).locator(".source-queue-title").click({ modifiers: ["Shift"] });
  await shot(page, "20-compact-dark");
  await axe(page, "compact dark");
}, { query: "?theme=dark", colorScheme: "dark" });

test("dark theme: a selection and the status chips' on state", async (page) => {
  const paths = await page.$$eval(".source-queue-row", (els) => els.map((e) => e.dataset.path));
  await row(page, paths[1]).locator(".source-queue-title").click();
  await row(page, paths[3]).locator(".source-queue-title").click({ modifiers: ["Shift"] });
  await page.waitForFunction(() => document.querySelector(".source-queue-selected")?.textContent === "3 selected");
  assert((await page.locator('.source-queue-chip[aria-pressed="true"] .source-queue-chip-check svg').count()) >= 1, "on chips show a check");
  await shot(page, "21-selection-dark");
  await axe(page, "dark selection");
}, { query: "?theme=dark", colorScheme: "dark" });

let baseUrl = "";
const { server, url } = await startPreviewServer(0);
baseUrl = url;
const browser = await launch();
let passed = 0;
let failed = 0;
for (const t of tests) {
  let page;
  try {
    page = await open(browser, t.options);
    await t.fn(page);
    if (page.errors.length > 0) throw new Error(`page errors: ${page.errors.join("; ")}`);
    passed++;
    console.log(`✓ ${t.name}`);
  } catch (err) {
    failed++;
    console.log(`✗ ${t.name}\n    ${String(err?.message ?? err).split("\n").join("\n    ")}`);
    if (page) await page.screenshot({ path: join(out, `failed-${tests.indexOf(t) + 1}.png`) }).catch(() => {});
  } finally {
    await page?.context().close();
  }
}
await browser.close();
server.close();
console.log(`\n${passed} passed, ${failed} failed`);
console.log(`Screenshots: ${out}`);
process.exitCode = failed > 0 ? 1 : 0;
