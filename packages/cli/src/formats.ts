// The names of the report formats, apart from the reporters: parsing the command line needs the
// names, and nothing it imports should reach back into the commands that use them.

/** `nuance check --format`. */
export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github' | 'html';
export const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github', 'html'];

/** `nuance rules list --format`. */
export type ListFormat = 'stylish' | 'json';
export const LIST_FORMATS: readonly ListFormat[] = ['stylish', 'json'];

/** `nuance merge --format`: the formats whose reports can be joined. */
export type MergeFormat = 'json' | 'sarif';
export const MERGE_FORMATS: readonly MergeFormat[] = ['json', 'sarif'];
