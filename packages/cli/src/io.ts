import type { RuleSetCache } from '@nuance/config';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** Terminal width, when a terminal (the progress line fits in it). */
  columns?: number;
}

/** Everything a run touches besides the file system, so tests can run the CLI in-process. */
export interface CliIo {
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Read by `--stdin`; the bin passes process.stdin. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where compiled packs are kept between runs: the bin gives one (its cache folder); else none. */
  cache?: RuleSetCache;
  /**
   * What names this build of nuance (the bin: its bundle's digest and Node's version), which a
   * `--cache` file is kept for; else its version and Node's.
   */
  buildKey?: string;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}
