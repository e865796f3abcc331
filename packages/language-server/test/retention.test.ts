// What the built server keeps of a document while it is edited: its current text, not every
// version it linted. V8 keeps a slice of 13 units or more as a view of the string it was cut from,
// so a finding's flagged text, a cache key or a parsed block kept from one lint to the next kept
// the version it was cut from alive (core's `detached`). Read from a heap snapshot of the server
// process, which the snapshot takes after a full garbage collection.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, serverBin } from './build.js';
import { overStdio, type TestClient } from './client.js';

let dir: string;
let child: ChildProcess;
let client: TestClient;

beforeAll(async () => {
  buildServer();
  dir = mkdtempSync(path.join(os.tmpdir(), 'nuance-ls-retention-'));
  child = spawn(process.execPath, ['--heapsnapshot-signal=SIGUSR2', serverBin, '--stdio'], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  client = await overStdio(child, { folders: [] });
});

afterAll(async () => {
  await client?.shutdown(true).catch(() => {});
  child?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The strings of a snapshot that start with `start` and hold at least `bytes` bytes of their own (a sliced string holds a few). */
async function stringsLike(start: string, bytes: number): Promise<number> {
  child.kill('SIGUSR2');
  const file = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    let last = -1;
    const poll = () => {
      const name = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot'));
      const size = name ? statSync(path.join(dir, name)).size : -1;
      // Written when its size stops changing and it ends as JSON does.
      if (
        name &&
        size > 0 &&
        size === last &&
        readFileSync(path.join(dir, name), 'utf8').trimEnd().endsWith('}')
      ) {
        resolve(path.join(dir, name));
      } else if (Date.now() > deadline) reject(new Error('no heap snapshot'));
      else {
        last = size;
        setTimeout(poll, 200);
      }
    };
    poll();
  });
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const nameAt = fields.indexOf('name');
  const stringType = types[0].indexOf('string');
  let count = 0;
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    if (snapshot.nodes[i + typeAt] !== stringType || (snapshot.nodes[i + sizeAt] as number) < bytes) continue;
    if (snapshot.strings[snapshot.nodes[i + nameAt] as number]?.startsWith(start)) count++;
  }
  return count;
}

describe('memory over edits', () => {
  it('keeps one version of a long English draft after 40 edits in 40 paragraphs, not one per edit', async () => {
    // Findings with flagged text, a suggestion and mentions of 13 units or more (what a view of
    // the text would be), and a finding with none of them.
    const paragraph = (i: number) =>
      i % 2 === 0
        ? `Paragraph ${i}: the Republic of Korea and the People's Republic of China agreed to deepen ` +
          'the strategic cooperative partnership, while the ministers discussed trade and culture.'
        : `Paragraph ${i}: the Office of the Central Leading Group for Foreign Affairs met the ` +
          'delegation to discuss pragmatic diplomacy.';
    let text = '# Statement\n\n';
    for (let i = 0; text.length < 20_000; i++) text += `${paragraph(i)}\n\n`;
    const uri = 'untitled:retention.md';
    await client.open(uri, text, 'markdown');
    const flagged = (await client.diagnostics(uri, (d) => d.length > 100)).length;
    for (let i = 0; i < 40; i++) {
      // A letter typed in paragraph i (line 2 + 2i): its findings are made again, the rest kept.
      const at = { line: 2 + 2 * i, character: 10 };
      await client.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
      await client.diagnostics(uri, (d) => d.length === flagged);
    }
    // The text is ASCII: one byte a unit. The server holds the current version (the client's
    // copy is in this process); each version it kept would be one more.
    expect(await stringsLike('# Statement', text.length)).toBeLessThanOrEqual(2);
  });
});
