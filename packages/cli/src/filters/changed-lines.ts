/// <reference types="node" />
// `--changed-lines-from REF`: judge a pull request on the lines it adds or changes, as reviewdog's
// `added` filter does. Git says what changed (a unified diff with no context lines), jsdiff parses
// it (quoted names, renames, new and deleted files); nuance only reads the new side's line numbers.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Finding, isToolRule } from '@nuance/core';
import { parsePatch } from 'diff';
import type { FileResult } from '../results.js';
import { ChangedLinesError } from './changed-lines-error.js';

const run = promisify(execFile);

/** Per absolute path: the added or changed lines (1-based), or `all` for a file git does not track. */
export type ChangedLines = Map<string, ReadonlySet<number> | 'all'>;

async function git(cwd: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run('git', [...args], { cwd, maxBuffer: 1024 ** 3, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    const detail = (e.stderr ?? '').trim().split('\n')[0] || e.message;
    throw new ChangedLinesError(detail);
  }
}

/**
 * The lines added or changed since `ref`: from the commit where the current branch forked from
 * `ref` (or `ref` itself when the history is too shallow to find it, as in a pull request's merge
 * commit checked out at depth 1) to the working tree, so uncommitted edits count. A file git does
 * not track yet (and does not ignore) is new: all of its lines count.
 */
export async function changedLines(ref: string, cwd: string): Promise<ChangedLines> {
  const top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  try {
    await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new ChangedLinesError(`Unknown revision \`${ref}\` for \`--changed-lines-from\``);
  }
  const base = await git(top, ['merge-base', ref, 'HEAD']).then(
    (out) => out.trim(),
    () => ref,
  );
  // Every option that a user's git config could change in the output is given explicitly.
  const diff = await git(top, [
    '-c',
    'core.quotePath=false',
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
    '--find-renames',
    '--unified=0',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    base,
    '--',
  ]);
  const changed: ChangedLines = new Map();
  for (const patch of parsePatch(diff)) {
    const name = patch.newFileName;
    if (name === undefined || !name.startsWith('b/')) continue;
    const lines = new Set<number>();
    for (const hunk of patch.hunks) {
      let line = hunk.newStart;
      for (const text of hunk.lines) {
        if (text.startsWith('+')) lines.add(line++);
        else if (text.startsWith(' ')) line++;
      }
    }
    changed.set(path.join(top, name.slice(2)), lines);
  }
  const untracked = await git(top, ['ls-files', '--others', '--exclude-standard', '-z']);
  for (const name of untracked.split('\0')) if (name) changed.set(path.join(top, name), 'all');
  return changed;
}

/** Whether a finding is on a changed line; a finding about a whole file, when the file changed. */
function onChangedLine(f: Finding, lines: ReadonlySet<number> | 'all'): boolean {
  if (lines === 'all') return true;
  if (isToolRule(f.ruleId) && f.start === f.end && f.line === 1 && f.column === 1) return lines.size > 0;
  for (let line = f.line; line <= f.endLine; line++) if (lines.has(line)) return true;
  return false;
}

/** The changed lines of a file shown as `shown` (a report's path, relative to `cwd`). */
function linesOf(
  changed: ChangedLines,
  cwd: string,
): (shown: string) => ReadonlySet<number> | 'all' | undefined {
  let real = cwd;
  try {
    // Git names files under the real path of the repository; the working folder may be a link.
    real = realpathSync(cwd);
  } catch {}
  return (shown) => changed.get(path.resolve(real, shown));
}

/** The results with only the findings on changed lines (the files stay, as linted files). */
export function keepChangedLines(
  results: readonly FileResult[],
  changed: ChangedLines,
  cwd: string,
): FileResult[] {
  const linesAt = linesOf(changed, cwd);
  return results.map((r) => {
    const lines = linesAt(r.path);
    return { ...r, messages: lines ? r.messages.filter((f) => onChangedLine(f, lines)) : [] };
  });
}

/**
 * Whether `keepChangedLines` keeps no finding of a file shown as `shown`, whatever they are: it
 * has no added or changed line. A check does not lint such a file (its report is the same).
 */
export function withoutChangedLines(changed: ChangedLines, cwd: string): (shown: string) => boolean {
  const linesAt = linesOf(changed, cwd);
  return (shown) => {
    const lines = linesAt(shown);
    return lines === undefined || (lines !== 'all' && lines.size === 0);
  };
}
