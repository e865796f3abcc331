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
 * before its findings), bound to its kind at its first findings.
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
    this.parsed ??= this.codec.record(this.records.parse(this.index));
    return this.parsed;
  }

  private rule(): CompiledRule {
    this.bound ??= this.codec.bind(this.recordOf(), this.audience);
    return this.bound;
  }

  get source(): CompiledRuleSource {
    return this.recordOf().source;
  }

  get data(): unknown {
    return this.rule().data;
  }

  get condition(): number | undefined {
    return this.source.condition;
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
