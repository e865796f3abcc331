// TBX -> Termbase, with saxes for positions: TBX v2 (`martif`: termEntry, langSet, tig/ntig),
// TBX v3 Basic/Core (`tbx`: conceptEntry, langSec, termSec) and TBX-Min (entry, langGroup,
// termGroup). Data categories are read by their `type` attribute (DCA style, `<termNote
// type="administrativeStatus">`) or by their element's local name (DCT style,
// `<basic:administrativeStatus>`), so one reader serves every dialect. Bad XML drops the concept
// it falls in; the rest loads.
import type { Problem, TermStatus } from '@nuance/core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import {
  exactTbxStatus,
  type Position,
  positionsIn,
  squash,
  TBX_STATUS_VALUES,
  type Termbase,
  type TermbaseConcept,
  type TermbaseTerm,
  tbxStatus,
  termbaseProblem,
} from './model.js';
import {
  CONCEPT,
  categoryOf,
  clear,
  elementLabel,
  kept,
  LANGUAGE,
  NOTE_CATEGORIES,
  newLists,
  OTHER,
  roleOf,
  STATUS_CATEGORIES,
  TbxConcept,
  TERM,
  TERM_GROUP,
} from './tbx-elements.js';

/** The notes of a term whose group has none (most): one array for all, never added to. */
const NO_NOTES: readonly string[] = Object.freeze([]);

interface UnknownStatus {
  value: string;
  offset: number;
  element: string;
}

// Fields set to undefined, never deleted: a deleted property turns the object into a slow
// dictionary, and these are read at every element. The open term group is kept here too, not in
// an object of its own: its terms are already in `concept.terms` (from `from` on), and get their
// language, status and notes when the group closes.
interface OpenConcept {
  concept: TermbaseConcept;
  damaged: boolean;
  lang: string | undefined;
  /** A term group is open (an element, or begun at a term or status outside one). */
  grouped: boolean;
  from: number;
  status: TermStatus | undefined;
  unknown: UnknownStatus | undefined;
  notes: string[] | undefined;
}

export function readTbx(text: string, file: string): Termbase {
  return new TbxReader(text, file).read();
}

class TbxReader {
  private readonly position: (offset: number) => Position;
  private readonly parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  private readonly concepts: TermbaseConcept[] = [];
  private readonly problems: Problem[] = [];
  /** The open concept's record (openRecord), undefined outside a concept. */
  private open: OpenConcept | undefined;
  private readonly openRecord: OpenConcept = {
    concept: new TbxConcept(0, '', undefined, newLists()),
    damaged: false,
    lang: undefined,
    grouped: false,
    from: 0,
    status: undefined,
    unknown: undefined,
    notes: undefined,
  };
  /** The open elements; a message names the innermost (`<termNote type="administrativeStatus">`). */
  private readonly elements: SaxesTagPlain[] = [];
  /** Their roles (ROLES). */
  private readonly roles: number[] = [];
  // The element whose text is captured (a term or a data category), while it is open.
  private captureTag: SaxesTagPlain | undefined;
  private captureCategory = '';
  /** Offset of its content. */
  private captureStart = 0;
  private captureText = '';
  private outsideErrors = 0;
  /**
   * Values that repeat through a file (element names, language tags, subject fields, notes made
   * of them), one string each: saxes makes a string of every attribute and text, and 10,000
   * concepts kept 40,000 copies of four language tags.
   */
  private readonly interned = new Map<string, string>();
  private readonly lists = newLists();

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.position = positionsIn(text);
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
    const { file, concepts, problems, position } = this;
    return { file, format: 'TBX', concepts, problems, position };
  }

  /** The `<` of the tag just read: saxes is right after its `>`. */
  private tagStart(): number {
    return this.text.lastIndexOf('<', this.parser.position - 1);
  }

  private onOpen(tag: SaxesTagPlain): void {
    this.elements.push(tag);
    const role = roleOf(tag.name);
    this.roles.push(role);
    if (role === CONCEPT) {
      this.openConcept(tag);
      return;
    }
    const open = this.open;
    if (!open || role === OTHER) return;
    if (role === LANGUAGE) {
      const lang = tag.attributes['xml:lang']?.trim();
      open.lang = lang ? this.intern(lang) : undefined;
      return;
    }
    if (role === TERM_GROUP) {
      beginGroup(open);
      return;
    }
    const category = role === TERM ? 'term' : categoryOf(tag, role);
    if (category !== undefined) {
      this.captureTag = tag;
      this.captureCategory = category;
      this.captureStart = this.parser.position;
      this.captureText = '';
      this.parser.on('text', this.textListener);
    }
  }

  private intern(value: string): string {
    const known = this.interned.get(value);
    if (known !== undefined) return known;
    this.interned.set(value, value);
    return value;
  }

  private openConcept(tag: SaxesTagPlain): void {
    const offset = this.tagStart();
    const id = tag.attributes.id ?? tag.attributes['xml:id'];
    clear(this.lists);
    const concept = new TbxConcept(offset, this.intern(tag.name), id, this.lists);
    if (id !== undefined && id.trim() !== '') concept.id = id.trim();
    // One record for every concept, as concepts do not nest: 10,000 fewer objects to collect.
    const open = this.openRecord;
    open.concept = concept;
    open.damaged = false;
    open.lang = undefined;
    open.grouped = false;
    open.from = 0;
    open.status = undefined;
    open.unknown = undefined;
    open.notes = undefined;
    this.open = open;
  }

  private readonly textListener = (text: string): void => this.onText(text);

  private onText(text: string): void {
    if (this.captureTag) this.captureText += text;
  }

  private onClose(tag: SaxesTagPlain): void {
    this.elements.pop();
    const role = this.roles.pop();
    const open = this.open;
    const captureTag = this.captureTag;
    if (captureTag && captureTag.name === tag.name) {
      this.captureTag = undefined;
      this.parser.off('text');
      if (open) this.captured(open, captureTag, this.tagStart());
      return;
    }
    if (!open) return;
    if (role === CONCEPT) {
      this.flushGroup(open);
      if (!open.damaged) this.concepts.push(kept(open.concept, this.lists));
      this.open = undefined;
    } else if (role === LANGUAGE) {
      this.flushGroup(open);
      open.lang = undefined;
    } else if (role === TERM_GROUP) {
      this.flushGroup(open);
    }
  }

  /** The captured element (`tag`) closed at `end`. */
  private captured(open: OpenConcept, tag: SaxesTagPlain, end: number): void {
    const text = this.captureText;
    const category = this.captureCategory;
    if (category === 'term') {
      beginGroup(open);
      open.concept.terms.push(this.term(text, end));
      return;
    }
    if (STATUS_CATEGORIES.has(category)) {
      // A status spelled exactly as the standard does (nearly all) has no space to squash.
      const exact = exactTbxStatus(text);
      const value = exact === undefined ? squash(text) : text;
      const status = exact ?? tbxStatus(value);
      beginGroup(open);
      open.status = status;
      // The element's `<`, found only for a status to report.
      open.unknown =
        status !== undefined
          ? undefined
          : { value, offset: this.text.lastIndexOf('<', this.captureStart - 1), element: elementLabel(tag) };
      return;
    }
    const label = NOTE_CATEGORIES.get(category);
    const value = squash(text);
    if (label === undefined || value === '') return;
    const concept = open.concept;
    if (category === 'subjectField') {
      const subject = this.intern(value);
      if (!concept.subjects.includes(subject)) concept.subjects.push(subject);
      if (!open.grouped) {
        concept.notes.push(this.intern(`Subject field${open.lang ? ` (${open.lang})` : ''}: ${subject}`));
        return;
      }
    }
    if (open.grouped) {
      open.notes ??= [];
      open.notes.push(value);
    } else if (label === '' && !open.lang) concept.notes.push(value);
    else concept.notes.push(`${label || 'Note'}${open.lang ? ` (${open.lang})` : ''}: ${value}`);
  }

  /** The captured term (its content as saxes gave it: `text`); its language, status and notes
   *  come when its group closes. */
  private term(text: string, end: number): TermbaseTerm {
    const start = this.captureStart;
    const value = squash(text);
    // Most terms are spelled out as they are. Then the file holds the text verbatim: an entity,
    // a CDATA section or a CR LF would make the file longer than the text, and saxes changes no
    // other character but a CR, NEL or LS, each to a line feed, which squash would have changed.
    if (end - start === value.length && value === text) {
      return { lang: '', text: value, status: 'preferred', offset: start, verbatim: true, notes: NO_NOTES };
    }
    const raw = this.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const verbatim = raw.trim() === value;
    return { lang: '', text: value, status: 'preferred', offset: start + lead, verbatim, notes: NO_NOTES };
  }

  private flushGroup(open: OpenConcept): void {
    if (!open.grouped) return;
    open.grouped = false;
    const terms = open.concept.terms;
    const from = open.from;
    const unknown = open.unknown;
    if (unknown !== undefined) {
      const expected = TBX_STATUS_VALUES.map((v) => `\`${v}\``).join(', ');
      const named =
        terms
          .slice(from)
          .map((t) => `\`${t.text}\``)
          .join(', ') || 'its term';
      const message = `Unexpected status \`${unknown.value}\` in ${unknown.element}, expected ${expected}; ${named} is dropped`;
      this.problem('invalid-value', message, unknown.offset);
      terms.length = from;
      return;
    }
    const lang = open.lang;
    if (lang === undefined) {
      for (let i = from; i < terms.length; i++) {
        const t = terms[i] as TermbaseTerm;
        const message = `Term \`${t.text}\` has no language (\`xml:lang\` on its language section); it is dropped`;
        this.problem('missing-key', message, t.offset);
      }
      terms.length = from;
      return;
    }
    const status = open.status ?? 'preferred';
    const notes = open.notes ?? NO_NOTES;
    let kept = from;
    for (let i = from; i < terms.length; i++) {
      const t = terms[i] as TermbaseTerm;
      if (t.text === '') continue;
      t.lang = lang;
      t.status = status;
      t.notes = notes;
      terms[kept++] = t;
    }
    terms.length = kept;
  }

  private problem(code: Problem['code'], message: string, offset: number): void {
    this.problems.push(termbaseProblem(this.file, code, message, this.position(offset)));
  }

  private onError(error: Error): void {
    const at = Math.min(this.parser.position, this.text.length);
    // saxes prefixes `line:col: `; the problem carries both.
    const message = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
    const innermost = this.elements[this.elements.length - 1];
    const where = innermost ? ` in ${elementLabel(innermost)}` : '';
    const open = this.open;
    if (open) {
      if (!open.damaged) {
        this.problem('xml-syntax', `Bad XML${where}: ${message}; ${open.concept.label} is dropped`, at);
      }
      open.damaged = true;
      return;
    }
    // Outside a concept: the first error stands for the ones it causes.
    if (this.outsideErrors++ === 0) this.problem('xml-syntax', `Bad XML${where}: ${message}`, at);
  }
}

/** Opens a term group unless one is open: the file may have no group element. */
function beginGroup(open: OpenConcept): void {
  if (open.grouped) return;
  open.grouped = true;
  open.from = open.concept.terms.length;
  open.status = undefined;
  open.unknown = undefined;
  open.notes = undefined;
}
