// Client settings (`nuance.*`) as config defaults. Precedence is `.nuancerc.yaml` > editor
// settings > defaults, and a null or missing setting means the default (DESIGN: Configuration).
// Settings come from untrusted JSON: anything malformed is dropped, never thrown. The keys are
// the extension's settings; `accept` is not one: accepted phrases belong to the project's
// `.nuancerc.yaml`, where the "accept this term" command writes them.
import type { NuanceConfig, Severity } from '@nuance/core';

export interface ClientSettings {
  enable: boolean;
  config: NuanceConfig;
}

export const DEFAULT_SETTINGS: ClientSettings = { enable: true, config: {} };

const SETTINGS: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string' && value !== '') return [value];
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((v): v is string => typeof v === 'string' && v !== '');
  return list.length > 0 || value.length === 0 ? list : undefined;
}

export function normalizeSettings(raw: unknown): ClientSettings {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const config: NuanceConfig = {};
  const packs = stringList(r.packs);
  if (packs && packs.length > 0) config.packs = packs;
  const audience = stringList(r.audience);
  if (audience && audience.length > 0) config.audience = audience;
  if (typeof r.lang === 'string' && r.lang !== '') config.lang = r.lang;
  const topic = stringList(r.topic);
  if (topic && topic.length > 0) config.topic = topic;
  if (typeof r.voice === 'string' && r.voice !== '') config.voice = r.voice;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    const rules: Record<string, Severity | 'off'> = {};
    for (const [id, value] of Object.entries(r.rules)) {
      if (typeof value === 'string' && SETTINGS.has(value)) rules[id] = value as Severity | 'off';
    }
    if (Object.keys(rules).length > 0) config.rules = rules;
  }
  const ignore = stringList(r.ignore);
  if (ignore && ignore.length > 0) config.ignore = ignore;
  return { enable: r.enable !== false, config };
}
