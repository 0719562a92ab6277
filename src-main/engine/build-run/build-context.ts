import { stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { ApiError } from '../../../src-common/contract/errors';
import { checkHostPath } from '../host-paths';
import { readContextMatcher, type ContextMatcher } from './build-ignore';

export const buildContextMessages = {
  unreadable: (p: string, reason: string) => `Cannot read ${p}: ${reason}`,
  dockerfileOutside: (d: string) => `The Dockerfile path must stay inside the folder: ${d}`,
  dockerfileMissing: (d: string, folder: string) => `There is no ${d} in ${folder}.`,
  dockerfileNotFile: (d: string) => `${d} is not a file.`,
} as const;

export interface BuildContext {
  contextPath: string;
  /** Relative to the context, "/" separated. */
  dockerfile: string;
  matcher: ContextMatcher;
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new ApiError('invalid-request', buildContextMessages.unreadable(path, (err as Error).message), `folder ${path}`);
  }
}

/**
 * Errors name their object "folder <path>" or "dockerfile <path>" so a form can put the
 * message on the right field.
 *
 * Checks a context folder on this machine before any engine call: the path typed in
 * browser mode is the server's, so it is checked here (host-paths.ts), never trusted. The
 * folder's real path is what is packed afterwards.
 */
export async function checkBuildContext(contextInput: string, dockerfileInput: string): Promise<BuildContext> {
  const contextPath = await checkHostPath(contextInput, 'folder');

  const dockerfile = posix.normalize((dockerfileInput.trim() || 'Dockerfile').replaceAll('\\', '/'));
  if (posix.isAbsolute(dockerfile) || dockerfile === '..' || dockerfile.startsWith('../')) {
    throw new ApiError('invalid-request', buildContextMessages.dockerfileOutside(dockerfileInput), `dockerfile ${dockerfileInput}`);
  }
  const file = await statOrNull(join(contextPath, dockerfile));
  if (!file) throw new ApiError('not-found', buildContextMessages.dockerfileMissing(dockerfile, contextPath), `dockerfile ${dockerfile}`);
  if (!file.isFile()) throw new ApiError('invalid-request', buildContextMessages.dockerfileNotFile(dockerfile), `dockerfile ${dockerfile}`);
  // A Dockerfile that is a link into /proc or /dev (or another special file) is refused too.
  await checkHostPath(join(contextPath, dockerfile), 'file', 'dockerfile');
  return { contextPath, dockerfile, matcher: await readContextMatcher(contextPath, dockerfile) };
}
