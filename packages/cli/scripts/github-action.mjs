// The GitHub Action's step (action.yml at the repository root runs it after building nuance):
// lints the paths given with the built CLI, prints the findings as workflow-command annotations
// (which GitHub shows on the pull request's files) and writes a SARIF file for code scanning. On a
// pull request it judges only the lines the pull request changes (`--changed-lines-from` its base
// commit); with a baseline, only findings the baseline does not know. It decides nothing itself:
// the CLI filters, fingerprints and sets the exit code, which becomes the step's.
// Inputs come as INPUT_* variables (action.yml passes them), so it also runs outside GitHub.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const cli = env.NUANCE_CLI || fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));

function input(name) {
  return (env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();
}

/** `::error::`-style line, for problems of the action itself (the CLI writes its own annotations). */
function fail(message) {
  process.stdout.write(
    `::error title=nuance action::${message.replace(/%/g, '%25').replace(/\n/g, '%0A')}\n`,
  );
  process.exit(2);
}

function git(args) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The base commit of the pull request this run is for, if it is for one. */
function pullRequestBase() {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')).pull_request?.base?.sha || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The REF for `--changed-lines-from`: `auto` is the pull request's base (none outside a pull
 * request: whole files are judged); `none` judges whole files; anything else is a revision.
 * actions/checkout fetches one commit, so a base missing from the clone is fetched.
 */
function changedLinesRef() {
  const value = input('changed-lines-from') || 'auto';
  if (value === 'none') return undefined;
  const ref = value === 'auto' ? pullRequestBase() : value;
  if (ref === undefined) return undefined;
  try {
    git(['cat-file', '-e', `${ref}^{commit}`]);
  } catch {
    try {
      git(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', ref]);
    } catch (error) {
      fail(`Cannot fetch ${ref} to compare with: ${String(error.stderr ?? error.message).trim()}`);
    }
  }
  return ref;
}

function lint(args, stdio) {
  const result = spawnSync(process.execPath, [cli, ...args], { stdio, encoding: 'utf8' });
  if (result.error) fail(`Cannot run ${cli}: ${result.error.message}`);
  return result.status ?? 2;
}

const paths = input('paths')
  .split('\n')
  .map((p) => p.trim())
  .filter(Boolean);
const args = ['check', ...paths];
const config = input('config');
if (config) args.push('--config', config);
const ref = changedLinesRef();
if (ref) args.push('--changed-lines-from', ref);
const baseline = input('baseline');
if (baseline) args.push('--baseline', baseline);
const maxWarnings = input('max-warnings');
if (maxWarnings) args.push('--max-warnings', maxWarnings);

const sarif = path.resolve(input('sarif-file') || path.join(env.RUNNER_TEMP || '.', 'nuance.sarif'));
mkdirSync(path.dirname(sarif), { recursive: true });
const annotate = input('annotate') !== 'false';
// With annotations, the SARIF run's messages (a bad config, say) would repeat theirs: not shown.
let code = lint(
  [...args, '--format', 'sarif', '--output', sarif],
  ['ignore', 'ignore', annotate ? 'ignore' : 'inherit'],
);
if (annotate) code = lint([...args, '--format', 'github'], 'inherit');

/**
 * The job summary: what was judged and how many findings by SARIF level, since GitHub shows only
 * the first few annotations of each kind per step.
 */
function summary() {
  let results = [];
  try {
    results = JSON.parse(readFileSync(sarif, 'utf8')).runs?.[0]?.results ?? [];
  } catch {
    return `nuance could not write its report (exit code ${code}): see the log.\n`;
  }
  const count = (level) => results.filter((r) => r.level === level).length;
  const judged = [
    ref ? `lines changed since \`${ref}\`` : 'whole files',
    baseline ? `findings not in \`${baseline}\`` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [
    `### nuance: ${results.length} finding${results.length === 1 ? '' : 's'}`,
    '',
    `Judged: ${judged}. Errors: ${count('error')}, warnings: ${count('warning')}, notes: ${count('note')}.`,
    'Annotations show the first ones of each kind; the full list is in code scanning and in the SARIF file.',
    '',
  ].join('\n');
}

if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `sarif-file=${sarif}\nexit-code=${code}\n`);
if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summary());
process.exit(code);
