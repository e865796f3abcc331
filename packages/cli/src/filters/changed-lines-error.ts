// Apart from changed-lines.ts, which the CLI's bundle loads only for `--changed-lines-from` (with
// git's child process and jsdiff): what catches this error must not load that module to know it.

/** Why the changed lines could not be found (a bad REF, no git, not a repository). */
export class ChangedLinesError extends Error {}
