// `npm run test:e2e`: the built plugin in real Chromium, on the preview page,
// driven as a user would with mouse and keyboard. Screenshots of each state
// go to test-results/. Prints "N passed, M failed" and exits 1 on a failure.
// E2E_GREP=preview runs only the tests whose name holds "preview".
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

async function open(browser, { query = "", viewport = { width: 1400, height: 860 }, colorScheme = "light", init = null } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
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
  assert((await page.locator(".source-queue-summary").textContent()) === "23 of 26 shown", "23 of 26 shown by default");
  const drawn = await page.locator(".source-queue-row").count();
  assert(drawn > 5 && drawn < 23, `only rows in view are drawn (${drawn})`);
  assert((await page.locator(".workspace-split.mod-right-split .source-queue-view").count()) === 1, "queue in the right sidebar");
  assert((await page.locator('.source-queue-chip[data-status="unprocessed"]').textContent()) === "Unprocessed 15", "counts");
  await shot(page, "01-queue-light");
});

test("search narrows the list as you type, and clearing it brings the rows back", async (page) => {
  await page.locator(".source-queue-search").click();
  await page.keyboard.type("heat pump");
  await page.waitForFunction(() => document.querySelector(".source-queue-summary")?.textContent === "1 of 26 shown");
  await shot(page, "02-search");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.waitForFunction(() => document.querySelector(".source-queue-summary")?.textContent === "23 of 26 shown");
});

test("status chips filter, and the sort order changes with the keyboard", async (page) => {
  await page.locator('.source-queue-chip[data-status="processed"]').click();
  await page.waitForFunction(() => document.querySelector(".source-queue-summary")?.textContent === "25 of 26 shown");
  await page.locator('.source-queue-chip[data-status="unprocessed"]').click();
  await page.waitForFunction(() => document.querySelector(".source-queue-summary")?.textContent === "10 of 26 shown");
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
  await modal.locator("textarea.source-queue-extract-title").first().waitFor();
  // The footer's button: a row with a near-duplicate has a "Create anyway" of its own.
  const create = modal.locator(".source-queue-extract-footer button", { hasText: /^Create/ });
  assert((await create.textContent()) === "Create 2 notes", `button: ${await create.textContent()}`);
  const title = modal.locator("textarea.source-queue-extract-title").first();
  await title.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Permafrost feedback adds 0.1–0.3 °C by 2100: intermediate emissions");
  await page.waitForFunction(() => document.querySelector(".modal")?.textContent?.includes("Permafrost feedback adds 0.1–0.3 °C by 2100 - intermediate emissions.md"));
  await shot(page, "06-extract-modal");
  await create.click();
  await page.waitForFunction(() => !document.querySelector(".modal"));
  await page.waitForFunction(() => document.querySelector(".notice")?.textContent?.startsWith("Created 2,"));
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
  await page.locator(".modal textarea.source-queue-extract-title").first().waitFor();
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

/** Every title area of the open preview: its text, and whether any of it is hidden (scrolled away in either direction). */
const titleAreas = (page) =>
  page.locator(".modal textarea.source-queue-extract-title").evaluateAll((areas) =>
    areas.map((a) => ({ value: a.value, hidden: a.scrollHeight > a.clientHeight + 1 || a.scrollWidth > a.clientWidth + 1, height: a.getBoundingClientRect().height, width: a.getBoundingClientRect().width })),
  );

/** Whether an element lies wholly inside the viewport. */
const inView = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  });

const ADDED = "Interpretability is first used in a production deployment decision";

/** Open the seed's preview, read every title whole, refuse a duplicate, add a claim, create, and check the files. */
async function previewFlow(page, prefix) {
  await row(page, SEED).click({ button: "right" });
  await page.locator(".menu .menu-item", { hasText: "Extract claims…" }).click();
  const modal = page.locator(".modal.source-queue-extract");
  await modal.locator("textarea.source-queue-extract-title").first().waitFor();
  const areas = await titleAreas(page);
  assert(areas.length >= 3, `the seed's candidates: ${areas.length}`);
  for (const a of areas) assert(!a.hidden, `title read whole, nothing scrolled away: "${a.value}" (${Math.round(a.width)}×${Math.round(a.height)})`);
  const longest = areas.reduce((a, b) => (b.value.length > a.value.length ? b : a));
  const oneLine = Math.min(...areas.map((a) => a.height));
  assert(longest.height > oneLine * 1.5, `the longest title grows onto more lines: ${longest.height} vs ${oneLine}`);
  await shot(page, `${prefix}-preview`);

  // A title another row has is refused, with the reason beside it, and Create waits.
  // The footer's button: a row with a near-duplicate has a "Create anyway" of its own.
  const create = modal.locator(".source-queue-extract-footer button", { hasText: /^Create/ });
  const addTitle = modal.locator("textarea.source-queue-extract-add-title");
  await addTitle.scrollIntoViewIfNeeded();
  await addTitle.click();
  await page.keyboard.type(areas[0].value.toLowerCase());
  await modal.locator(".source-queue-extract-add button", { hasText: "Add" }).click();
  await page.waitForFunction(() => document.querySelector(".source-queue-extract-add-reason")?.textContent === "Not added: another candidate has this title.");
  assert(await create.isDisabled(), "Create disabled while the refused claim is pending");
  assert(await inView(create), "Create in view with the add row scrolled to");
  await shot(page, `${prefix}-refused`);

  const proposed = Number((await create.textContent()).match(/\d+/)[0]);
  await addTitle.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(ADDED);
  await modal.locator("textarea.source-queue-extract-add-description").click();
  await page.keyboard.type("Anthropic used attribution graphs before shipping a model.");
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => document.querySelectorAll(".source-queue-extract-row").length === n + 1, areas.length);
  const rows = modal.locator(".source-queue-extract-row");
  const added = rows.last();
  assert((await added.locator("textarea.source-queue-extract-title").inputValue()) === ADDED, "added row holds the title");
  assert((await added.locator(".source-queue-extract-origin").textContent()) === "Added by you", "added row says so");
  assert(!(await create.isDisabled()), "Create enabled again");
  assert((await create.textContent()) === `Create ${proposed + 1} notes`, `button counts the added claim: ${await create.textContent()}`);
  assert(await inView(create), "Create in view after adding");
  await added.scrollIntoViewIfNeeded();
  await shot(page, `${prefix}-added`);
  await axe(page, `${prefix} preview with an added claim`);

  const count = Number((await create.textContent()).match(/\d+/)[0]);
  const before = new Set(await files(page));
  await create.click();
  await page.waitForFunction(() => !document.querySelector(".modal.source-queue-extract"));
  const made = (await files(page)).filter((f) => !before.has(f));
  assert(made.length === count, `created ${made.length} of ${count}: ${made.join(", ")}`);
  const claimPath = `domains/ai-alignment/${ADDED}.md`;
  assert(made.includes(claimPath), `the added claim is a file: ${made.join(", ")}`);
  const claim = await vault(page, claimPath);
  assert(claim.includes("\ndescription: Anthropic used attribution graphs before shipping a model.\n"), `description in frontmatter:\n${claim}`);
  assert(claim.includes(`\n# ${ADDED}\n`), "title as H1");
  const source = await vault(page, SEED);
  for (const a of areas) assert(source.includes(a.value.replace(/"/g, "")) || source.includes(a.value), `source lists "${a.value}"`);
  assert(source.includes(ADDED), "source lists the added claim");
}

test("extract preview on a desktop: every title read whole, a claim added and created", async (page) => {
  await previewFlow(page, "15-desktop");
});

test("extract preview on a phone (390×844): titles read whole, Create stays in view, a claim added and created", async (page) => {
  await previewFlow(page, "16-phone");
}, { query: "?phone", viewport: { width: 390, height: 844 } });

// SPEC §6: a source whose hints restate a claim of the vault, enrich another by link, and name nothing the vault holds.
const ENRICH_SOURCE = "inbox/2026-11-30-sycophancy-in-preference-data.md";
const ENRICH_CLAIM = (title) => `---\ntype: claim\ndomain: ai-alignment\ndescription: "${title}."\nconfidence: likely\ncreated: 2025-11-03\n---\n# ${title}\n\n## Evidence\n- An earlier source\n`;
const OVERSIGHT = "Scalable oversight degrades rapidly as capability gaps grow";
const ENRICH_FILES = {
  [`domains/ai-alignment/${OVERSIGHT}.md`]: ENRICH_CLAIM(OVERSIGHT),
  [ENRICH_SOURCE]: `---
type: source
title: "Sycophancy in preference data"
author: "A. Researcher"
url: https://example.org/sycophancy
date: 2026-11-30
domain: ai-alignment
format: article
status: unprocessed
priority: high
---
## Content
Reward models preferred the agreeing answer in 58% of matched pairs.

## Agent Notes
**Extraction hints:**
- Reward models trained on human preference data systematically overrate agreement with users
- Enrich the existing [[${OVERSIGHT}]] claim with the 58% figure from the matched pairs
- Crowd raters drift toward their own stated beliefs when they label comparison pairs for a second time
- Add this as evidence to the existing claim about quantum annealing hardware
`,
};

/** Add the source and its target claim, open its preview, and check the near-duplicate and the enrichment rows. */
async function enrichFlow(page, prefix) {
  await page.evaluate((files) => Promise.all(Object.entries(files).map(([p, t]) => window.sourceQueuePreview.write(p, t))), ENRICH_FILES);
  await row(page, ENRICH_SOURCE).click({ button: "right" });
  await page.locator(".menu .menu-item", { hasText: "Extract claims…" }).click();
  const modal = page.locator(".modal.source-queue-extract");
  const similar = modal.locator(".source-queue-extract-match.is-similar").first();
  await similar.waitFor({ timeout: 5000 });
  const said = await similar.textContent();
  assert(/^Similar to Reward models trained on human preference data .*\(0\.\d\d\)/.test(said), `similar with its score: ${said}`);
  const dupRow = modal.locator(".source-queue-extract-row:has(.source-queue-extract-match.is-similar)").first();
  assert(!(await dupRow.locator("input[type=checkbox]").isChecked()), "the near-duplicate is unchecked");
  const target = modal.locator(".source-queue-extract-match.is-target").first();
  const enriches = await target.textContent();
  assert(enriches.startsWith(`Enriches ${OVERSIGHT} (named in the hint)`), `the enrichment's target: ${enriches}`);
  assert((await modal.locator(".source-queue-extract-match.is-untargeted").textContent()).startsWith("No target: choose one"), "an enrichment with no target says so");
  const create = modal.locator(".source-queue-extract-footer button.mod-cta");
  assert(/enrich 1$/.test(await create.textContent()), `Create counts the enrichment: ${await create.textContent()}`);
  await dupRow.scrollIntoViewIfNeeded();
  await shot(page, `${prefix}-similar-enrich`);
  await axe(page, `${prefix} similar and enrichment`);

  await modal.locator(".source-queue-extract-match.is-untargeted").scrollIntoViewIfNeeded();
  await shot(page, `${prefix}-untargeted`);

  // Change… opens Obsidian's fuzzy suggester over the claims; the pick becomes the target.
  await target.locator("button", { hasText: "Change…" }).click();
  await page.locator(".modal.prompt input.prompt-input").waitFor();
  await page.keyboard.type("rewmodhum");
  await page.locator(".modal.prompt .suggestion-item").first().waitFor();
  await shot(page, `${prefix}-change-target`);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".source-queue-extract-match.is-target")?.textContent?.includes("(chosen by you)"));
}

test("extract preview shows a near-duplicate with its score and an enrichment's target, changed through the suggester", async (page) => {
  await enrichFlow(page, "23-desktop");
});

test("the similar and enrichment rows on a phone (390×844)", async (page) => {
  await enrichFlow(page, "24-phone");
}, { query: "?phone", viewport: { width: 390, height: 844 } });

test("the similar and enrichment rows in the dark theme", async (page) => {
  await enrichFlow(page, "25-dark");
}, { query: "?theme=dark", colorScheme: "dark" });

test("the similar and enrichment rows on a phone in the dark theme", async (page) => {
  await enrichFlow(page, "26-phone-dark");
}, { query: "?phone&theme=dark", viewport: { width: 390, height: 844 }, colorScheme: "dark" });

test("extract preview in the dark theme, with an added claim", async (page) => {
  await row(page, SEED).click({ button: "right" });
  await page.locator(".menu .menu-item", { hasText: "Extract claims…" }).click();
  const modal = page.locator(".modal.source-queue-extract");
  await modal.locator("textarea.source-queue-extract-add-title").click();
  await page.keyboard.type(ADDED);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".source-queue-extract-row[data-origin=added]"));
  await shot(page, "17-preview-dark");
  await axe(page, "dark preview with an added claim");
}, { query: "?theme=dark", colorScheme: "dark" });

// SPEC §9: "Draft with AI" on the preview page's stand-in provider (?ai=stand-in: an
// OpenAI-compatible server answering one claim quoted from the seed and one whose quote is invented).
const INVENTED_QUOTE = "Circuit tracing now runs on frontier-scale models in minutes, with no human effort per prompt.";

/** Open the seed's preview, draft with AI, and check the drafted rows: the quoted claim selected, the invented quote flagged. */
async function aiDraftFlow(page, prefix) {
  await row(page, SEED).click({ button: "right" });
  await page.locator(".menu .menu-item", { hasText: "Extract claims…" }).click();
  const modal = page.locator(".modal.source-queue-extract");
  await modal.locator("textarea.source-queue-extract-title").first().waitFor();
  const hintRows = await modal.locator(".source-queue-extract-row").count();
  await modal.locator("button", { hasText: "Draft with AI" }).click();
  // While the stand-in takes its moment, the draft can be cancelled.
  await modal.locator("button", { hasText: "Cancel draft" }).waitFor({ state: "visible", timeout: 5000 });
  await page.waitForFunction(() => document.querySelectorAll(".source-queue-extract-row[data-origin=ai]").length === 2, null, { timeout: 10000 });
  assert(!(await modal.locator("button", { hasText: "Cancel draft" }).isVisible()), "Cancel draft hidden once the draft is in");
  const line = await modal.locator(".source-queue-extract-ai-line").textContent();
  assert(line === "Drafted by stand-in-model: 2 claims, each checked below.", `the AI line: ${line}`);
  assert((await modal.locator(".source-queue-extract-row").count()) === hintRows + 2, "the hint rows stay beside the drafted ones");
  const drafted = modal.locator(".source-queue-extract-row[data-origin=ai]");
  const good = drafted.nth(0);
  assert((await good.locator(".source-queue-extract-origin").textContent()) === "Drafted by AI (stand-in-model)", "origin and model shown");
  assert((await good.locator(".source-queue-extract-ai-quotes li").first().textContent()).includes("pre-deployment safety assessment of Claude Sonnet 4.5"), "the verbatim quote listed");
  assert((await good.locator(".source-queue-extract-ai-unverified").count()) === 0, "the quoted claim is not flagged");
  assert(await good.locator("input.source-queue-extract-check").isChecked(), "the quoted claim is selected");
  // The model's confidence is the row's, as Create will write it.
  assert((await good.locator("select").inputValue()) === "likely", `the drafted confidence shown: ${await good.locator("select").inputValue()}`);
  const invented = drafted.nth(1);
  const flag = invented.locator(".source-queue-extract-ai-unverified");
  assert(/^Unverified: a quote not in the source, dropped:/.test(await flag.textContent()), `flagged: ${await flag.textContent()}`);
  assert((await invented.locator(".source-queue-extract-ai-unverified-list li").textContent()) === INVENTED_QUOTE, "the invented quote is shown");
  assert(!(await invented.locator("input.source-queue-extract-check").isChecked()), "the invented claim is left unselected");
  // The line that says what the model gave, at the top of the list.
  await modal.locator(".source-queue-extract-ai-line").scrollIntoViewIfNeeded();
  await shot(page, `${prefix}-drafted`);
  await flag.scrollIntoViewIfNeeded();
  await shot(page, `${prefix}-unverified`);
  await axe(page, `${prefix} drafted preview`);
}

test("Draft with AI in the extract preview: drafted rows beside the hints, an invented quote flagged Unverified", async (page) => {
  await aiDraftFlow(page, "27-ai-desktop");
}, { query: "?ai=stand-in" });

test("Draft with AI on a phone (390×844)", async (page) => {
  await aiDraftFlow(page, "28-ai-phone");
}, { query: "?ai=stand-in&phone", viewport: { width: 390, height: 844 } });

test("Draft with AI in the dark theme", async (page) => {
  await aiDraftFlow(page, "29-ai-dark");
}, { query: "?ai=stand-in&theme=dark", colorScheme: "dark" });

test("extract preview of a processed source says when, by whom and how many claims at the top", async (page) => {
  const R21 = "inbox/2025-05-26-r21-malaria-vaccine-seasonal-sites.md";
  await page.locator(`.preview-files .nav-file[data-file="${R21}"]`).click();
  await page.waitForFunction(() => /status: processed/.test(document.querySelector(".workspace-split.mod-root .markdown-text")?.textContent ?? ""));
  await page.keyboard.press("Control+P");
  await page.keyboard.type("extract claims");
  await page.keyboard.press("Enter");
  const notice = page.locator(".modal.source-queue-extract .source-queue-extract-previous");
  await notice.waitFor();
  const text = await notice.textContent();
  assert(/^Extracted on 2025-06-02 by curator-hm: \d+ claims?\. Creating more adds to them\.$/.test(text), `notice: ${text}`);
  await shot(page, "18-preview-previous");
});

test("without field-sizing (older WebKit on iOS), titles still grow as typed and refit when the window changes", async (page) => {
  await page.addStyleTag({ content: "textarea { field-sizing: fixed !important; }" });
  await row(page, SEED).click({ button: "right" });
  await page.locator(".menu .menu-item", { hasText: "Extract claims…" }).click();
  await page.locator(".modal textarea.source-queue-extract-title").first().waitFor();
  for (const a of await titleAreas(page)) assert(!a.hidden, `read whole when opened: "${a.value}"`);
  const third = page.locator(".modal textarea.source-queue-extract-title").nth(2);
  const before = (await third.boundingBox()).height;
  await third.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" and more words, enough of them to wrap onto another line of the area");
  const after = (await third.boundingBox()).height;
  assert(after > before, `grew as typed: ${before} → ${after}`);
  for (const a of await titleAreas(page)) assert(!a.hidden, `read whole after typing: "${a.value}"`);
  await page.setViewportSize({ width: 700, height: 844 });
  await page.waitForFunction(() => Array.from(document.querySelectorAll(".modal textarea.source-queue-extract-title")).every((a) => a.scrollHeight <= a.clientHeight + 1));
  const wider = (await third.boundingBox()).height;
  assert(wider < after, `fits again when wider: ${after} → ${wider}`);
}, {
  query: "?phone",
  viewport: { width: 390, height: 844 },
  init: () => {
    const supports = CSS.supports.bind(CSS);
    CSS.supports = (a, b) => (a === "field-sizing" ? false : supports(a, b));
  },
});

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
  await page.waitForFunction(() => document.querySelector(".source-queue-selected")?.textContent === "23 selected");
  assert((await page.locator(".source-queue-row.is-selected .source-queue-check svg").count()) > 0, "check marks on selected rows");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.querySelector(".source-queue-selected")?.classList.contains("is-hidden"));
});

/** Five medium rows, the 2nd and 4th held by agents on a live lease (written as an agent's claim would). */
async function heldSelection(page) {
  await page.locator(".source-queue-priority-filter").selectOption("medium");
  await page.waitForFunction(() => document.querySelectorAll('.source-queue-row [data-field="priority"][data-value="medium"]').length >= 5 && !document.querySelector('.source-queue-row [data-field="priority"]:not([data-value="medium"])'));
  const paths = (await page.$$eval(".source-queue-row", (els) => els.map((e) => e.dataset.path))).slice(0, 5);
  const until = new Date(Date.now() + 45 * 60_000).toISOString();
  for (const [agent, p] of [["agent-a", paths[1]], ["agent-b", paths[3]]]) {
    const text = await vault(page, p);
    await page.evaluate(([path, t]) => window.sourceQueuePreview.write(path, t), [p, text.replace(/^status: .*$/m, `status: processing\nprocessed_by: ${agent}\nprocessing_until: "${until}"`)]);
  }
  await page.waitForFunction(() => document.querySelectorAll(".source-queue-holder").length >= 2);
  const before = await Promise.all(paths.map((p) => vault(page, p)));
  await row(page, paths[0]).locator(".source-queue-title").click();
  await row(page, paths[4]).locator(".source-queue-title").click({ modifiers: ["Shift"] });
  await page.waitForFunction(() => document.querySelector(".source-queue-selected")?.textContent === "5 selected");
  await row(page, paths[2]).click({ button: "right" });
  await page.locator(".menu .menu-item", { hasText: "Priority: high" }).click();
  await page.waitForSelector(".modal .source-queue-take-over-list");
  return { paths, before };
}

test("a bulk change over sources agents hold asks once; Skip held changes only the others", async (page) => {
  const { paths, before } = await heldSelection(page);
  const text = await page.locator(".modal").textContent();
  assert(text.includes("2 of the 5 selected sources are held by agents (agent-a, agent-b): take them over?"), `the question: ${text}`);
  assert((await page.locator(".modal .source-queue-take-over-list li").count()) === 2, "both held notes named");
  await axe(page, "batch take-over dialog");
  await shot(page, "18-batch-take-over-light");
  await page.locator(".modal button", { hasText: "Skip held" }).click();
  await page.waitForFunction(() => /Set priority high on 3 notes/.test(document.querySelector(".notice-container")?.textContent ?? ""));
  for (const [i, p] of paths.entries()) {
    const diff = diffLines(before[i], await vault(page, p));
    if (i === 1 || i === 3) assert(diff.length === 0, `${p} is held and was skipped: ${diff.join("; ")}`);
    else assert(diff.length === 1 && diff[0] === "priority: medium → priority: high", `${p}: ${diff.join("; ")}`);
  }
});

test("the batch take-over dialog in the dark theme; Cancel changes nothing", async (page) => {
  const { paths, before } = await heldSelection(page);
  await axe(page, "dark batch take-over dialog");
  await shot(page, "19-batch-take-over-dark");
  await page.locator(".modal button", { hasText: "Cancel" }).click();
  await page.waitForFunction(() => !document.querySelector(".modal"));
  for (const [i, p] of paths.entries()) assert((await vault(page, p)) === before[i], `${p} unchanged byte for byte`);
}, { query: "?theme=dark", colorScheme: "dark" });

test("the batch take-over dialog on a phone (390×844): its buttons in view; Take over ends the leases", async (page) => {
  const { paths } = await heldSelection(page);
  const box = await page.locator(".modal button", { hasText: "Take over" }).boundingBox();
  assert(box !== null && box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844, `Take over in view: ${JSON.stringify(box)}`);
  await shot(page, "20-batch-take-over-phone");
  await page.locator(".modal button", { hasText: "Take over" }).click();
  await page.waitForFunction(() => /Set priority high on 5 notes/.test(document.querySelector(".notice-container")?.textContent ?? ""));
  for (const i of [1, 3]) {
    const after = await vault(page, paths[i]);
    assert(/^priority: high$/m.test(after) && !/processing_until/.test(after), `${paths[i]} taken over: ${after.slice(0, 300)}`);
  }
}, { viewport: { width: 390, height: 844 } });

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
// E2E_GREP=text runs only the tests whose name contains it (a quicker loop while working on one screen).
const grep = process.env.E2E_GREP ?? "";
for (const t of tests.filter((x) => x.name.includes(grep))) {
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
