// The AI providers of SPEC §9 and what a draft request needs of the settings.
// The key is never a setting: the plugin reads it from Obsidian's secret
// storage, the CLI from SOURCE_QUEUE_AI_KEY; it is passed in per request.

import { AI_PROVIDERS, type Settings } from "../../note/settings";

export { AI_PROVIDERS };
export type AiProvider = (typeof AI_PROVIDERS)[number];

/** Where each provider listens when the base URL setting is empty. */
export const DEFAULT_BASE_URLS: Record<Exclude<AiProvider, "none">, string> = {
  "openai-compatible": "https://api.openai.com/v1",
  ollama: "http://127.0.0.1:11434",
  anthropic: "https://api.anthropic.com",
};

export interface AiConfig {
  provider: AiProvider;
  /** Empty: the provider's default. */
  baseUrl: string;
  model: string;
  timeoutSeconds: number;
  /** The API key, or "" for a local server that needs none. */
  key: string;
}

/** The endpoint a draft is posted to. */
export function endpointOf(config: AiConfig): string {
  if (config.provider === "none") return "";
  const base = (config.baseUrl.trim() || DEFAULT_BASE_URLS[config.provider]).replace(/\/+$/, "");
  if (config.provider === "openai-compatible") return `${base}/chat/completions`;
  if (config.provider === "ollama") return `${base}/api/chat`;
  return `${base}/v1/messages`;
}

/** Why a draft cannot be asked for with this configuration, in one line, or null when it can. */
export function configProblem(config: AiConfig): string | null {
  if (config.provider === "none") return "AI drafts are off: choose a provider in the settings (AI provider)";
  if (config.model.trim() === "") return "AI drafts need a model: set AI model in the settings";
  const url = endpointOf(config);
  if (!/^https?:\/\/[^\s/]+/i.test(url)) return `The AI base URL "${config.baseUrl}" is not an http(s) address`;
  if (config.provider === "anthropic" && config.key === "") return "Anthropic needs an API key (the AI key)";
  return null;
}

/** The configuration of the settings, with the key the door found (secret storage, SOURCE_QUEUE_AI_KEY). */
export function aiConfigOf(settings: Settings, key: string): AiConfig {
  return { provider: settings.aiProvider, baseUrl: settings.aiBaseUrl, model: settings.aiModel, timeoutSeconds: settings.aiTimeoutSeconds, key };
}
