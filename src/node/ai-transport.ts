// The Node side of an AI draft (SPEC §9): the provider settings with the
// SOURCE_QUEUE_AI_* variables over them, and one request through fetch with
// the time limit and an optional cancel signal. Core builds the request and
// reads the answer; this only carries it.
import { aiConfigOf, AI_PROVIDERS, type AiConfig, type AiProvider } from "../core/extraction/ai-draft/provider";
import type { HttpRequest, } from "../core/extraction/ai-draft/request";
import type { HttpResponse } from "../core/extraction/ai-draft/response";
import { TransportError, type Transport } from "../core/commands/draft";
import type { Settings } from "../core/note/settings";

/** The settings' AI configuration with the environment over it; a provider name that is not one is a usage problem, returned as a line. */
export function aiConfigFromEnv(settings: Settings, env: NodeJS.ProcessEnv = process.env): { config: AiConfig; problem: string | null } {
  const config = aiConfigOf(settings, env.SOURCE_QUEUE_AI_KEY ?? "");
  const provider = env.SOURCE_QUEUE_AI_PROVIDER?.trim();
  let problem: string | null = null;
  if (provider) {
    if ((AI_PROVIDERS as readonly string[]).includes(provider)) config.provider = provider as AiProvider;
    else problem = `SOURCE_QUEUE_AI_PROVIDER "${provider}" is not one of ${AI_PROVIDERS.join(", ")}`;
  }
  if (env.SOURCE_QUEUE_AI_URL?.trim()) config.baseUrl = env.SOURCE_QUEUE_AI_URL.trim();
  if (env.SOURCE_QUEUE_AI_MODEL?.trim()) config.model = env.SOURCE_QUEUE_AI_MODEL.trim();
  return { config, problem };
}

/** A transport over fetch: the answer whatever its status; a TransportError on the time limit, a cancel, or no connection. */
export function fetchTransport(timeoutSeconds: number, cancel?: AbortSignal): Transport {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const controller = new AbortController();
    let why: "timeout" | "cancelled" | null = null;
    const timer = setTimeout(() => {
      why = "timeout";
      controller.abort();
    }, timeoutSeconds * 1000);
    const onCancel = () => {
      why ??= "cancelled";
      controller.abort();
    };
    if (cancel?.aborted) onCancel();
    cancel?.addEventListener("abort", onCancel, { once: true });
    try {
      const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: controller.signal });
      return { status: res.status, text: await res.text() };
    } catch (err) {
      if (why !== null) throw new TransportError(why, why);
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new TransportError("network", cause?.code ?? cause?.message ?? (err as Error).message);
    } finally {
      clearTimeout(timer);
      cancel?.removeEventListener("abort", onCancel);
    }
  };
}
