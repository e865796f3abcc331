import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import type { CompiledRuleSet } from '../src/engine/compiled.js';
import {
  contentHash,
  decodeInt32,
  decodePortable,
  encodeInt32,
  encodePortable,
} from '../src/engine/serial-codec.js';
import {
  type CompileOptions,
  compilePacks,
  deserializeRuleSet,
  lintSegments,
  RULE_SET_FORMAT,
  type RuleSet,
  ruleSetKey,
  SERIAL_HEAD_BYTES,
  segmentReach,
  serializeRuleSet,
  serializeRuleSetBytes,
  serialLength,
  serialRecordsAt,
} from '../src/index.js';
import { kindOf } from '../src/kinds/registry.js';
import { term } from '../src/kinds/term.js';
import { parsePack } from '../src/pack/parse.js';
import { blockSegments } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const packDir = join(here, '..', '..', '..', 'rules', 'korea-china');
const packText = readFileSync(join(packDir, 'pack.yaml'), 'utf8');
const samples = readdirSync(join(packDir, 'samples')).map((name) =>
  readFileSync(join(packDir, 'samples', name), 'utf8'),
);

const EXTRA = `pack: x
rules:
  - id: x/pattern
    kind: term
    severity: warning
    message: m
    terms:
      en: [{pattern: 'pragmati[cs]+ line', status: deprecated, use: pragmatic approach}, pragmatic approach]
  - id: x/unanchored
    kind: caution
    severity: info
    message: m
    phrases: [per mille]
    patterns: ['\\d{1,30} per cent']
  - id: x/twice
    kind: consistency
    severity: hint
    message: m
    groups: [[Korea-China, China-Korea]]
`;

function compiled(options: CompileOptions = {}): {
  ruleSet: RuleSet;
  problems: ReturnType<typeof compilePacks>['problems'];
} {
  const packs = [packText, EXTRA].map((text, i) => {
    const { pack, problems } = parsePack(text, `p${i}.yaml`);
    if (!pack || problems.length > 0) throw new Error('pack does not parse');
    return pack;
  });
  return compilePacks(packs, options);
}

// The samples, the pack's examples, and text for the extra pack's rules.
const texts = [
  ...samples,
  ...packText.match(/(?<=text: ).+|(?<=- ).+/g)!.map((line) => line.replace(/⟦|⟧/g, '')),
  'A pragmatic line, then a pragmatics line: 40 per cent. Korea-China ties, China-Korea ties.',
];

function lastIndexOf(bytes: Uint8Array, part: Uint8Array): number {
  for (let i = bytes.length - part.length; i >= 0; i--) {
    if (part.every((b, k) => bytes[i + k] === b)) return i;
  }
  return -1;
}

function findingsOf(ruleSet: RuleSet): unknown[] {
  return texts.map((text) => lintSegments({ text, segments: blockSegments(text) }, ruleSet));
}

describe('serializeRuleSet and deserializeRuleSet', () => {
  const variants: [string, CompileOptions][] = [
    ['no options', {}],
    [
      'overrides, accept and an audience',
      {
        rules: { 'korea-china/mutual-respect': 'off', 'x/pattern': 'error' },
        accept: ['实用外交'],
        audience: 'zh',
      },
    ],
  ];
  for (const [name, options] of variants) {
    test(`give back a rule set with the same findings (${name})`, () => {
      const original = compiled(options);
      const text = serializeRuleSet(original.ruleSet, original.problems);
      const back = deserializeRuleSet(text);
      const found = findingsOf(original.ruleSet);
      expect(found.flat().length).toBeGreaterThan(20);
      const ids = new Set(found.flat().map((f) => (f as { ruleId: string }).ruleId));
      for (const id of ['x/pattern', 'x/unanchored', 'x/twice', 'korea-china/wushi-not-shiyong']) {
        expect(ids).toContain(id);
      }
      expect(findingsOf(back.ruleSet)).toEqual(found);
      expect(back.problems).toEqual(original.problems);
      expect(back.ruleSet.rules).toEqual(original.ruleSet.rules);
      expect(back.ruleSet.has('korea-china/mutual-respect')).toBe(true);
      const a = (original.ruleSet as CompiledRuleSet).automaton.tables;
      const b = (back.ruleSet as CompiledRuleSet).automaton.tables;
      expect(b).toEqual(a);
      // Serializing again gives the same text.
      expect(serializeRuleSet(back.ruleSet, back.problems)).toBe(text);
    });

    test(`give back the same rule set from bytes (${name})`, () => {
      const original = compiled(options);
      const text = serializeRuleSet(original.ruleSet, original.problems);
      const bytes = serializeRuleSetBytes(original.ruleSet, original.problems);
      // The arrays' base64 is most of the text: the bytes are smaller.
      expect(bytes.length).toBeLessThan(new TextEncoder().encode(text).length);
      const back = deserializeRuleSet(bytes);
      expect(findingsOf(back.ruleSet)).toEqual(findingsOf(original.ruleSet));
      expect(back.problems).toEqual(original.problems);
      // Both forms hold the same rule set: either serializes to the other's text and bytes.
      expect(serializeRuleSet(back.ruleSet, back.problems)).toBe(text);
      expect(serializeRuleSetBytes(deserializeRuleSet(text).ruleSet, original.problems)).toEqual(bytes);
      // At any offset of a larger buffer (a file read with a header before it).
      const framed = new Uint8Array(bytes.length + 7);
      framed.set(bytes, 7);
      expect(serializeRuleSet(deserializeRuleSet(framed.subarray(7)).ruleSet, original.problems)).toBe(text);
    });
  }

  test("keep each pattern's pre-check atom, so that a load does not look for it again", () => {
    const original = compiled();
    const patterns = (original.ruleSet as CompiledRuleSet).patterns;
    expect(patterns.some((p) => p.atom !== undefined)).toBe(true);
    const text = serializeRuleSet(original.ruleSet, original.problems);
    const bytes = serializeRuleSetBytes(original.ruleSet, original.problems);
    for (const form of [text, bytes]) {
      const back = (deserializeRuleSet(form).ruleSet as CompiledRuleSet).patterns;
      expect(back.map((p) => [p.regex.source, p.atom])).toEqual(
        patterns.map((p) => [p.regex.source, p.atom]),
      );
    }
    // What a load reads is the atom written, not one found again from the pattern's source.
    const serial = JSON.parse(text) as { patterns: { source: string; atom?: string }[] };
    const withAtom = serial.patterns.find((p) => p.atom !== undefined)!;
    withAtom.atom = 'zzzz';
    const changed = (deserializeRuleSet(JSON.stringify(serial)).ruleSet as CompiledRuleSet).patterns;
    expect(changed.find((p) => p.regex.source === withAtom.source)?.atom).toBe('zzzz');
  });

  test('refuse bytes that are not a rule set, or damaged', () => {
    const { ruleSet, problems } = compiled();
    // Every record as JSON: the templates' arrays, the last before the records, are then 8 bytes
    // per record and 24 more (a template and the end of its holes each; no hole, no string).
    const bytes = serializeRuleSetBytes(ruleSet, problems, { templates: false });
    const records = (ruleSet as CompiledRuleSet).compiled.length + ruleSet.rules.length;
    const templates = 8 * records + 24;
    const text = new TextEncoder().encode(serializeRuleSet(ruleSet, problems));
    expect(() => deserializeRuleSet(text)).toThrow(/no signature/);
    expect(() => deserializeRuleSet(bytes.subarray(0, 8))).toThrow(/no signature/);
    expect(() => deserializeRuleSet(bytes.subarray(0, 100))).toThrow(/JSON is cut short/);
    expect(() => deserializeRuleSet(bytes.subarray(0, bytes.length - 1))).toThrow(/cut short/);
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expect(() => deserializeRuleSet(longer)).toThrow(/past its records/);
    // The JSON's own format number is checked as in the text (the JSON starts at byte 20).
    const jsonLength = new DataView(bytes.buffer).getUint32(4, true);
    const json = new TextDecoder().decode(bytes.subarray(SERIAL_HEAD_BYTES, SERIAL_HEAD_BYTES + jsonLength));
    expect(json.startsWith(`{"format":${RULE_SET_FORMAT},`)).toBe(true);
    const otherBytes = bytes.slice();
    // Another format written in as many digits, so the JSON after it stays in place.
    const other =
      String(RULE_SET_FORMAT + 1).length === String(RULE_SET_FORMAT).length
        ? RULE_SET_FORMAT + 1
        : RULE_SET_FORMAT - 1;
    otherBytes.set(new TextEncoder().encode(`{"format":${other},`), SERIAL_HEAD_BYTES);
    expect(() => deserializeRuleSet(otherBytes)).toThrow(
      new RegExp(`of format ${other}, expected ${RULE_SET_FORMAT}`),
    );
    // Cut inside the arrays, then inside the records (which come last).
    const recordsAt = serialRecordsAt(bytes);
    expect(() => deserializeRuleSet(bytes.subarray(0, recordsAt - 8))).toThrow(/arrays are cut short/);
    expect(() => deserializeRuleSet(bytes.subarray(0, recordsAt + 10))).toThrow(/records are cut short/);
    // Where the records start, moved: the arrays no longer meet them.
    const moved = bytes.slice();
    new DataView(moved.buffer).setUint32(16, recordsAt + 4, true);
    expect(() => deserializeRuleSet(moved)).toThrow(/records are cut short/);
    expect(() => deserializeRuleSet(moved, (from, to) => moved.slice(from, to))).toThrow(
      /between its arrays and its records/,
    );
    // The last array before the templates': where each phrase literal ends in their one string.
    const refs = (ruleSet as CompiledRuleSet).refs.length;
    const refsEnd = recordsAt - templates;
    const ends = new DataView(bytes.buffer, bytes.byteOffset + refsEnd - 4 * refs, 4 * refs);
    const misordered = bytes.slice();
    new DataView(misordered.buffer, refsEnd - 4 * refs).setInt32(0, ends.getInt32(4, true) + 1, true);
    expect(() => deserializeRuleSet(misordered)).toThrow(/literals do not line up/);
    const short = bytes.slice();
    new DataView(short.buffer, refsEnd - 4).setInt32(0, ends.getInt32(4 * refs - 4, true) - 1, true);
    expect(() => deserializeRuleSet(short)).toThrow(/references do not line up/);
    // The array before it: how many units the literals have, then the units, two to a value.
    const units = ends.getInt32(4 * refs - 4, true);
    const count = refsEnd - 4 * refs - 4 - 4 * (1 + Math.ceil(units / 2));
    expect(new DataView(bytes.buffer, bytes.byteOffset + count, 4).getInt32(0, true)).toBe(units);
    const miscounted = bytes.slice();
    new DataView(miscounted.buffer, count).setInt32(0, units - 1, true);
    expect(() => deserializeRuleSet(miscounted)).toThrow(/references do not line up/);
  });

  test('read the rule list when it is first asked for, and refuse one that does not list the rules', () => {
    const { ruleSet, problems } = compiled();
    const bytes = serializeRuleSetBytes(ruleSet, problems);
    const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
    const json = new TextDecoder().decode(bytes.subarray(SERIAL_HEAD_BYTES, SERIAL_HEAD_BYTES + jsonLength));
    const ids = JSON.parse((JSON.parse(json) as { rules: string }).rules) as string[];
    expect(ids).toEqual(ruleSet.rules.map((rule) => rule.id));
    // The first id made a number in place (the bytes after it stay where they are): the rule set
    // loads and lints, lists its rules from their records, and refuses its ids when asked for one.
    const first = `\\"${ids[0]}\\"`;
    const at = json.indexOf(first);
    expect(at).toBeGreaterThan(0);
    const damaged = bytes.slice();
    damaged.set(new TextEncoder().encode(`1${' '.repeat(first.length - 1)}`), SERIAL_HEAD_BYTES + at);
    const back = deserializeRuleSet(damaged).ruleSet;
    expect(findingsOf(back)).toEqual(findingsOf(ruleSet));
    expect(back.rules.map((rule) => rule.id)).toEqual(ids);
    expect(() => back.has(ids[0]!)).toThrow(/records are not its rules/);
    expect(() => back.get(ids[1]!)).toThrow(/records are not its rules/);
  });

  test('keep the phrase literals out of the JSON, as UTF-16 units, astral ones and an odd count too', () => {
    const text = `pack: y
rules:
  - id: y/astral
    kind: term
    severity: warning
    message: m
    terms:
      zh: ['𠮷野家', {text: '𠮷野', status: deprecated, use: '𠮷野家'}]
      ko: ['한미동맹']
      en: [a, {text: bcd, status: deprecated, use: a}]
  - id: y/lone
    kind: term
    severity: warning
    message: m
    terms:
      en: ["x\\ud800y", {text: "x\\ufffdy", status: deprecated, use: "x\\ud800y"}]
`;
    const { pack } = parsePack(text, 'y.yaml');
    const original = compilePacks([pack!]);
    const refs = (original.ruleSet as CompiledRuleSet).refs.all();
    const literals = refs.map((r) => r.literal).join('');
    expect(literals).toContain('𠮷');
    // A lone surrogate and a U+FFFD of its own, each kept as it is (a UTF-16 decoder makes both U+FFFD).
    expect(literals).toContain('\ud800');
    expect(literals).toContain('\ufffd');
    expect(literals.length % 2).toBe(1);
    const bytes = serializeRuleSetBytes(original.ruleSet, original.problems);
    const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
    const json = new TextDecoder().decode(bytes.subarray(SERIAL_HEAD_BYTES, SERIAL_HEAD_BYTES + jsonLength));
    expect(json).not.toContain('literals');
    for (const r of refs.filter((each) => /[^a-z]/.test(each.literal))) expect(json).not.toContain(r.literal);
    const back = deserializeRuleSet(bytes).ruleSet as CompiledRuleSet;
    expect(back.refs.all()).toEqual(refs);
    expect(serializeRuleSet(back)).toBe(serializeRuleSet(original.ruleSet));
  });

  test('read each record with a reader, from bytes that stop where the records start', () => {
    const original = compiled();
    const bytes = serializeRuleSetBytes(original.ruleSet, original.problems);
    const recordsAt = serialRecordsAt(bytes.subarray(0, SERIAL_HEAD_BYTES));
    // The records are most of the bytes of a pack of many rules; here, more than the rest.
    expect(recordsAt).toBeGreaterThan(SERIAL_HEAD_BYTES);
    expect(recordsAt).toBeLessThan(bytes.length);
    expect(serialLength(bytes.slice(0, recordsAt))).toBe(bytes.length);
    const asked: [number, number][] = [];
    const read = (from: number, to: number) => {
      asked.push([from, to]);
      return bytes.slice(from, to);
    };
    const back = deserializeRuleSet(bytes.slice(0, recordsAt), read);
    expect(asked).toEqual([]);
    expect(findingsOf(back.ruleSet)).toEqual(findingsOf(original.ruleSet));
    // Only the rules that gave findings were read, each once, and every read lies in the records.
    const reads = asked.length;
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThan(original.ruleSet.rules.length);
    expect(asked.every(([from, to]) => from >= recordsAt && to <= bytes.length && from < to)).toBe(true);
    findingsOf(back.ruleSet);
    expect(asked.length).toBe(reads);
    expect(back.ruleSet.rules).toEqual(original.ruleSet.rules);
    expect(serializeRuleSetBytes(back.ruleSet, back.problems)).toEqual(bytes);
    // A reader that gives a record cut short: an error when that record is read, not before.
    const short = deserializeRuleSet(bytes.slice(0, recordsAt), (from, to) => bytes.slice(from, to - 1));
    expect(() => short.ruleSet.rules).toThrow(/record 0 is cut short|cut short/);
    expect(() => serialRecordsAt(new Uint8Array(SERIAL_HEAD_BYTES))).toThrow(/no signature/);
  });

  /** `rules` term rules, the first `used` of them with a finding in the text; the reads of their records. */
  function readsOf(rules: number, used: number) {
    const defs = Array.from(
      { length: rules },
      (_, i) => `  - id: m/t${i}
    kind: term
    severity: warning
    message: m
    terms:
      en: [{ text: "word${i}x", status: deprecated, use: "word${i}y" }]`,
    );
    const { pack } = parsePack(`pack: m\nrules:\n${defs.join('\n')}\n`, 'm.yaml');
    const original = compilePacks([pack!]);
    // Records of one shape: as JSON, not templates, to be read with the reader.
    const bytes = serializeRuleSetBytes(original.ruleSet, original.problems, { templates: false });
    const recordsAt = serialRecordsAt(bytes.subarray(0, SERIAL_HEAD_BYTES));
    const asked: [number, number][] = [];
    // One buffer for every read, as config's reader does: each record is read before the next.
    const scratch = new Uint8Array(bytes.length);
    const back = deserializeRuleSet(bytes.slice(0, recordsAt), (from, to) => {
      asked.push([from, to]);
      scratch.fill(0x23);
      scratch.set(bytes.subarray(from, to));
      return scratch.subarray(0, to - from);
    });
    const text = Array.from({ length: used }, (_, i) => `word${i}x`).join(' ');
    const lint = (ruleSet: RuleSet) => lintSegments({ text, segments: blockSegments(text) }, ruleSet);
    expect(lint(back.ruleSet)).toHaveLength(used);
    expect(lint(back.ruleSet)).toEqual(lint(original.ruleSet));
    return { asked, recordsAt, bytes, back };
  }

  test('read the records all at once once many were read one by one', () => {
    // 400 rules, 800 records (a source and an entry in the rule list each), 400 read.
    const { asked, recordsAt, bytes, back } = readsOf(400, 400);
    // 256 one by one, then one read of every record (from the first to the end of the bytes).
    expect(asked).toHaveLength(257);
    expect(asked[256]).toEqual([recordsAt, bytes.length]);
    expect(serializeRuleSetBytes(back.ruleSet, back.problems, { templates: false })).toEqual(bytes);
    expect(asked).toHaveLength(257);
  });

  test('read the records one by one while they are less than a quarter of them', () => {
    // 1,200 rules, 2,400 records: 300 read apart (a read of all would fill 2,400's pages).
    const { asked, bytes, back } = readsOf(1200, 300);
    expect(asked).toHaveLength(300);
    expect(asked.every(([from, to]) => to - from < 2000)).toBe(true);
    // Every rule's entry in the rule list: more than a quarter, so one read of every record.
    expect(back.ruleSet.rules).toHaveLength(1200);
    expect(asked.length).toBeLessThan(1200);
    expect(serializeRuleSetBytes(back.ruleSet, back.problems, { templates: false })).toEqual(bytes);
  });

  test("keep a termbase's records as templates: no record read, the same rules and findings", () => {
    const defs = Array.from(
      { length: 300 },
      (_, i) => `  - id: m/t${i}
    kind: term
    severity: ${i % 7 === 0 ? 'error' : 'warning'}
    message: m
    terms:
      zh: ["词${i}甲", { text: "词${i}乙", status: deprecated, use: "词${i}甲" }]
      en: [{ text: "word${i}x", status: deprecated, use: "word${i}y" }]`,
    );
    const { pack } = parsePack(`pack: m\nrules:\n${defs.join('\n')}\n`, 'm.yaml');
    const original = compilePacks([pack!]);
    const json = serializeRuleSetBytes(original.ruleSet, original.problems, { templates: false });
    const bytes = serializeRuleSetBytes(original.ruleSet, original.problems);
    expect(bytes.length).toBeLessThan(json.length / 2);
    const recordsAt = serialRecordsAt(bytes.subarray(0, SERIAL_HEAD_BYTES));
    // Every record is in a template: the bytes end where the records would start.
    expect(recordsAt).toBe(bytes.length);
    const asked: [number, number][] = [];
    const back = deserializeRuleSet(bytes, (from, to) => {
      asked.push([from, to]);
      return bytes.slice(from, to);
    }).ruleSet as CompiledRuleSet;
    const text = Array.from({ length: 300 }, (_, i) => (i % 2 ? `word${i}x` : `词${i}乙`)).join(' ');
    const lint = (ruleSet: RuleSet) => lintSegments({ text, segments: blockSegments(text) }, ruleSet);
    expect(lint(back)).toHaveLength(300);
    expect(lint(back)).toEqual(lint(original.ruleSet));
    expect(back.rules).toEqual(original.ruleSet.rules);
    const sources = (original.ruleSet as CompiledRuleSet).compiled.map((rule) => rule.source);
    expect(back.compiled.map((rule) => JSON.stringify(rule.source))).toEqual(
      sources.map((source) => JSON.stringify(source)),
    );
    expect(asked).toEqual([]);
    // A rule of a template is made again at each use, not kept (its condition is); one read as
    // JSON is kept once read.
    const rule = back.compiled[7]!;
    expect(rule.source).toEqual(rule.source);
    expect(rule.source).not.toBe(rule.source);
    expect(rule.condition).toBeUndefined();
    const fromJson = deserializeRuleSet(json).ruleSet as CompiledRuleSet;
    expect(fromJson.compiled[7]!.source).toBe(fromJson.compiled[7]!.source);
    expect(fromJson.compiled[7]!.source).toEqual(rule.source);
    // Both forms give the same rule set: each serializes to the other's bytes and to the same text.
    expect(serializeRuleSetBytes(back, original.problems)).toEqual(bytes);
    expect(serializeRuleSetBytes(deserializeRuleSet(json).ruleSet, original.problems)).toEqual(bytes);
    expect(serializeRuleSet(back)).toBe(serializeRuleSet(original.ruleSet));
  });

  test('read a rule from the bytes when it is first used', () => {
    const original = compiled();
    const bytes = serializeRuleSetBytes(original.ruleSet, original.problems);
    // The rule list's last record (a RuleInfo) damaged: nothing reads it until that rule is asked for.
    const last = original.ruleSet.rules.at(-1)!;
    const at = lastIndexOf(bytes, new TextEncoder().encode(`{"id":"${last.id}"`));
    expect(at).toBeGreaterThan(0);
    const damaged = bytes.slice();
    damaged[at] = 0x23; // `#`: no longer JSON
    const back = deserializeRuleSet(damaged).ruleSet;
    expect(findingsOf(back)).toEqual(findingsOf(original.ruleSet));
    expect(back.get('korea-china/wushi-not-shiyong')).toEqual(
      original.ruleSet.get('korea-china/wushi-not-shiyong'),
    );
    expect(back.has(last.id)).toBe(true);
    expect(() => back.get(last.id)).toThrow(SyntaxError);
    expect(() => back.rules).toThrow(SyntaxError);
    // What needs every rule is stored, not read from them: how far `requires` looks ahead.
    const whole = deserializeRuleSet(bytes).ruleSet;
    expect(segmentReach(whole)).toBe(segmentReach(original.ruleSet));
    expect(segmentReach(whole)).toBeGreaterThan(0);
    expect(whole.rules).toEqual(original.ruleSet.rules);
    expect(whole.rules).toBe(whole.rules);
  });

  test('keep the data of a kind that says it is JSON, and compile the others again', () => {
    const original = compiled();
    const rs = original.ruleSet as CompiledRuleSet;
    const kept = rs.compiled.filter((rule) => kindOf(rule.source.def).jsonData);
    const others = rs.compiled.filter((rule) => !kindOf(rule.source.def).jsonData);
    expect(kept.length).toBeGreaterThan(5);
    expect(others.length).toBeGreaterThan(5);
    // What the term kind compiles survives JSON as it is (no undefined, no class, no function).
    for (const rule of kept) expect(JSON.parse(JSON.stringify(rule.data))).toStrictEqual(rule.data);
    const bytes = serializeRuleSetBytes(original.ruleSet, original.problems);
    for (const form of [bytes, serializeRuleSet(original.ruleSet, original.problems)]) {
      const calls = vi.spyOn(term, 'compile');
      try {
        const back = deserializeRuleSet(form).ruleSet as CompiledRuleSet;
        expect(findingsOf(back)).toEqual(findingsOf(original.ruleSet));
        back.compiled.forEach((rule, i) => {
          expect(rule.source).toStrictEqual(rs.compiled[i]!.source);
          expect(rule.data).toStrictEqual(rs.compiled[i]!.data);
        });
        // No term rule was compiled again; a rule of another kind was, from its definition.
        expect(calls).not.toHaveBeenCalled();
      } finally {
        calls.mockRestore();
      }
    }
    // A record that holds data for a kind that does not keep it (a pack compiled elsewhere, or
    // damaged): the data is not trusted, the rule is compiled again.
    const caution = others.find((rule) => rule.source.def.kind === 'caution')!;
    const forged = serializeRuleSet(original.ruleSet, original.problems).replace(
      `{"def":{"id":"${caution.source.def.id}"`,
      `{"data":{"forged":true},"def":{"id":"${caution.source.def.id}"`,
    );
    expect(forged).toContain('"forged"');
    const back = deserializeRuleSet(forged).ruleSet as CompiledRuleSet;
    const again = back.compiled.find((rule) => rule.source.def.id === caution.source.def.id)!;
    expect(again.data).toStrictEqual(caution.data);
    expect(again.source).toStrictEqual(caution.source);
  });

  test('refuse text of another format', () => {
    const text = serializeRuleSet(compiled().ruleSet);
    const other = text.replace(`"format":${RULE_SET_FORMAT}`, `"format":${RULE_SET_FORMAT + 1}`);
    expect(() => deserializeRuleSet(other)).toThrow(/format/);
  });
});

describe('ruleSetKey', () => {
  const sources = [{ file: 'a.yaml', text: packText }];
  test('is equal for the same packs and options, in any order of rules', () => {
    const key = ruleSetKey(sources, { rules: { a: 'off', b: 'error' }, audience: 'zh' }, '1.0.0');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(ruleSetKey(sources, { rules: { b: 'error', a: 'off' }, audience: ['zh'] }, '1.0.0')).toBe(key);
  });

  test('changes with a pack text, a file name, an option or the salt', () => {
    const key = ruleSetKey(sources);
    expect(ruleSetKey([{ file: 'a.yaml', text: `${packText} ` }])).not.toBe(key);
    expect(ruleSetKey([{ file: 'b.yaml', text: packText }])).not.toBe(key);
    expect(ruleSetKey(sources, { accept: ['x'] })).not.toBe(key);
    expect(ruleSetKey(sources, {}, 'v2')).not.toBe(key);
  });
});

describe('the codec', () => {
  test('round-trips 32-bit values of every length', () => {
    for (let length = 0; length < 40; length++) {
      const values = Int32Array.from({ length }, (_, i) => (i * 2654435761) | 0);
      expect(decodeInt32(encodeInt32(values))).toEqual(values);
      expect(decodePortable(encodeInt32(values))).toEqual(values);
      const bytes = new Uint8Array(values.buffer);
      expect(encodePortable(bytes)).toBe(encodeInt32(values));
    }
    // Longer than the portable encoder's chunk of 8,192 characters.
    const long = Int32Array.from({ length: 10_000 }, (_, i) => (i * 40503) ^ (i << 20));
    expect(encodePortable(new Uint8Array(long.buffer))).toBe(encodeInt32(long));
    expect(decodePortable(encodeInt32(long))).toEqual(long);
    expect(() => decodeInt32('@@@@')).toThrow(/Corrupt/);
    expect(() => decodePortable('@@@@')).toThrow(/Corrupt/);
    // Sixteen characters, twelve bytes: only the newline is wrong.
    expect(() => decodeInt32('AAAAAAA\nAAAAAAAA')).toThrow(/Corrupt/);
    expect(() => decodeInt32('AAAA=AAAAAAAAAAA')).toThrow(/Corrupt/);
    expect(() => decodeInt32('AAAAAAAAAAAAAAA-')).toThrow(/Corrupt/);
    expect(() => decodePortable('AAAAAAAAAAAAAAA-')).toThrow(/Corrupt/);
  });

  test('hashes to 32 hex digits that differ for near strings', () => {
    expect(contentHash('a')).toMatch(/^[0-9a-f]{32}$/);
    expect(contentHash('ab')).not.toBe(contentHash('ba'));
    expect(contentHash('')).not.toBe(contentHash('\u0000'));
  });

  test('hashes as it always has: cache folders keep their keys', () => {
    // The values of the hash's first form (a loop per lane), before its lanes shared one loop.
    expect(contentHash('')).toBe('ebb6c228cb72770f0c66c0248c03471f');
    expect(contentHash('abc')).toBe('60fc312cf472b9d77400e029c7a3e2cd');
    expect(contentHash('实用外交 pragmatic'.repeat(100))).toBe('b8d047de560061ecd4b26a0f01598c46');
  });
});
