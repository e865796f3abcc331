// The report page's script, bundled (scripts/bundle-client.mjs) into the string the page embeds.
// It reads the embedded JSON and builds every element with textContent, never innerHTML, so
// document text can never become markup. Findings render lazily: a file's findings are built when
// its group is opened, a page at a time.
import type { ReportData, ReportFinding, ReportRule } from '../src/reporters/html/report-data.js';
import { type FindingLabels, labelsOf } from './labels.js';

type Severity = ReportFinding['s'];

const PAGE = 100;
const OPEN_ALL_UP_TO = 300;
const CHIPS = 8;

/** The findings of one file, in a `<details>` built when first opened. */
interface Group {
  all: ReportFinding[];
  /** The findings the filters let through. */
  list: ReportFinding[];
  /** How many of `list` are shown. */
  limit: number;
  details: HTMLDetailsElement;
  body: HTMLElement;
  count: HTMLElement;
  built: boolean;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The report has no #${id}`);
  return node as T;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string | number,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function langOf(s: string): string {
  if (/[\uac00-\ud7a3]/.test(s)) return 'ko';
  if (/[\u3400-\u9fff]/.test(s)) return 'zh';
  return '';
}

/** A rule's documentation link, kept only when it is a web address the user can open. */
function linkOf(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\/[^\s<>"']+$/i.test(url) ? url : undefined;
}

// Backticks in a message mark terms: shown as code, still as text.
function messageNode(message: string): HTMLElement {
  const p = el('p', 'message');
  message.split('`').forEach((part, i) => {
    p.appendChild(i % 2 === 1 ? el('code', '', part) : document.createTextNode(part));
  });
  return p;
}

/** The finding in its sentence, the match marked. */
function quoteNode(x: ReportFinding): HTMLElement {
  const quote = el('blockquote', 'sentence');
  if (x.x !== undefined) {
    quote.appendChild(document.createTextNode(x.b ?? ''));
    quote.appendChild(el('mark', '', x.x));
    quote.appendChild(document.createTextNode(x.t ?? ''));
  } else {
    quote.appendChild(el('mark', '', x.a));
  }
  const lang = langOf(x.x !== undefined ? `${x.b ?? ''}${x.x}${x.t ?? ''}` : x.a);
  if (lang) quote.lang = lang;
  return quote;
}

/** A translation's finding: the source segment it was checked against, beside the target's sentence. */
function sourceNode(o: NonNullable<ReportFinding['q']>): HTMLElement {
  const node = el('div', 'source');
  const where = [o.g, o.p, `line ${o.l}`].filter((part) => part !== undefined).join(', ');
  node.appendChild(el('span', 'what', `Source (${where})${o.k ? `, ${o.k.replace('-', ' ')}` : ''}: `));
  const quote = el('blockquote', 'sentence', o.t);
  const lang = o.g ?? langOf(o.t);
  if (lang) quote.lang = lang;
  node.appendChild(quote);
  return node;
}

/** Why the rule applies here: the mention of each party it needs, or the declared topic. */
function licenseNode(licenses: NonNullable<ReportFinding['k']>, t: FindingLabels): HTMLElement {
  const node = el('p', 'license');
  node.appendChild(el('span', 'what', t.because));
  licenses.forEach((k, i) => {
    if (i > 0) node.appendChild(document.createTextNode('; '));
    if (k.via === 'mention') {
      const mention = el('q', '', k.text ?? '');
      const lang = langOf(k.text ?? '');
      if (lang) mention.lang = lang;
      node.appendChild(mention);
      node.appendChild(document.createTextNode(t.mention(k.set, k.l ?? 1, k.c ?? 1)));
    } else if (k.via === 'topic') {
      node.appendChild(document.createTextNode(t.topic(k.set)));
    } else {
      node.appendChild(document.createTextNode(t.language(k.text ?? '', k.set)));
    }
  });
  return node;
}

/** The preferred wordings as chips; past the first few, behind a "+N more" button. */
function expectedNode(expected: readonly string[], t: FindingLabels): HTMLElement {
  const node = el('div', 'expected');
  node.appendChild(el('span', 'what', expected.length === 1 ? t.preferred : t.preferredOneOf));
  const chips = expected.map((e) => {
    const chip = el('span', 'chip', e);
    const lang = langOf(e);
    if (lang) chip.lang = lang;
    node.appendChild(chip);
    return chip;
  });
  if (chips.length > CHIPS) {
    for (const chip of chips.slice(CHIPS)) chip.hidden = true;
    const all = el('button', 'chips-more', t.more(chips.length - CHIPS));
    all.type = 'button';
    all.addEventListener('click', () => {
      for (const chip of chips) chip.hidden = false;
      node.removeChild(all);
    });
    node.appendChild(all);
  }
  return node;
}

/** The note (its paragraphs kept; the pack file's line wrapping is not the reader's), readings, source. */
function appendWhy(why: HTMLElement, x: ReportFinding, rule: ReportRule, t: FindingLabels): void {
  const note = x.n !== undefined ? x.n : rule.note;
  for (const para of note ? note.split(/\n\s*\n/) : []) {
    const text = para.replace(/\s+/g, ' ').trim();
    if (text) why.appendChild(el('p', 'note', text));
  }
  const readings = x.u !== undefined ? x.u : rule.audiences;
  if (readings && Object.keys(readings).length) {
    const dl = el('dl', 'readings');
    dl.setAttribute('aria-label', t.readings);
    for (const tag of Object.keys(readings)) {
      dl.appendChild(el('dt', '', t.readBy(tag)));
      dl.appendChild(el('dd', '', readings[tag]));
    }
    why.appendChild(dl);
  }
  const link = linkOf(rule.url);
  if (rule.source || link) {
    const source = el('p', 'source');
    if (rule.source) source.appendChild(document.createTextNode(`${t.source}${rule.source}`));
    if (link) {
      if (rule.source) source.appendChild(document.createTextNode(' · '));
      const a = el('a', '', t.about);
      a.href = link;
      a.rel = 'noopener noreferrer';
      source.appendChild(a);
    }
    why.appendChild(source);
  }
}

/** The findings list, its filters (rule, severity) and the counts they change. */
class FindingsView {
  private readonly ruleSelect = byId<HTMLSelectElement>('filter-rule');
  private readonly sevBoxes = Array.from(
    document.querySelectorAll<HTMLInputElement>('input[name="severity"]'),
  );
  private readonly shownCount = byId('shown-count');
  private readonly groups: Group[] = [];
  private rule = -1;
  private readonly sev: Record<Severity, boolean> = { error: true, warning: true, info: true, hint: true };

  constructor(private readonly data: ReportData) {
    const byFile = data.files.map((): ReportFinding[] => []);
    for (const x of data.findings) byFile[x.f]?.push(x);
    const container = byId('file-groups');
    byFile.forEach((list, f) => {
      if (list.length > 0) container.appendChild(this.addGroup(data.files[f] ?? '', list));
    });
  }

  /** Wire the filters, open the first groups and show the counts. */
  start(): void {
    this.ruleSelect.addEventListener('change', () => {
      this.rule = Number(this.ruleSelect.value);
      this.apply();
    });
    for (const box of this.sevBoxes) {
      box.addEventListener('change', () => {
        this.sev[box.value as Severity] = box.checked;
        this.apply();
      });
    }
    byId('reset').addEventListener('click', () => {
      for (const box of this.sevBoxes) {
        box.checked = true;
        this.sev[box.value as Severity] = true;
      }
      this.setRule(-1);
    });
    for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button.rule-filter'))) {
      button.addEventListener('click', () => {
        this.setRule(Number(button.getAttribute('data-rule-index')));
        byId('findings').scrollIntoView();
      });
    }
    this.groups.forEach((group, i) => {
      if (this.data.findings.length <= OPEN_ALL_UP_TO || i === 0) group.details.open = true;
    });
    this.apply();
  }

  private addGroup(path: string, all: ReportFinding[]): HTMLDetailsElement {
    const details = el('details', 'file-group');
    details.setAttribute('data-path', path);
    const summary = el('summary');
    summary.appendChild(el('span', 'path', path));
    const count = el('span', 'count');
    summary.appendChild(count);
    details.appendChild(summary);
    const body = el('div', 'group-body');
    details.appendChild(body);
    const group: Group = { all, list: all, limit: PAGE, details, body, count, built: false };
    details.addEventListener('toggle', () => {
      if (details.open && !group.built) this.renderGroup(group);
    });
    this.groups.push(group);
    return details;
  }

  private visible(x: ReportFinding): boolean {
    return (this.rule < 0 || x.r === this.rule) && this.sev[x.s];
  }

  private setRule(rule: number): void {
    this.rule = rule;
    this.ruleSelect.value = String(rule);
    this.apply();
  }

  // The first finding of a rule in a list shows its note, readings and source; later ones fold
  // them away, so a file with 40 findings of one rule reads as 40 sentences, not 40 essays.
  private findingNode(x: ReportFinding, full: boolean): HTMLElement {
    const rule = this.data.rules[x.r]!;
    const node = el('article', `finding sev-${x.s}`);
    const t = labelsOf(x);
    // The finding's texts are in its draft's language: CJK fonts and line breaking follow it.
    if (x.o !== undefined) node.lang = x.o;
    node.setAttribute('data-rule', rule.id);
    node.setAttribute('data-severity', x.s);
    const head = el('div', 'f-head');
    head.appendChild(el('span', `badge sev-${x.s}`, x.s));
    head.appendChild(el('span', 'loc', `line ${x.l}, col ${x.c}`));
    const ruleButton = el('button', 'rule-link', rule.id);
    ruleButton.type = 'button';
    ruleButton.title = `Show only ${rule.id}`;
    ruleButton.addEventListener('click', () => this.setRule(x.r));
    head.appendChild(ruleButton);
    node.appendChild(head);
    node.appendChild(messageNode(x.m));
    node.appendChild(quoteNode(x));
    if (x.e?.length) node.appendChild(expectedNode(x.e, t));
    if (x.q) node.appendChild(sourceNode(x.q));
    if (x.k?.length) node.appendChild(licenseNode(x.k, t));
    let why: HTMLElement = node;
    if (!full) {
      why = el('details', 'why');
      why.appendChild(el('summary', '', t.why));
      node.appendChild(why);
    }
    appendWhy(why, x, rule, t);
    return node;
  }

  private renderGroup(group: Group): void {
    group.built = true;
    const body = group.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    const shown = Math.min(group.limit, group.list.length);
    const fragment = document.createDocumentFragment();
    const seen = new Set<number>();
    for (const x of group.list.slice(0, shown)) {
      fragment.appendChild(this.findingNode(x, !seen.has(x.r)));
      seen.add(x.r);
    }
    body.appendChild(fragment);
    const left = group.list.length - shown;
    if (left > 0) {
      const more = el('button', 'more', `Show ${Math.min(PAGE, left)} more (${left} not shown)`);
      more.type = 'button';
      more.addEventListener('click', () => {
        group.limit += PAGE;
        this.renderGroup(group);
      });
      body.appendChild(more);
    }
  }

  /** Filter every group and update the counts: per severity under the rule filter, and the reverse. */
  private apply(): void {
    let shown = 0;
    const perSev: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    const perRule = this.data.rules.map(() => 0);
    for (const x of this.data.findings) {
      if (this.rule < 0 || x.r === this.rule) perSev[x.s]++;
      if (this.sev[x.s]) perRule[x.r] = (perRule[x.r] ?? 0) + 1;
    }
    for (const group of this.groups) {
      group.list = group.all.filter((x) => this.visible(x));
      group.limit = PAGE;
      shown += group.list.length;
      group.details.hidden = group.list.length === 0;
      group.count.textContent =
        group.list.length === group.all.length
          ? plural(group.all.length, 'finding')
          : `${group.list.length} of ${plural(group.all.length, 'finding')}`;
      group.built = false;
      if (group.details.open) this.renderGroup(group);
    }
    this.shownCount.textContent = String(shown);
    for (const box of this.sevBoxes) {
      const label = document.querySelector(`[data-sev-count="${box.value}"]`);
      if (label) label.textContent = String(perSev[box.value as Severity]);
    }
    for (const option of Array.from(this.ruleSelect.options)) {
      const r = Number(option.value);
      if (r >= 0) option.textContent = `${this.data.rules[r]?.id} (${perRule[r]})`;
    }
  }
}

const data = JSON.parse(byId('nuance-data').textContent ?? '') as ReportData;
new FindingsView(data).start();
document.documentElement.setAttribute('data-ready', 'true');
