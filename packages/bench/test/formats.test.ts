// The vocabulary conversions: every tool gets the same strings, and nuance's pack loads cleanly.
import { compilePacks, lintSegments, parsePack } from '@nuance/core';
import { textSegments } from '@nuance/unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  escapePhrase,
  grepPatterns,
  nuanceConfig,
  nuancePack,
  parseTsv,
  prhYaml,
  textlintConfig,
  wordList,
} from '../src/formats.js';
import { parseOptions } from '../src/options.js';
import { markdownTable } from '../src/report.js';
import { median, percentile } from '../src/stats.js';
import { UNMATCHABLE, unmatchedBeyond } from '../src/vocabulary.js';

const TSV = [
  '# lang\tpattern\texpected',
  'zh\t实用外交\t务实外交',
  'ko\t전략적 동반자\t전략적 협력 동반자',
  'en\tSouth Korea\tRepublic of Korea',
  'en\tC{x}|y [z]\tC-x',
  '',
].join('\n');

describe('vocabulary formats', () => {
  const terms = parseTsv(TSV);

  it('reads the TSV rows, skipping comments and blank lines', () => {
    expect(terms).toEqual([
      { lang: 'zh', pattern: '实用外交', expected: '务实外交' },
      { lang: 'ko', pattern: '전략적 동반자', expected: '전략적 협력 동반자' },
      { lang: 'en', pattern: 'South Korea', expected: 'Republic of Korea' },
      { lang: 'en', pattern: 'C{x}|y [z]', expected: 'C-x' },
    ]);
    expect(() => parseTsv('zh\t实用外交\n')).toThrow(/lacks a column/);
  });

  it('writes a pack nuance loads without problems, one term rule per row', () => {
    const { pack, problems } = parsePack(nuancePack(terms), 'bench.yaml');
    expect(problems).toEqual([]);
    const { ruleSet } = compilePacks([pack!]);
    expect(ruleSet.rules.map((r) => r.id)).toEqual(['bench/t1', 'bench/t2', 'bench/t3', 'bench/t4']);
    const text = '韩国奉行实用外交。\n\nSouth Korea and C{x}|y [z] met.\n';
    const findings = lintSegments({ text, segments: textSegments(text).segments }, ruleSet);
    expect(findings.map((f) => [f.ruleId, f.actual, f.expected])).toEqual([
      ['bench/t1', '实用外交', ['务实外交']],
      ['bench/t3', 'South Korea', ['Republic of Korea']],
      ['bench/t4', 'C{x}|y [z]', ['C-x']],
    ]);
    expect(escapePhrase('a[b]{c|d}\\')).toBe('a\\[b\\]\\{c\\|d\\}\\\\');
    expect(nuanceConfig('./pack.yaml')).toBe('packs: ["./pack.yaml"]\n');
  });

  it('writes a prh dictionary with the same patterns, word boundaries for English only', () => {
    const prh = parseYaml(prhYaml(terms)) as { version: number; rules: Record<string, unknown>[] };
    expect(prh.version).toBe(1);
    expect(prh.rules).toEqual([
      { expected: '务实外交', pattern: '实用外交' },
      { expected: '전략적 협력 동반자', pattern: '전략적 동반자' },
      { expected: 'Republic of Korea', pattern: 'South Korea', options: { wordBoundary: true } },
      { expected: 'C-x', pattern: 'C{x}|y [z]', options: { wordBoundary: true } },
    ]);
    expect(JSON.parse(textlintConfig('/cache/prh.yml'))).toEqual({
      rules: { prh: { rulePaths: ['/cache/prh.yml'] } },
    });
  });

  it('makes every term but the seed unmatchable, keeping their number and their prefixes', () => {
    const seed = terms.slice(0, 2);
    const unmatched = unmatchedBeyond(terms, seed);
    expect(unmatched.map((t) => [t.pattern, t.expected])).toEqual([
      ['实用外交', '务实外交'],
      ['전략적 동반자', '전략적 협력 동반자'],
      [`South Korea${UNMATCHABLE}`, `Republic of Korea${UNMATCHABLE}`],
      [`C{x}|y [z]${UNMATCHABLE}`, `C-x${UNMATCHABLE}`],
    ]);
    // A seed term is known by its language and form, wherever the list has it.
    expect(unmatchedBeyond([...terms].reverse(), seed).map((t) => t.pattern)).toEqual(
      unmatched.map((t) => t.pattern).reverse(),
    );
    const { pack, problems } = parsePack(nuancePack(unmatched), 'bench.yaml');
    expect(problems).toEqual([]);
    const { ruleSet } = compilePacks([pack!]);
    expect(ruleSet.rules).toHaveLength(4);
    // The text holds every discouraged form: only the seed's give findings.
    const text = '韩国奉行实用外交。\n\n전략적 동반자 관계를\n\nSouth Korea and C{x}|y [z] met.\n';
    const findings = lintSegments({ text, segments: textSegments(text).segments }, ruleSet);
    expect(findings.map((f) => [f.ruleId, f.actual])).toEqual([
      ['bench/t1', '实用外交'],
      ['bench/t2', '전략적 동반자'],
    ]);
  });

  it('writes the word list and the grep patterns, one per line and no blank one', () => {
    const lines = ['实用外交', '전략적 동반자', 'South Korea', 'C{x}|y [z]'];
    expect(wordList(terms)).toBe(`${lines.join('\n')}\n`);
    expect(grepPatterns([...terms, ...terms])).toBe(`${lines.join('\n')}\n`);
  });
});

describe('options, statistics and tables', () => {
  it('defaults to the issue figures, and --quick shrinks them', () => {
    const full = parseOptions([])!;
    expect([full.sizeMb, full.runs, full.vocabularies, full.suites]).toEqual([
      10,
      3,
      ['24', 'korea-china', '10000'],
      // Not `instructions`: it needs valgrind and minutes.
      ['table', 'engine', 'one-path', 'small-file', 'server'],
    ]);
    expect(parseOptions(['--suites', 'instructions,table'])!.suites).toEqual(['instructions', 'table']);
    expect(parseOptions(['--vocab', '24, 10000-unmatched'])!.vocabularies).toEqual(['24', '10000-unmatched']);
    const quick = parseOptions(['--', '--quick', '--json'])!;
    expect([quick.sizeMb, quick.runs, quick.vocabularies, quick.out]).toEqual([
      1,
      1,
      ['24', 'korea-china'],
      undefined,
    ]);
    expect(parseOptions(['--help'])).toBeUndefined();
  });

  it('rejects a bad value with what it expected', () => {
    expect(() => parseOptions(['--runs', '0'])).toThrow(
      'Unexpected value `0` for `--runs`, expected a positive integer',
    );
    expect(() => parseOptions(['--tools', 'vale'])).toThrow(
      /Unexpected value `vale` for `--tools`, expected one of nuance,/,
    );
    expect(() => parseOptions(['--vocab', 'big'])).toThrow(
      /`--vocab`, expected a number of terms, N-unmatched or korea-china/,
    );
  });

  it('takes medians and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 50)).toBe(5);
  });

  it('writes a Markdown table with a separator row and escaped pipes', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});
