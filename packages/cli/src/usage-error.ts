/** A bad command line: its message is meant for the user (exit 2). */
export class UsageError extends Error {}
