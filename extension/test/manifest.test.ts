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
    // Throws (exit 1) when package.json differs from what the schema generates.
    execFileSync(process.execPath, [path.join(root, 'scripts/generate-settings.mjs'), '--check'], {
      stdio: 'pipe',
    });
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
});
