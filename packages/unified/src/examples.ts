// A pack's examples are its tests (DESIGN: Rule packs). They run through `lintDocument`, the
// code path of the CLI, and each one also runs with CRLF, after a heading and in a list item,
// so offsets that only work for a bare paragraph are caught.
import { createLineIndex, type Finding, fixText, type ParsedPack, type RuleSet } from '@nuance/core';
import { lintDocument } from './lint-document.js';

export type ExampleVariant = 'plain' | 'crlf' | 'after-heading' | 'list-item';

export interface ExampleResult {
  ruleId: string;
  variant: ExampleVariant;
  kind: 'valid' | 'invalid';
  /** The text that was linted (the example in this variant, marks stripped). */
  text: string;
  ok: boolean;
  /** What differed, when not ok. */
  message?: string;
}

interface Span {
  start: number;
  end: number;
}

const OPEN = '⟦';
const CLOSE = '⟧';

/** Strip `⟦…⟧` marks: the plain text and the marked spans in it. */
export function stripMarks(marked: string): { text: string; spans: Span[] } | { error: string } {
  let text = '';
  const spans: Span[] = [];
  let open = -1;
  for (const char of marked) {
    if (char === OPEN) {
      if (open >= 0) return { error: `Unexpected nested \`${OPEN}\` in \`${marked}\`` };
      open = text.length;
    } else if (char === CLOSE) {
      if (open < 0) return { error: `Unexpected \`${CLOSE}\` without \`${OPEN}\` in \`${marked}\`` };
      spans.push({ start: open, end: text.length });
      open = -1;
    } else text += char;
  }
  if (open >= 0) return { error: `Missing \`${CLOSE}\` in \`${marked}\`` };
  return { text, spans };
}

/** An example rewritten for a variant, with the new offset of every original offset. */
interface Rewritten {
  text: string;
  offsets: Int32Array;
}

const VARIANTS: Record<ExampleVariant, { prefix: string; newline: string }> = {
  plain: { prefix: '', newline: '\n' },
  crlf: { prefix: '', newline: '\r\n' },
  'after-heading': { prefix: '# Heading\n\n', newline: '\n' },
  // Continuation lines are indented under the item, so every line break gains the indent.
  'list-item': { prefix: '- first line\n  ', newline: '\n  ' },
};

export function rewrite(text: string, variant: ExampleVariant): Rewritten {
  const { prefix, newline } = VARIANTS[variant];
  const offsets = new Int32Array(text.length + 1);
  let out = prefix;
  for (let i = 0; i < text.length; i++) {
    offsets[i] = out.length;
    const char = text[i] ?? '';
    if (char === '\n') out += newline;
    else if (char === '\r' && text[i + 1] === '\n') out += variant === 'crlf' ? '' : '\r';
    else out += char;
  }
  offsets[text.length] = out.length;
  return { text: out, offsets };
}

function describe(text: string, spans: Span[]): string {
  if (spans.length === 0) return 'none';
  const lines = createLineIndex(text);
  return spans
    .map((span) => {
      const from = lines.position(span.start);
      const to = lines.position(span.end);
      return `${from.line}:${from.column}-${to.line}:${to.column}`;
    })
    .join(', ');
}

function lint(text: string, ruleSet: RuleSet): Finding[] {
  return lintDocument({ text, ruleSet, format: 'markdown' }).findings;
}

function checkInvalid(
  ruleId: string,
  example: { text: string; output?: string },
  variant: ExampleVariant,
  ruleSet: RuleSet,
): ExampleResult {
  const stripped = stripMarks(example.text);
  if ('error' in stripped)
    return { ruleId, variant, kind: 'invalid', text: example.text, ok: false, message: stripped.error };
  const { text, offsets } = rewrite(stripped.text, variant);
  const result: ExampleResult = { ruleId, variant, kind: 'invalid', text, ok: true };
  const expected = stripped.spans.map((span) => ({
    start: offsets[span.start] ?? 0,
    end: offsets[span.end] ?? 0,
  }));
  const actual = lint(text, ruleSet)
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => ({ start: finding.start, end: finding.end }));
  const want = describe(text, expected);
  const got = describe(text, actual);
  if (want !== got) return { ...result, ok: false, message: `Expected findings at ${want}, got ${got}` };
  if (example.output !== undefined) {
    const output = rewrite(example.output, variant).text;
    // The same fixer as `--fix`, limited to this rule's findings.
    const fixed = fixText(text, (current) =>
      lint(current, ruleSet).filter((finding) => finding.ruleId === ruleId),
    ).output;
    if (fixed !== output) {
      return {
        ...result,
        ok: false,
        message: `Expected ${JSON.stringify(output)} after fixes, got ${JSON.stringify(fixed)}`,
      };
    }
  }
  return result;
}

function checkValid(
  ruleId: string,
  example: string,
  variant: ExampleVariant,
  pack: string,
  ruleSet: RuleSet,
): ExampleResult {
  const { text } = rewrite(example, variant);
  const found = lint(text, ruleSet).filter((finding) => finding.ruleId.startsWith(`${pack}/`));
  const result: ExampleResult = { ruleId, variant, kind: 'valid', text, ok: found.length === 0 };
  if (found.length > 0) {
    const lines = createLineIndex(text);
    result.message = `Expected no finding from \`${pack}\`, got ${found
      .map((finding) => {
        const at = lines.position(finding.start);
        return `${finding.ruleId} at ${at.line}:${at.column}`;
      })
      .join(', ')}`;
  }
  return result;
}

/**
 * Run every example of a pack in the four variants. Rules the rule set does not have (turned
 * off) are skipped: their invalid examples could not pass.
 */
export function runPackExamples(pack: ParsedPack, ruleSet: RuleSet): ExampleResult[] {
  const results: ExampleResult[] = [];
  const name = pack.definition.pack;
  const variants = Object.keys(VARIANTS) as ExampleVariant[];
  for (const rule of pack.definition.rules) {
    if (!ruleSet.has(rule.id)) continue;
    for (const variant of variants) {
      for (const valid of rule.examples.valid)
        results.push(checkValid(rule.id, valid, variant, name, ruleSet));
      for (const invalid of rule.examples.invalid)
        results.push(checkInvalid(rule.id, invalid, variant, ruleSet));
    }
  }
  return results;
}
