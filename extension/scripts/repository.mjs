// The manifest's `repository`, `homepage` and `bugs`, from the clone's `origin` remote when it is a
// GitHub repository: the extension page then links to the real repository (and vsce resolves the
// README's relative links against it), and no address is ever made up for a clone without one.
import { execFileSync } from 'node:child_process';

/** The fields for a GitHub remote URL (https, ssh or scp-like), or undefined for any other. */
export function repositoryFields(remote) {
  const match = /^(?:https:\/\/|ssh:\/\/git@|git@)github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(
    remote.trim(),
  );
  if (!match) return undefined;
  const web = `https://github.com/${match[1]}/${match[2]}`;
  return {
    repository: { type: 'git', url: `${web}.git`, directory: 'extension' },
    homepage: `${web}/tree/HEAD/extension#readme`,
    bugs: { url: `${web}/issues` },
  };
}

/** The fields for the clone at `dir`, or undefined when its `origin` is not on GitHub (or absent). */
export function cloneRepositoryFields(dir) {
  try {
    const remote = execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return repositoryFields(remote);
  } catch {
    return undefined;
  }
}
