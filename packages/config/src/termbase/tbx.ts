// TBX -> Termbase, with saxes for positions: TBX v2 (`martif`: termEntry, langSet, tig/ntig),
// TBX v3 Basic/Core (`tbx`: conceptEntry, langSec, termSec) and TBX-Min (entry, langGroup,
// termGroup). Data categories are read by their `type` attribute (DCA style, `<termNote
// type="administrativeStatus">`) or by their element's local name (DCT style,
// `<basic:administrativeStatus>`), so one reader serves every dialect. Bad XML drops the concept
// it falls in; the rest loads.
import { createLineIndex, type LineIndex, type Problem, type TermStatus } from '@nuance/core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import {
  type Position,
  squash,
  TBX_STATUS_VALUES,
  type Termbase,
  type TermbaseConcept,
  type TermbaseTerm,
  tbxStatus,
  termbaseProblem,
} from './model.js';

const CONCEPTS = new Set(['termEntry', 'conceptEntry', 'entry']);
const LANGUAGES = new Set(['langSet', 'langSec', 'langGroup']);
const TERM_GROUPS = new Set(['tig', 'ntig', 'termSec', 'termGroup']);
const STATUS_CATEGORIES = new Set(['administrativeStatus', 'normativeAuthorization', 'termStatus']);
/** The elements whose `type` attribute names their data category (DCA style). */
const TYPED_ELEMENTS = new Set(['termNote', 'descrip', 'admin']);
const NOTE_CATEGORIES = new Map([
  ['definition', 'Definition'],
  ['note', ''],
  ['context', 'Context'],
  ['explanation', 'Explanation'],
  ['subjectField', 'Subject field'],
]);

interface Capture {
  tag: SaxesTagPlain;
  category: string;
  /** Offset of the element's `<`. */
  tagAt: number;
  /** Offset of its content. */
  start: number;
  text: string;
}

interface GroupTerm {
  text: string;
  at: Position;
  verbatim: boolean;
}

interface Group {
  terms: GroupTerm[];
  status?: { value: TermStatus } | { unknown: string; at: Position; element: string };
  notes: string[];
}

// Fields set to undefined, never deleted: a deleted property turns the object into a slow
// dictionary, and these are read at every element.
interface OpenConcept {
  concept: TermbaseConcept;
  damaged: boolean;
  lang: string | undefined;
  group: Group | undefined;
}

export function readTbx(text: string, file: string): Termbase {
  return new TbxReader(text, file).read();
}

class TbxReader {
  private readonly lines: LineIndex;
  private readonly parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  private readonly concepts: TermbaseConcept[] = [];
  private readonly problems: Problem[] = [];
  private open: OpenConcept | undefined;
  /** The open elements; a message names the innermost (`<termNote type="administrativeStatus">`). */
  private readonly elements: SaxesTagPlain[] = [];
  private capture: Capture | undefined;
  private outsideErrors = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.lines = createLineIndex(text);
  }

  read(): Termbase {
    const p = this.parser;
    p.on('opentag', (tag) => this.onOpen(tag));
    p.on('closetag', (tag) => this.onClose(tag));
    // Text is listened to only inside a captured element (see onOpen): without a listener saxes
    // does not copy the text between elements at all.
    p.on('cdata', (t) => this.onText(t));
    p.on('error', (error) => this.onError(error));
    p.write(this.text).close();
    // An element left open at the end (truncated file): saxes reported it; the concept is damaged.
    return { file: this.file, format: 'TBX', concepts: this.concepts, problems: this.problems };
  }

  private pos(offset: number): Position {
    return this.lines.position(offset);
  }

  /** The `<` of the tag just read: saxes is right after its `>`. */
  private tagStart(): number {
    return this.text.lastIndexOf('<', this.parser.position - 1);
  }

  private onOpen(tag: SaxesTagPlain): void {
    this.elements.push(tag);
    const local = localName(tag.name);
    if (CONCEPTS.has(local)) {
      const start = this.tagStart();
      const id = tag.attributes.id ?? tag.attributes['xml:id'];
      const label = `<${tag.name}${id !== undefined ? ` id="${id}"` : ''}>`;
      const concept: TermbaseConcept = { at: this.pos(start), label, notes: [], subjects: [], terms: [] };
      if (id !== undefined && id.trim() !== '') concept.id = id.trim();
      this.open = { concept, damaged: false, lang: undefined, group: undefined };
      return;
    }
    const open = this.open;
    if (!open) return;
    if (LANGUAGES.has(local)) {
      const lang = tag.attributes['xml:lang']?.trim();
      open.lang = lang || undefined;
      return;
    }
    if (TERM_GROUPS.has(local)) {
      groupOf(open);
      return;
    }
    const category = local === 'term' ? 'term' : categoryOf(tag);
    if (category !== undefined) {
      this.capture = {
        tag,
        category,
        tagAt: this.tagStart(),
        start: this.parser.position,
        text: '',
      };
      this.parser.on('text', this.textListener);
    }
  }

  private readonly textListener = (text: string): void => this.onText(text);

  private onText(text: string): void {
    if (this.capture) this.capture.text += text;
  }

  private onClose(tag: SaxesTagPlain): void {
    this.elements.pop();
    const open = this.open;
    if (!open && !this.capture) return;
    const local = localName(tag.name);
    if (this.capture && this.capture.tag.name === tag.name) {
      const capture = this.capture;
      this.capture = undefined;
      this.parser.off('text');
      if (open) this.captured(open, capture, this.tagStart());
      return;
    }
    if (!open) return;
    if (CONCEPTS.has(local)) {
      this.flushGroup(open);
      if (!open.damaged) this.concepts.push(open.concept);
      this.open = undefined;
    } else if (LANGUAGES.has(local)) {
      this.flushGroup(open);
      open.lang = undefined;
    } else if (TERM_GROUPS.has(local)) {
      this.flushGroup(open);
    }
  }

  private captured(open: OpenConcept, capture: Capture, end: number): void {
    const value = squash(capture.text);
    if (capture.category === 'term') {
      const group = groupOf(open);
      // Most terms are spelled out as they are: no slice of the file to compare.
      if (end - capture.start === value.length && this.text.startsWith(value, capture.start)) {
        group.terms.push({ text: value, at: this.pos(capture.start), verbatim: true });
        return;
      }
      const raw = this.text.slice(capture.start, end);
      const lead = raw.length - raw.trimStart().length;
      group.terms.push({
        text: value,
        at: this.pos(capture.start + lead),
        verbatim: raw.trim() === value,
      });
      return;
    }
    if (STATUS_CATEGORIES.has(capture.category)) {
      const status = tbxStatus(value);
      const group = groupOf(open);
      group.status =
        status !== undefined
          ? { value: status }
          : { unknown: value, at: this.pos(capture.tagAt), element: elementLabel(capture.tag) };
      return;
    }
    const label = NOTE_CATEGORIES.get(capture.category);
    if (label === undefined || value === '') return;
    if (capture.category === 'subjectField' && !open.concept.subjects.includes(value)) {
      open.concept.subjects.push(value);
    }
    if (open.group) open.group.notes.push(value);
    else if (label === '' && !open.lang) open.concept.notes.push(value);
    else open.concept.notes.push(`${label || 'Note'}${open.lang ? ` (${open.lang})` : ''}: ${value}`);
  }

  private flushGroup(open: OpenConcept): void {
    const group = open.group;
    if (!group) return;
    open.group = undefined;
    const status = group.status;
    if (status && 'unknown' in status) {
      const expected = TBX_STATUS_VALUES.map((v) => `\`${v}\``).join(', ');
      const terms = group.terms.map((t) => `\`${t.text}\``).join(', ') || 'its term';
      this.problems.push(
        termbaseProblem(
          this.file,
          'invalid-value',
          `Unexpected status \`${status.unknown}\` in ${status.element}, expected ${expected}; ${terms} is dropped`,
          status.at,
        ),
      );
      return;
    }
    if (open.lang === undefined) {
      for (const t of group.terms) {
        this.problems.push(
          termbaseProblem(
            this.file,
            'missing-key',
            `Term \`${t.text}\` has no language (\`xml:lang\` on its language section); it is dropped`,
            t.at,
          ),
        );
      }
      return;
    }
    for (const t of group.terms) {
      if (t.text === '') continue;
      const term: TermbaseTerm = {
        lang: open.lang,
        text: t.text,
        status: status?.value ?? 'preferred',
        at: t.at,
        verbatim: t.verbatim,
        notes: group.notes,
      };
      open.concept.terms.push(term);
    }
  }

  private onError(error: Error): void {
    const at = this.pos(Math.min(this.parser.position, this.text.length));
    // saxes prefixes `line:col: `; the problem carries both.
    const message = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
    const innermost = this.elements[this.elements.length - 1];
    const where = innermost ? ` in ${elementLabel(innermost)}` : '';
    const open = this.open;
    if (open) {
      if (!open.damaged) {
        this.problems.push(
          termbaseProblem(
            this.file,
            'xml-syntax',
            `Bad XML${where}: ${message}; ${open.concept.label} is dropped`,
            at,
          ),
        );
      }
      open.damaged = true;
      return;
    }
    // Outside a concept: the first error stands for the ones it causes.
    if (this.outsideErrors++ === 0) {
      this.problems.push(termbaseProblem(this.file, 'xml-syntax', `Bad XML${where}: ${message}`, at));
    }
  }
}

/** The open term group, begun at its first term or status when the file has no group element. */
function groupOf(open: OpenConcept): Group {
  if (!open.group) open.group = { terms: [], notes: [] };
  return open.group;
}

function elementLabel(tag: SaxesTagPlain): string {
  const type = tag.attributes.type;
  return type === undefined ? `<${tag.name}>` : `<${tag.name} type="${type}">`;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function categoryOf(tag: SaxesTagPlain): string | undefined {
  const type = tag.attributes.type;
  const local = localName(tag.name);
  if (type !== undefined && TYPED_ELEMENTS.has(local)) {
    return STATUS_CATEGORIES.has(type) || NOTE_CATEGORIES.has(type) ? type : undefined;
  }
  return STATUS_CATEGORIES.has(local) || NOTE_CATEGORIES.has(local) ? local : undefined;
}
