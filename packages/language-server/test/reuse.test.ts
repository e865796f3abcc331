import type { Finding } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { reuseDiagnostics, sameDiagnostic } from '../src/reuse.js';

/** A finding of `actual` at `start` on `line`:`column`, with a suggestion over its first unit. */
function finding(actual: string, start: number, line: number, column: number): Finding {
  return {
    ruleId: 't/rule',
    severity: 'warning',
    message: `Not \`${actual}\``,
    start,
    end: start + actual.length,
    line,
    column,
    endLine: line,
    endColumn: column + actual.length,
    actual,
    expected: ['x'],
    suggestions: [{ start, end: start + 1, text: 'x' }],
    context: [{ set: 'korea', via: 'mention', text: 'Seoul', start: 0, end: 5, line: 1, column: 1 }],
  };
}

/** What the server makes of a finding, tagged so that a test can tell made from reused. */
function make(text: string, tag: string) {
  return (f: Finding): Diagnostic =>
    ({
      range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: 0, character: 0 } },
      message: `${tag} ${f.actual}`,
      data: {
        nuance: 1,
        actual: f.actual,
        suggestions: (f.suggestions ?? []).map((s) => ({
          from: s.start - f.start,
          length: s.end - s.start,
          old: text.slice(s.start, s.end),
          text: s.text,
        })),
      },
    }) as Diagnostic;
}

const config = {};

describe('reuseDiagnostics', () => {
  // Seoul... `aa` on line 2, `bb` on line 3, `cc` on line 4.
  const text = 'Seoul\naa\nbb\ncc\n';
  const findings = [finding('aa', 6, 2, 1), finding('bb', 9, 3, 1), finding('cc', 12, 4, 1)];
  const first = reuseDiagnostics(undefined, config, findings, text, make(text, 'first'));
  const published = { config, findings, diagnostics: first };

  it('gives back the same diagnostics when only offsets moved (a letter typed on line 1)', () => {
    const typed = 'Seoul!\naa\nbb\ncc\n';
    const moved = [finding('aa', 7, 2, 1), finding('bb', 10, 3, 1), finding('cc', 13, 4, 1)];
    expect(reuseDiagnostics(published, config, moved, typed, make(typed, 'again'))).toBe(first);
  });

  it('makes again the ones whose column moved, and keeps the others', () => {
    const typed = 'Seoul\naa\n!bb\ncc\n';
    const moved = [finding('aa', 6, 2, 1), finding('bb', 10, 3, 2), finding('cc', 13, 4, 1)];
    const out = reuseDiagnostics(published, config, moved, typed, make(typed, 'again'));
    expect(out.map((d) => d.message)).toEqual(['first aa', 'again bb', 'first cc']);
    expect(out[0]).toBe(first[0]);
    expect(out[2]).toBe(first[2]);
  });

  it('keeps the ones before and after a finding that came or went', () => {
    const added = [findings[0]!, finding('zz', 11, 3, 3), findings[1]!, findings[2]!];
    const out = reuseDiagnostics(published, config, added, text, make(text, 'again'));
    expect(out.map((d) => d.message)).toEqual(['first aa', 'again zz', 'first bb', 'first cc']);
    const gone = reuseDiagnostics(published, config, [findings[0]!, findings[2]!], text, make(text, 'again'));
    expect(gone).toEqual([first[0], first[2]]);
  });

  it('makes again a diagnostic whose suggestion now replaces other text', () => {
    const typed = 'Seoul\nab\nbb\ncc\n';
    const out = reuseDiagnostics(published, config, findings, typed, make(typed, 'again'));
    expect(out.map((d) => d.message)).toEqual(['first aa', 'first bb', 'first cc']);
    const under = 'Seoul\nxa\nbb\ncc\n';
    const changed = reuseDiagnostics(published, config, findings, under, make(under, 'again'));
    expect(changed.map((d) => d.message)).toEqual(['again aa', 'first bb', 'first cc']);
  });

  it('makes every one again when the licence, the message or the config changed', () => {
    const relicensed = findings.map((f) => ({ ...f, context: [{ ...f.context![0]!, line: 2 }] }));
    expect(
      reuseDiagnostics(published, config, relicensed, text, make(text, 'again')).map((d) => d.message),
    ).toEqual(['again aa', 'again bb', 'again cc']);
    const reworded = findings.map((f) => ({ ...f, message: 'Other' }));
    expect(reuseDiagnostics(published, config, reworded, text, make(text, 'again'))[1]?.message).toBe(
      'again bb',
    );
    const read = findings.map((f, i) => (i === 2 ? { ...f, audiences: { zh: 'economic' } } : f));
    expect(
      reuseDiagnostics(published, config, read, text, make(text, 'again')).map((d) => d.message),
    ).toEqual(['first aa', 'first bb', 'again cc']);
    expect(reuseDiagnostics(published, {}, findings, text, make(text, 'again'))[0]?.message).toBe('again aa');
  });
});

describe('sameDiagnostic', () => {
  // Every field (Required: a field added to Finding must be added here), each changed in turn.
  const full: Required<Finding> = {
    ruleId: 't/rule',
    severity: 'warning',
    message: 'Not `aa`',
    start: 6,
    end: 8,
    line: 2,
    column: 1,
    endLine: 2,
    endColumn: 3,
    actual: 'aa',
    expected: ['x'],
    suggestions: [{ start: 6, end: 7, text: 'x' }],
    fix: { start: 6, end: 7, text: 'x' },
    note: 'A note',
    url: 'https://example.org/rule',
    audiences: { zh: 'economic' },
    locale: 'en',
    context: [{ set: 'korea', via: 'mention', text: 'Seoul', start: 0, end: 5, line: 1, column: 1 }],
    source: { text: '源', start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 },
  };
  const text = 'Seoul\naa\n';
  const diagnostic = make(text, 'first')(full);
  const changed: { [K in keyof Finding]-?: Finding[K] } = {
    ruleId: 't/other',
    severity: 'error',
    message: 'Other',
    start: 0,
    end: 9,
    line: 3,
    column: 2,
    endLine: 3,
    endColumn: 4,
    actual: 'ab',
    expected: ['y'],
    suggestions: [{ start: 6, end: 7, text: 'y' }],
    fix: { start: 6, end: 8, text: 'x' },
    note: 'Another note',
    url: 'https://example.org/other',
    audiences: { ko: 'security' },
    locale: 'ko',
    context: [{ set: 'china', via: 'mention', text: 'Seoul', start: 0, end: 5, line: 1, column: 1 }],
    source: { text: '源', start: 0, end: 1, line: 2, column: 1, endLine: 2, endColumn: 2 },
  };

  it('is true for the same finding moved, and false when any field but the offsets changes', () => {
    const moved = { ...full, start: 9, end: 11, suggestions: [{ start: 9, end: 10, text: 'x' }] };
    expect(
      sameDiagnostic(full, { ...moved, fix: { start: 9, end: 10, text: 'x' } }, diagnostic, 'Seoul\n\n\naa'),
    ).toBe(true);
    for (const key of Object.keys(full) as (keyof Finding)[]) {
      // `start` alone changes the length of the span (and moves the edits against it).
      expect({ key, same: sameDiagnostic(full, { ...full, [key]: changed[key] }, diagnostic, text) }).toEqual(
        {
          key,
          same: false,
        },
      );
    }
  });
});
