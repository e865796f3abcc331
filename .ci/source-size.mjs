// House style: about 400 lines per source file at most, split by responsibility before that.
// Fails (exit 1) naming every hand-written TypeScript source file over the limit; generated files
// (the packs' data module, the bundled report script, the Traditional->Simplified table) are data.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 400;
const GENERATED = [/^rules\/src\/generated\//, /\/client-script\.ts$/, /\/t2s-table\.ts$/];
const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mts'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => /(^|\/)(src|client)\//.test(f) && !GENERATED.some((g) => g.test(f)));
const over = [];
for (const file of files) {
  let lines;
  try {
    lines = readFileSync(file, 'utf8').split('\n').length - 1;
  } catch {
    continue; // deleted in the work tree
  }
  if (lines > LIMIT) over.push(`${file}: ${lines} lines (at most ${LIMIT})`);
}
if (over.length > 0) {
  console.error(`Source files over ${LIMIT} lines: split them by responsibility\n${over.join('\n')}`);
  process.exit(1);
}
