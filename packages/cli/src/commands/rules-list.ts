import { type Locale, textsIn } from '@nuance/core';
import type { ListFormat } from '../formats.js';
import type { CliIo } from '../io.js';
import { padEnd } from '../reporters/text-width.js';
import { fixableWord, loadCatalog } from './rule-catalog.js';

export interface RulesListOptions {
  format: ListFormat;
  config?: string;
  audience?: string[];
  /** The locale of the descriptions (`--locale`); default English. */
  locale?: Locale;
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
    ...describedAs(textsIn(info, options.locale ?? 'en').description),
  }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    // The description column only when some rule has one (a team pack may give none).
    const described = rows.some((r) => r.description !== undefined);
    const header = {
      id: 'rule',
      kind: 'kind',
      severity: 'severity',
      fixable: 'fixable',
      description: described ? 'description' : '',
    };
    const table = [header, ...rows.map((r) => ({ ...r, fixable: fixableWord(r) }))];
    const width = (key: 'id' | 'kind' | 'severity') =>
      table.reduce((max, r) => Math.max(max, r[key].length), 0);
    const [idWidth, kindWidth, severityWidth] = [width('id'), width('kind'), width('severity')];
    const fixableWidth = table.reduce((max, r) => Math.max(max, r.fixable.length), 0);
    for (const r of table) {
      const row = `${padEnd(r.id, idWidth)}  ${padEnd(r.kind, kindWidth)}  ${padEnd(r.severity, severityWidth)}  ${padEnd(r.fixable, fixableWidth)}  ${r.description ?? ''}`;
      io.stdout.write(`${row.trimEnd()}\n`);
    }
    io.stdout.write(`\n${rows.length} rule${rows.length === 1 ? '' : 's'}\n`);
  }
  return catalog.failed ? 2 : 0;
}

function describedAs(description: string | undefined): { description?: string } {
  return description === undefined ? {} : { description };
}
