// A pack given as data (a termbase read into the shape of a pack) with positions supplied by the
// caller: the same validation as a YAML pack, every problem placed where the caller read the value.
import type { Problem, ProblemCode } from '../types.js';
import type { Position, YamlPath, YamlSource } from './yaml-source.js';

export interface PackDataLocator {
  /** Position of the value at `path` in the original file (else of its nearest ancestor). */
  locate(path: YamlPath): Position;
  /** Position of character `index` of the string at `path`; default: `locate(path)`. */
  locateInString?(path: YamlPath, index: number): Position;
}

export function dataSource(value: unknown, file: string, locator: PackDataLocator): YamlSource {
  const locate = (path: YamlPath): Position => locator.locate(path);
  return {
    file,
    value,
    problems: [],
    locate,
    locateKey: locate,
    locateInString: (path, index) => locator.locateInString?.(path, index) ?? locate(path),
    damaged: () => false,
    problem: (code: ProblemCode, message: string, at: Position): Problem => ({
      code,
      message,
      file,
      line: at.line,
      column: at.column,
      severity: 'error',
    }),
  };
}
