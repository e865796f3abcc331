import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigResolver, RuleSetCache } from '@nuance/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectFiles, displayPath } from '../src/files.js';
import {
  capJobs,
  defaultJobs,
  type LintTask,
  type LintTaskResult,
  lintInParallel,
  makeBatches,
} from '../src/parallel/index.js';
import { shareConfig } from '../src/parallel/shared-config.js';
import { formatJson } from '../src/reporters/json.js';
import { buildCli, run, withTempDir } from './helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const samples = path.join(repoRoot, 'rules/korea-china/samples');
const MB = 1024 * 1024;

beforeAll(buildCli);

describe('defaultJobs', () => {
  it('uses one thread for small runs and below 3 cores, else 2 from 50 files or 2 MB', async () => {
    const bytes = (n: number) => async () => n;
    expect(await defaultJobs(49, bytes(2 * MB - 1), 8)).toBe(1);
    expect(await defaultJobs(50, bytes(1000), 8)).toBe(2);
    expect(await defaultJobs(3, bytes(2 * MB), 8)).toBe(2);
    expect(await defaultJobs(500, bytes(50 * MB), 1)).toBe(1);
    expect(await defaultJobs(500, bytes(50 * MB), 2)).toBe(1);
    expect(await defaultJobs(500, bytes(50 * MB), 3)).toBe(2);
    expect(await defaultJobs(500, bytes(50 * MB), 16)).toBe(2);
    // One file cannot be split, however big.
    expect(await defaultJobs(1, bytes(40 * MB), 8)).toBe(1);
  });

  it('stats the files only when their size decides', async () => {
    let asked = 0;
    const bytes = async () => {
      asked++;
      return MB;
    };
    await defaultJobs(500, bytes, 2);
    await defaultJobs(1, bytes, 8);
    await defaultJobs(50, bytes, 8);
    expect(asked).toBe(0);
    expect(await defaultJobs(49, bytes, 8)).toBe(1);
    expect(asked).toBe(1);
  });
});

describe('capJobs', () => {
  const GB = 1024 * MB;
  it('gives no more threads than cores, nor more workers than the free memory holds', () => {
    expect(capJobs(64, 100 * MB, { cores: 2, freeMemory: 20 * GB })).toBe(2);
    expect(capJobs(8, 100 * MB, { cores: 16, freeMemory: 20 * GB })).toBe(8);
    // This thread lints too: 350 MB free holds 3 more threads of 100 MB.
    expect(capJobs(8, 100 * MB, { cores: 16, freeMemory: 350 * MB })).toBe(4);
    expect(capJobs(4, 100 * MB, { cores: 16, freeMemory: 0 })).toBe(1);
    expect(capJobs(3, 100 * MB, { cores: 0, freeMemory: 20 * GB })).toBe(1);
  });
});

describe('makeBatches', () => {
  it('covers every slot once, in runs of neighbours, largest batch first', () => {
    const sizes = [10, 10, 10, 10, 500, 10, 10, 10, 10, 10];
    const batches = makeBatches(sizes, 2);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(batches[0]).toContain(4);
    for (const batch of batches) expect(batch).toEqual(batch.map((_, i) => batch[0]! + i));
  });
});

/** ~60 drafts in zh, ko and en (the pack's samples, some varied), two of them unreadable. */
async function makeDrafts(dir: string): Promise<void> {
  const names = [
    'briefing.ko.md',
    'press-release.en.md',
    'remarks.zh.txt',
    'statement-hant.zh.md',
    'statement.zh.md',
  ];
  for (let i = 0; i < 58; i++) {
    const name = names[i % names.length]!;
    const folder = path.join(dir, `batch-${i % 4}`, i % 3 === 0 ? 'sub' : '');
    await mkdir(folder, { recursive: true });
    const target = path.join(folder, `${String(i).padStart(2, '0')}-${name}`);
    if (i % 7 === 0) {
      // Clean text: no findings, only a parse.
      await writeFile(target, `# Note ${i}\n\nThe delegations met in Seoul and agreed to meet again.\n`);
    } else if (i % 5 === 1) {
      // A draft repeated: longer than the others, so batches differ in size.
      const text = await readFile(path.join(samples, name), 'utf8');
      await writeFile(target, text.repeat(20));
    } else {
      await copyFile(path.join(samples, name), target);
    }
  }
  await writeFile(path.join(dir, 'batch-1', 'broken.md'), Buffer.from([0x61, 0x62, 0xff, 0x0a]));
  await writeFile(path.join(dir, 'batch-2', 'utf16.md'), Buffer.from([0xff, 0xfe, 0x61, 0x00]));
}

async function tasksOf(dir: string): Promise<LintTask[]> {
  const { files } = await collectFiles([], dir, { gitignore: false });
  return files.map((file, index) => ({
    index,
    path: file,
    displayPath: displayPath(file, dir),
    keepText: true,
  }));
}

function asJson(tasks: readonly LintTask[], results: readonly LintTaskResult[]): string {
  return formatJson(results.map((r, i) => ({ path: tasks[i]!.displayPath, messages: r.findings })));
}

describe('lintInParallel', () => {
  it('gives with 2 workers, and with this thread and a worker, exactly the bytes of the sequential run and of `nuance --format json`', async () => {
    await withTempDir(async (dir) => {
      await makeDrafts(dir);
      const tasks = await tasksOf(dir);
      expect(tasks).toHaveLength(60);

      const progress: number[] = [];
      // Workers only, so every file goes through a worker thread and the configs it was given.
      const parallel = await lintInParallel(tasks, {
        jobs: 2,
        cwd: dir,
        lintHere: false,
        onProgress: (done) => progress.push(done),
      });
      const sequential = await lintInParallel(tasks, { jobs: 1, cwd: dir });
      const mixed = await lintInParallel(tasks, { jobs: 2, cwd: dir });

      expect(parallel.map((r) => r.index)).toEqual(tasks.map((t) => t.index));
      expect(parallel.filter((r) => r.error !== undefined)).toEqual([]);
      expect(asJson(tasks, mixed)).toBe(asJson(tasks, sequential));
      expect(asJson(tasks, parallel)).toBe(asJson(tasks, sequential));
      expect(JSON.stringify(parallel.map((r) => r.text))).toBe(JSON.stringify(sequential.map((r) => r.text)));
      expect(progress).toEqual(tasks.map((_, i) => i + 1));

      const cli = await run(['--format', 'json', '.'], dir);
      expect(asJson(tasks, parallel)).toBe(cli.stdout);

      const byPath = new Map(tasks.map((t, i) => [t.displayPath, parallel[i]!]));
      expect(
        byPath
          .get('batch-1/broken.md')
          ?.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`),
      ).toEqual([
        '1:3 nuance/unreadable-file Invalid UTF-8 at byte offset 2 (line 1, column 3); save the file as UTF-8',
      ]);
      expect(byPath.get('batch-2/utf16.md')?.findings[0]?.ruleId).toBe('nuance/unreadable-file');
      expect(byPath.get('batch-2/utf16.md')?.text).toBeUndefined();
      expect(parallel.filter((r) => r.text !== undefined)).toHaveLength(tasks.length - 2);
      // A report that does not read the text (JSON) is not sent it.
      const lean = tasks.map(({ keepText: _, ...task }) => task);
      const withoutText = await lintInParallel(lean, { jobs: 2, cwd: dir });
      expect(withoutText.filter((r) => r.text !== undefined)).toEqual([]);
      expect(asJson(tasks, withoutText)).toBe(asJson(tasks, sequential));
      expect(
        byPath
          .get('batch-2/02-remarks.zh.txt')
          ?.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.actual}`),
      ).toEqual(['3:8 korea-china/wushi-not-shiyong 实用主义外交路线']);
      expect(byPath.get('batch-0/sub/00-briefing.ko.md')?.findings).toEqual([]);
      const withFindings = parallel.filter((r) => r.findings.length > 0).length;
      expect(withFindings).toBeGreaterThan(40);
    });
  });

  it('shares a rule set from the rule-set cache with the workers: its bytes in shared memory, its records read from the entry', async () => {
    await withTempDir(async (dir) => {
      // A termbase of 300 terms, each a rule with a record of its own, read when first used.
      const rules = [];
      for (let i = 0; i < 300; i++) {
        const id = `tb/t${String(i).padStart(3, '0')}`;
        rules.push(
          `  - id: ${id}\n    kind: term\n    severity: warning\n    message: 'Use \`{expected}\`'\n    fix: true\n    terms:\n      en:\n        - "term-${i}"\n        - { text: "term ${i}", status: deprecated, use: "term-${i}" }`,
        );
      }
      await writeFile(path.join(dir, 'tb.yaml'), `pack: tb\nrules:\n${rules.join('\n')}\n`);
      await writeFile(path.join(dir, '.nuancerc.yaml'), 'packs: [./tb.yaml]\n');
      const tasks: LintTask[] = [];
      for (let f = 0; f < 12; f++) {
        const name = `d${f}.md`;
        const lines = [];
        for (let i = f; i < 300; i += 12)
          lines.push(`We discussed term ${i} and term-${(i * 7) % 300} today.`);
        await writeFile(path.join(dir, name), `# Draft ${f}\n\n${lines.join('\n\n')}\n`);
        tasks.push({
          index: f,
          path: path.join(dir, name),
          displayPath: name,
          configFile: path.join(dir, '.nuancerc.yaml'),
        });
      }
      const loader = (cache?: RuleSetCache) => {
        const resolver = new ConfigResolver({ cwd: dir, ...(cache ? { cache } : {}) });
        return async (configFile: string | undefined) => (await resolver.forConfigFile(configFile)).loaded;
      };
      const cache = new RuleSetCache({ dir: path.join(dir, 'cache'), salt: 'test' });
      await loader(cache)(tasks[0]!.configFile);
      const cached = await loader(cache)(tasks[0]!.configFile);
      const shared = shareConfig(cached).ruleSet;
      if (typeof shared === 'string' || shared instanceof Uint8Array)
        throw new Error('expected bytes and a file');
      expect(shared.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      // Cloned as a worker receives it: the same memory, not a copy.
      expect(new Uint8Array(structuredClone(shared).bytes.buffer).byteLength).toBe(
        shared.bytes.buffer.byteLength,
      );
      const cloned = structuredClone(shared);
      new Uint8Array(shared.bytes.buffer)[0] ^= 0xff;
      expect(new Uint8Array(cloned.bytes.buffer)[0]).toBe(new Uint8Array(shared.bytes.buffer)[0]);
      new Uint8Array(shared.bytes.buffer)[0] ^= 0xff;

      const workers = await lintInParallel(tasks, {
        jobs: 2,
        cwd: dir,
        lintHere: false,
        loadConfig: loader(cache),
      });
      const compiled = await lintInParallel(tasks, { jobs: 1, cwd: dir, loadConfig: loader() });
      expect(workers.filter((r) => r.error !== undefined)).toEqual([]);
      expect(asJson(tasks, workers)).toBe(asJson(tasks, compiled));
      const ids = new Set(workers.flatMap((r) => r.findings.map((f) => f.ruleId)));
      expect(ids.size).toBe(300);
      expect(workers.flatMap((r) => r.findings)).toHaveLength(300);
    });
  });

  it('gives an error result for the file a crashing worker was on, and lints the others on another', async () => {
    await withTempDir(async (dir) => {
      const worker = path.join(dir, 'crashy-worker.mjs');
      await writeFile(
        worker,
        `import { parentPort, workerData } from 'node:worker_threads';
const claims = new Int32Array(workerData.claims);
const current = new Int32Array(workerData.current);
parentPort.postMessage({ type: 'ready' });
for (const [i, { slot, task }] of workerData.tasks.entries()) {
  if (Atomics.compareExchange(claims, i, 0, 1) !== 0) continue;
  Atomics.store(current, workerData.worker, i + 1);
  if (task.displayPath.includes('crash')) process.exit(3);
  parentPort.postMessage({ type: 'result', slot, result: { index: task.index, findings: [], text: task.displayPath } });
  Atomics.store(current, workerData.worker, 0);
}
parentPort.postMessage({ type: 'done' });
`,
      );
      const tasks: LintTask[] = ['a.md', 'b.md', 'crash.md', 'd.md', 'e.md', 'crash-2.md', 'g.md'].map(
        (name, index) => ({
          index,
          path: path.join(dir, name),
          displayPath: name,
          bytes: 100,
        }),
      );
      // Workers only: this thread linting too would take some of the files from the stand-in.
      const results = await lintInParallel(tasks, { jobs: 2, cwd: dir, workerFile: worker, lintHere: false });
      expect(results.map((r) => r.text ?? r.error?.replace(/ \(exit code 3\)/, ''))).toEqual([
        'a.md',
        'b.md',
        'worker thread stopped, while linting crash.md',
        'd.md',
        'e.md',
        'worker thread stopped, while linting crash-2.md',
        'g.md',
      ]);
    });
  });

  it('fails every task, without hanging, when the worker cannot start', async () => {
    await withTempDir(async (dir) => {
      const worker = path.join(dir, 'broken-worker.mjs');
      await writeFile(worker, `throw new Error('cannot load the packs');\n`);
      const tasks: LintTask[] = [0, 1, 2, 3].map((index) => ({
        index,
        path: `${dir}/${index}.md`,
        displayPath: `${index}.md`,
      }));
      const results = await lintInParallel(tasks, { jobs: 2, cwd: dir, workerFile: worker, lintHere: false });
      expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3]);
      for (const r of results)
        expect(r.error).toMatch(/^worker thread stopped \(exit code 1\): Error: cannot load the packs/);
    });
  });

  it('takes every file on this thread when its worker takes none, and stops the worker', async () => {
    await withTempDir(async (dir) => {
      // Ready, and then never claims a file: a worker still loading when this thread is done.
      const worker = path.join(dir, 'idle-worker.mjs');
      await writeFile(
        worker,
        `import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ type: 'ready' });
setInterval(() => {}, 1000);
`,
      );
      const tasks: LintTask[] = [];
      for (const [index, name] of ['a.txt', 'b.txt', 'c.txt'].entries()) {
        await writeFile(path.join(dir, name), index === 1 ? '韩国奉行实用外交。\n' : 'Clean.\n');
        tasks.push({ index, path: path.join(dir, name), displayPath: name });
      }
      const results = await lintInParallel(tasks, { jobs: 2, cwd: dir, workerFile: worker });
      expect(results.map((r) => [r.error, r.findings.map((f) => f.ruleId)])).toEqual([
        [undefined, []],
        [undefined, ['korea-china/wushi-not-shiyong']],
        [undefined, []],
      ]);
    });
  });

  it('lints everything on this thread when its worker cannot start', async () => {
    await withTempDir(async (dir) => {
      const worker = path.join(dir, 'broken-worker.mjs');
      await writeFile(worker, `throw new Error('out of memory');\n`);
      const tasks: LintTask[] = [];
      for (const [index, name] of ['a.txt', 'b.txt', 'c.txt', 'd.txt'].entries()) {
        await writeFile(path.join(dir, name), index % 2 === 0 ? '韩国奉行实用外交。\n' : 'Clean.\n');
        tasks.push({ index, path: path.join(dir, name), displayPath: name });
      }
      const results = await lintInParallel(tasks, { jobs: 2, cwd: dir, workerFile: worker });
      expect(
        results.map((r) => [r.error, r.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)]),
      ).toEqual([
        [undefined, ['1:5 korea-china/wushi-not-shiyong']],
        [undefined, []],
        [undefined, ['1:5 korea-china/wushi-not-shiyong']],
        [undefined, []],
      ]);
    });
  });

  it('gives the results cache what the workers read: a second run lints nothing', async () => {
    await withTempDir(async (dir) => {
      for (let i = 0; i < 6; i++) {
        await copyFile(path.join(samples, 'statement.zh.md'), path.join(dir, `s${i}.zh.md`));
      }
      const plain = await run(['--format', 'json', '.'], dir);
      const first = await run(['--format', 'json', '--jobs', '2', '--cache', '.'], dir);
      expect(first.stdout).toBe(plain.stdout);
      const file = path.join(dir, '.nuancecache');
      const cached = JSON.parse(await readFile(file, 'utf8'));
      expect(Object.keys(cached.files)).toHaveLength(6);
      for (const entry of Object.values(cached.files) as { findings: { message: string }[] }[]) {
        expect(entry.findings.length).toBeGreaterThan(0);
        for (const f of entry.findings) f.message = 'FROM THE CACHE';
      }
      await writeFile(file, JSON.stringify(cached));
      const second = await run(['--format', 'json', '--jobs', '2', '--cache', '.'], dir);
      const messages = (JSON.parse(second.stdout) as { messages: { message: string }[] }[]).flatMap((r) =>
        r.messages.map((m) => m.message),
      );
      expect(new Set(messages)).toEqual(new Set(['FROM THE CACHE']));
    });
  });
});
