// The report page's script is written in TypeScript (client/report.ts, type-checked by `tsc -b`
// with the DOM library) and bundled into a committed module the page embeds: the committed module
// must be the bundle of the current source.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT } from '../src/reporters/html/client-script.js';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the HTML report script', () => {
  it('is committed as the bundle of client/report.ts', () => {
    const check = spawnSync(process.execPath, ['scripts/bundle-client.mjs', '--check'], {
      cwd: packageRoot,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('is one self-contained script: no import, no module syntax, nothing to load', () => {
    expect(CLIENT_SCRIPT).toMatch(/^"use strict";\n\(\(\) => \{\n/);
    expect(CLIENT_SCRIPT).not.toMatch(/\bimport\b|\bexport\b|<\/script|\bfetch\(|innerHTML/);
  });
});
