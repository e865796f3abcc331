// zod issues -> Problems with a stable code, the position of the offending node, and a message in
// the house form: Unexpected value `loud` for `severity`, expected `error`, `warning`, `info` or `hint`.
import type { z } from 'zod';
import type { Problem } from '../types.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

/** Validate `input` (found at `base` in the file) and return the output or the problems. */
export function validate<T extends z.ZodType>(
  schema: T,
  input: unknown,
  base: YamlPath,
  source: YamlSource,
): { ok: true; data: z.output<T> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) mapIssue(issue, base, input, source, problems);
  return { ok: false, problems };
}

function mapIssue(issue: Issue, base: YamlPath, input: unknown, source: YamlSource, out: Problem[]): void {
  const path = [...base, ...(issue.path as (string | number)[])];
  const value = valueAt(input, issue.path as (string | number)[]);
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        out.push(source.problem('unknown-key', `Unknown key \`${key}\``, source.locateKey([...path, key])));
      }
      return;
    case 'invalid_key': {
      const first = issue.issues[0];
      const expected = first ? expectation(first) : 'a valid key';
      const key = String(path[path.length - 1]);
      out.push(
        source.problem(
          'invalid-value',
          `Unexpected key \`${key}\`, expected ${expected}`,
          source.locateKey(path),
        ),
      );
      return;
    }
    case 'invalid_union': {
      // Keep the branches whose shape fits the value (a list for the list branch...).
      const fitting = issue.errors.filter(
        (branch) => !branch.some((inner) => inner.path.length === 0 && inner.code === 'invalid_type'),
      );
      const only = fitting.length === 1 ? fitting[0] : undefined;
      if (only) {
        for (const inner of only) mapIssue(inner, path, value, source, out);
        return;
      }
      const expected = issue.errors
        .map((branch) => branch.find((inner) => inner.path.length === 0))
        .map((inner) => (inner ? expectation(inner) : undefined))
        .filter((text): text is string => text !== undefined);
      out.push(
        unexpected(source, path, value, expected.length > 0 ? orList(unique(expected)) : 'another value'),
      );
      return;
    }
    case 'invalid_type': {
      const parent = valueAt(input, (issue.path as (string | number)[]).slice(0, -1));
      const key = path[path.length - 1];
      if (value === undefined && typeof key === 'string' && isRecord(parent) && !(key in parent)) {
        out.push(source.problem('missing-key', `Missing key \`${key}\``, source.locate(path.slice(0, -1))));
        return;
      }
      out.push(unexpected(source, path, value, expectation(issue)));
      return;
    }
    default:
      out.push(unexpected(source, path, value, expectation(issue)));
  }
}

/** By position; the sort is stable, so problems at one node keep their order. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** An invalid-value problem in the house form. */
export function unexpected(source: YamlSource, path: YamlPath, value: unknown, expected: string): Problem {
  return source.problem(
    'invalid-value',
    `Unexpected ${describeValue(value)} for ${describeKey(path)}, expected ${expected}`,
    source.locate(path),
  );
}

function expectation(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return typeName(issue.expected);
    case 'invalid_value':
      return orList(issue.values.map((v) => `\`${String(v)}\``));
    case 'invalid_format':
      // Custom messages on our formats are written as the expectation itself.
      return issue.message.startsWith('Invalid') ? `a valid ${issue.format}` : issue.message;
    case 'too_small':
      if (issue.origin === 'string') return 'a non-empty string';
      return `at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'item' : 'items'}`;
    default:
      return issue.message;
  }
}

function typeName(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
    case 'map':
      return 'a mapping';
    case 'boolean':
      return '`true` or `false`';
    case 'number':
    case 'int':
      return 'a number';
    default:
      return `a ${expected}`;
  }
}

export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (isRecord(value)) return 'mapping';
  if (value === undefined) return 'empty value';
  const text = String(value).replace(/\s+/g, ' ');
  return `value \`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

function describeKey(path: YamlPath): string {
  const last = path[path.length - 1];
  if (typeof last === 'string') return `\`${last}\``;
  const owner = [...path].reverse().find((segment) => typeof segment === 'string');
  return owner === undefined ? 'the document' : `an item of \`${owner}\``;
}

/** `a`, `b` or `c` */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(value: unknown, path: readonly (string | number | symbol)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && typeof segment === 'string') current = current[segment];
    else return undefined;
  }
  return current;
}
