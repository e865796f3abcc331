// The acceptance set of the korea-china pack (acceptance/korea-china.yaml): cases written from the
// essay and from how drafters write, before the rules. Every `⟦…⟧` is a finding the pack must give;
// anything else it gives is a false positive. Prints recall and precision, and every miss and
// every false positive, so a change in either is read, not just counted.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompileOptions, compilePacks, parsePack, type RuleSet } from '@nuance/core';
import { lintDocument, stripMarks } from '@nuance/unified';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinPack } from '../src/index.js';

interface Case {
  why: string;
  text: string;
  path?: string;
  config?: { audience?: string[]; topic?: string[]; voice?: string; lang?: string };
  expect: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const cases = parse(readFileSync(join(here, 'acceptance', 'korea-china.yaml'), 'utf8')) as Case[];

const ruleSets = new Map<string, RuleSet>();
function ruleSetFor(audience: string[] | undefined): RuleSet {
  const key = JSON.stringify(audience ?? null);
  let rs = ruleSets.get(key);
  if (!rs) {
    const source = builtinPack('korea-china');
    if (!source) throw new Error('korea-china pack missing');
    const { pack } = parsePack(source.text, source.file);
    if (!pack) throw new Error('korea-china pack does not parse');
    const options: CompileOptions = audience ? { audience } : {};
    rs = compilePacks([pack], options).ruleSet;
    ruleSets.set(key, rs);
  }
  return rs;
}

interface Outcome {
  truePositives: number;
  misses: string[];
  falsePositives: string[];
}

function runCase(c: Case): Outcome {
  const stripped = stripMarks(c.text);
  if ('error' in stripped) throw new Error(`${c.why}: ${stripped.error}`);
  if (stripped.spans.length !== c.expect.length) {
    throw new Error(`${c.why}: ${stripped.spans.length} marks but ${c.expect.length} expected rule ids`);
  }
  const expected = stripped.spans.map((span, i) => `korea-china/${c.expect[i]} ${span.start}-${span.end}`);
  const { findings } = lintDocument({
    text: stripped.text,
    path: c.path ?? 'draft.md',
    ruleSet: ruleSetFor(c.config?.audience),
    lang: c.config?.lang,
    topic: c.config?.topic,
    voice: c.config?.voice,
  });
  const found = findings.map((f) => `${f.ruleId} ${f.start}-${f.end}`);
  const show = (key: string) => {
    const [rule, range] = key.split(' ');
    const [s, e] = (range ?? '0-0').split('-').map(Number);
    return `${rule} \`${stripped.text.slice(s, e)}\` in "${c.why}": ${JSON.stringify(stripped.text)}`;
  };
  return {
    truePositives: expected.filter((k) => found.includes(k)).length,
    misses: expected.filter((k) => !found.includes(k)).map(show),
    falsePositives: found.filter((k) => !expected.includes(k)).map(show),
  };
}

describe('the korea-china acceptance set', () => {
  it('has at least 100 cases in all four languages, both firing and silent', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(cases.some((c) => c.expect.length === 0)).toBe(true);
    expect(cases.some((c) => /[\u3131-\uD79D]/.test(c.text))).toBe(true);
    expect(cases.some((c) => /[們國會與實務關係韓]/.test(c.text))).toBe(true);
  });

  it('reaches recall and precision of at least 0.95', () => {
    let tp = 0;
    const misses: string[] = [];
    const falsePositives: string[] = [];
    for (const c of cases) {
      const outcome = runCase(c);
      tp += outcome.truePositives;
      misses.push(...outcome.misses);
      falsePositives.push(...outcome.falsePositives);
    }
    const recall = tp / (tp + misses.length);
    const precision = tp / (tp + falsePositives.length);
    console.log(
      `korea-china acceptance: ${cases.length} cases, ${tp + misses.length} expected findings; ` +
        `recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}` +
        misses.map((m) => `\n  missed: ${m}`).join('') +
        falsePositives.map((m) => `\n  false positive: ${m}`).join(''),
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
