import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './helpers.js';

describe('nuance rules test', () => {
  it('passes every example of the built-in packs', async () => {
    const result = await run(['rules', 'test'], FIXTURES);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^[1-9]\d* examples passed, 0 failed\n$/);
    expect(result.code).toBe(0);
  });

  it('passes a pack file whose examples hold, saying it has no locale files', async () => {
    const result = await run(['rules', 'test', 'examples-ok.yaml'], FIXTURES);
    expect(result.stdout).toMatch(
      /^ℹ good: no locale files \(`locales`\), so its texts are English in zh-Hans, zh-Hant, ko\n\d+ examples passed, 0 failed\n$/,
    );
    expect(result.code).toBe(0);
  });

  it('reports the texts each locale lacks (shown in English) without failing', async () => {
    const result = await run(['rules', 'test', 'examples-translated.yaml'], FIXTURES);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter((l) => l.startsWith('ℹ'))).toEqual([
      'ℹ translated/utilitarian  no zh-Hans text for message, note (English is shown)',
      'ℹ translated/utilitarian  no zh-Hant text for message, note (English is shown)',
      'ℹ translated/utilitarian  no ko text for note (English is shown)',
    ]);
    expect(result.code).toBe(0);
  });

  it('prints each failure with its rule id and variant, then exits 1', async () => {
    const result = await run(['rules', 'test', 'examples-bad.yaml'], FIXTURES);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    const failures = lines.filter((l) => l.startsWith('✖ '));
    // Both the valid and the invalid example fail, in each of their variants.
    expect(failures.some((l) => l.startsWith('✖ bad/utilitarian  valid example ('))).toBe(true);
    expect(failures.some((l) => l.startsWith('✖ bad/utilitarian  invalid example ('))).toBe(true);
    expect(lines.at(-1)).toMatch(new RegExp(`^\\d+ examples? passed, ${failures.length} failed$`));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('exits 2 for a pack that cannot be read', async () => {
    const result = await run(['rules', 'test', 'no-such-pack.yaml'], FIXTURES);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^no-such-pack\.yaml:1:1 {2}error {2}Cannot read pack .* {2}pack\/unreadable-pack\n$/,
    );
  });

  it('exits 2 for a usage error', async () => {
    const result = await run(['rules', 'frob'], FIXTURES);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command `rules frob`');
  });
});
