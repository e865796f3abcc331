// The checks a schema cannot express: the id's pack prefix, message placeholders and example
// marks here, and the kind's own checks (phrase syntax, pattern safety...) through the RuleChecks
// it is given. Any problem drops the rule.
import type { RuleChecks } from '../kinds/kind.js';
import type { AnyRuleKind, RuleOutput } from '../kinds/registry.js';
import type { Problem } from '../types.js';
import { unexpected } from './issues.js';
import { checkPatternSafety } from './pattern-safety.js';
import { expandPhrase, PhraseError } from './phrase.js';
import { listItems } from './rule-parts.js';
import type { RuleBaseOutput } from './schema-parts.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

const PLACEHOLDERS = new Set(['actual', 'expected']);

export function checkRule(
  kind: AnyRuleKind,
  rule: RuleOutput,
  path: YamlPath,
  pack: { packName: string | undefined; contextNames: ReadonlySet<string> | undefined },
  source: YamlSource,
): Problem[] {
  const { packName, contextNames } = pack;
  const problems: Problem[] = [];
  const at = (...rest: (string | number)[]) => [...path, ...rest];

  if (packName !== undefined && !rule.id.startsWith(`${packName}/`)) {
    problems.push(unexpected(source, at('id'), rule.id, `an id starting with \`${packName}/\``));
  }
  for (const match of rule.message.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] ?? '';
    if (!PLACEHOLDERS.has(name) && !kind.placeholders?.includes(name)) {
      const extra = (kind.placeholders ?? []).map((p) => `\`{${p}}\`, `).join('');
      problems.push(
        source.problem(
          'invalid-value',
          `Unexpected placeholder \`${match[0]}\` in \`message\`, expected ${extra}\`{actual}\` or \`{expected}\``,
          source.locateInString(at('message'), match.index),
        ),
      );
    }
  }

  const checks: RuleChecks = {
    source,
    at,
    report: (problem) => problems.push(problem),
    phrase(text, where) {
      try {
        expandPhrase(text);
      } catch (error) {
        if (!(error instanceof PhraseError)) throw error;
        problems.push(source.problem('bad-phrase', error.message, source.locateInString(where, error.index)));
      }
    },
    phrases(list, key) {
      for (const [text, where] of listItems(list, at(key))) checks.phrase(text, where);
    },
    pattern(text, where) {
      const result = checkPatternSafety(text);
      if (!result.ok) problems.push(source.problem(result.code, result.message, source.locate(where)));
    },
    patterns(list, key) {
      for (const [text, where] of listItems(list, at(key))) checks.pattern(text, where);
    },
    context(written, where) {
      if (written === undefined || contextNames === undefined) return;
      const list = Array.isArray(written) ? written : [written];
      list.forEach((condition, c) => {
        condition.sets.forEach((set, s) => {
          if (contextNames.has(set)) return;
          const known = [...contextNames].map((n) => `\`${n}\``);
          const expected =
            known.length > 0
              ? `a context set of this pack: ${known.join(', ')}`
              : 'a context set declared under `contexts` (this pack has none)';
          const at = Array.isArray(written) ? [...where, c, 'sets', s] : [...where, 'sets', s];
          problems.push(
            source.problem(
              'invalid-value',
              `Unknown context set \`${set}\`, expected ${expected}`,
              source.locate(at),
            ),
          );
        });
      });
    },
  };
  checks.context(rule.context, at('context'));
  kind.check(rule, checks);

  checkExamples(rule, at('examples'), source, problems);
  return problems;
}

function checkExamples(rule: RuleBaseOutput, where: YamlPath, source: YamlSource, problems: Problem[]): void {
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
