// `nuance import FILE`: a termbase as a commented pack YAML, for review and editing before it
// replaces the termbase in `packs:`. Every scalar is written JSON-quoted (valid YAML, whatever
// characters a term holds).
import type { PackOptions, Problem } from '@nuance/core';
import { readTermbase } from './load.js';
import { type TermbaseRule, termbaseToPack } from './to-pack.js';

export interface ImportedPack {
  yaml: string;
  problems: Problem[];
}

const q = (text: string) => JSON.stringify(text);

/** The pack YAML of a termbase's text (without its BOM); the problems are also listed in it. */
export function termbaseToYaml(text: string, file: string, options: PackOptions = {}): ImportedPack {
  const termbase = readTermbase(text, file);
  const mapped = termbaseToPack(termbase, options);
  const problems = [...termbase.problems, ...mapped.problems].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  const base = file.split(/[\\/]/).pop() ?? file;
  const lines = [
    `# Imported by \`nuance import\` from ${base} (${termbase.format}, ${mapped.value.rules.length} concepts).`,
    '# Each concept is a `term` rule whose id is `<pack>/<concept id>`. A deprecated term is a finding',
    '# replaced by the first preferred term of its language; preferred and admitted terms alone give',
    '# no finding (glossary data for bilingual checks); `key-term: false` keeps a concept out of the',
    '# missing-term and inconsistent checks of translations. A zh-Hant term applies to Traditional text',
    '# only, a zh-Hans term to Simplified text only. Review the messages and severities, then name',
    '# this file in `packs:` of .nuancerc.yaml.',
  ];
  if (problems.length > 0) {
    lines.push('#', `# ${problems.length} problem(s) in ${base}; what they name was left out:`);
    for (const p of problems)
      lines.push(`#   ${p.line}:${p.column} ${p.code}: ${p.message.replace(/\n/g, ' ')}`);
  }
  lines.push(`pack: ${q(mapped.value.pack)}`, `description: ${q(mapped.value.description)}`, 'rules:');
  mapped.value.rules.forEach((rule, index) => {
    const concept = mapped.concepts[index];
    const line = concept ? termbase.position(concept.offset).line : 1;
    lines.push(`  # ${concept?.label ?? rule.id}, line ${line}`);
    lines.push(...ruleLines(rule));
  });
  if (mapped.value.rules.length === 0) lines[lines.length - 1] = 'rules: []';
  return { yaml: `${lines.join('\n')}\n`, problems };
}

function ruleLines(rule: TermbaseRule): string[] {
  const lines = [
    `  - id: ${q(rule.id)}`,
    '    kind: term',
    `    severity: ${rule.severity}`,
    `    message: ${q(rule.message)}`,
  ];
  if (rule['key-term'] === false) lines.push('    key-term: false');
  if (rule.note !== undefined) lines.push(`    note: ${q(rule.note)}`);
  lines.push(`    source: ${q(rule.source)}`, '    terms:');
  for (const [lang, terms] of Object.entries(rule.terms)) {
    lines.push(`      ${q(lang)}:`);
    for (const t of terms) {
      lines.push(
        t.status === 'preferred'
          ? `        - ${q(t.text)}`
          : `        - { text: ${q(t.text)}, status: ${t.status} }`,
      );
    }
  }
  return lines;
}
