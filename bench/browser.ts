// The plugin cases in a real browser (bundled by run.mjs for Chromium): the
// same code as under happy-dom, but with layout, so the list's height, the
// rows drawn and the cost of building them are the browser's.
import { pluginCases, type Manifest } from "./plugin-cases";
import { Report, type Case } from "./report";
import { vaultFiles, type Template } from "./vault-shape";

async function run(templates: Template[], n: number, manifest: Manifest): Promise<Case[]> {
  const report = new Report(true);
  await pluginCases(report, vaultFiles(templates, n), n, manifest);
  return report.cases;
}

(window as unknown as { sourceQueueBench: { run: typeof run } }).sourceQueueBench = { run };
