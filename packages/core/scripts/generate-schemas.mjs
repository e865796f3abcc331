#!/usr/bin/env node
// Writes schema/pack.schema.json, schema/config.schema.json and schema/pack-locale.schema.json from the built package (run
// `tsc -b packages/core` first). With --check, writes nothing and exits 1 when a committed file
// differs from what the code generates (CI).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const check = process.argv.includes('--check');
const { packJsonSchema, configJsonSchema, packLocaleJsonSchema } = await import(
  '../dist/pack/json-schema.js'
);

const outputs = [
  ['../schema/pack.schema.json', packJsonSchema()],
  ['../schema/config.schema.json', configJsonSchema()],
  ['../schema/pack-locale.schema.json', packLocaleJsonSchema()],
];

let stale = 0;
for (const [relative, schema] of outputs) {
  const file = fileURLToPath(new URL(relative, import.meta.url));
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (check) {
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current !== text) {
      stale++;
      console.error(`${file} is out of date: run \`node packages/core/scripts/generate-schemas.mjs\``);
    }
  } else {
    await writeFile(file, text);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
