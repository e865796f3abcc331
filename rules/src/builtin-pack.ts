/** A pack that ships with nuance: its YAML text and the texts of the locale files it names. */
export interface BuiltinPack {
  name: string;
  /** The pack file, relative to the repository (`rules/korea-china/pack.yaml`). */
  file: string;
  text: string;
  /** By locale: the locale file (relative to the repository) and its text. */
  locales?: Partial<Record<'zh-Hans' | 'zh-Hant' | 'ko', { file: string; text: string }>>;
}
