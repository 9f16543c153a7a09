// The preview page: the built main.js, unchanged, running on the project's
// Obsidian test double in a real browser, over the demo vault. Everything
// lives in this page's memory; a reload starts fresh.
import * as obsidian from "../test-support/obsidian/index";
import { createHarness } from "../test-support/obsidian/harness";
import demoFiles from "virtual:demo-files";

type Manifest = { id: string; name: string; version: string; minAppVersion: string };

const params = new URLSearchParams(location.search);
const theme = params.get("theme") ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
document.body.className = `theme-${theme}`;
if (params.has("phone") || matchMedia("(max-width: 600px)").matches) document.body.classList.add("is-phone");

function bar(): HTMLElement {
  const el = document.createElement("div");
  el.className = "preview-bar";
  const title = document.createElement("span");
  title.className = "preview-title";
  title.textContent = "Source Queue preview · demo vault in memory (reload to start fresh)";
  el.append(title);
  document.body.prepend(el);
  return el;
}

function button(parent: HTMLElement, text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.textContent = text;
  b.addEventListener("click", onClick);
  parent.append(b);
  return b;
}

/** Menus carry their position as data-x/data-y (the double sets no inline styles); place them here. */
function placeMenus(): void {
  new MutationObserver(() => {
    for (const menu of document.querySelectorAll<HTMLElement>(".menu[data-x]")) {
      const x = Number(menu.dataset.x);
      const y = Number(menu.dataset.y);
      const rect = menu.getBoundingClientRect();
      menu.style.left = `${Math.max(4, Math.min(x, innerWidth - rect.width - 4))}px`;
      menu.style.top = `${Math.max(4, Math.min(y, innerHeight - rect.height - 4))}px`;
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-x", "data-y"] });
}

class CommandPalette extends obsidian.FuzzySuggestModal<{ id: string; name: string }> {
  constructor(private readonly h: ReturnType<typeof createHarness>) {
    super(h.app);
    this.setPlaceholder("Select a command…");
  }
  getItems() {
    return this.h.app.commands.listCommands().filter((c) => this.h.app.commands.isCommandAvailable(c.id));
  }
  getItemText(item: { name: string }) {
    return item.name;
  }
  onChooseItem(item: { id: string }) {
    void this.h.runCommand(item.id);
  }
}

function fileList(h: ReturnType<typeof createHarness>): void {
  const el = document.createElement("nav");
  el.className = "preview-files";
  el.setAttribute("aria-label", "Files");
  h.leftSidebarEl.classList.remove("is-collapsed");
  h.leftSidebarEl.append(el);
  const draw = () => {
    el.replaceChildren();
    let folder = "";
    for (const file of h.app.vault.getMarkdownFiles().sort((a, b) => a.path.localeCompare(b.path))) {
      const parent = file.parent?.path ?? "";
      if (parent !== folder) {
        folder = parent;
        const f = document.createElement("div");
        f.className = "nav-folder";
        f.textContent = folder === "/" ? "(vault)" : folder;
        el.append(f);
      }
      const item = document.createElement("div");
      item.className = "nav-file";
      item.dataset.file = file.path;
      item.textContent = file.basename;
      item.title = file.path;
      item.addEventListener("click", () => void h.app.workspace.getLeaf(false).openFile(file));
      el.append(item);
    }
  };
  for (const evt of ["create", "delete", "rename"] as const) h.app.vault.on(evt, () => queueMicrotask(draw));
  draw();
}

/** A few Lucide icons the plugin uses, so the page shows them as Obsidian would (the double draws a circle otherwise). */
const LUCIDE: Record<string, string> = {
  "alert-triangle": '<path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3"/><path d="M12 9v4"/><path d="M12 17h.01"/>',
  "alert-octagon":
    '<path d="M12 16h.01"/><path d="M12 8v4"/><path d="M15.312 2a2 2 0 0 1 1.414.586l4.688 4.688A2 2 0 0 1 22 8.688v6.624a2 2 0 0 1-.586 1.414l-4.688 4.688a2 2 0 0 1-1.414.586H8.688a2 2 0 0 1-1.414-.586l-4.688-4.688A2 2 0 0 1 2 15.312V8.688a2 2 0 0 1 .586-1.414l4.688-4.688A2 2 0 0 1 8.688 2z"/>',
  "list-checks": '<path d="m3 17 2 2 4-4"/><path d="m3 7 2 2 4-4"/><path d="M13 6h8"/><path d="M13 12h8"/><path d="M13 18h8"/>',
};
for (const [id, paths] of Object.entries(LUCIDE)) obsidian.addIcon(id, `<g transform="scale(4.1667)">${paths}</g>`);

/**
 * `?ai=stand-in`: the AI settings are preset (an OpenAI-compatible provider and a
 * model name) and the double's requestUrl answers as such a server would, with a
 * draft for the seed source: one claim quoting the note word for word, one whose
 * quote is invented (the preview must flag it). No request leaves the page.
 * Without the flag the page has no AI settings and requestUrl has no network.
 */
const AI_STAND_IN = params.get("ai") === "stand-in";
const AI_SETTINGS = { aiProvider: "openai-compatible", aiBaseUrl: "http://127.0.0.1:1234/v1", aiModel: "stand-in-model", aiTimeoutSeconds: 20 };
const AI_DRAFT = {
  verdict: "claims",
  claims: [
    {
      title: "Anthropic used mechanistic interpretability in a production deployment decision for the first time with Claude Sonnet 4.5",
      description: "Its pre-deployment safety assessment examined internal features for dangerous capabilities, deception and undesired goals.",
      evidence: ["Mitra documented that Anthropic applied mechanistic interpretability in pre-deployment safety assessment of Claude Sonnet 4.5 for the first time"],
      confidence: "likely",
      enriches: null,
    },
    {
      title: "Circuit tracing already scales to frontier models without hours of human analysis",
      description: "Attribution graphs are said to work on frontier-scale models with little human effort.",
      evidence: ["Circuit tracing now runs on frontier-scale models in minutes, with no human effort per prompt."],
      confidence: "experimental",
      enriches: null,
    },
  ],
};

function standInProvider(): void {
  obsidian.setRequestHandler((req) => {
    const body = JSON.parse(typeof req.body === "string" ? req.body : "{}") as { model?: string };
    const answer = { id: "chatcmpl-1", object: "chat.completion", model: body.model, choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify(AI_DRAFT), refusal: null }, finish_reason: "stop" }] };
    const ok = req.method === "POST" && req.url.endsWith("/chat/completions");
    const text = JSON.stringify(ok ? answer : { error: { message: `no route ${req.method ?? "GET"} ${req.url}` } });
    // A moment's wait, as a model takes, so the pending state is drawn too.
    return new Promise((resolve) => window.setTimeout(() => resolve({ status: ok ? 200 : 404, text, json: JSON.parse(text) as unknown, headers: { "content-type": "application/json" }, arrayBuffer: new ArrayBuffer(0) }), 300));
  });
}

async function main(): Promise<void> {
  const controls = bar();
  placeMenus();
  const manifest = (await (await fetch("/manifest.json")).json()) as Manifest;
  const files: Record<string, string> = { ...demoFiles };
  if (AI_STAND_IN) {
    files[`.obsidian/plugins/${manifest.id}/data.json`] = JSON.stringify({ settings: AI_SETTINGS });
    standInProvider();
  }
  const h = createHarness({ files, vaultName: "demo-vault" });
  const code = await (await fetch("/main.js")).text();
  const module = { exports: {} as { default?: unknown } };
  const require = (id: string) => {
    if (id === "obsidian") return obsidian;
    throw new Error(`main.js requires "${id}", which is not available in Obsidian`);
  };
  new Function("module", "exports", "require", code)(module, module.exports, require);
  const plugin = await h.loadPlugin(module.exports.default as never, manifest);
  fileList(h);
  await h.runCommand(`${manifest.id}:open-queue`);

  button(controls, "Command palette", () => new CommandPalette(h).open());
  button(controls, theme === "dark" ? "Light theme" : "Dark theme", () => {
    const next = new URLSearchParams(location.search);
    next.set("theme", theme === "dark" ? "light" : "dark");
    location.search = next.toString();
  });
  button(controls, "Settings", () => h.openSettings(manifest.id));
  document.addEventListener("keydown", (evt) => {
    if ((evt.ctrlKey || evt.metaKey) && evt.key.toLowerCase() === "p") {
      evt.preventDefault();
      new CommandPalette(h).open();
    }
  });
  // For the end-to-end tests' assertions (what is in the vault now).
  (window as unknown as { sourceQueuePreview: unknown }).sourceQueuePreview = {
    read: (path: string) => h.read(path),
    files: () => h.app.vault.getFiles().map((f) => f.path),
    /** Put a note in the vault as the app would (a new file, or new text for one there): tests build their own sources. */
    write: async (path: string, text: string) => {
      const file = h.app.vault.getFileByPath(path);
      if (file) await h.app.vault.modify(file, text);
      else await h.app.vault.create(path, text);
    },
    plugin,
  };
  document.body.dataset.ready = "true";
}

main().catch((err: unknown) => {
  document.body.dataset.error = String(err);
  console.error(err);
});
