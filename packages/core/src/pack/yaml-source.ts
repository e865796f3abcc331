// A YAML file with positions: the JS value, the YAML problems, and the line/column of any node by
// its path, so every pack or config problem points at the offending text.
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { Problem, ProblemCode } from '../types.js';
import { quickYamlValue } from './yaml-quick.js';

export type YamlPath = ReadonlyArray<string | number>;

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  file: string;
  /** The document as plain data; undefined when it could not be built at all. */
  value: unknown;
  problems: Problem[];
  /** Position of the value at `path` (else its nearest existing ancestor). */
  locate(path: YamlPath): Position;
  /** Position of the key of the last path segment (else `locate(path)`). */
  locateKey(path: YamlPath): Position;
  /** Position of character `index` of the string scalar at `path`, where its source spells it out. */
  locateInString(path: YamlPath, index: number): Position;
  /** Whether a YAML syntax error lies inside the node at `path` (its key included). */
  damaged(path: YamlPath): boolean;
  problem(code: ProblemCode, message: string, at: Position): Problem;
}

interface Step {
  key?: Node | undefined;
  value?: Node | undefined;
}

/**
 * A YAML file's value and the means to place its problems. A large file that js-yaml reads as
 * `yaml` does, without a problem (yaml-quick.ts), gets its value from js-yaml, and `yaml`'s
 * document with positions is built only when something must be placed; any other file is parsed
 * with positions at once. Either way the value, the problems and every position are `yaml`'s.
 */
export function loadYaml(text: string, file: string): YamlSource {
  const quick = quickYamlValue(text);
  if (!quick) return exactSource(text, file);
  let exact: YamlSource | undefined;
  const placed = () => {
    exact ??= exactSource(text, file);
    return exact;
  };
  return {
    file,
    value: quick.value,
    problems: [],
    locate: (path) => placed().locate(path),
    locateKey: (path) => placed().locateKey(path),
    locateInString: (path, index) => placed().locateInString(path, index),
    // Damage is where `yaml` reports a syntax error: a file with one never takes this path.
    damaged: () => false,
    problem: problemIn(file),
  };
}

function problemIn(file: string): YamlSource['problem'] {
  return (code: ProblemCode, message: string, at: Position): Problem => ({
    code,
    message,
    file,
    line: at.line,
    column: at.column,
    severity: 'error',
  });
}

function exactSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, logLevel: 'silent' });
  const problems: Problem[] = [];
  const errorOffsets: number[] = [];
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problem = problemIn(file);

  // Only the first syntax error is reported: the ones after it are mostly its echoes. All of them
  // mark what they touch as damaged, so salvaged data there is not validated.
  for (const error of doc.errors) errorOffsets.push(error.pos[0]);
  const firstError = doc.errors[0];
  if (firstError)
    problems.push(problem('yaml-syntax', firstLine(firstError.message), toPosition(firstError.pos[0])));
  for (const warning of doc.warnings) {
    problems.push({
      ...problem('yaml-syntax', firstLine(warning.message), toPosition(warning.pos[0])),
      severity: 'warning',
    });
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An unresolved alias or an alias bomb: the data cannot be built.
    value = undefined;
    let offset = 0;
    visit(doc, {
      Alias(_, node) {
        if (node.resolve(doc) !== undefined) return undefined;
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    problems.push(problem('yaml-syntax', (error as Error).message, toPosition(offset)));
  }

  const resolve = (node: Node | undefined): Node | undefined =>
    node && isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;

  // The steps along `path` that exist, root first.
  const walk = (path: YamlPath): Step[] => {
    const root = (doc.contents ?? undefined) as Node | undefined;
    const steps: Step[] = [{ value: root }];
    let node = resolve(root);
    for (const segment of path) {
      let step: Step | undefined;
      if (node && isMap(node)) {
        // The last pair with the key, as toJS keeps the last duplicate.
        for (let i = node.items.length - 1; i >= 0; i--) {
          const pair = node.items[i];
          const key = pair?.key as Node | undefined;
          if (pair && key && isScalar(key) && String(key.value) === String(segment)) {
            step = { key, value: (pair.value ?? undefined) as Node | undefined };
            break;
          }
        }
      } else if (node && isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (item) step = { value: item };
      }
      if (!step) break;
      steps.push(step);
      node = resolve(step.value);
    }
    return steps;
  };

  const startOf = (step: Step | undefined): number | undefined =>
    step?.value?.range?.[0] ?? step?.key?.range?.[0];

  const locate = (path: YamlPath): Position => {
    const steps = walk(path);
    for (let i = steps.length - 1; i >= 0; i--) {
      const start = startOf(steps[i]);
      if (start !== undefined) return toPosition(start);
    }
    return { line: 1, column: 1 };
  };

  const locateKey = (path: YamlPath): Position => {
    const steps = walk(path);
    const last = steps[steps.length - 1];
    const start = steps.length === path.length + 1 ? last?.key?.range?.[0] : undefined;
    return start === undefined ? locate(path) : toPosition(start);
  };

  const locateInString = (path: YamlPath, index: number): Position => {
    const steps = walk(path);
    const node = steps.length === path.length + 1 ? steps[steps.length - 1]?.value : undefined;
    if (node && isScalar(node) && typeof node.value === 'string' && node.range) {
      const [start, end] = node.range;
      const raw = text.slice(start, end);
      const value = node.value;
      // Only where the source spells the value out verbatim (plain, or quoted without escapes).
      const inner = raw === value ? 0 : raw.slice(1, -1) === value && /^['"]/.test(raw) ? 1 : undefined;
      if (inner !== undefined && !value.includes('\n')) return toPosition(start + inner + index);
    }
    return locate(path);
  };

  const damaged = (path: YamlPath): boolean => {
    if (errorOffsets.length === 0) return false;
    const steps = walk(path);
    if (steps.length !== path.length + 1) return false;
    const last = steps[steps.length - 1];
    const start = last?.key?.range?.[0] ?? last?.value?.range?.[0];
    const end = last?.value?.range?.[2] ?? last?.key?.range?.[2];
    if (start === undefined || end === undefined) return false;
    return errorOffsets.some((offset) => offset >= start && offset <= end);
  };

  return { file, value, problems, locate, locateKey, locateInString, damaged, problem };
}

// yaml's pretty messages repeat the position and quote the source; the Problem carries both.
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
