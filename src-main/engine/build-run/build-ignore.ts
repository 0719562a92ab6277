import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import dockerignore from '@balena/dockerignore';

/**
 * .dockerignore with Docker's semantics: Go filepath.Match patterns plus `**`, `!`
 * exceptions, the last matching line wins, and a pattern that matches a folder
 * excludes everything under it. The matching itself is @balena/dockerignore, a port of
 * moby's fileutils; this module adds what the docker CLI does around it.
 */
export interface ContextMatcher {
  /** Paths are relative to the context with "/" separators, e.g. "src/app.js". */
  excludes(relPath: string): boolean;
  /** With no "!" lines an excluded folder can be skipped whole. */
  readonly hasExceptions: boolean;
  /** The patterns as read (comments and blank lines dropped), for counts and tests. */
  readonly patterns: readonly string[];
}

/** The lines of a .dockerignore that are patterns: comments ("#" first) and blank lines dropped. */
export function dockerignorePatterns(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== '!');
}

/**
 * The docker CLI never leaves out the Dockerfile or .dockerignore (the engine needs the
 * first and drops both from what COPY sees): when a pattern excludes them, an exception
 * is added, as TrimBuildFilesFromExcludes does.
 */
export function createContextMatcher(patterns: readonly string[], dockerfile = 'Dockerfile'): ContextMatcher {
  const all = [...patterns];
  const probe = dockerignore({ ignorecase: false }).add(all);
  if (probe.ignores('.dockerignore')) all.push('!.dockerignore');
  if (probe.ignores(dockerfile)) all.push(`!${dockerfile}`);
  const matcher = all.length === patterns.length ? probe : dockerignore({ ignorecase: false }).add(all);
  return {
    excludes: (relPath) => matcher.ignores(relPath),
    hasExceptions: all.some((p) => p.startsWith('!')),
    patterns: all,
  };
}

/** Reads `<context>/.dockerignore` (absent: nothing is excluded). */
export async function readContextMatcher(contextPath: string, dockerfile: string): Promise<ContextMatcher> {
  let text = '';
  try {
    text = await readFile(join(contextPath, '.dockerignore'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return createContextMatcher(dockerignorePatterns(text), dockerfile);
}
