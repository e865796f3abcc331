// Renders a pack's README.md from its parsed definition (core's PackDefinition), so the rule
// documentation cannot drift from the rules: every rule with its message, note, readings per
// audience, source, phrases or terms, and its examples.

/**
 * @param {import('../../packages/core/src/pack/types.js').PackDefinition} definition
 * @param {{ header: string, file: string }} options
 */
export function renderPackReadme(definition, { header, file }) {
  const out = [`<!-- ${header} -->`, '', `# \`${definition.pack}\` rule pack`, ''];
  if (definition.description) out.push(definition.description.trim(), '');
  if (definition.homepage) out.push(`Homepage: <${definition.homepage}>`, '');
  out.push(
    `Rules are defined in [\`${file}\`](${file}). Matching ignores letter case, Simplified/Traditional`,
    'characters and spaces between Hangul syllables; English phrases take inflections of their last word,',
    'Korean phrases take attached particles.',
    '',
    '| rule | kind | severity | autofix |',
    '|---|---|---|---|',
  );
  for (const rule of definition.rules) {
    out.push(
      `| [\`${rule.id}\`](#${ruleName(rule.id)}) | ${rule.kind} | ${rule.severity} | ${fixable(rule) ? 'yes' : 'no'} |`,
    );
  }
  out.push('');
  for (const rule of definition.rules) out.push(...renderRule(rule));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function renderRule(rule) {
  const out = [`<a id="${ruleName(rule.id)}"></a>`, '', `## \`${rule.id}\``, ''];
  out.push(`- Kind: \`${rule.kind}\`${kindDetail(rule)}`);
  out.push(`- Severity: \`${rule.severity}\``);
  out.push(`- Autofix: ${fixable(rule) ? 'yes' : 'no'}`);
  out.push(`- Message: ${rule.message}`);
  if (rule.source) out.push(`- Source: ${oneLine(rule.source)}`);
  if (rule.url) out.push(`- URL: <${rule.url}>`);
  out.push('');
  if (rule.note) out.push(rule.note.trim(), '');
  if (rule.audiences && Object.keys(rule.audiences).length > 0) {
    out.push('### Readings', '', '| audience | reading |', '|---|---|');
    for (const [tag, reading] of Object.entries(rule.audiences)) {
      out.push(`| \`${tag}\` | ${cell(reading)} |`);
    }
    out.push('');
  }
  out.push(...renderMatching(rule));
  out.push(...renderExamples(rule));
  return out;
}

function kindDetail(rule) {
  if (rule.kind === 'requires') return ` (scope: ${rule.scope})`;
  if (rule.kind === 'term' && !hasFindingTerms(rule))
    return ' (preferred and admitted terms only: no finding on its own)';
  return '';
}

function renderMatching(rule) {
  switch (rule.kind) {
    case 'term':
      return [
        '### Terms',
        '',
        ...rule.terms.map((term) => {
          const text = term.text !== undefined ? code(term.text) : `pattern ${code(`/${term.pattern}/`)}`;
          const replacement = [term.use, term.useHant].filter((form) => form !== undefined).map(code);
          const use = replacement.length > 0 ? `: use ${replacement.join(' / ')}` : '';
          return `- \`${term.lang}\` ${text} (${term.status}${use})`;
        }),
        '',
        ...phraseList('Exceptions (a candidate inside one of these is no match)', rule.exceptions),
        ...(rule.consistent
          ? ["The concept's preferred and admitted terms of one language form a consistency group.", '']
          : []),
      ];
    case 'caution':
      return [
        ...phraseList('Phrases', rule.phrases),
        ...(rule.patterns.length > 0
          ? [
              '### Patterns',
              '',
              ...rule.patterns.map((p) => `- ${langPrefix(p.lang)}${code(`/${p.pattern}/`)}`),
              '',
            ]
          : []),
        ...phraseList('Unless (in the same sentence, these silence it)', rule.unless),
      ];
    case 'requires':
      return [
        ...phraseList(`When (in one ${rule.scope})`, rule.when),
        ...phraseList('Require (one of these in the same scope)', rule.require),
        ...phraseList(
          'Context (a `when` match of a listed language also needs one of these in scope)',
          rule.context,
        ),
      ];
    case 'consistency':
      return [
        '### Variant groups',
        '',
        ...rule.groups.map((group) => `- ${group.map((entry) => code(entry.phrase)).join(' / ')}`),
        '',
      ];
    default:
      return [];
  }
}

function phraseList(title, entries) {
  if (!entries || entries.length === 0) return [];
  return [
    `### ${title}`,
    '',
    ...entries.map((entry) => `- ${langPrefix(entry.lang)}${code(entry.phrase)}`),
    '',
  ];
}

function renderExamples(rule) {
  const { valid, invalid } = rule.examples;
  if (valid.length === 0 && invalid.length === 0) return [];
  const out = ['### Examples', ''];
  if (valid.length > 0) {
    out.push('Valid (no finding):', '');
    for (const text of valid) out.push(`- ${code(text)}`);
    out.push('');
  }
  if (invalid.length > 0) {
    out.push('Invalid (findings marked `⟦…⟧`):', '');
    for (const example of invalid) {
      out.push(`- ${code(example.text)}${example.output !== undefined ? ` → ${code(example.output)}` : ''}`);
    }
    out.push('');
  }
  return out;
}

function hasFindingTerms(rule) {
  return rule.terms.some((term) => term.status === 'deprecated' || term.status === 'forbidden');
}

function fixable(rule) {
  if (rule.kind === 'term') return rule.fix && hasFindingTerms(rule);
  if (rule.kind === 'consistency') return rule.fix;
  return false;
}

function ruleName(id) {
  return id.slice(id.indexOf('/') + 1);
}

function langPrefix(lang) {
  return lang === undefined ? '' : `\`${lang}\` `;
}

function oneLine(text) {
  return text.replace(/\s+/g, ' ').trim();
}

// A table cell: one line, pipes escaped (GFM splits cells on `|` even inside code).
function cell(text) {
  return oneLine(text).replaceAll('|', '\\|');
}

// Inline code that survives any backticks in the text: a fence longer than the longest run,
// padded with a space when the text starts or ends with a backtick.
function code(text) {
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
