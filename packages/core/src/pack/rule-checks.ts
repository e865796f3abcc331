// The checks a schema cannot express: the id's pack prefix, message placeholders, phrase syntax,
// pattern safety, term consistency and example marks. Each returns Problems; any drops the rule.
import type { Problem } from '../types.js';
import { unexpected } from './issues.js';
import { checkPatternSafety } from './pattern-safety.js';
import { expandPhrase, PhraseError } from './phrase.js';
import type {
  CautionRuleOutput,
  ConsistencyRuleOutput,
  RequiresRuleOutput,
  TermRuleOutput,
} from './schema.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

export type RuleOutput = TermRuleOutput | CautionRuleOutput | RequiresRuleOutput | ConsistencyRuleOutput;
type PhraseList = string[] | Record<string, string[]>;

const PLACEHOLDERS = new Set(['actual', 'expected']);

export function checkRule(
  rule: RuleOutput,
  path: YamlPath,
  packName: string | undefined,
  source: YamlSource,
): Problem[] {
  const problems: Problem[] = [];
  const at = (...rest: (string | number)[]) => [...path, ...rest];

  if (packName !== undefined && !rule.id.startsWith(`${packName}/`)) {
    problems.push(unexpected(source, at('id'), rule.id, `an id starting with \`${packName}/\``));
  }
  for (const match of rule.message.matchAll(/\{([^{}]*)\}/g)) {
    if (!PLACEHOLDERS.has(match[1] ?? '')) {
      problems.push(
        source.problem(
          'invalid-value',
          `Unexpected placeholder \`${match[0]}\` in \`message\`, expected \`{actual}\` or \`{expected}\``,
          source.locateInString(at('message'), match.index),
        ),
      );
    }
  }

  const phrase = (text: string, where: YamlPath) => {
    try {
      expandPhrase(text);
    } catch (error) {
      if (!(error instanceof PhraseError)) throw error;
      problems.push(source.problem('bad-phrase', error.message, source.locateInString(where, error.index)));
    }
  };
  const phrases = (list: PhraseList | undefined, key: string) => {
    for (const [text, where] of entries(list, at(key))) phrase(text, where);
  };
  const pattern = (text: string, where: YamlPath) => {
    const result = checkPatternSafety(text);
    if (!result.ok) problems.push(source.problem(result.code, result.message, source.locate(where)));
  };

  switch (rule.kind) {
    case 'term':
      phrases(rule.exceptions, 'exceptions');
      for (const [lang, terms] of Object.entries(rule.terms)) {
        for (const [index, term] of terms.entries()) {
          const where = at('terms', lang, index);
          if (typeof term === 'string') {
            phrase(term, where);
            continue;
          }
          checkTerm(term, where, source, problems);
          if (term.text !== undefined) phrase(term.text, [...where, 'text']);
          if (term.pattern !== undefined) pattern(term.pattern, [...where, 'pattern']);
        }
      }
      break;
    case 'caution':
      phrases(rule.phrases, 'phrases');
      phrases(rule.unless, 'unless');
      for (const [text, where] of entries(rule.patterns, at('patterns'))) pattern(text, where);
      break;
    case 'requires':
      phrases(rule.when, 'when');
      phrases(rule.require, 'require');
      phrases(rule.context, 'context');
      break;
    case 'consistency':
      for (const [g, group] of rule.groups.entries()) {
        for (const [index, text] of group.entries()) phrase(text, at('groups', g, index));
      }
      break;
  }

  checkExamples(rule, at('examples'), source, problems);
  return problems;
}

type TermObject = Exclude<TermRuleOutput['terms'][string][number], string>;

function checkTerm(term: TermObject, where: YamlPath, source: YamlSource, problems: Problem[]): void {
  if (term.text !== undefined && term.pattern !== undefined) {
    problems.push(
      source.problem(
        'invalid-value',
        'A term has `text` or `pattern`, not both',
        source.locateKey([...where, 'pattern']),
      ),
    );
  } else if (term.text === undefined && term.pattern === undefined) {
    problems.push(source.problem('missing-key', 'Missing key `text` (or `pattern`)', source.locate(where)));
  }
  const replaceable = term.status === 'deprecated' || term.status === 'forbidden';
  if (term.use !== undefined && !replaceable) {
    problems.push(
      unexpected(
        source,
        [...where, 'status'],
        term.status,
        '`deprecated` or `forbidden` for a term with `use`',
      ),
    );
  }
  if (term['use-hant'] !== undefined && term.use === undefined) {
    problems.push(
      source.problem(
        'missing-key',
        'Missing key `use` (`use-hant` is its Traditional form)',
        source.locate(where),
      ),
    );
  }
}

function checkExamples(rule: RuleOutput, where: YamlPath, source: YamlSource, problems: Problem[]): void {
  const examples = rule.examples ?? { valid: [], invalid: [] };
  examples.valid.forEach((text, index) => {
    if (/[⟦⟧]/.test(text)) {
      problems.push(
        source.problem(
          'bad-example',
          'A valid example has no `⟦…⟧` marks',
          source.locate([...where, 'valid', index]),
        ),
      );
    }
  });
  examples.invalid.forEach((example, index) => {
    const text = typeof example === 'string' ? example : example.text;
    const path =
      typeof example === 'string' ? [...where, 'invalid', index] : [...where, 'invalid', index, 'text'];
    const error = markError(text);
    if (error) problems.push(source.problem('bad-example', error, source.locate(path)));
  });
}

function markError(text: string): string | undefined {
  let open = -1;
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '⟦') {
      if (open >= 0) return 'Unbalanced `⟦…⟧` marks: `⟦` inside a mark';
      open = i;
    } else if (char === '⟧') {
      if (open < 0) return 'Unbalanced `⟦…⟧` marks: `⟧` without `⟦`';
      if (i === open + 1) return 'An empty `⟦⟧` mark';
      open = -1;
      marks++;
    }
  }
  if (open >= 0) return 'Unbalanced `⟦…⟧` marks: `⟦` without `⟧`';
  if (marks === 0) return 'An invalid example marks every expected finding with `⟦…⟧`; this one has none';
  return undefined;
}

/** The items of a plain or keyed list with their paths. */
export function entries(list: PhraseList | undefined, where: YamlPath): [string, YamlPath][] {
  if (list === undefined) return [];
  if (Array.isArray(list)) return list.map((text, index) => [text, [...where, index]]);
  return Object.entries(list).flatMap(([lang, items]) =>
    items.map((text, index): [string, YamlPath] => [text, [...where, lang, index]]),
  );
}
