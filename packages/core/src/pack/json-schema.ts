// The JSON Schemas of packs and configs, generated from the zod schemas (the input side, so the
// shorthands an author may write are allowed). Draft-07: what the YAML language server reads best.
import { z } from 'zod';
import { packLocaleSchema } from '../i18n/locale-file.js';
import { configSchema, packSchema } from './schema.js';

export function packJsonSchema(): object {
  return z.toJSONSchema(packSchema(), { io: 'input', target: 'draft-7' });
}

export function configJsonSchema(): object {
  return z.toJSONSchema(configSchema(), { io: 'input', target: 'draft-7' });
}

export function packLocaleJsonSchema(): object {
  return z.toJSONSchema(packLocaleSchema(), { io: 'input', target: 'draft-7' });
}
