// `npm run bench`: bundles bench/bench.ts (with the CLI, the plugin and the
// project's Obsidian test double in place of `obsidian`) into a temporary
// CommonJS file, gives it a happy-dom window, and runs it.
//
//   node --expose-gc bench/run.mjs [--sizes 1000,10000,50000] [--only cli,plugin,extract,claims,mcp,browser]
//                                  [--browser-sizes 50000]
//
// The plugin cases also run in Chromium (Debian's, through playwright-core, as
// the end-to-end tests do) where /usr/bin/chromium or CHROMIUM_PATH exists:
// happy-dom has no layout and builds DOM far slower than a browser does.
//
// npm runs `npm run build` first, so main.js and dist/cli.cjs are current.
import esbuild from "esbuild";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Window } from "happy-dom";

const root = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({ options: { sizes: { type: "string" }, only: { type: "string" }, "browser-sizes": { type: "string" } } });
const sizes = (values.sizes ?? process.env.BENCH_SIZES ?? "1000,10000,50000").split(",").map(Number).filter((n) => n > 0);
const browserSizes = values["browser-sizes"] ? values["browser-sizes"].split(",").map(Number) : [Math.max(...sizes)];
const only = (values.only ?? "").split(",").filter(Boolean);

if (typeof globalThis.gc !== "function") console.warn("(run with node --expose-gc for steadier numbers)");

// Inside node_modules so the bundle's external imports resolve from the project.
const outDir = join(root, "node_modules", ".cache", "source-queue-bench");
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, "bench.cjs");
await esbuild.build({
  entryPoints: [join(root, "bench", "bench.ts")],
  bundle: true,
  outfile,
  format: "cjs",
  platform: "node",
  target: "node20",
  alias: { obsidian: join(root, "test-support", "obsidian", "index.ts") },
  external: ["happy-dom"],
  sourcemap: "inline",
  logLevel: "warning",
  // readDemoVault's default root uses import.meta (ESM test code); the bench always passes its root.
  logOverride: { "empty-import-meta": "silent" },
});

/** The plugin cases in Chromium: a page with the preview's theme and the plugin's styles, and the cases bundled for the browser. */
async function browserRunner() {
  const { CHROMIUM } = await import("../e2e/browser.mjs");
  if (!existsSync(CHROMIUM)) {
    console.warn(`(no Chromium at ${CHROMIUM}: the browser cases are skipped)`);
    return undefined;
  }
  const built = await esbuild.build({
    entryPoints: [join(root, "bench", "browser.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2021",
    alias: { obsidian: join(root, "test-support", "obsidian", "index.ts") },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  const script = built.outputFiles[0].text;
  const css = ["preview/theme.css", "styles.css"].map((f) => readFileSync(join(root, f), "utf8")).join("\n");
  const { chromium } = await import("playwright-core");
  let browser = null;
  return {
    sizes: browserSizes,
    async run(templates, n, manifest) {
      browser ??= await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--js-flags=--expose-gc"],
      });
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      try {
        await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body class="theme-light"></body></html>`);
        await page.addScriptTag({ content: script });
        // BENCH_CHROMIUM_PROFILE=dir writes a CPU profile of the page per size, as node --cpu-prof does for the rest.
        const profileDir = process.env.BENCH_CHROMIUM_PROFILE;
        const cdp = profileDir ? await page.context().newCDPSession(page) : null;
        if (cdp) {
          await cdp.send("Profiler.enable");
          await cdp.send("Profiler.start");
        }
        const cases = await page.evaluate(({ templates, n, manifest }) => window.sourceQueueBench.run(templates, n, manifest), { templates, n, manifest });
        if (cdp) {
          const { profile } = await cdp.send("Profiler.stop");
          mkdirSync(profileDir, { recursive: true });
          writeFileSync(join(profileDir, `chromium-${n}.cpuprofile`), JSON.stringify(profile));
        }
        return cases;
      } finally {
        await page.close();
      }
    },
    close: () => browser?.close(),
  };
}

// The double installs Obsidian's DOM helpers on the global window when it loads,
// so the window must exist before the bundle is required.
const window = new Window({ url: "http://localhost/" });
const globals = {
  window,
  document: window.document,
  navigator: window.navigator,
  localStorage: window.localStorage,
  getComputedStyle: window.getComputedStyle.bind(window),
  requestAnimationFrame: window.requestAnimationFrame.bind(window),
  cancelAnimationFrame: window.cancelAnimationFrame.bind(window),
  activeWindow: window,
  activeDocument: window.document,
};
for (const [key, value] of Object.entries(globals)) Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
// DOM classes (HTMLElement, Node, KeyboardEvent, …) that code names bare.
for (const key of Object.getOwnPropertyNames(window)) {
  if (key in globalThis || !/^[A-Z]/.test(key)) continue;
  try {
    Object.defineProperty(globalThis, key, { value: window[key], configurable: true, writable: true });
  } catch {
    // a read-only property of the window: not needed
  }
}

const require = createRequire(import.meta.url);
const bench = require(outfile);
bench.installDomHelpers(window);
const browser = only.length === 0 || only.includes("browser") ? await browserRunner() : undefined;
let code = 1;
try {
  code = await bench.runBench({ root, sizes, only, browser });
} catch (err) {
  console.error(err);
  code = 1;
} finally {
  await browser?.close();
}
await window.happyDOM.abort();
window.close();
process.exit(code);
