import { terminalText } from './reporters/terminal-text.js';
import { displayWidth } from './reporters/text-width.js';

export interface ProgressStream {
  isTTY?: boolean;
  write(chunk: string): unknown;
  /** Terminal width; the line is cut to fit so it never wraps (a wrapped line cannot be redrawn). */
  columns?: number;
}

export interface ProgressOptions {
  /** Milliseconds; injectable for tests. Default Date.now. */
  now?: () => number;
  /** The least time between two redraws (default 100 ms: at most ~10 a second). */
  intervalMs?: number;
}

export interface Progress {
  update(done: number, total: number, current?: string): void;
  /** Clear the line, so the report (or a prompt) starts on a clean one. */
  done(): void;
}

const CLEAR_LINE = '\r\x1b[2K';
const DEFAULT_COLUMNS = 80;

/**
 * A single self-redrawing `nuance: 12/340 files  path` line for long runs. Only on a terminal
 * outside CI: a pipe or a CI log would keep every redraw as a line of noise.
 */
export function createProgress(
  stream: ProgressStream,
  env: Readonly<Record<string, string | undefined>>,
  options: ProgressOptions = {},
): Progress {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  if (stream.isTTY !== true || ci) return { update: () => undefined, done: () => undefined };
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 100;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    update(done, total, current) {
      const time = now();
      // The last file is drawn whatever the clock says: the line then never stops short of total.
      if (time - last < interval && done < total) return;
      last = time;
      shown = true;
      stream.write(
        CLEAR_LINE +
          fit(`nuance: ${done}/${total} files${current ? `  ${terminalText(current)}` : ''}`, stream.columns),
      );
    },
    done() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}

/** Cut `line` to one cell less than the terminal (the last cell would wrap on some terminals). */
function fit(line: string, columns: number | undefined): string {
  const room = Math.max(10, (columns && columns > 0 ? columns : DEFAULT_COLUMNS) - 1);
  if (displayWidth(line) <= room) return line;
  let out = '';
  for (const char of line) {
    if (displayWidth(`${out}${char}`) > room - 1) break;
    out += char;
  }
  return `${out}…`;
}
