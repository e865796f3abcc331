// The rules of a rule set read from bytes (serialize.ts), each parsed when first used: a short
// draft checked with a 10,000-concept termbase touches a handful of its rules, and parsing them
// all (their definitions, what their findings carry, what the rule list says of them) was most of
// loading the termbase from the cache. Everything else of the rule set is read at once.
import type { Finding } from '../types.js';
import type { RuleMatch } from './candidates.js';
import type { CompiledRule, CompiledRuleSource } from './compiled.js';
import type { DocContext } from './finding.js';
import type { RuleInfo } from './rule-set.js';
import type { RecordsIn } from './serial-bytes.js';

/** A compiled rule's record: its source, and what its kind compiled when the kind keeps that (`jsonData`). */
export interface RuleRecord {
  source: CompiledRuleSource;
  data?: unknown;
}

/**
 * What reads a record (serialize.ts): `record` gives the rule's source and kept data, `bind` the
 * rule bound to its kind, compiling it again when no data was kept.
 */
export interface RecordCodec {
  record(parsed: unknown): RuleRecord;
  bind(record: RuleRecord, audience: readonly string[] | undefined): CompiledRule;
}

/**
 * A compiled rule whose source is record `index`: parsed when first read (its condition is asked
 * before its findings), bound to its kind at its first findings. A record of a template
 * (serial-templates.ts) is made again, and bound again, at each use instead of kept: making one
 * costs no read or parse, and kept, the bench's 10,000 terms kept 3,765 of them (6 MB promoted to
 * the old generation, page faults for its new pages): 6.497 -> 6.420 G instructions, 13.6 -> 11.8 K
 * faults, 88 -> 80 MB peak, 971 -> 912 ms (medians of 15 alternated runs). Its condition is kept.
 */
export class LazyRule implements CompiledRule {
  private parsed: RuleRecord | undefined;
  private bound: CompiledRule | undefined;

  constructor(
    private readonly records: RecordsIn,
    private readonly index: number,
    private readonly audience: readonly string[] | undefined,
    private readonly codec: RecordCodec,
  ) {}

  private recordOf(): RuleRecord {
    if (this.parsed) return this.parsed;
    const record = this.codec.record(this.records.parse(this.index));
    if (!this.records.remade(this.index)) this.parsed = record;
    return record;
  }

  private rule(): CompiledRule {
    if (this.bound) return this.bound;
    const bound = this.codec.bind(this.recordOf(), this.audience);
    if (!this.records.remade(this.index)) this.bound = bound;
    return bound;
  }

  get source(): CompiledRuleSource {
    return this.recordOf().source;
  }

  get data(): unknown {
    return this.rule().data;
  }

  /** `condition` was read (it is kept even for a record made again at each use). */
  private known = false;
  private conditionIs: number | undefined;

  get condition(): number | undefined {
    if (!this.known) {
      this.conditionIs = this.source.condition;
      this.known = true;
    }
    return this.conditionIs;
  }

  findings(doc: DocContext, matches: RuleMatch[]): Finding[] {
    return this.rule().findings(doc, matches);
  }
}

/**
 * The rule list (every rule, those turned off too) from records `first` on, one per id (`ids`,
 * read when first asked for).
 */
export class LazyRuleInfos {
  private readonly infos: (RuleInfo | undefined)[];
  // By id, made when first asked (a run that only lints never asks: 4 ms for 10,000 rules).
  private index: Map<string, number> | undefined;
  private whole: RuleInfo[] | undefined;

  constructor(
    private readonly records: RecordsIn,
    private readonly first: number,
    private readonly ids: () => readonly string[],
  ) {
    this.infos = new Array(records.count - first);
  }

  has(id: string): boolean {
    return this.byId().has(id);
  }

  get(id: string): RuleInfo | undefined {
    const i = this.byId().get(id);
    return i === undefined ? undefined : this.at(i);
  }

  private byId(): Map<string, number> {
    if (!this.index) {
      const ids = this.ids();
      this.index = new Map();
      for (let i = 0; i < ids.length; i++) this.index.set(ids[i] as string, i);
    }
    return this.index;
  }

  /** Every rule's, in order (the same array at every call). */
  all(): RuleInfo[] {
    if (!this.whole) {
      for (let i = 0; i < this.infos.length; i++) this.at(i);
      this.whole = this.infos as RuleInfo[];
    }
    return this.whole;
  }

  private at(i: number): RuleInfo {
    let info = this.infos[i];
    if (!info) {
      info = this.records.parse(this.first + i) as RuleInfo;
      this.infos[i] = info;
    }
    return info;
  }
}
