// The manifest: settings generated from the config schema and committed as generated.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('has the settings of the issue, generated from the config schema (and up to date)', () => {
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual([
      'nuance.enable',
      'nuance.packs',
      'nuance.audience',
      'nuance.lang',
      'nuance.topic',
      'nuance.voice',
      'nuance.rules',
      'nuance.ignore',
      'nuance.trace.server',
    ]);
    expect(manifest.contributes.configuration.properties['nuance.rules'].additionalProperties.enum).toEqual([
      'error',
      'warning',
      'info',
      'hint',
      'off',
    ]);
    // Every setting has one type the Settings editor can edit: never `null` (a type list with
    // null can only be edited as JSON), arrays of strings, objects of string values.
    for (const [key, setting] of Object.entries(manifest.contributes.configuration.properties) as [
      string,
      { type: unknown; items?: { type: string }; additionalProperties?: { type: string }; default: unknown },
    ][]) {
      expect([key, typeof setting.type]).toEqual([key, 'string']);
      expect(['boolean', 'string', 'array', 'object']).toContain(setting.type);
      expect(setting.default).not.toBeNull();
      if (setting.type === 'array') expect(setting.items?.type).toBe('string');
      if (setting.type === 'object') expect(setting.additionalProperties?.type).toBe('string');
    }
    // Empty is the default, so a pattern allows it.
    const lang = manifest.contributes.configuration.properties['nuance.lang'];
    expect([new RegExp(lang.pattern).test(''), new RegExp(lang.pattern).test('zh-Hant')]).toEqual([
      true,
      true,
    ]);
    expect(new RegExp(lang.pattern).test('not a tag')).toBe(false);
    // Throws (exit 1) when package.json differs from what the schema generates.
    execFileSync(process.execPath, [path.join(root, 'scripts/generate-settings.mjs'), '--check'], {
      stdio: 'pipe',
    });
  });

  it('has sources that type-check against the VS Code API (esbuild bundles them without checking)', () => {
    const tsc = path.join(root, '../node_modules/.bin/tsc');
    // Throws with the compiler's errors when a type does not check.
    execFileSync(tsc, ['-p', path.join(root, 'tsconfig.json')], { stdio: 'pipe' });
  });

  it('activates on Markdown, plain text and XLIFF and contributes the three commands', () => {
    expect(manifest.activationEvents).toEqual([
      'onLanguage:markdown',
      'onLanguage:plaintext',
      'onLanguage:xml',
      'workspaceContains:**/*.{xlf,xliff}',
    ]);
    expect(manifest.contributes.commands.map((c: { command: string }) => c.command)).toEqual([
      'nuance.fixAllInFile',
      'nuance.explainRuleAtCursor',
      'nuance.restartServer',
    ]);
    expect(manifest.engines.vscode).toBe('^1.91.0');
  });

  it('has an icon, categories, keywords and a user-facing README for the extension page', async () => {
    expect(manifest.icon).toBe('images/icon.png');
    const icon = readFileSync(path.join(root, manifest.icon));
    // A PNG of 128 x 128, as the Marketplace asks, drawn by scripts/make-icon.mjs.
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([128, 128]);
    const { drawIcon } = await import('../scripts/make-icon.mjs');
    expect(Buffer.compare(drawIcon(), icon)).toBe(0);
    expect(manifest.categories).toEqual(['Linters']);
    expect(manifest.keywords).toEqual(
      expect.arrayContaining(['terminology', 'translation', 'chinese', 'korean']),
    );
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    // For users: what it does, the commands and settings; how to build it is in DEVELOPMENT.md.
    expect(readme).not.toMatch(/^## Development/m);
    expect(readme).not.toContain('pnpm');
    for (const key of Object.keys(manifest.contributes.configuration.properties))
      expect(readme).toContain(key);
    // vsce cannot resolve relative links without a repository: only absolute ones.
    expect(readme).not.toMatch(/\]\((?!https?:)/);
    expect(readFileSync(path.join(root, 'DEVELOPMENT.md'), 'utf8')).toContain(
      'pnpm --filter ./extension package',
    );
  });

  it("takes repository, homepage and bugs from the clone's GitHub remote, and invents none", async () => {
    const { repositoryFields } = await import('../scripts/repository.mjs');
    for (const remote of ['https://github.com/acme/nuance.git', 'git@github.com:acme/nuance.git']) {
      expect(repositoryFields(remote)).toEqual({
        repository: { type: 'git', url: 'https://github.com/acme/nuance.git', directory: 'extension' },
        homepage: 'https://github.com/acme/nuance/tree/HEAD/extension#readme',
        bugs: { url: 'https://github.com/acme/nuance/issues' },
      });
    }
    expect(repositoryFields('/srv/git/nuance.git')).toBeUndefined();
    expect(manifest.repository).toBeUndefined();
  });
});
