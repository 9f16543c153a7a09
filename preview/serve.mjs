// `npm run preview`: builds the preview page and serves it on localhost with
// the built plugin (main.js, manifest.json, styles.css). The build step of
// the npm script has already produced main.js.
import esbuild from "esbuild";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join } from "node:path";

const root = join(import.meta.dirname, "..");

function demoFiles(dir = join(root, "demo-vault"), prefix = "", out = {}) {
  for (const name of readdirSync(dir)) {
    if (name === ".obsidian") continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) demoFiles(full, `${prefix}${name}/`, out);
    else out[`${prefix}${name}`] = readFileSync(full, "utf8");
  }
  return out;
}

export async function buildPreview() {
  const result = await esbuild.build({
    entryPoints: [join(root, "preview/app.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2021",
    logLevel: "error",
    plugins: [
      {
        name: "demo-files",
        setup(build) {
          build.onResolve({ filter: /^virtual:demo-files$/ }, () => ({ path: "demo-files", namespace: "demo" }));
          build.onLoad({ filter: /.*/, namespace: "demo" }, () => ({ contents: JSON.stringify(demoFiles()), loader: "json" }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

/** Serve the page; resolves with the server and its address. Loopback only. */
export async function startPreviewServer(port = Number(process.env.PORT ?? 5177)) {
  const bundle = await buildPreview();
  const routes = {
    "/": join(root, "preview/index.html"),
    "/index.html": join(root, "preview/index.html"),
    "/theme.css": join(root, "preview/theme.css"),
    "/main.js": join(root, "main.js"),
    "/manifest.json": join(root, "manifest.json"),
    "/styles.css": join(root, "styles.css"),
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/preview.js") {
      res.writeHead(200, { "content-type": TYPES[".js"], "cache-control": "no-store" });
      res.end(bundle);
      return;
    }
    const file = routes[path];
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startPreviewServer();
  console.log(`Source Queue preview: ${url}  (light)  ·  ${url}?theme=dark  ·  ${url}?phone  — Ctrl+C to stop`);
}
