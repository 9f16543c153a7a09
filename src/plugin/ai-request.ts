// The Obsidian side of an AI draft (SPEC §9): the key from Obsidian's secret
// storage (never data.json), and the one request through requestUrl (desktop
// and mobile alike), raced against the time limit and the preview's Cancel.
// requestUrl cannot be aborted: a cancelled or late answer is ignored.
import * as obsidian from "obsidian";
import { requestUrl, requireApiVersion, type App } from "obsidian";
import { TransportError, type Transport } from "../core/commands/draft";
import { aiConfigOf, type AiConfig } from "../core/extraction/ai-draft/provider";
import type { HttpRequest } from "../core/extraction/ai-draft/request";
import type { HttpResponse } from "../core/extraction/ai-draft/response";
import type { Settings } from "../core/note/settings";

export const SECRET_API = "1.11.4";
export const NEEDS_NEWER_APP = `AI drafts keep their key in Obsidian's secret storage, which needs Obsidian ${SECRET_API} or newer: update Obsidian to use them`;

/** The settings' configuration with the key from secret storage, or the line that says why there is none. */
export function aiConfigIn(app: App, settings: Settings): AiConfig | string {
  if (settings.aiProvider === "none") return aiConfigOf(settings, "");
  if (!requireApiVersion(SECRET_API)) return NEEDS_NEWER_APP;
  const name = settings.aiKeySecret.trim();
  return aiConfigOf(settings, name === "" ? "" : (secretsOf(app)?.getSecret(name) ?? ""));
}

/** Obsidian's secret storage, reached structurally: minAppVersion is older, and the caller checked the version. */
export function secretsOf(app: App): { getSecret(id: string): string | null } | null {
  return (app as unknown as { secretStorage?: { getSecret(id: string): string | null } }).secretStorage ?? null;
}

interface SecretPicker {
  setValue(value: string): SecretPicker;
  onChange(cb: (value: string) => unknown): SecretPicker;
}

/** Obsidian's SecretComponent (1.11.4) in `el`, or null on an older app. */
export function secretPicker(app: App, el: HTMLElement): SecretPicker | null {
  if (!requireApiVersion(SECRET_API)) return null;
  const Picker = (obsidian as unknown as { SecretComponent?: new (app: App, el: HTMLElement) => SecretPicker }).SecretComponent;
  return Picker ? new Picker(app, el) : null;
}

/** One request through requestUrl; a TransportError at the time limit or on cancel. */
export function requestUrlTransport(timeoutSeconds: number, cancelled: Promise<void>): Transport {
  return (request: HttpRequest): Promise<HttpResponse> =>
    new Promise<HttpResponse>((resolve, reject) => {
      const timer = window.setTimeout(() => reject(new TransportError("timeout", "timeout")), timeoutSeconds * 1000);
      void cancelled.then(() => reject(new TransportError("cancelled", "cancelled")));
      requestUrl({ url: request.url, method: request.method, headers: request.headers, body: request.body, contentType: "application/json", throw: false })
        .then((res) => resolve({ status: res.status, text: res.text }))
        .catch((err: unknown) => reject(new TransportError("network", err instanceof Error ? err.message : String(err))))
        .finally(() => window.clearTimeout(timer));
    });
}
