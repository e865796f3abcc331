// A generated termbase loads and compiles to exactly what it did before the loading and the
// automaton were made faster: the pack, its problems and their places, the serialized rule set
// (the automaton by what it matches, not by its layout) and the findings on a text. The expected
// hashes were taken from the code before that work; a change here is a change of behaviour.
// squash, a regular expression made a loop in that work, is checked against it on every unit.
import { createHash } from 'node:crypto';
import {
  type CompiledRuleSet,
  compilePacks,
  type Finding,
  lintSegments,
  serializeRuleSet,
} from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { CANDIDATE, WEAK } from '../../core/src/engine/prefilter.js';
import { mulberry32 as random } from '../../core/test/random.js';
import { parseTermbase } from '../src/index.js';
import { squash } from '../src/termbase/model.js';

interface Vocabulary {
  en: () => string;
  zh: () => string;
  ko: () => string;
}

function vocabulary(rand: () => number): Vocabulary {
  const int = (n: number) => Math.floor(rand() * n);
  const chars = (from: number, span: number, count: number) =>
    Array.from({ length: count }, () => String.fromCodePoint(from + int(span))).join('');
  // Small pools, so that concepts share words and terms (a term many concepts hold).
  const words = Array.from({ length: 60 }, () => chars(0x61, 26, 2 + int(6)));
  const han = Array.from({ length: 40 }, () => chars(0x4e00, 0x300, 1));
  const word = () => words[int(words.length)] as string;
  return {
    en: () => (rand() < 0.3 ? word() : `${word()} ${word()}${rand() < 0.2 ? 'y' : ''}`),
    zh: () => Array.from({ length: 2 + int(3) }, () => han[int(han.length)]).join(''),
    ko: () => chars(0xac00, 200, 2 + int(2)),
  };
}

const STATUSES = ['preferredTerm-admn-sts', 'admittedTerm-admn-sts', 'deprecatedTerm-admn-sts'];

/** A TBX v2 file with what a real one has: wrapped and escaped terms, notes, and some bad entries. */
function tbx(concepts: number, seed: number): string {
  const rand = random(seed);
  const v = vocabulary(rand);
  const int = (n: number) => Math.floor(rand() * n);
  const tig = (term: string, status: string, extra = '') =>
    `<tig><term>${term}</term><termNote type="administrativeStatus">${status}</termNote>${extra}</tig>`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<martif type="TBX-Basic"><text><body>'];
  for (let i = 0; i < concepts; i++) {
    const id = i % 97 === 5 ? `c${i - 1}` : i % 53 === 7 ? '' : ` id="c${i}"`;
    const roll = int(40);
    const en1 = roll === 0 ? `C++ [${v.en()}]` : roll === 1 ? `${v.en()} &amp; co` : v.en();
    const en2 = roll === 2 ? `\n    ${v.en()}\n  ` : v.en();
    const status = STATUSES[int(STATUSES.length)] as string;
    const parts = [
      `<termEntry${id === '' || id.startsWith(' ') ? id : ` id="${id}"`}>`,
      roll < 8 ? `<descrip type="subjectField">field ${roll}</descrip>` : '',
      roll === 9 ? `<descrip type="definition">Defined ${v.en()}.</descrip>` : '',
      `<langSet xml:lang="en">${tig(en1, 'preferredTerm-admn-sts', roll === 10 ? '<note>see also</note>' : '')}${tig(en2, roll === 11 ? 'loudTerm-admn-sts' : status)}</langSet>`,
      roll === 12 ? '' : `<langSet xml:lang="zh-Hans">${tig(v.zh(), 'preferredTerm-admn-sts')}</langSet>`,
      roll === 13 ? '' : `<langSet xml:lang="zh-Hant">${tig(v.zh(), status)}</langSet>`,
      roll === 14 ? `<langSet>${tig(v.ko(), 'preferredTerm-admn-sts')}</langSet>` : '',
      `<langSet xml:lang="${roll === 15 ? 'ko KR' : 'ko'}">${tig(v.ko(), 'preferredTerm-admn-sts')}</langSet>`,
      roll === 16 ? '<langSet xml:lang="en"><tig><term>broken</tig></langSet>' : '',
      '</termEntry>',
    ];
    out.push(roll === 17 ? `<termEntry id="empty${i}"></termEntry>` : parts.join(roll < 20 ? '\n' : ''));
  }
  out.push('</body></text></martif>', '');
  return out.join('\n');
}

function csv(concepts: number, seed: number): string {
  const rand = random(seed);
  const v = vocabulary(rand);
  const rows = ['id,en,zh-Hans,ko,status,note'];
  for (let i = 0; i < concepts; i++) {
    const status = ['preferred', 'admitted', 'deprecated', ''][Math.floor(rand() * 4)];
    rows.push(`r${i % 150},"${v.en()}",${v.zh()},${v.ko()},${status},${i % 7 === 0 ? `note ${i}` : ''}`);
  }
  return `${rows.join('\n')}\n`;
}

const sha = (value: unknown) =>
  createHash('sha256')
    .update(typeof value === 'string' ? value : JSON.stringify(value))
    .digest('hex')
    .slice(0, 16);

/** Every match of the automaton over `text`, and the flags of its parts, as a hash. */
function matches(ruleSet: CompiledRuleSet, text: string): { count: number; hash: string } {
  const found: number[] = [];
  ruleSet.automaton.scan(text, (id, start, end) => found.push(id, start, end));
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  let state = 0;
  for (let i = 0; i < text.length; i += 97) {
    const part = units.subarray(i, i + 97);
    const result = ruleSet.automaton.flagsIn(part, part.length, 0xffff, state);
    state = result.state;
    // WEAK came after these hashes were taken: a short Latin phrase's CANDIDATE, split off.
    found.push(result.flags & WEAK ? (result.flags & ~WEAK) | CANDIDATE : result.flags);
  }
  return { count: found.length, hash: sha(found) };
}

/**
 * The rule set's phrase references without `quiet`, which came after these hashes were taken
 * (PhraseRef.quiet: a term that decides no finding alone, a preferred or admitted one; core's
 * prefilter test checks which): the rest of each must be as it was.
 */
function withoutQuiet(serial: Record<string, unknown>): unknown {
  const refs = serial.refs as Record<string, unknown>[] | undefined;
  return refs?.map(({ quiet: _, ...ref }) => ref);
}

/**
 * The compiled rules without the data a kind keeps with them (`jsonData`, which came after these
 * hashes were taken): it is what the kind compiles from the rule's definition, which is hashed.
 */
function withoutData(serial: Record<string, unknown>): unknown {
  const compiled = serial.compiled as Record<string, unknown>[] | undefined;
  return compiled?.map(({ data: _, ...rule }) => rule);
}

function fingerprint(text: string, file: string) {
  const { pack, problems } = parseTermbase(text, file);
  if (!pack) throw new Error(`${file} did not load`);
  const { ruleSet, problems: compileProblems } = compilePacks([pack]);
  const compiled = ruleSet as CompiledRuleSet;
  const serial = JSON.parse(serializeRuleSet(ruleSet, compileProblems)) as Record<string, unknown>;
  // Without the format's number: it changes with the layout of the automaton's arrays.
  const {
    automaton,
    format: _,
    ...rest
  } = serial as {
    automaton: { patternCount: number; states: number };
    format: number;
  };
  const terms = pack.definition.rules.flatMap((r) => (r.kind === 'term' ? r.terms.map((t) => t.text) : []));
  const sample = `${terms.join(' ')} ${terms.slice(0, 200).reverse().join('')}`;
  // The places of a rule and of each of its terms (the locator's paths: terms by language).
  const paths = pack.definition.rules.flatMap((r, i) => [
    pack.locate(['rules', i]),
    ...(r.kind === 'term' ? r.terms : []).map((t, k) => pack.locate(['rules', i, 'terms', t.lang, k % 2])),
  ]);
  const findings: Finding[] = lintSegments(
    { text: sample, segments: [{ pieces: [{ start: 0, end: sample.length }] }] },
    ruleSet,
  );
  return {
    rules: pack.definition.rules.length,
    problems: problems.length,
    pack: sha([pack.definition, problems, paths]),
    ruleSet: sha({ ...rest, refs: withoutQuiet(rest), compiled: withoutData(rest) }),
    automaton: { patterns: automaton.patternCount, states: automaton.states },
    matches: matches(compiled, sample.toLowerCase()),
    findings: { count: findings.length, hash: sha(findings) },
  };
}

describe('a generated termbase compiles as it did before', () => {
  it('TBX: pack, problems, places, rule set, matches and findings', () => {
    expect(fingerprint(tbx(600, 7), 'generated.tbx')).toEqual({
      rules: 545,
      problems: 85,
      pack: 'fc0ddab2ef2a4b37',
      ruleSet: '1c46aa408ec76a40',
      automaton: { patterns: 2473, states: 6578 },
      matches: { count: 41361, hash: 'c6eacd432a659006' },
      findings: { count: 1686, hash: 'f0f373a199ad8cf5' },
    });
  });

  it('CSV: pack, problems, places, rule set, matches and findings', () => {
    expect(fingerprint(csv(400, 11), 'generated.csv')).toEqual({
      rules: 150,
      problems: 0,
      pack: '083e6bdfbd06a3f8',
      ruleSet: '1a3896e9b747f65b',
      automaton: { patterns: 1170, states: 3028 },
      matches: { count: 9505, hash: '13d6a7946cdff1e9' },
      findings: { count: 582, hash: '5fcec00d39aff121' },
    });
  });
});

describe('squash', () => {
  it('collapses exactly what /^\\s|\\s$|\\s\\s|[\\t\\n\\r]/ finds, for every UTF-16 unit', () => {
    const before = (t: string) => (/^\s|\s$|\s\s|[\t\n\r]/.test(t) ? t.replace(/\s+/g, ' ').trim() : t);
    const differ: number[] = [];
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      for (const t of [c, `a${c}`, `${c}a`, `a${c}${c}b`, `a ${c}b`])
        if (squash(t) !== before(t)) differ.push(u);
    }
    expect(differ).toEqual([]);
  });
});
