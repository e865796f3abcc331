// What every reader of the user's files shares: a leading BOM is not content, and a file-system
// error is told in a few words, the same in every package (config, CLI, language server).

/** `text` without a leading byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  // A file where the path needs a folder: from the user's side the path does not exist either.
  ENOTDIR: 'no such file or folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

/**
 * The reason a file-system call failed, short and without the path (the caller's message names
 * it): `no such file or folder`, `permission denied`; for a less common error Node's own words
 * (`EMFILE: too many open files`).
 */
export function describeFsError(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
  if (code !== undefined && WORDS[code] !== undefined) return WORDS[code];
  if (error instanceof Error) {
    // Node appends `, open '/the/path'`: the path is already in the caller's message.
    return error.message.replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
  }
  return code ?? String(error);
}
