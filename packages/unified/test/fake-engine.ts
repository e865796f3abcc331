// A stand-in for core's matcher, so pipeline, plugin and example tests run without the engine:
// it finds a few literal terms in each segment's prose, ignoring whitespace, and maps the match
// back to document offsets through the segment's pieces, as core does.
import type { Finding, RuleInfo, RuleSet, Segment, Severity } from '@nuance/core';
import { inDocument } from './helpers.js';

interface FakeRule {
  id: string;
  term: string;
  severity: Severity;
  /** Replace the first two characters of the match with this. */
  fix?: string;
}

export const FAKE_RULES: FakeRule[] = [
  { id: 'demo/wushi', term: '实用外交', severity: 'error', fix: '务实' },
  { id: 'demo/partnership', term: 'strategicpartnership', severity: 'warning' },
  { id: 'demo/info', term: '备注', severity: 'info' },
  { id: 'demo/hint', term: '提示', severity: 'hint' },
];

export const fakeRuleSet: RuleSet = {
  rules: [] as RuleInfo[],
  has: (id) => FAKE_RULES.some((rule) => rule.id === id),
  get: () => undefined,
};

export function fakeHasCandidate(text: string): boolean {
  return /实用|strategic|备注|提示/.test(text);
}

/** No fake term holds a markup character or starts or ends with a hyphen. */
export function fakePrefilterSafety(): { held: string[]; edgeHyphen: boolean } {
  return { held: [], edgeHyphen: false };
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

export function fakeLintSegments(input: { text: string; segments: Segment[] }): Finding[] {
  const findings: Finding[] = [];
  for (const segment of input.segments.map(inDocument)) {
    let view = '';
    const starts: number[] = [];
    const ends: number[] = [];
    for (const piece of segment.pieces) {
      const prose = piece.separator ? '\uFFFC' : (piece.text ?? input.text.slice(piece.start, piece.end));
      for (let i = 0; i < prose.length; i++) {
        if (/\s/.test(prose[i] ?? '')) continue;
        view += prose[i];
        const whole = piece.separator || piece.text !== undefined;
        starts.push(whole ? piece.start : piece.start + i);
        ends.push(whole ? piece.end : piece.start + i + 1);
      }
    }
    for (const rule of FAKE_RULES) {
      for (let at = view.indexOf(rule.term); at >= 0; at = view.indexOf(rule.term, at + 1)) {
        const start = starts[at] ?? 0;
        const end = ends[at + rule.term.length - 1] ?? 0;
        const from = position(input.text, start);
        const to = position(input.text, end);
        const finding: Finding = {
          ruleId: rule.id,
          severity: rule.severity,
          message: `Found \`${rule.term}\``,
          start,
          end,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
          actual: rule.term,
          expected: rule.fix ? [`${rule.fix}${rule.term.slice(2)}`] : [],
          note: `Why ${rule.id}`,
          url: `https://example.org/${rule.id}`,
        };
        if (rule.fix) finding.fix = { start, end: ends[at + 1] ?? 0, text: rule.fix };
        findings.push(finding);
      }
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** The fake context set's one mention: a character, so markup cannot split it, as core's atoms. */
export const FAKE_MENTION = '韩';

export function fakeHasContextMention(text: string): boolean {
  return text.includes(FAKE_MENTION);
}

/** Both pre-checks in one, as core's `preCheck`. */
export function fakePreCheck(text: string, _ruleSet: unknown, mentions: boolean) {
  return { candidate: fakeHasCandidate(text), mention: mentions && fakeHasContextMention(text) };
}

/**
 * The fake matcher with a context condition on `demo/wushi`, as core is to evaluate it: a finding
 * stands only when the document's topic is `korea`, or the mention occurs in its segment, in one
 * of the segment's context segments or in the document head. A `context` segment gives none.
 */
export function fakeContextLintSegments(input: {
  text: string;
  segments: Segment[];
  topic?: readonly string[];
}): Finding[] {
  const prose = input.segments
    .map(inDocument)
    .map((segment) =>
      segment.pieces
        .map((piece) =>
          piece.separator ? '\uFFFC' : (piece.text ?? input.text.slice(piece.start, piece.end)),
        )
        .join(''),
    );
  const mentions = (index: number) => prose[index]?.includes(FAKE_MENTION) === true;
  const head = input.segments.some((segment, index) => segment.head === true && mentions(index));
  const topic = input.topic?.includes('korea') === true;
  return input.segments
    .flatMap((segment, index) => {
      if (segment.role === 'context') return [];
      const licensed = topic || head || mentions(index) || (segment.context ?? []).some(mentions);
      return fakeLintSegments({ text: input.text, segments: [segment] }).filter(
        (finding) => licensed || finding.ruleId !== 'demo/wushi',
      );
    })
    .sort((a, b) => a.start - b.start);
}
