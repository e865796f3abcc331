// Pack YAML text (or pack data with positions: a termbase) -> the normalized PackDefinition, with
// every problem located in the file.
// A problem inside a rule drops that rule only; a duplicate id keeps the first; a bad pack-level
// value is reported and the rest still loads.
import { RULE_KINDS } from '../kinds/registry.js';
import type { Problem } from '../types.js';
import { contextConditions, contextSetDef } from './context-parts.js';
import { dataSource, type PackDataLocator } from './data-source.js';
import { ImportedTermChecks, type ImportedTermFields, type ImportedTermPack } from './imported-terms.js';
import { isRecord, orList, sortProblems, unexpected, validate } from './issues.js';
import { checkRule } from './rule-checks.js';
import { type Examples, optional, type RuleBase } from './rule-parts.js';
import { packSchema } from './schema.js';
import type { RuleBaseOutput } from './schema-parts.js';
import type { PackDefinition, ParsedPack, RuleDefinition } from './types.js';
import { loadYaml, type YamlSource } from './yaml-source.js';

export interface PackParse {
  pack: ParsedPack | undefined;
  problems: Problem[];
}

export function parsePack(text: string, file: string): PackParse {
  return parseSource(loadYaml(text, file), false);
}

/**
 * A pack given as data in the shape a YAML pack has (what `@nuance/config` makes of a termbase),
 * validated as `parsePack` validates YAML; `locator` places every problem in the original file.
 */
export function parsePackData(value: unknown, file: string, locator: PackDataLocator): PackParse {
  return parseSource(dataSource(value, file, locator), false);
}

/**
 * `parsePackData` for term rules an importer built: the same problems, in the same places, but a
 * rule whose values pass the checks imported data can fail skips the schema (imported-terms.ts).
 */
export function parseImportedTermPack(
  value: ImportedTermPack,
  file: string,
  locator: PackDataLocator,
): PackParse {
  return parseSource(dataSource(value, file, locator), true);
}

/**
 * The pack `parseImportedTermPack` makes of term rules an importer has as typed fields, without
 * the data: when the pack's name and description and every rule pass the checks imported data
 * can fail (as the rules of a termbase that loads cleanly do), which is all that path would look
 * at. Undefined otherwise: the importer then builds the data and takes parseImportedTermPack, which
 * places each problem. Rule ids must be distinct (an importer makes them so).
 */
export function importedTermPack(
  value: { pack: string; description: string; rules: readonly ImportedTermFields[] },
  file: string,
  locator: PackDataLocator,
): ParsedPack | undefined {
  const shape = packSchema().shape;
  if (!shape.pack.safeParse(value.pack).success || !shape.description.safeParse(value.description).success) {
    return undefined;
  }
  const checks = new ImportedTermChecks(value.pack);
  const rules: RuleDefinition[] = new Array(value.rules.length);
  const ids = new Set<string>();
  for (let i = 0; i < value.rules.length; i++) {
    const fields = value.rules[i] as ImportedTermFields;
    const rule = checks.termRule(fields);
    if (rule === undefined || ids.has(rule.id)) return undefined;
    ids.add(rule.id);
    rules[i] = rule;
  }
  const definition: PackDefinition = { pack: value.pack, rules, description: value.description };
  return { file, definition, locate: (path) => locator.locate(path) };
}

function parseSource(source: YamlSource, imported = false): PackParse {
  const file = source.file;
  const problems = [...source.problems];
  const root = source.value;
  if (!isRecord(root)) {
    if (root === null) {
      problems.push(
        source.problem('missing-key', 'The pack is empty: expected `pack` and `rules`', source.locate([])),
      );
    } else if (root !== undefined && problems.length === 0) {
      problems.push(unexpected(source, [], root, 'a mapping with `pack` and `rules`'));
    }
    return { pack: undefined, problems: sortProblems(problems) };
  }

  const shape = packSchema().shape;
  for (const key of Object.keys(root)) {
    if (!Object.hasOwn(shape, key) && !source.damaged([key])) {
      problems.push(source.problem('unknown-key', `Unknown key \`${key}\``, source.locateKey([key])));
    }
  }

  let name = nameFromFile(file);
  // Rule ids are checked against the pack name only when it is valid: a typo in `pack` should
  // not drop every rule.
  let prefix: string | undefined;
  if (!('pack' in root)) {
    problems.push(source.problem('missing-key', 'Missing key `pack`', source.locate([])));
  } else if (!source.damaged(['pack'])) {
    const result = validate(shape.pack, root.pack, ['pack'], source);
    if (result.ok) {
      name = result.data;
      prefix = name;
    } else {
      problems.push(...result.problems);
      // Keep the authored name so rule ids that use it still load.
      if (typeof root.pack === 'string' && root.pack !== '') name = root.pack;
    }
  }

  const definition: PackDefinition = { pack: name, rules: [] };
  for (const key of ['description', 'homepage', 'notes'] as const) {
    if (!(key in root) || source.damaged([key])) continue;
    const result = validate(shape[key], root[key], [key], source);
    if (!result.ok) problems.push(...result.problems);
    else if (result.data !== undefined) definition[key] = result.data;
  }
  if ('locales' in root && !source.damaged(['locales'])) {
    const result = validate(shape.locales, root.locales, ['locales'], source);
    if (!result.ok) problems.push(...result.problems);
    else if (result.data !== undefined) definition.locales = result.data;
  }
  // Undefined when `contexts` is broken: rules naming sets are then not checked against it, so one
  // typo there does not drop every rule with a condition.
  let contextNames: ReadonlySet<string> | undefined = new Set();
  if ('contexts' in root && !source.damaged(['contexts'])) {
    const result = validate(shape.contexts, root.contexts, ['contexts'], source);
    if (!result.ok) {
      problems.push(...result.problems);
      contextNames = undefined;
    } else if (result.data !== undefined) {
      definition.contexts = Object.entries(result.data).map(([set, written]) => contextSetDef(set, written));
      contextNames = new Set(definition.contexts.map((c) => c.name));
    }
  }

  // Where each rule kept is in the file's list, when some were left out (ParsedPack.ruleSource).
  let sources: number[] | undefined;
  if (!('rules' in root)) {
    problems.push(source.problem('missing-key', 'Missing key `rules`', source.locate([])));
  } else if (!Array.isArray(root.rules)) {
    if (!source.damaged(['rules'])) problems.push(unexpected(source, ['rules'], root.rules, 'a list'));
  } else {
    // Each rule id's first rule, placed only for a duplicate (a termbase's 10,000 rules have none).
    const firstIndex = new Map<string, number>();
    const importedChecks = imported ? new ImportedTermChecks(prefix) : undefined;
    const ruleSource: number[] = [];
    root.rules.forEach((raw, index) => {
      const path = ['rules', index];
      // A YAML error inside this rule is reported already; what yaml salvaged is not trustworthy.
      if (source.damaged(path)) return;
      if (isRecord(raw) && typeof raw.id === 'string') {
        const first = firstIndex.get(raw.id);
        if (first !== undefined) {
          const line = source.locate(['rules', first, 'id']).line;
          problems.push(
            source.problem(
              'duplicate-id',
              `Duplicate rule id \`${raw.id}\` (first defined on line ${line}); this one is ignored`,
              source.locate([...path, 'id']),
            ),
          );
          return;
        }
        firstIndex.set(raw.id, index);
      }
      const rule =
        (isRecord(raw) ? importedChecks?.define(raw) : undefined) ??
        parseRule(raw, path, { packName: prefix, contextNames }, source, problems);
      if (!rule) return;
      definition.rules.push(rule);
      ruleSource.push(index);
    });
    if (ruleSource.length < root.rules.length) sources = ruleSource;
  }

  const pack: ParsedPack = { file, definition, locate: source.locate };
  if (sources) pack.ruleSource = sources;
  return { pack, problems: sortProblems(problems) };
}

function parseRule(
  raw: unknown,
  path: (string | number)[],
  pack: { packName: string | undefined; contextNames: ReadonlySet<string> | undefined },
  source: YamlSource,
  problems: Problem[],
): RuleDefinition | undefined {
  if (!isRecord(raw)) {
    problems.push(unexpected(source, path, raw, 'a mapping (a rule)'));
    return undefined;
  }
  if (!('kind' in raw)) {
    problems.push(source.problem('missing-key', 'Missing key `kind`', source.locate(path)));
    return undefined;
  }
  const kind = RULE_KINDS.find((candidate) => candidate.name === raw.kind);
  if (!kind) {
    const expected = orList(RULE_KINDS.map((k) => `\`${k.name}\``));
    problems.push(unexpected(source, [...path, 'kind'], raw.kind, expected));
    return undefined;
  }
  const result = validate(kind.schema, raw, path, source);
  if (!result.ok) {
    problems.push(...result.problems);
    return undefined;
  }
  const rule = result.data;
  const ruleProblems = checkRule(kind, rule, path, pack, source);
  if (ruleProblems.length > 0) {
    problems.push(...ruleProblems);
    return undefined;
  }
  return kind.define(rule, ruleBaseOf(rule));
}

function ruleBaseOf(rule: RuleBaseOutput): RuleBase {
  // Set key by key, in the order of the definition's keys: spreads of an object per optional key
  // made each of a termbase's rules, and its kind's spread of this, slow to build.
  const base: RuleBase = { id: rule.id, severity: rule.severity, message: rule.message } as RuleBase;
  if (rule.description !== undefined) base.description = rule.description;
  base.examples = normalizeExamples(rule.examples);
  if (rule.note !== undefined) base.note = rule.note;
  if (rule.source !== undefined) base.source = rule.source;
  if (rule.url !== undefined) base.url = rule.url;
  if (rule.audiences !== undefined) base.audiences = rule.audiences;
  const context = contextConditions(rule.context);
  if (context !== undefined) base.context = context;
  return base;
}

function normalizeExamples(examples: RuleBaseOutput['examples']): Examples {
  if (!examples) return { valid: [], invalid: [] };
  return {
    valid: [...examples.valid],
    invalid: examples.invalid.map((example) =>
      typeof example === 'string'
        ? { text: example }
        : { text: example.text, ...optional('output', example.output) },
    ),
  };
}

/** `rules/korea-china/pack.yaml` -> `korea-china`; `team-terms.yaml` -> `team-terms`. */
function nameFromFile(file: string): string {
  const parts = file.split(/[\\/]/).filter((part) => part !== '');
  const base = (parts[parts.length - 1] ?? '').replace(/\.ya?ml$/i, '');
  return (base === 'pack' ? parts[parts.length - 2] : base) ?? base;
}
