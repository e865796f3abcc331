// Benchmark (not a test): from sending `didChange` to receiving its diagnostics, debounce set to
// 0, over stdio against the built server and in process. Budgets (DESIGN, Performance budget):
// p95 under 20 ms for a 20 KB draft and under 100 ms for 100 KB.
// Run: `pnpm bench` at the repository root (builds first).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createProtocolConnection } from 'vscode-languageserver-protocol/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '../dist/bin.js');
const ROUNDS = Number(process.env.ROUNDS ?? 100);

const PARAGRAPHS = [
  '6月10日，李在明总统与习近平主席通电话，双方同意恢复2008年建立的战略合作伙伴关系，韩国新政府奉行实用外交。',
  'Seoul and Beijing agreed to deepen the strategic cooperative partnership on the basis of mutual respect, while the ministers discussed trade, culture and tourism.',
  '이재명 정부는 국익 중심의 실용외교를 추구하며, 한중 관계를 전략적 협력 동반자 관계로 복원하기로 했다.',
  'The delegations reviewed progress on the free trade agreement, visa-free entry for group tourists and cultural exchanges over the coming year.',
  '- 韩方尊重中国的核心利益，愿与中方恢复战略沟通。\n- 双方力争在年底前完成谈判。',
  '> 双方应在相互尊重的基础上发展关系，推进务实合作。',
];

// A typical draft: mostly neutral prose, one flagged paragraph in ten.
const NEUTRAL = [
  '双方就经贸、人文、旅游等领域的合作深入交换了意见，同意加强各层级交流。',
  'The ministers discussed trade, culture and tourism at length during the meeting in Seoul.',
  '양국 외교장관은 서울에서 회담을 갖고 경제와 문화 협력 방안을 논의했다.',
];

function draft(size, dense) {
  let text = '# 关于恢复中韩关系的声明\n\n';
  for (let i = 0; text.length < size; i++) {
    const paragraph = dense || i % 10 === 5 ? PARAGRAPHS[i % PARAGRAPHS.length] : NEUTRAL[i % NEUTRAL.length];
    text += `${paragraph}\n\n`;
  }
  return text;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(connection, size, dense) {
  const uri = `untitled:bench-${size}-${dense}.md`;
  const text = draft(size, dense);
  const waiters = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri !== uri) return;
    waiters.get(params.version)?.(params);
  });
  const published = (version) => new Promise((resolve) => waiters.set(version, resolve));
  let version = 1;
  let wait = published(version);
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version, text },
  });
  const first = await wait;
  // Edit a paragraph in the middle of the draft: type a character, then delete it.
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2) - (Math.floor(lines.length / 2) % 2) + 2;
  const times = [];
  for (let i = 0; i < ROUNDS + 10; i++) {
    version++;
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: '实' }
      : { range: { start: { line, character: 3 }, end: { line, character: 4 } }, text: '' };
    wait = published(version);
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    await wait;
    if (i >= 10) times.push(performance.now() - start);
  }
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  times.sort((a, b) => a - b);
  return {
    draft: `${Math.round(text.length / 1000)} K units, ${dense ? 'every paragraph flagged' : '1 paragraph in 10 flagged'}`,
    diagnostics: first.diagnostics.length,
    p50: percentile(times, 50).toFixed(1),
    p95: percentile(times, 95).toFixed(1),
    max: times[times.length - 1].toFixed(1),
  };
}

async function run(connection) {
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { debounce: 0 },
  });
  await connection.sendNotification('initialized', {});
  const results = [];
  for (const dense of [false, true]) {
    for (const size of [20_000, 100_000]) results.push(await measure(connection, size, dense));
  }
  await connection.sendRequest('shutdown');
  return results;
}

// 1. Over stdio with the built bin: what an editor sees, pipes and a second process included.
const child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const stdio = createProtocolConnection(child.stdout, child.stdin);
console.log('over stdio (client round trip)');
console.table(await run(stdio));
await stdio.sendNotification('exit');
child.kill();

// 2. In process, over a pair of streams: DESIGN's measure, from receiving didChange to sending the
// diagnostics (JSON-RPC encoding both ways included, no pipe and no second process).
const { createServer } = await import(path.join(here, '../dist/index.js'));
const { createConnection } = await import('vscode-languageserver/node');
const toServer = new PassThrough();
const toClient = new PassThrough();
const serverConnection = createConnection(toServer, toClient);
createServer(serverConnection);
serverConnection.listen();
console.log('in process (didChange received -> diagnostics sent)');
console.table(await run(createProtocolConnection(toClient, toServer)));
process.exit(0);
