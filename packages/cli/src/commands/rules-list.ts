import type { ListFormat } from '../formats.js';
import type { CliIo } from '../io.js';
import { padEnd } from '../reporters/text-width.js';
import { fixableWord, loadCatalog } from './rule-catalog.js';

export interface RulesListOptions {
  format: ListFormat;
  config?: string;
  audience?: string[];
  allowPacksOutside?: true;
}

/** `nuance rules list`: the rules in effect here, with the severity the config gives them. */
export async function runRulesList(options: RulesListOptions, io: CliIo): Promise<number> {
  const catalog = await loadCatalog(options, io);
  const rows = catalog.rules.map(({ info, severity }) => ({
    id: info.id,
    pack: info.pack,
    kind: info.kind,
    severity,
    fixable: info.fixable,
    glossary: info.glossary,
  }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const header = { id: 'rule', kind: 'kind', severity: 'severity', fixable: 'fixable' };
    const table = [header, ...rows.map((r) => ({ ...r, fixable: fixableWord(r) }))];
    const width = (key: 'id' | 'kind' | 'severity') =>
      table.reduce((max, r) => Math.max(max, r[key].length), 0);
    const [idWidth, kindWidth, severityWidth] = [width('id'), width('kind'), width('severity')];
    for (const r of table) {
      io.stdout.write(
        `${padEnd(r.id, idWidth)}  ${padEnd(r.kind, kindWidth)}  ${padEnd(r.severity, severityWidth)}  ${r.fixable}\n`,
      );
    }
    io.stdout.write(`\n${rows.length} rule${rows.length === 1 ? '' : 's'}\n`);
  }
  return catalog.failed ? 2 : 0;
}
