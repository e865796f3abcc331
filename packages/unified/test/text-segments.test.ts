import { describe, expect, test } from 'vitest';
import { textSegments } from '../src/index.js';
import { proseOf, whereIs } from './helpers.js';

describe('textSegments', () => {
  test('blank-line-separated blocks; a tab-indented Chinese paragraph is prose', () => {
    const source = '\t韩国奉行实用\n\t外交。  \n\n\t第二段   \n   \n\t第三段\n';
    const { segments, directives } = textSegments(source);
    expect(directives).toEqual([]);
    expect(segments.map((segment) => proseOf(segment, source))).toEqual([
      '韩国奉行实用\n\t外交。',
      '第二段',
      '第三段',
    ]);
    expect(whereIs(segments[0]!, source, 0)).toBe('1:2');
    expect(whereIs(segments[0]!, source, 8)).toBe('2:2');
    expect(whereIs(segments[2]!, source, 0)).toBe('6:2');
  });

  test('CRLF and lone CR line endings', () => {
    const source = '实用\r\n外交\r\r第二段';
    const { segments } = textSegments(source);
    expect(segments.map((segment) => proseOf(segment, source))).toEqual(['实用\r\n外交', '第二段']);
    expect(whereIs(segments[0]!, source, 4)).toBe('2:1');
    expect(whereIs(segments[1]!, source, 0)).toBe('4:1');
  });

  test('Markdown syntax in plain text is prose, not markup', () => {
    const source = '    实用外交 `x` **y**';
    expect(textSegments(source).segments.map((segment) => proseOf(segment, source))).toEqual([
      '实用外交 `x` **y**',
    ]);
  });

  test('a directive alone on its line is not prose and ends the block', () => {
    const source = '实用\n  <!-- nuance-disable-next-line korea-china/a -- quoted -->\n外交\n';
    const { segments, directives } = textSegments(source);
    expect(segments.map((segment) => proseOf(segment, source))).toEqual(['实用', '外交']);
    expect(directives).toEqual([
      { kind: 'disable-next-line', rules: ['korea-china/a'], reason: 'quoted', start: 5, end: 62, line: 3 },
    ]);
  });

  test('a directive at the end of a line is left out of the prose; the block goes on', () => {
    const source = '第一行实用 <!-- nuance-disable-line -->\n外交。';
    const { segments, directives } = textSegments(source);
    expect(segments.map((segment) => proseOf(segment, source))).toEqual(['第一行实用\n外交。']);
    expect(whereIs(segments[0]!, source, 5)).toBe('1:35');
    expect(directives).toEqual([{ kind: 'disable-line', rules: [], start: 6, end: 34, line: 1 }]);
  });

  test('an ordinary HTML comment stays prose', () => {
    const source = '实用 <!-- nuance is great -->';
    const { segments, directives } = textSegments(source);
    expect(directives).toEqual([]);
    expect(segments.map((segment) => proseOf(segment, source))).toEqual([source]);
  });
});

describe('plain-text structure', () => {
  const heads = (source: string) =>
    textSegments(source).segments.map((segment) => `${segment.role}${segment.head ? ' (head)' : ''}`);

  test('every block is a paragraph; the first is the head, and the second after a title line', () => {
    expect(heads('Seoul and Beijing\n\nFirst paragraph.\n\nSecond.')).toEqual([
      'paragraph (head)',
      'paragraph (head)',
      'paragraph',
    ]);
    expect(heads('韩中关系的新起点\n\n正文。')).toEqual(['paragraph (head)', 'paragraph (head)']);
  });

  test('not a title: a sentence, two lines, or over 100 characters', () => {
    expect(heads('The talks opened.\n\nSecond.')).toEqual(['paragraph (head)', 'paragraph']);
    expect(heads('会谈开始了。”\n\n第二段')).toEqual(['paragraph (head)', 'paragraph']);
    expect(heads('Seoul\nand Beijing\n\nSecond.')).toEqual(['paragraph (head)', 'paragraph']);
    expect(heads(`${'韩'.repeat(101)}\n\nSecond.`)).toEqual(['paragraph (head)', 'paragraph']);
    expect(heads(`${'韩'.repeat(100)}\n\nSecond.`)).toEqual(['paragraph (head)', 'paragraph (head)']);
  });
});
