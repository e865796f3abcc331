// The quick YAML path (yaml-quick.ts) held to `yaml`: wherever it gives a value, `yaml` reads the
// same text without an error or a warning, to the same value; and a pack read through it has the
// problems, at the positions, that `yaml`'s document gives.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { parsePack } from '../src/pack/parse.js';
import { quickYamlValue } from '../src/pack/yaml-quick.js';
import { loadYaml } from '../src/pack/yaml-source.js';
import { mulberry32 } from './random.js';

/** yaml-quick.ts's QUICK_MIN_CHARS: below it, a file is always left to `yaml`. */
const QUICK_MIN_CHARS = 64 * 1024;

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Deep equality that tells NaN, -0 and the infinities apart, as the quick path must. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** What `yaml` makes of the text, with loadYaml's options. */
function exact(text: string) {
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'silent' });
  return { problems: doc.errors.length + doc.warnings.length, value: doc.toJS({ maxAliasCount: 100 }) };
}

/** Whether the quick path took `text` (at any size); throws when it disagrees with `yaml`. */
function agrees(text: string): boolean {
  const quick = quickYamlValue(text, 0);
  if (!quick) return false;
  const truth = exact(text);
  if (truth.problems > 0 || !same(quick.value, truth.value)) {
    throw new Error(
      `The quick path read this otherwise than yaml:\n${text}\nquick: ${JSON.stringify(quick.value)}\n` +
        `yaml (${truth.problems} problems): ${JSON.stringify(truth.value)}`,
    );
  }
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(file, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(file);
  }
  return out;
}

// Plain scalars each YAML version and library reads its own way, and the strings around them.
const PLAIN = [
  '1',
  '+12',
  '-0',
  '012',
  '0o17',
  '0o8',
  '0x1F',
  '0xg',
  '0b101',
  '1_000',
  '1e3',
  '1E-3',
  '.5',
  '5.',
  '-.5e+2',
  '1.50',
  '0.0',
  '.inf',
  '-.Inf',
  '+.INF',
  '.NaN',
  '.nan',
  'NaN',
  '1:30',
  '2024-01-01',
  '12:30:45',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'Y',
  'n',
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  '=',
  'a b',
  'a #b',
  'a#b',
  'word',
  '韩国',
  '务实 外交',
  '실용외교',
  'x: y',
  'a - b',
  'e.g.',
  'http://x.y/z',
  'a*b',
  'a&b',
  'a!b',
  'a?b',
  'a@b',
  'a`b`',
  'x,y',
  'end.',
  '-x',
  '.x',
  '"x',
  "it's",
];
const QUOTED = [
  '"1"',
  "'true'",
  '"null"',
  '""',
  "''",
  '"a\\nb"',
  '"tab\\there"',
  '"\\u00e9\\x41\\/"',
  '"\\N\\_\\L\\P"',
  '"\\0\\e\\ "',
  "'it''s'",
  '"a: b"',
  "'# not a comment'",
  '"韩国"',
  '"multi\n  line"',
  "'multi\n\n  para'",
  '"`{actual}`"',
  "'Use `{expected}` instead of `{actual}`'",
  '"* star"',
  "'& amp'",
  '"! bang"',
  '"@ at"',
  '"trailing \\\n  escape"',
  "'  spaces  '",
  '"\\U0001F600"',
  '"\\uD800"',
  '"a\\x41\\u4e2d"',
];
const BLOCKS = [
  '|\n  a\n  b\n',
  '|-\n  a\n\n',
  '|+\n  a\n\n',
  '>\n  a\n  b\n\n  c\n',
  '>-\n  folded\n  text\n',
  '|2\n   x\n',
  '|\n  a\n   \n  b\n',
  '>\n  a\n\n    b\n  c\n',
];
const FLOWS = [
  '[]',
  '{}',
  '[a, b]',
  '[1, "2", three]',
  '[a, b, ]',
  '{ a: 1, b: [x, y] }',
  '{a: b}',
  '[ {x: 1}, {y: 2} ]',
  '[a,\n    b]',
  '{ text: 实用外交, status: deprecated, use: 务实外交 }',
  '[a: b]',
  '{a: [b, {c: d}]}',
  '[a b, c]',
];
// What `yaml` reports and a reader might let pass, or reads its own way.
const BROKEN = [
  'dup: 1\ndup: 2\n',
  'a: b: c\n',
  'a: "unclosed\n',
  'a: [1, 2\n',
  'a:\n\t- x\n',
  'a: "v"#c\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  '? [a, b]\n: c\n',
  '[a, b]: c\n',
  'null: x\n',
  '~: x\n',
  ': x\n',
  '__proto__: x\n',
  '<<: {a: 1}\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 1\n---\nb: 2\n',
  'a: 1\n...\n',
  'a: @x\n',
  'a: `x`\n',
  'a:\n  - x\n - y\n',
  'a:\n  b: 1\n c: 2\n',
  '- a\nb: c\n',
  'a: {b: 1 c: 2}\n',
  'a: [b\nc]\n',
  `${'k'.repeat(1030)}: x\n`,
  `"${'\\u00e9'.repeat(200)}": x\n`,
  `'${"''".repeat(600)}': x\n`,
  'a: x\r  y\n',
  'a: "x"y\n',
  "a: 'x'y\n",
  'a: |\n  x\n b: 1\n',
  'a: >x\n  y\n',
  'a:\n- b\n  - c\n',
  'a: {b: c\n',
  'a: x\n  - y\n',
  'a: "\\q"\n',
  'a: "\\x4"\n',
  'a: "\\U0011FFFF"\n',
  'a: "\\uD800\\ud83d\\ude00"\n',
  'a: %x\n',
  'a: [ - b ]\n',
  'a: { b: |\n  x }\n',
  'a: [b, c]d\n',
  'a: "b" c\n',
  'a: b\n  c: d\n',
  '- a\n  - b\n',
  'a: {b: c, d}\n',
  'a: [b: c: d]\n',
  "a: 'x\n\n y'\n",
  'a:\n  b\n  c: d\n',
  '"a\nb": c\n',
  'a: |\n x\n  y\n',
  'a: >\n\n  x\n   y\n  z\n',
  'a: ]\n',
  'a: }\n',
  'a: ,x\n',
  '- - - x\n',
  'a: \u2028b\n',
  'a: x\u0085y\n',
];

function generated(seed: number): string {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const value = (): string => {
    const r = random();
    if (r < 0.35) return pick(PLAIN);
    if (r < 0.6) return pick(QUOTED);
    if (r < 0.7) return pick(BLOCKS);
    return pick(FLOWS);
  };
  const indent = pick(['  ', '    ']);
  const lines: string[] = [];
  if (random() < 0.2) lines.push('---');
  lines.push(`pack: p${seed}`);
  if (random() < 0.3) lines.push('# a comment: with * and & in it');
  lines.push('rules:');
  const rules = 1 + Math.floor(random() * 4);
  const dash = random() < 0.5 ? '' : indent;
  for (let i = 0; i < rules; i++) {
    lines.push(`${dash}- id: p${seed}/r${i}`);
    const fields = 1 + Math.floor(random() * 5);
    for (let f = 0; f < fields; f++) {
      const key = random() < 0.15 ? pick(['"quoted key"', "'k 2'", '1', 'true', 'k-3', '韩国']) : `f${f}`;
      let v = value();
      if (v.includes('\n')) v = v.replace(/\n(?=.)/g, `\n${dash}${indent}`);
      const comment = random() < 0.1 ? ' # note' : '';
      lines.push(`${dash}  ${key}: ${v}${v.endsWith('\n') ? '' : comment}`.replace(/\n$/, ''));
    }
    if (random() < 0.2)
      lines.push(
        `${dash}  terms:\n${dash}    zh:\n${dash}      - ${pick(PLAIN)}\n${dash}      - ${pick(FLOWS)}`,
      );
  }
  let text = `${lines.join('\n')}\n`;
  if (random() < 0.15) text += pick(BROKEN);
  if (random() < 0.2) text = text.replace(/\n/g, '\r\n');
  return text;
}

/** `text` with a few characters that mean something to YAML put in or taken out at random. */
function mutated(text: string, seed: number): string {
  const random = mulberry32(seed * 7919);
  const marks = [
    ':',
    ': ',
    '-',
    '- ',
    '#',
    ' #',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ',',
    ' ',
    '  ',
    '\n',
    '\n  ',
    '\n    ',
    '|',
    '>',
    '|-',
    '>+',
    '?',
    '\\',
    '\\n',
    '~',
    ': null',
    ': [',
    '- {',
    'x: ',
    '\n- ',
    '\n  - ',
    '""',
    "''",
    ',,',
    '.5',
  ];
  let out = text;
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * out.length);
    if (random() < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 3));
    else out = out.slice(0, at) + marks[Math.floor(random() * marks.length)] + out.slice(at);
  }
  return out;
}

describe('the quick YAML path', () => {
  test('reads every YAML file of the repository as yaml does, or leaves it to yaml', () => {
    const files = yamlFiles(repoRoot);
    let taken = 0;
    for (const file of files) if (agrees(readFileSync(file, 'utf8'))) taken++;
    // Most of them are plain enough to be taken: the comparison is not an empty one.
    expect(files.length).toBeGreaterThan(15);
    expect(taken).toBeGreaterThan(files.length / 2);
  });

  test('reads 3,000 generated documents as yaml does, or leaves them to yaml', () => {
    let taken = 0;
    for (let seed = 1; seed <= 3000; seed++) if (agrees(generated(seed))) taken++;
    // Both sides are exercised: documents taken and documents left to yaml.
    expect(taken).toBeGreaterThan(300);
    expect(taken).toBeLessThan(2700);
  });

  test('reads 3,000 documents with characters put in or taken out as yaml does, or leaves them to yaml', () => {
    let taken = 0;
    for (let seed = Number(process.env.MUTANT_SEED ?? 1), end = seed + 3000; seed < end; seed++) {
      if (agrees(mutated(generated(seed), seed))) taken++;
    }
    expect(taken).toBeGreaterThan(300);
  });

  test('leaves to yaml each document it could read otherwise, or where yaml reports a problem', () => {
    let reported = 0;
    for (const broken of BROKEN) {
      const text = `pack: p\n${broken}`;
      if (exact(text).problems === 0) {
        agrees(text);
        continue;
      }
      reported++;
      expect(quickYamlValue(text, 0), JSON.stringify(broken)).toBeUndefined();
    }
    expect(reported).toBeGreaterThan(20);
  });

  test('reads each scalar form as yaml core does', () => {
    for (const scalar of [...PLAIN, ...QUOTED.filter((q) => !q.includes('\n'))]) {
      const text = `a: ${scalar}\nb: [${scalar.startsWith("'") || scalar.startsWith('"') ? scalar : 'x'}]\n`;
      const quick = quickYamlValue(text, 0);
      if (quick) expect(same(quick.value, exact(text).value), text).toBe(true);
    }
    const numbers = quickYamlValue('a: [0o17, 0x1F, +12, -0, .NaN, -.inf, 1.50, 1e3, 012, 1_000, yes]\n', 0);
    expect(numbers?.value).toEqual({
      a: [15, 31, 12, -0, Number.NaN, -Infinity, 1.5, 1000, 12, '1_000', 'yes'],
    });
  });

  test('is taken only from QUICK_MIN_CHARS characters on', () => {
    expect(quickYamlValue('pack: p\n')).toBeUndefined();
    const comments = `# ${'x'.repeat(78)}\n`.repeat(Math.ceil(QUICK_MIN_CHARS / 80));
    expect(quickYamlValue(`pack: p\n${comments}`)?.value).toEqual({ pack: 'p' });
    // Except a file with a line over 1,000 characters, where `yaml` may report a long key.
    expect(quickYamlValue(`pack: p\n${comments}# ${'x'.repeat(1000)}\n`)).toBeUndefined();
  });
});

describe('a large pack read through the quick path', () => {
  const rules = 1200;
  const packText = (broken: number) => {
    const lines = ['pack: big', 'rules:'];
    for (let i = 0; i < rules; i++) {
      lines.push(
        `  - id: big/r${i}`,
        '    kind: term',
        `    severity: ${i === broken ? 'fatal' : 'warning'}`,
        "    message: 'Use `{expected}` instead of `{actual}`'",
        '    terms:',
        `      zh: [务实外交${i}, { text: 实用外交${i}, status: deprecated, use: 务实外交${i} }]`,
      );
    }
    return `${lines.join('\n')}\n`;
  };

  test('places its problems where yaml places them', () => {
    const text = packText(777);
    expect(text.length).toBeGreaterThan(QUICK_MIN_CHARS);
    expect(quickYamlValue(text)).toBeDefined();
    // A tab in a comment at the end leaves the same text to yaml alone, line for line.
    const viaYaml = `${text}#\t\n`;
    expect(quickYamlValue(viaYaml)).toBeUndefined();
    const quick = parsePack(text, 'big.yaml');
    const slow = parsePack(viaYaml, 'big.yaml');
    expect(quick.problems.length).toBeGreaterThan(0);
    expect(quick.problems).toEqual(slow.problems);
    expect(quick.problems[0]).toMatchObject({ line: 2 + 777 * 6 + 3, column: 15 });
    expect(quick.pack).toEqual(slow.pack && { ...slow.pack, locate: quick.pack?.locate });
  });

  test('has no problems and the same rules when it is clean, and locates on demand', () => {
    const text = packText(-1);
    const source = loadYaml(text, 'big.yaml');
    expect(source.problems).toEqual([]);
    expect(source.damaged(['rules', 3])).toBe(false);
    expect(source.locate(['rules', 10, 'id'])).toEqual({ line: 2 + 10 * 6 + 1, column: 9 });
    expect(source.locateKey(['rules', 10, 'kind'])).toEqual({ line: 2 + 10 * 6 + 2, column: 5 });
    const parsed = parsePack(text, 'big.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.pack?.definition.rules).toHaveLength(rules);
  });
});
