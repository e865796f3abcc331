// Generates the extension's settings (`contributes.configuration`) from the config JSON Schema,
// so editor settings and `.nuancerc.yaml` never drift apart. `--check` fails on a difference.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.join(root, '../packages/core/schema/config.schema.json');
const manifestFile = path.join(root, 'package.json');
const KEYS = ['packs', 'audience', 'lang', 'topic', 'voice', 'rules', 'ignore'];

/**
 * A schema property `anyOf: [X, {type: null}]` as a VS Code setting the Settings UI can edit: one
 * type, never `null` (a setting typed `["array", "null"]` can only be edited as JSON). A value
 * that may be one string or a list becomes a list. The empty value (`[]`, `{}`, `""`) is the
 * default, as `null` is in `.nuancerc.yaml`: the server reads either as "not set".
 */
function setting(property) {
  const variants = (property.anyOf ?? [property]).filter((v) => v.type !== 'null');
  const flat = variants.flatMap((v) => v.anyOf ?? [v]);
  const of = (type) => flat.find((v) => v.type === type);
  // A termbase with options is written in `.nuancerc.yaml`: the Settings UI edits a list of strings.
  const description = property.description
    .replace('relative to this file', 'relative to the workspace folder')
    .replace(', or a termbase with options (`{path, subjects, key-terms}`)', '');
  const out = {
    type: 'string',
    default: '',
    markdownDescription: `${description} Overridden by \`.nuancerc.yaml\`; empty means the default.`,
    scope: 'resource',
  };
  if (of('array')) {
    const items = of('array').items;
    const plain = (items.anyOf ?? [items]).find((v) => v.type === 'string') ?? items;
    Object.assign(out, { type: 'array', default: [], items: plain });
  } else if (of('object')) {
    Object.assign(out, {
      type: 'object',
      default: {},
      additionalProperties: of('object').additionalProperties,
    });
  } else if (of('string')?.pattern) {
    // Empty is allowed: it means the default.
    out.pattern = `^$|${of('string').pattern}`;
  }
  return out;
}

export function generate(schema) {
  const properties = {
    'nuance.enable': {
      type: 'boolean',
      default: true,
      markdownDescription: 'Lint Markdown and plain-text drafts with nuance.',
      scope: 'resource',
    },
  };
  for (const key of KEYS) properties[`nuance.${key}`] = setting(schema.properties[key]);
  properties['nuance.trace.server'] = {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    markdownDescription:
      'Trace the messages between VS Code and the nuance language server, in the `nuance (trace)` output channel.',
    scope: 'window',
  };
  return { title: 'nuance', properties };
}

const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const before = JSON.stringify(manifest.contributes?.configuration);
manifest.contributes = { ...manifest.contributes, configuration: generate(schema) };
if (process.argv.includes('--check')) {
  if (before !== JSON.stringify(manifest.contributes.configuration)) {
    console.error(
      'extension/package.json settings are out of date: run `pnpm --filter ./extension generate`',
    );
    process.exit(1);
  }
} else {
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
}
