// A file-system error told in a few words, the same in every package (config, CLI, language
// server). (The other thing every reader shares, dropping a BOM, is core's `stripBom`.)

const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  // A file where the path needs a folder: from the user's side the path does not exist either.
  ENOTDIR: 'no such file or folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  ELOOP: 'too many levels of symbolic links',
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
