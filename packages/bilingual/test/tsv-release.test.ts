import { compilePacks, type Finding, parsePack } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import {
  alignSegments,
  lintBilingualFile,
  lintReleaseTarget,
  readParallelTsv,
  releaseSetMembers,
  releaseSetSource,
} from '../src/index.js';
import { koreaChina, places } from './helpers.js';

describe('parallel TSV', () => {
  const tsv = [
    'id\tdoc_id\ten\tzh_CN\tko',
    '1\td1\tThe THAAD issue was discussed.\t双方讨论了问题。\t사드 문제를 논의했다.',
    '2\td1\tThe budget is 300 million dollars.\t预算为3亿美元。\t예산은 3억 달러이다.',
    '',
  ].join('\r\n');

  it('takes the language columns, Korean as the source, each row a unit', () => {
    const file = readParallelTsv(tsv);
    expect(file?.sides.map((s) => s.lang)).toEqual(['ko', 'en', 'zh-CN']);
    expect(file?.pairs.map((p) => [p.source, p.target, p.units.length])).toEqual([
      [0, 1, 2],
      [0, 2, 2],
    ]);
    expect(readParallelTsv(tsv, 'en')?.sides.map((s) => s.lang)).toEqual(['en', 'zh-CN', 'ko']);
    expect(readParallelTsv('id\ttext\n1\thello\n')).toBeUndefined();
  });

  it('checks every target column against the source column, with positions in the file', () => {
    const findings = lintBilingualFile(readParallelTsv(tsv)!, { ruleSet: koreaChina() });
    expect(places(findings)).toEqual(['2:37-2:45 korea-china/thaad missing-term 双方讨论了问题。']);
    expect(findings[0]?.source).toMatchObject({ term: '사드', lang: 'ko', line: 2, column: 46 });
  });
});

describe('release sets', () => {
  const folder = ['/d/statement.ko.md', '/d/statement.zh.md', '/d/statement.en.md', '/d/other.zh.md'];

  it('pairs files by stem: Korean is the source, else English, else the configured language', () => {
    expect(releaseSetSource('/d/statement.zh.md', folder)).toBe('/d/statement.ko.md');
    expect(releaseSetSource('/d/statement.en.md', folder)).toBe('/d/statement.ko.md');
    expect(releaseSetSource('/d/statement.ko.md', folder)).toBeUndefined();
    expect(releaseSetSource('/d/other.zh.md', folder)).toBeUndefined();
    expect(releaseSetSource('/d/statement.zh.md', folder.slice(1))).toBe('/d/statement.en.md');
    expect(releaseSetSource('/d/statement.ko.md', folder, 'en')).toBe('/d/statement.en.md');
  });

  it("gives a file's set among a folder's files, reading a listing once for all its files", () => {
    expect(releaseSetMembers('/d/statement.zh.md', folder)).toEqual([
      { path: '/d/statement.ko.md', lang: 'ko' },
      { path: '/d/statement.en.md', lang: 'en' },
    ]);
    expect(releaseSetMembers('/d/other.zh.md', folder)).toEqual([]);
    expect(releaseSetMembers('/d/notes.md', folder)).toEqual([]);
    // An archive of release sets: each file's source is found without the whole listing read
    // again (a CLI run over 1,000 sets read it 3,000 times; so did every keystroke in the editor).
    const names = Array.from({ length: 300 }, (_, i) =>
      ['ko', 'zh', 'en'].map((lang) => `/a/r${String(i).padStart(3, '0')}.${lang}.md`),
    ).flat();
    let reads = 0;
    const archive = new Proxy(names, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/u.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    for (const file of names) {
      const lang = file.slice(-5, -3);
      expect(releaseSetSource(file, archive)).toBe(lang === 'ko' ? undefined : `${file.slice(0, -5)}ko.md`);
    }
    expect(reads).toBe(names.length);
  });

  it('aligns paragraphs when the structures match, else takes the whole document as one unit', () => {
    const p = (role?: 'heading') => ({ pieces: [], ...(role ? { role } : {}) });
    expect(alignSegments([p('heading'), p(), p()], [p('heading'), p(), p()])).toEqual([
      { source: [0], target: [0] },
      { source: [1], target: [1] },
      { source: [2], target: [2] },
    ]);
    expect(alignSegments([p('heading'), p(), p()], [p('heading'), p()])).toEqual([
      { source: [0, 1, 2], target: [0, 1] },
    ]);
  });

  const ko = '# 성명\n\n양국은 한반도 비핵화를 지지한다.\n\n이재명 정부는 실용외교를 추구한다.\n';

  it('checks a Chinese translation paragraph by paragraph', () => {
    const zh = '# 声明\n\n两国支持朝鲜无核化。\n\n李在明政府奉行实用外交。\n';
    const findings = lintReleaseTarget(
      { path: 'statement.zh.md', text: zh },
      { path: 'statement.ko.md', text: ko, shown: 'statement.ko.md' },
      { ruleSet: koreaChina() },
    );
    expect(places(findings)).toEqual([
      '3:5-3:10 korea-china/denuclearization-scope shifted-concept 朝鲜无核化',
      '5:8-5:12 korea-china/wushi-not-shiyong 实用外交',
    ]);
    expect(findings[1]?.source).toMatchObject({ path: 'statement.ko.md', line: 5, column: 1, lang: 'ko' });
  });

  it('checks an English translation with another structure as one unit', () => {
    const en =
      '# Statement\n\nBoth support the denuclearization of the Korean Peninsula, and the government pursues pragmatic diplomacy.\n';
    const findings = lintReleaseTarget(
      { path: 'statement.en.md', text: en },
      { path: 'statement.ko.md', text: ko, shown: 'statement.ko.md' },
      { ruleSet: koreaChina() },
    );
    expect(findings).toEqual([]);
    const missing = lintReleaseTarget(
      { path: 'statement.en.md', text: '# Statement\n\nBoth support denuclearization.\n' },
      { path: 'statement.ko.md', text: ko, shown: 'statement.ko.md' },
      { ruleSet: koreaChina() },
    );
    expect(places(missing)).toEqual([
      '1:3-3:31 korea-china/peninsula-denuclearization missing-term Statement Both support denuclearization.',
      '1:3-3:31 korea-china/wushi-not-shiyong missing-term Statement Both support denuclearization.',
    ]);
  });
});

describe('release sets linted again at each edit', () => {
  const ko =
    '# 성명\n\n양국은 한반도 비핵화를 지지한다.\n\n예산은 3억 달러이다.\n\n이재명 정부는 실용외교를 추구한다.\n';
  const edits = [
    '# 声明\n\n两国支持半岛无核化。\n\n预算为3亿美元。\n\n李在明政府奉行务实外交。\n',
    '# 声明\n\n两国支持无核化。\n\n预算为3亿美元。\n\n李在明政府奉行务实外交。\n',
    '# 声明\n\n两国支持无核化。\n\n预算为4亿美元。\n\n李在明政府奉行实用外交。\n',
    '# 声明\n\n两国支持无核化。预算为4亿美元。\n\n李在明政府奉行实用外交。\n',
    '---\ntopic: [korea]\n---\n\n# 声明\n\n<!-- nuance-disable-next-line korea-china/numbers -->\n两国支持无核化。预算为4亿美元。\n\n李在明政府奉行实用外交。\n',
  ];

  it('gives after every edit what a first lint of the same texts gives', () => {
    edits.forEach((zh, k) => {
      const again = lintReleaseTarget(
        { path: '/d/edited.zh.md', text: zh },
        { path: '/d/edited.ko.md', text: ko, shown: 'edited.ko.md' },
        { ruleSet: koreaChina() },
      );
      const first = lintReleaseTarget(
        { path: `/d/fresh-${k}.zh.md`, text: zh },
        { path: `/d/fresh-${k}.ko.md`, text: ko, shown: 'edited.ko.md' },
        { ruleSet: koreaChina() },
      );
      expect(again, zh).toEqual(first);
    });
    // The source edited under an unchanged translation: its mentions and numbers are read again.
    const zh = edits[1]!;
    for (const [k, source] of [
      ko.replace('3억', '5억'),
      ko.replace('한반도 비핵화', '비핵화'),
      ko.replace('# 성명\n\n', '# 성명\n\n한국 정부는 다음과 같이 밝혔다.\n\n'),
      ko.replace('이재명 정부는', '이재명 정부도'),
      ko.replace('예산은', '올해 예산은'),
      ko,
    ].entries()) {
      const again = lintReleaseTarget(
        { path: '/d/edited.zh.md', text: zh },
        { path: '/d/edited.ko.md', text: source, shown: 'edited.ko.md' },
        { ruleSet: koreaChina() },
      );
      const first = lintReleaseTarget(
        { path: `/d/fresh-source-${k}.zh.md`, text: zh },
        { path: `/d/fresh-source-${k}.ko.md`, text: source, shown: 'edited.ko.md' },
        { ruleSet: koreaChina() },
      );
      expect(again, source).toEqual(first);
    }
    const last = lintReleaseTarget(
      { path: '/d/edited.zh.md', text: edits[2]! },
      { path: '/d/edited.ko.md', text: ko, shown: 'edited.ko.md' },
      { ruleSet: koreaChina() },
    );
    expect(places(last)).toEqual([
      '3:1-3:9 korea-china/peninsula-denuclearization missing-term 两国支持无核化。',
      '5:4-5:6 korea-china/numbers number 4亿',
      '7:8-7:12 korea-china/wushi-not-shiyong 实用外交',
    ]);
  });
});

describe('a release set linted again with other options', () => {
  // The partnership's rule applies where Korea and China are both named, or declared in `topic`.
  const ko = '# 성명\n\n양국은 전략적 협력 동반자 관계를 발전시킨다.\n';
  const zh = '# 声明\n\n两国发展战略合作伙伴关系。\n';

  it('reads its unchanged source again when the topic given differs', () => {
    // The source's parse is kept with its text and the options it was given (release-set.ts).
    const runs = [undefined, ['korea', 'china'], ['china'], undefined].map((topic, k) => {
      const options = { ruleSet: koreaChina(), ...(topic ? { topic } : {}) };
      const again = lintReleaseTarget(
        { path: '/d/options.zh.md', text: zh },
        { path: '/d/options.ko.md', text: ko, shown: 'options.ko.md' },
        options,
      );
      const first = lintReleaseTarget(
        { path: `/d/options-${k}.zh.md`, text: zh },
        { path: `/d/options-${k}.ko.md`, text: ko, shown: 'options.ko.md' },
        options,
      );
      expect(again, String(topic)).toEqual(first);
      return places(again);
    });
    expect(new Set(runs.map((r) => r.join('|'))).size).toBeGreaterThan(1);
  });
});

describe('a release set whose source changes under an unchanged translation', () => {
  it('gives each finding of a rule without context the source as it is now', () => {
    const { pack } = parsePack(
      'pack: t\nrules:\n  - id: t/shiyong\n    kind: caution\n    severity: warning\n    message: m\n    phrases: [实用外交]\n',
      't.yaml',
    );
    const ruleSet = compilePacks([pack!]).ruleSet;
    const zh = '# 声明\n\n两国同意加强交流。\n\n李在明政府奉行实用外交。\n\n双方将继续合作。\n';
    const ko = (word: string) =>
      `# 성명\n\n양국은 교류를 강화하기로 했다.\n\n이재명 정부는 ${word}를 추구한다.\n\n양측은 협력을 계속한다.\n`;
    const lint = (path: string, source: string) =>
      lintReleaseTarget(
        { path: `/s/${path}.zh.md`, text: zh },
        { path: `/s/${path}.ko.md`, text: source, shown: 'statement.ko.md' },
        { ruleSet },
      );
    expect(lint('kept', ko('실용외교'))[0]?.source?.text).toBe('이재명 정부는 실용외교를 추구한다.');
    const again = lint('kept', ko('실리외교'));
    expect(again[0]?.source?.text).toBe('이재명 정부는 실리외교를 추구한다.');
    expect(again).toEqual(lint('fresh', ko('실리외교')));
  });
});

describe('a long release set', () => {
  it("gives each finding the source of its own paragraph's unit", () => {
    // 300 paragraphs, one to one; every seventh translation says 实用外交 (a finding of its own).
    const ko: string[] = [];
    const zh: string[] = [];
    for (let i = 0; i < 300; i++) {
      ko.push(`제${i + 1}항. 이재명 정부는 실용외교를 추구한다.`);
      zh.push(`第${i + 1}条。李在明政府奉行${i % 7 === 0 ? '实用' : '务实'}外交。`);
    }
    const findings = lintReleaseTarget(
      { path: '/d/long.zh.md', text: `${zh.join('\n\n')}\n` },
      { path: '/d/long.ko.md', text: `${ko.join('\n\n')}\n`, shown: 'long.ko.md' },
      { ruleSet: koreaChina() },
    );
    const shiyong = findings.filter((f) => f.ruleId === 'korea-china/wushi-not-shiyong');
    expect(shiyong).toHaveLength(43);
    for (const f of shiyong) {
      const paragraph = (f.line - 1) / 2;
      expect(f.source?.text).toBe(ko[paragraph]);
      expect(f.source?.line).toBe(f.line);
    }
  });
});

describe('a release set linted again after an edit elsewhere in the translation', () => {
  it("keeps its rules' findings of unchanged paragraphs, each given its source again", () => {
    const ruleSet = koreaChina();
    // The rule's findings made, counted (core's compiled rules, as core's own tests reach them).
    type Made = (doc: unknown, matches: unknown[]) => Finding[];
    const { compiled } = ruleSet as unknown as {
      compiled: { source: { def: { id: string } }; findings: Made }[];
    };
    const rule = compiled.find((r) => r.source.def.id === 'korea-china/wushi-not-shiyong')!;
    const findings = rule.findings.bind(rule);
    let made = 0;
    rule.findings = (doc, matches) => {
      made += matches.length;
      return findings(doc, matches);
    };
    const id = rule.source.def.id;
    const ko = (last: string) =>
      `${Array.from({ length: 6 }, (_, i) => `제${i + 1}항. 이재명 정부는 실용외교를 추구한다.`).join('\n\n')}\n\n${last}\n`;
    const zh = (last: string) =>
      `${Array.from({ length: 6 }, (_, i) => `第${i + 1}条。李在明政府奉行实用外交。`).join('\n\n')}\n\n${last}\n`;
    const lint = (path: string, target: string, source: string) =>
      lintReleaseTarget(
        { path: `/d/${path}.zh.md`, text: target },
        { path: `/d/${path}.ko.md`, text: source, shown: 'statement.ko.md' },
        { ruleSet },
      );
    const first = lint('kept', zh('双方将继续合作。'), ko('양측은 협력을 계속한다.'));
    expect(first.filter((f) => f.ruleId === id)).toHaveLength(6);
    const sources = structuredClone(first.map((f) => f.source));

    // An edit of the last paragraph, which has no match: no finding of the rule is made again.
    made = 0;
    const edited = lint('kept', zh('双方将继续加强合作。'), ko('양측은 협력을 계속한다.'));
    expect(made).toBe(0);
    expect(edited).toEqual(lint('fresh-1', zh('双方将继续加强合作。'), ko('양측은 협력을 계속한다.')));
    // The first lint's findings keep the sources they were given.
    expect(first.map((f) => f.source)).toEqual(sources);

    // The source of a kept finding's unit edited: the finding is kept, with the new source.
    const source = ko('양측은 협력을 계속한다.').replace('제1항.', '제1항:');
    made = 0;
    const again = lint('kept', zh('双方将继续加强合作。'), source);
    expect(made).toBe(0);
    expect(again).toEqual(lint('fresh-2', zh('双方将继续加强合作。'), source));
    expect(again.find((f) => f.ruleId === id)?.source?.text).toBe(
      '제1항: 이재명 정부는 실용외교를 추구한다.',
    );
    expect(edited.find((f) => f.ruleId === id)?.source?.text).toBe(
      '제1항. 이재명 정부는 실용외교를 추구한다.',
    );
  });
});

describe('a translation whose source names the parties', () => {
  // The essay's partnership: a warning where the text is about Korea and China. The translation
  // says only 两国 (the two countries); its source paragraph names 한국 and 중국.
  const ko =
    '# 성명\n\n한국과 중국은 전략적 협력 동반자 관계를 발전시키기로 했다.\n\n양국은 교류를 강화한다.\n';
  const zh = '# 声明\n\n两国同意发展战略合作伙伴关系。\n\n两国加强交流。\n';
  const partner = 'korea-china/strategic-cooperative-partner';

  it('is licensed by the mentions in its own unit of a release set, cited without a place', () => {
    const findings = lintReleaseTarget(
      { path: '/p/named.zh.md', text: zh },
      { path: '/p/named.ko.md', text: ko, shown: 'named.ko.md' },
      { ruleSet: koreaChina() },
    );
    const found = findings.filter((f) => f.ruleId === partner);
    expect(found.map((f) => `${f.line}:${f.column} ${f.actual}`)).toEqual(['3:7 战略合作伙伴关系']);
    // The mentions are in another file: their text, not a place in this one.
    expect(found[0]?.context).toEqual([
      { set: 'korea', via: 'mention', text: '한국' },
      { set: 'china', via: 'mention', text: '중국' },
    ]);
  });

  it("cites its own mention of a set before its source's", () => {
    const findings = lintReleaseTarget(
      { path: '/p/own.zh.md', text: zh.replace('两国同意', '中方同意') },
      { path: '/p/own.ko.md', text: ko, shown: 'own.ko.md' },
      { ruleSet: koreaChina() },
    );
    const found = findings.filter((f) => f.ruleId === partner);
    expect(found[0]?.context).toEqual([
      { set: 'korea', via: 'mention', text: '한국' },
      expect.objectContaining({ set: 'china', via: 'mention', text: '中方', line: 3, column: 1 }),
    ]);
  });

  it("is not licensed by another unit's source", () => {
    const moved =
      '# 성명\n\n양국은 전략적 협력 동반자 관계를 발전시키기로 했다.\n\n한국과 중국은 교류를 강화한다.\n';
    const findings = lintReleaseTarget(
      { path: '/p/elsewhere.zh.md', text: zh },
      { path: '/p/elsewhere.ko.md', text: moved, shown: 'elsewhere.ko.md' },
      { ruleSet: koreaChina() },
    );
    expect(findings.filter((f) => f.ruleId === partner)).toEqual([]);
  });

  it('is licensed by the source cell of its row in a parallel TSV, cited with its place', () => {
    const source = '한국과 중국은 전략적 협력 동반자 관계를 발전시키기로 했다.';
    const tsv = `ko\tzh_CN\n${source}\t两国同意发展战略合作伙伴关系。\n`;
    const findings = lintBilingualFile(readParallelTsv(tsv)!, { ruleSet: koreaChina() });
    // The source cell names both: its own term is a finding too (a source side gets every rule).
    const found = findings.filter((f) => f.ruleId === partner && f.column > source.length);
    expect(found.map((f) => `${f.line}:${f.column - source.length - 1}`)).toEqual(['2:7']);
    expect(found[0]?.context).toEqual([
      expect.objectContaining({ set: 'korea', via: 'mention', text: '한국', line: 2, column: 1 }),
      expect.objectContaining({ set: 'china', via: 'mention', text: '중국', line: 2, column: 5 }),
    ]);
  });
});
