// The GitHub Action's step (scripts/github-action.mjs), run locally as the action runs it, on a
// fixture repository made here with a base commit; and the README's example workflow against
// action.yml. Runs the built CLI (built in beforeAll).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCli, writeTree } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCRIPT = path.join(ROOT, 'packages/cli/scripts/github-action.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'nuance-action-'));
const GIT_ENV = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
  }).trim();
}

beforeAll(() => buildCli(), 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run the action's step in `cwd` with the inputs and event given, as action.yml does. */
function runAction(cwd: string, inputs: Record<string, string>, event?: object) {
  const temp = mkdtempSync(path.join(work, 'runner-'));
  const output = path.join(temp, 'github-output');
  writeFileSync(output, '');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...GIT_ENV,
    RUNNER_TEMP: temp,
  };
  env.GITHUB_OUTPUT = output;
  env.GITHUB_STEP_SUMMARY = path.join(temp, 'summary.md');
  if (event) {
    env.GITHUB_EVENT_NAME = 'pull_request';
    env.GITHUB_EVENT_PATH = path.join(temp, 'event.json');
    writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(event));
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const result = spawnSync(process.execPath, [SCRIPT], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  const sarif = outputs['sarif-file'] ? JSON.parse(readFileSync(outputs['sarif-file'], 'utf8')) : undefined;
  const located = (sarif?.runs[0].results ?? []).map(
    (r: {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }) =>
      `${decodeURI(r.locations[0]!.physicalLocation.artifactLocation.uri)}:${r.locations[0]!.physicalLocation.region.startLine} ${r.ruleId}`,
  );
  const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
  const summary = readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8');
  return { code: result.status, stderr: result.stderr, annotations, outputs, located, summary };
}

/** A repository whose `main` has drafts with findings, and a pull request branch adding one. */
async function commitFixture(name: string) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  git(dir, 'init', '-q', '-b', 'main');
  await writeTree(dir, {
    'drafts/statement.md': '# Statement\n\n韩国奉行实用外交。\n\nThe talks went well.\n',
    'notes/old.md': '旧稿：实用外交。\n',
  });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'switch', '-q', '-c', 'pr');
  await writeTree(dir, {
    'drafts/statement.md': '# Statement\n\n韩国奉行实用外交。\n\nThe talks went well, 以实用外交为本。\n',
  });
  git(dir, 'commit', '-q', '-am', 'pull request');
  return { dir, base };
}

describe('the GitHub Action step', () => {
  it("on a pull request, annotates and writes SARIF for the changed lines' findings only", async () => {
    const { dir, base } = await commitFixture('pr');
    const event = { pull_request: { base: { sha: base } } };
    const result = runAction(dir, { paths: 'drafts\nnotes', 'changed-lines-from': 'auto' }, event);
    expect(result.annotations).toEqual([
      expect.stringMatching(
        /^::error file=drafts\/statement\.md,line=5,col=23,endLine=5,endColumn=27,title=korea-china\/wushi-not-shiyong::/,
      ),
    ]);
    expect(result.located).toEqual(['drafts/statement.md:5 korea-china/wushi-not-shiyong']);
    expect(result.code).toBe(1);
    expect(result.outputs['exit-code']).toBe('1');
    expect(result.summary).toContain('### nuance: 1 finding\n');
    expect(result.summary).toContain(
      `Judged: lines changed since \`${base}\`. Errors: 1, warnings: 0, notes: 0.`,
    );

    // Outside a pull request, `auto` judges whole files: all three findings.
    const push = runAction(dir, { paths: 'drafts\nnotes' });
    expect(push.located).toEqual([
      'drafts/statement.md:3 korea-china/wushi-not-shiyong',
      'drafts/statement.md:5 korea-china/wushi-not-shiyong',
      'notes/old.md:1 korea-china/wushi-not-shiyong',
    ]);
    expect(push.annotations).toHaveLength(3);
  });

  it('in a clone of one commit (as actions/checkout makes), fetches the base to compare with', async () => {
    const { dir, base } = await commitFixture('origin');
    const clone = path.join(work, 'clone');
    execFileSync('git', ['clone', '-q', '--depth=1', '--branch=pr', `file://${dir}`, clone]);
    expect(() => git(clone, 'cat-file', '-e', `${base}^{commit}`)).toThrow();
    const result = runAction(clone, { paths: '.' }, { pull_request: { base: { sha: base } } });
    expect(result.located).toEqual(['drafts/statement.md:5 korea-china/wushi-not-shiyong']);
    expect(result.code).toBe(1);
  });

  it('with a baseline, fails only on findings it does not know', async () => {
    const { dir } = await commitFixture('baseline');
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'packages/cli/dist/bin.cjs'), '--write-baseline', 'known.json', 'notes'],
      {
        cwd: dir,
        stdio: 'pipe',
      },
    );
    const known = runAction(dir, { paths: 'notes', baseline: 'known.json', annotate: 'false' });
    expect([known.code, known.located, known.annotations]).toEqual([0, [], []]);
    const missing = runAction(dir, { paths: 'notes', baseline: 'missing.json' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read the baseline');
  });
});

describe("the README's example workflow", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const section = readme.slice(readme.indexOf('### The nuance GitHub Action'));
  const workflow = parse(/```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '');

  it('uses the action with inputs that action.yml declares, and action.yml runs the script tested above', () => {
    const steps = workflow.jobs.nuance.steps as { uses?: string; with?: Record<string, unknown> }[];
    const uses = steps.find((s) => s.uses?.startsWith('OWNER/nuance@'));
    expect(Object.keys(uses?.with ?? {})).toEqual(['paths', 'baseline', 'max-warnings']);
    for (const name of Object.keys(uses?.with ?? {})) expect(action.inputs).toHaveProperty(name);
    // Uploading SARIF needs this permission.
    expect(workflow.jobs.nuance.permissions['security-events']).toBe('write');

    const run = action.runs.steps as {
      id?: string;
      run?: string;
      env?: Record<string, string>;
      uses?: string;
    }[];
    expect(action.runs.using).toBe('composite');
    const lint = run.find((s) => s.id === 'lint');
    expect(lint?.run).toBe('node "$GITHUB_ACTION_PATH/packages/cli/scripts/github-action.mjs"');
    // Every input reaches the script as the INPUT_* variable it reads (all but the upload's own).
    const passed = Object.keys(lint?.env ?? {});
    for (const name of Object.keys(action.inputs)) {
      if (name === 'upload-sarif' || name === 'category') continue;
      expect(passed).toContain(`INPUT_${name.toUpperCase().replace(/-/g, '_')}`);
    }
    const upload = run.at(-1) as { uses?: string; 'continue-on-error'?: boolean };
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@/);
    expect(upload['continue-on-error']).toBe(true);
  });
});
