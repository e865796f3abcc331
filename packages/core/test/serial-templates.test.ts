// Records kept as templates (serial-templates.ts): what a template gives back is what JSON.parse of
// the record's JSON gives, keys in the same order; what cannot be one stays JSON.
import { describe, expect, test } from 'vitest';
import { ArraysOut, fromBytes, toBytes } from '../src/engine/serial-bytes.js';
import { RecordTemplates, templatesOut } from '../src/engine/serial-templates.js';

/** The records through the bytes: templates, then each record read back as a run reads it. */
function roundTrip(values: readonly unknown[], share = true) {
  const arrays = new ArraysOut();
  const out = templatesOut(values.length, (i) => values[i], arrays, share);
  const bytes = toBytes(
    JSON.stringify({ templates: out.templates }),
    values.length,
    (i) => (out.templated(i) ? '' : JSON.stringify(values[i])),
    arrays,
  );
  const { json, records, arrays: arraysIn } = fromBytes(bytes);
  const head = JSON.parse(json) as { templates: unknown[] };
  records.useTemplates(RecordTemplates.read(head.templates, values.length, arraysIn));
  arraysIn.finish();
  return { out, records, bytes, head };
}

/** JSON.parse of the value's JSON, and that JSON (which shows the keys' order). */
function asJson(value: unknown): { parsed: unknown; text: string } {
  const text = JSON.stringify(value);
  return { parsed: JSON.parse(text), text };
}

/** A record of the shape a termbase's term rules share, with its own id and terms. */
function termRecord(i: number, terms: number, extra: Record<string, unknown> = {}) {
  const list = Array.from({ length: terms }, (_, k) => ({
    lang: k % 2 ? 'ko' : 'zh',
    status: k === 0 ? 'preferred' : 'deprecated',
    text: `术语${i}-${k}`,
    ...(k > 0 ? { use: `术语${i}-0` } : {}),
  }));
  return {
    def: {
      id: `t/${i}`,
      severity: 'warning',
      message: 'Use `{expected}` instead of `{actual}`',
      examples: { valid: [], invalid: [] },
      kind: 'term',
      fix: true,
      terms: list,
      ...extra,
    },
    rule: { id: `t/${i}`, severity: 'warning' },
    noAudienceReading: false,
    data: { terms: list.map(({ text, ...rest }) => ({ ...rest, display: text })) },
  };
}

describe('records as templates', () => {
  test('give back what JSON.parse of each record gives, keys in order, and keep the rest JSON', () => {
    const values: unknown[] = [];
    for (let i = 0; i < 60; i++) values.push(termRecord(i, 2 + (i % 3)));
    // Of a shape too few records share: JSON.
    for (let i = 0; i < 3; i++) values.push(termRecord(100 + i, 2, { note: `n${i}` }));
    // Odd strings in a shared shape: a lone surrogate, an empty string, astral, quotes, controls.
    const odd = ['x\ud800y', '', '𠮷野家', '"\\\n\u0000', '\udfff', 'a\u2028b', '한미동맹', '\ufeff'];
    for (let i = 0; i < odd.length; i++) values.push({ id: odd[i], n: 1, list: [odd[(i + 1) % odd.length]] });
    // Keys JSON orders (integer-like ones first), and keys JSON leaves out (undefined, functions).
    for (let i = 0; i < 10; i++)
      values.push({ b: `${i}`, 2: 'two', a: { 10: true, 1: null, z: undefined, s: `s${i}` }, f: () => 1 });
    const { out, records, bytes } = roundTrip(values);
    expect(out.templates.length).toBeGreaterThanOrEqual(5);
    let templated = 0;
    for (let i = 0; i < values.length; i++) {
      const { parsed, text } = asJson(values[i]);
      const back = records.parse(i);
      expect(back).toEqual(parsed);
      expect(JSON.stringify(back)).toBe(text);
      if (out.templated(i)) templated++;
    }
    // Every record but the three of a shape of their own.
    expect(templated).toBe(values.length - 3);
    // The bytes hold those three records only, as JSON lines.
    const tail = new TextDecoder().decode(bytes).split('\n').slice(-3);
    expect(tail.map((line) => JSON.parse(line.slice(line.indexOf('{"def"'))).def.id)).toEqual([
      't/100',
      't/101',
      't/102',
    ]);
    // Constants every record of a template shares stay in it: only the strings that vary are holes.
    const terms = out.templates.find((t) => JSON.stringify(t).includes('instead of')) as {
      def: { kind: string };
    };
    expect(terms.def.kind).toBe('term');
  });

  test('tell apart shapes that differ only in a constant, its type, a key or where a list ends', () => {
    // Eight records of each (enough for a template), each group's strings its own.
    const groups: ((i: number) => unknown)[] = [
      (i) => ({ a: 1, s: `a${i}` }),
      (i) => ({ a: 2, s: `b${i}` }),
      (i) => ({ a: true, s: `c${i}` }),
      (i) => ({ a: null, s: `d${i}` }),
      (i) => ({ a: `1-${i}`, s: `e${i}` }),
      (i) => ({ 1: 'one', s: `f${i}` }),
      (i) => ({ s: `g${i}`, a: 1 }),
      (i) => [[], `h${i}`],
      (i) => [[`i${i}`]],
      (i) => [{}, `j${i}`],
      (i) => [{ s: `k${i}` }],
      (i) => ({ a: { s: `l${i}` } }),
      (i) => ({ a: {}, s: `m${i}` }),
    ];
    const values = groups.flatMap((make) => Array.from({ length: 8 }, (_, i) => make(i)));
    const { out, records } = roundTrip(values);
    expect(out.templates).toHaveLength(groups.length);
    for (let i = 0; i < values.length; i++) {
      const { parsed, text } = asJson(values[i]);
      expect(out.templated(i)).toBe(true);
      expect(JSON.stringify(records.parse(i))).toBe(text);
      expect(records.parse(i)).toEqual(parsed);
    }
  });

  test('keep as JSON the records of a shape of their own, however many (a number of each record)', () => {
    // A rule's own context condition index, after which the rest of the record is the same.
    const values: unknown[] = [];
    for (let i = 0; i < 2000; i++)
      values.push({ id: `r${i}`, condition: i, data: { terms: [{ text: `t${i}` }] } });
    for (let i = 0; i < 8; i++)
      values.push({ id: `s${i}`, condition: 7, data: { terms: [{ text: `u${i}` }] } });
    const { out, records } = roundTrip(values);
    // Shape 7 has the 8 records of `s` and record r7: a template; every other record stays JSON.
    expect(out.templates).toHaveLength(1);
    for (let i = 0; i < values.length; i++) {
      expect(out.templated(i)).toBe(i === 7 || i >= 2000);
      expect(JSON.stringify(records.parse(i))).toBe(JSON.stringify(values[i]));
    }
  });

  test('keep as JSON a record that JSON would not give back as it is, or that holds the mark or __proto__', () => {
    // Each case as eleven records of one shape (enough for a template), but for what makes it odd.
    const cases: [string, (i: number) => unknown, boolean][] = [
      ['__proto__', (i) => JSON.parse(`{"__proto__": {"polluted": "yes"}, "id": "p${i}"}`), false],
      ['the mark', (i) => ({ id: `m${i}`, x: '\u0000\u0001' }), false],
      ['a Date', (i) => ({ id: `d${i}`, x: new Date(i) }), false],
      ['NaN', (i) => ({ id: `n${i}`, x: Number.NaN }), false],
      ['-0', (i) => ({ id: `z${i}`, x: -0 }), false],
      ['undefined in an array', (i) => ({ id: `h${i}`, x: [1, undefined, 'a'] }), false],
      ['1e21', (i) => ({ id: `b${i}`, x: 1e21 }), true],
    ];
    for (const [name, make, shared] of cases) {
      const values = Array.from({ length: 11 }, (_, i) => make(i));
      const { out, records } = roundTrip(values);
      for (let i = 0; i < values.length; i++) {
        const { parsed, text } = asJson(values[i]);
        const back = records.parse(i);
        expect(back, name).toEqual(parsed);
        expect(JSON.stringify(back), name).toBe(text);
        expect(Object.getPrototypeOf(back), name).toBe(Object.prototype);
        expect(Object.keys(back as object), name).toEqual(Object.keys(parsed as object));
        expect(out.templated(i), name).toBe(shared);
      }
    }
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
  });

  test('write every record as JSON when not to share, and read them with no template', () => {
    const values = Array.from({ length: 20 }, (_, i) => termRecord(i, 2));
    const shared = roundTrip(values);
    const apart = roundTrip(values, false);
    expect(apart.out.templates).toEqual([]);
    expect(values.every((_, i) => !apart.out.templated(i))).toBe(true);
    expect(apart.bytes.length).toBeGreaterThan(shared.bytes.length);
    for (let i = 0; i < values.length; i++) expect(apart.records.parse(i)).toEqual(shared.records.parse(i));
  });

  test('refuse template arrays that do not line up, and a record that does not fill its template', () => {
    const values = Array.from({ length: 12 }, (_, i) => termRecord(i, 2));
    const arrays = new ArraysOut();
    const out = templatesOut(values.length, (i) => values[i], arrays);
    const [template, holeEnds, holes, units, stringEnds] = arrays.arrays.slice(-5) as Int32Array[];
    const read = (
      changed: Partial<Record<'template' | 'holeEnds' | 'holes' | 'units' | 'stringEnds', Int32Array>>,
      templates = out.templates,
    ) => {
      const again = new ArraysOut();
      for (const a of [
        changed.template ?? template,
        changed.holeEnds ?? holeEnds,
        changed.holes ?? holes,
        changed.units ?? units,
        changed.stringEnds ?? stringEnds,
      ])
        again.add(a as Int32Array);
      const bytes = toBytes('{}', values.length, () => '', again);
      const { arrays: arraysIn } = fromBytes(bytes);
      return RecordTemplates.read(templates, values.length, arraysIn);
    };
    expect(() => read({})).not.toThrow();
    const edit = (a: Int32Array, at: number, v: number) => {
      const b = a.slice();
      b[at] = v;
      return b;
    };
    expect(() => read({ template: edit(template!, 3, 7) })).toThrow(/templates do not line up/);
    expect(() => read({ template: template!.subarray(1) })).toThrow(/templates do not line up/);
    expect(() => read({ holes: edit(holes!, 0, stringEnds!.length) })).toThrow(/templates do not line up/);
    expect(() => read({ holeEnds: edit(holeEnds!, 4, 0) })).toThrow(/templates do not line up/);
    expect(() => read({ stringEnds: edit(stringEnds!, 1, 0) })).toThrow(/templates do not line up/);
    expect(() => read({ units: edit(units!, 0, 3) })).toThrow(/templates do not line up/);
    expect(() => read({}, [JSON.parse('{"__proto__": 1}')])).toThrow(/templates are missing/);
    expect(() => read({}, 'none' as unknown as unknown[])).toThrow(/templates are missing/);
    // A record given one hole less than its template has: the holes of record 1 moved to record 0.
    const short = read({ holeEnds: edit(holeEnds!, 0, (holeEnds![0] as number) - 1) });
    expect(() => short.record(0)).toThrow(/record 0 does not fill its template/);
    expect(() => short.record(1)).toThrow(/does not fill its template/);
  });
});
