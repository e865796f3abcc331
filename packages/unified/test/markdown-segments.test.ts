import { describe, expect, test } from 'vitest';
import { parseMarkdown, segmentsOf } from '../src/index.js';
import { proseOf, structureOf, whereIs } from './helpers.js';

function segments(source: string) {
  return segmentsOf(parseMarkdown(source), source);
}

interface Case {
  name: string;
  source: string;
  /** The prose of every segment, in order (U+FFFC for a separator). */
  prose: string[];
  /** [segment index, prose index, `line:column` or `line:column-line:column` of its source]. */
  at?: Array<[number, number, string]>;
}

const cases: Case[] = [
  {
    name: 'blockquote: `> ` prefixes on continuation lines are left out, the line break stays',
    source: '> 韩国奉行实用\n> 外交。\n',
    prose: ['韩国奉行实用\n外交。'],
    at: [
      [0, 0, '1:3'],
      [0, 6, '1:9'],
      [0, 7, '2:3'],
    ],
  },
  {
    name: 'list item: continuation indentation is left out',
    source: '- 韩国奉行实用\n  外交。\n',
    prose: ['韩国奉行实用\n外交。'],
    at: [
      [0, 0, '1:3'],
      [0, 7, '2:3'],
    ],
  },
  {
    name: 'list inside a blockquote',
    source: '> - 实用\n>   外交\n',
    prose: ['实用\n外交'],
    at: [[0, 3, '2:5']],
  },
  {
    name: 'ordered list item with a nested blockquote',
    source: '1. one\n   two\n\n   > q1\n   > q2\n',
    prose: ['one\ntwo', 'q1\nq2'],
    at: [
      [0, 4, '2:4'],
      [1, 3, '5:6'],
    ],
  },
  {
    name: 'CRLF: the line ending is one prose line break',
    source: '> 实用\r\n> 外交\r\n',
    prose: ['实用\r\n外交'],
    at: [
      [0, 2, '1:5'],
      [0, 4, '2:3'],
    ],
  },
  {
    name: 'escape: `\\*` is `*` over both units',
    source: '实用\\*外交',
    prose: ['实用*外交'],
    at: [
      [0, 2, '1:3-1:5'],
      [0, 3, '1:5'],
    ],
  },
  {
    name: 'character references: decoded text over the whole reference',
    source: '实&#29992;外交 &amp; x &#x1F600; &foo;',
    prose: ['实用外交 & x 😀 &foo;'],
    at: [
      [0, 1, '1:2-1:10'],
      [0, 2, '1:10'],
      [0, 5, '1:13-1:18'],
      [0, 9, '1:21-1:30'],
      [0, 12, '1:31'],
    ],
  },
  {
    name: 'named references decode by the entity table, whatever follows them',
    source: '&fjlig;j &eacute;e &ngE;x',
    prose: ['fjj ée ≧̸x'],
    at: [
      [0, 1, '1:1-1:8'],
      [0, 2, '1:8'],
      [0, 4, '1:10-1:18'],
      [0, 5, '1:18'],
      [0, 8, '1:20-1:25'],
      [0, 9, '1:25'],
    ],
  },
  {
    name: 'YAML front matter is a context segment: its content lines, not the fences',
    source: '---\ntitle: 实用外交\n---\n\n正文\n',
    prose: ['title: 实用外交', '正文'],
    at: [
      [0, 0, '2:1'],
      [1, 0, '5:1'],
    ],
  },
  {
    name: 'TOML front matter is a context segment too',
    source: '+++\r\ntitle = "实用外交"\r\nlang = "zh"\r\n+++  \r\n正文\n',
    prose: ['title = "实用外交"\r\nlang = "zh"', '正文'],
  },
  {
    name: 'table: one segment per cell; an escaped pipe is prose',
    source: '| 国家 | 路线 \\| 方针 |\n|---|---|\n| 韩国 | 实用外交 |\n',
    prose: ['国家', '路线 | 方针', '韩国', '实用外交'],
    at: [
      [1, 3, '1:11-1:13'],
      [3, 0, '3:8'],
    ],
  },
  {
    name: 'GFM autolink literal followed by Chinese: the prose starts at 实',
    source: '见 https://example.cn实用外交。',
    prose: ['见 \uFFFC实用外交。'],
    at: [
      [0, 2, '1:3-1:21'],
      [0, 3, '1:21'],
    ],
  },
  {
    name: 'www autolink literal cut at full-width punctuation',
    source: 'www.example.com，实用',
    prose: ['\uFFFC，实用'],
    at: [[0, 1, '1:16']],
  },
  {
    name: '<autolink> is a separator',
    source: '实用<https://x.org>外交',
    prose: ['实用\uFFFC外交'],
    at: [[0, 2, '1:3-1:18']],
  },
  {
    name: 'a term across emphasis and strong is one run of prose',
    source: '韩国奉行**实用**外交，*务实*外交。',
    prose: ['韩国奉行实用外交，务实外交。'],
    at: [
      [0, 4, '1:7'],
      [0, 6, '1:11'],
      [0, 9, '1:15'],
    ],
  },
  {
    name: "a term across a link's text; the URL and title are not prose",
    source: '[strategic *cooperative*\npartnership](https://x.org "the title") ends',
    prose: ['strategic cooperative\npartnership ends'],
    at: [
      [0, 0, '1:2'],
      [0, 10, '1:13'],
      [0, 22, '2:1'],
      [0, 34, '2:41'],
    ],
  },
  {
    name: 'a term across a soft line break',
    source: '韩国奉行实用\n外交。',
    prose: ['韩国奉行实用\n外交。'],
    at: [
      [0, 6, '1:7'],
      [0, 7, '2:1'],
    ],
  },
  {
    name: 'inline code is a separator, never prose',
    source: '实用`外交`外交',
    prose: ['实用\uFFFC外交'],
    at: [
      [0, 2, '1:3-1:7'],
      [0, 3, '1:7'],
    ],
  },
  {
    name: 'images and footnote references are separators; the footnote text is prose',
    source: '实用![外交](a.png)外交[^1]\n\n[^1]: 注释\n',
    prose: ['实用\uFFFC外交\uFFFC', '注释'],
    at: [[1, 0, '3:7']],
  },
  {
    name: 'inline HTML tags and comments are transparent',
    source: '实用<b>外</b><!-- note -->交',
    prose: ['实用外交'],
    at: [[0, 3, '1:24']],
  },
  {
    name: 'hard breaks (two spaces, backslash) are a line break',
    source: '实用  \n外交\\\n政策',
    prose: ['实用\n外交\n政策'],
    at: [
      [0, 2, '1:5'],
      [0, 5, '2:4'],
      [0, 6, '3:1'],
    ],
  },
  {
    name: 'headings (ATX and setext) are segments',
    source: '# 实用外交 #\n\n务实\n外交\n===\n',
    prose: ['实用外交', '务实\n外交'],
    at: [[1, 3, '4:1']],
  },
  {
    name: 'code blocks, indented code, HTML blocks and definitions are never prose',
    source:
      '```\n实用外交\n```\n\n    实用外交\n\n<div>\n实用外交\n</div>\n\n[x]: https://x.org "实用外交"\n',
    prose: [],
  },
];

describe('segmentsOf', () => {
  test.each(cases)('$name', ({ source, prose, at }) => {
    const result = segments(source);
    expect(result.map((segment) => proseOf(segment, source))).toEqual(prose);
    for (const [segment, index, where] of at ?? []) {
      expect(whereIs(result[segment]!, source, index)).toBe(where);
    }
  });

  test('every plain piece is an exact slice of the source', () => {
    const source = '> 韩国**奉行**实用\n> 外交 `x` [链接](u)\n\n- 实&#29992;\n  外交\n';
    for (const segment of segments(source)) {
      for (const piece of segment.pieces) {
        expect(piece.start).toBeLessThan(piece.end);
        if (piece.text === undefined && !piece.separator)
          expect(source.slice(piece.start, piece.end)).not.toMatch(/[*`[\]>]/);
      }
    }
  });
});

describe('document structure', () => {
  const structure = (source: string) => structureOf(segments(source), source);

  test('roles, the head, the nearest heading, list lead-ins and table rows', () => {
    const source = [
      '---\ntopic: [korea, china]\n---',
      '# Seoul and Beijing',
      'The summit opened with 韩国.',
      '## Trade',
      'Intro:',
      '- item one\n- item two\n  - nested',
      '| 国家 | 路线 |\n|---|---|\n| 韩国 | 实用外交 |',
      '### Sub',
      '> Quoted.',
      '## Security',
      'Last.',
    ].join('\n\n');
    expect(structure(source)).toEqual([
      'context (head): topic: [korea, china]',
      'heading (head): Seoul and Beijing',
      'paragraph (head): The summit opened with 韩国. <- Seoul and Beijing',
      'heading: Trade <- Seoul and Beijing',
      'paragraph: Intro: <- Trade',
      'paragraph: item one <- Trade | Intro:',
      'paragraph: item two <- Trade | Intro:',
      'paragraph: nested <- Trade | item two',
      'cell: 国家 <- Trade | 路线',
      'cell: 路线 <- Trade | 国家',
      'cell: 韩国 <- Trade | 国家 | 路线 | 实用外交',
      'cell: 实用外交 <- Trade | 国家 | 路线 | 韩国',
      'heading: Sub <- Trade',
      'paragraph: Quoted. <- Sub',
      'heading: Security <- Seoul and Beijing',
      'paragraph: Last. <- Security',
    ]);
  });

  test('no title when the document does not start with a heading; a heading after a paragraph is context', () => {
    expect(structure('Opening.\n\n# Later\n\nBody.\n\n## Deeper\n\nMore.')).toEqual([
      'paragraph (head): Opening.',
      'heading: Later',
      'paragraph: Body. <- Later',
      'heading: Deeper <- Later',
      'paragraph: More. <- Deeper',
    ]);
  });

  test('a heading right after the title is not head; the first paragraph is, wherever it is; a header cell has its row', () => {
    expect(structure('# Title\n\n## Summary\n\n| a |\n|---|\n| b |\n\n- First.\n\nSecond.')).toEqual([
      'heading (head): Title',
      'heading: Summary <- Title',
      'cell: a <- Summary',
      'cell: b <- Summary | a',
      'paragraph (head): First. <- Summary',
      'paragraph: Second. <- Summary',
    ]);
  });

  test('a lead-in is the paragraph right before the list, over blank lines, for every item of that list', () => {
    expect(structure('Lead:\n\n- a\n\n- b\n\n  more of b\n\n* other list\n\nPara\n    code\n\n- c')).toEqual([
      'paragraph (head): Lead:',
      'paragraph: a <- Lead:',
      'paragraph: b <- Lead:',
      'paragraph: more of b <- Lead:',
      'paragraph: other list',
      'paragraph: Para\ncode',
      'paragraph: c <- Para\ncode',
    ]);
    // A code block or a heading between them: no lead-in.
    expect(structure('Lead:\n\n```\nx\n```\n\n- a\n\n## H\n- b')).toEqual([
      'paragraph (head): Lead:',
      'paragraph: a',
      'heading: H',
      'paragraph: b <- H',
    ]);
  });

  test('a list inside a block quote has its lead-in there; a blank line ends the quote', () => {
    expect(structure('> Lead:\n> 1. one\n> 2. two\n\n> - not led')).toEqual([
      'paragraph (head): Lead:',
      'paragraph: one <- Lead:',
      'paragraph: two <- Lead:',
      'paragraph: not led',
    ]);
  });

  test('front matter can be left out; empty front matter gives no segment', () => {
    const source = '---\na: 1\n---\n# T';
    expect(structureOf(segmentsOf(parseMarkdown(source), source, { frontMatter: false }), source)).toEqual([
      'heading (head): T',
    ]);
    expect(structure('---\n---\nText.')).toEqual(['paragraph (head): Text.']);
  });
});
