// The options of a check that say how a run over many files goes: `--jobs`, `--shard`, `--cache`,
// and what it is judged against (`--changed-lines-from`, `--baseline`, `--write-baseline`).
import { parseShard, type Shard, ShardError } from './shard.js';
import { UsageError } from './usage-error.js';

/** What these options set of a check (args.ts's CheckCommand). */
interface RunCommand {
  stdin?: true;
  jobs?: number;
  shard?: Shard;
  cache?: true;
  cacheLocation?: string;
  changedLinesFrom?: string;
  baseline?: string;
  writeBaseline?: string;
}

/** The values of these options as parsed (args.ts's parser). */
interface RunValues {
  jobs?: string | undefined;
  shard?: string | undefined;
  cache?: boolean | undefined;
  'cache-location'?: string | undefined;
  'changed-lines-from'?: string | undefined;
  baseline?: string | undefined;
  'write-baseline'?: string | undefined;
}

/** `--changed-lines-from`, `--baseline`, `--write-baseline`: what the run is judged against. */
export function readHistoryOptions(command: RunCommand, values: RunValues): void {
  const { 'changed-lines-from': ref, baseline, 'write-baseline': write } = values;
  if (write !== undefined && (baseline !== undefined || ref !== undefined)) {
    throw new UsageError(
      '`--write-baseline` records every finding: not with `--baseline` or `--changed-lines-from`',
    );
  }
  for (const [name, value] of [
    ['changed-lines-from', ref],
    ['baseline', baseline],
    ['write-baseline', write],
  ]) {
    if (value === '') throw new UsageError(`\`--${name}\` needs a value`);
  }
  if (ref !== undefined) command.changedLinesFrom = ref;
  if (baseline !== undefined) command.baseline = baseline;
  if (write !== undefined) command.writeBaseline = write;
}

/** `--jobs` and `--shard`: how a run over many files is spread. */
export function readRunOptions(command: RunCommand, values: RunValues): void {
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1) {
      throw new UsageError(
        `Unexpected value \`${values.jobs}\` for \`--jobs\`, expected a whole number from 1`,
      );
    }
    command.jobs = Number(values.jobs);
  }
  if (values.cache || values['cache-location'] !== undefined) {
    if (command.stdin) throw new UsageError('`--cache` keeps the findings of files: not with `--stdin`');
    if (values['cache-location'] === '') throw new UsageError('`--cache-location` needs a value');
    // A location says where the cache is: it asks for one (as cspell's does).
    command.cache = true;
    if (values['cache-location'] !== undefined) command.cacheLocation = values['cache-location'];
  }
  if (values.shard !== undefined) {
    if (command.stdin) throw new UsageError('`--shard` splits files and folders: not with `--stdin`');
    try {
      command.shard = parseShard(values.shard);
    } catch (error) {
      if (error instanceof ShardError) throw new UsageError(error.message);
      throw error;
    }
  }
}
