import { describe, expect, it } from 'vitest';
import { isToolRule, TOOL_RULES, toolFinding, toolRule } from '../src/index.js';

describe('the tool rules', () => {
  it('lists every finding nuance makes about a run, once, with its severity', () => {
    expect(TOOL_RULES.map((rule) => `${rule.id} ${rule.severity}`)).toEqual([
      'nuance/unreadable-file error',
      'nuance/file-ignored info',
      'nuance/fix-not-applied error',
      'nuance/unknown-rule-in-directive warning',
      'nuance/markdown-too-deep warning',
      'nuance/internal-error error',
      'nuance/broken-unit error',
    ]);
    for (const rule of TOOL_RULES) {
      expect(rule.description).toMatch(/^[A-Z].*\.$/);
      expect(rule.help).toMatch(/^[A-Z].*\.$/s);
    }
  });

  it('tells tool rules from pack rules by the registry, not by the `nuance/` prefix', () => {
    expect(isToolRule('nuance/fix-not-applied')).toBe(true);
    expect(isToolRule('nuance/no-such-rule')).toBe(false);
    expect(isToolRule('korea-china/wushi-not-shiyong')).toBe(false);
    expect(toolRule('nuance/file-ignored')?.severity).toBe('info');
    expect(toolRule('korea-china/wushi-not-shiyong')).toBeUndefined();
  });

  it('makes findings with the rule severity: about the file at 1:1, or at a place', () => {
    expect(toolFinding('nuance/file-ignored', 'File ignored')).toEqual({
      ruleId: 'nuance/file-ignored',
      severity: 'info',
      message: 'File ignored',
      start: 0,
      end: 0,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      actual: '',
      expected: [],
    });
    const place = { start: 12, end: 19, line: 2, column: 3, endLine: 2, endColumn: 10, actual: 'x/nope' };
    expect(toolFinding('nuance/unknown-rule-in-directive', 'Unknown rule', place)).toEqual({
      ruleId: 'nuance/unknown-rule-in-directive',
      severity: 'warning',
      message: 'Unknown rule',
      ...place,
      expected: [],
    });
  });
});
