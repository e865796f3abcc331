// Renders a pack's README.md from its parsed definition (core's PackDefinition), so the rule
// documentation cannot drift from the rules: every rule with its message, note, readings per
// audience, source, phrases or terms, and its examples. What a rule matches comes from its kind
// (core's describeRule): nothing here names a kind.

/**
 * @param {import('../../packages/core/src/pack/types.js').PackDefinition} definition
 * @param {{ header: string, file: string, describeRule: (rule: object) => import('../../packages/core/src/kinds/kind.js').RuleDescription }} options
 */
export function renderPackReadme(definition, { header, file, describeRule }) {
  const out = [`<!-- ${header} -->`, '', `# \`${definition.pack}\` rule pack`, ''];
  if (definition.description) out.push(definition.description.trim(), '');
  if (definition.homepage) out.push(`Homepage: <${definition.homepage}>`, '');
  if (definition.notes) out.push(definition.notes.trim(), '');
  if (definition.contexts?.length) out.push(...renderContexts(definition.contexts));
  out.push(
    `Rules are defined in [\`${file}\`](${file}). Matching ignores letter case, Simplified/Traditional`,
    'characters and spaces between Hangul syllables; English phrases take inflections of their last word,',
    'Korean phrases take attached particles.',
    '',
    '| rule | kind | severity | autofix |',
    '|---|---|---|---|',
  );
  const described = definition.rules.map((rule) => ({ rule, description: describeRule(rule) }));
  for (const { rule, description } of described) {
    out.push(
      `| [\`${rule.id}\`](#${ruleName(rule.id)}) | ${rule.kind} | ${rule.severity} | ${autofix(description)} |`,
    );
  }
  out.push('');
  for (const { rule, description } of described) out.push(...renderRule(rule, description));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function renderRule(rule, description) {
  const out = [`<a id="${ruleName(rule.id)}"></a>`, '', `## \`${rule.id}\``, ''];
  const detail = [description.detail, description.glossary ? GLOSSARY : undefined].filter(Boolean);
  out.push(`- Kind: \`${rule.kind}\`${detail.length > 0 ? ` (${detail.join('; ')})` : ''}`);
  out.push(`- Severity: \`${rule.severity}\``);
  out.push(`- Autofix: ${autofix(description)}`);
  if (description.context) out.push(`- Applies where: ${description.context}`);
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
  for (const section of description.sections) {
    out.push(`### ${section.title}`, '');
    for (const line of section.lines) out.push(`- ${line.map(part).join('')}`);
    out.push('');
    if (section.footer) out.push(section.footer, '');
  }
  out.push(...renderExamples(rule));
  return out;
}

const GLOSSARY = 'preferred and admitted terms only: no finding on its own';

function renderContexts(contexts) {
  const out = ['### Context sets', '', '| set | what it names | phrases | never |', '|---|---|---|---|'];
  for (const set of contexts) {
    const phrases = set.phrases.map((e) => `${e.lang ? `${e.lang}: ` : ''}${code(e.phrase)}`).join(', ');
    const never = set.not.map((e) => code(e.phrase)).join(', ');
    const lang = set.lang.length > 0 ? ` A document in ${set.lang.map(code).join(', ')} is in it.` : '';
    out.push(
      `| \`${set.name}\` | ${cell((set.description ?? '') + lang)} | ${cell(phrases)} | ${cell(never)} |`,
    );
  }
  out.push('');
  return out;
}

function autofix(description) {
  if (description.glossary) return 'glossary only';
  return description.fixable ? 'yes' : 'no';
}

function part(p) {
  return typeof p === 'string' ? p : code(p.code);
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

function ruleName(id) {
  return id.slice(id.indexOf('/') + 1);
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
