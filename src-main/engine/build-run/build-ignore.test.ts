import { describe, expect, it } from 'vitest';
import { createContextMatcher, dockerignorePatterns } from './build-ignore';

const matcher = (text: string, dockerfile = 'Dockerfile') => createContextMatcher(dockerignorePatterns(text), dockerfile);

describe('.dockerignore patterns', () => {
  it('drops comments and blank lines, trims', () =>
    expect(dockerignorePatterns('\uFEFF# comment\n\n  *.log  \n!keep.log\r\n  # not a comment after spaces\n')).toEqual([
      '*.log',
      '!keep.log',
      '# not a comment after spaces',
    ]));
});

describe('context matcher (Docker semantics)', () => {
  it('a plain name excludes the file and everything under a folder of that name', () => {
    const m = matcher('node_modules\nsecret.txt');
    expect(m.excludes('node_modules')).toBe(true);
    expect(m.excludes('node_modules/a/b.js')).toBe(true);
    expect(m.excludes('secret.txt')).toBe(true);
    // Patterns are anchored at the context root, unlike .gitignore.
    expect(m.excludes('sub/secret.txt')).toBe(false);
  });

  it('* does not cross folders, ** does', () => {
    const m = matcher('*.log\n**/*.tmp\ndocs/*/draft.md');
    expect(m.excludes('a.log')).toBe(true);
    expect(m.excludes('sub/a.log')).toBe(false);
    expect(m.excludes('x.tmp')).toBe(true);
    expect(m.excludes('a/b/c/x.tmp')).toBe(true);
    expect(m.excludes('docs/v1/draft.md')).toBe(true);
    expect(m.excludes('docs/v1/v2/draft.md')).toBe(false);
  });

  it('? and character classes follow filepath.Match', () => {
    const m = matcher('file?.txt\n[a-c].bin\n[^x]y.dat');
    expect(m.excludes('file1.txt')).toBe(true);
    expect(m.excludes('file10.txt')).toBe(false);
    expect(m.excludes('b.bin')).toBe(true);
    expect(m.excludes('d.bin')).toBe(false);
    expect(m.excludes('zy.dat')).toBe(true);
    expect(m.excludes('xy.dat')).toBe(false);
  });

  it('the last matching line wins: exceptions and re-exclusions', () => {
    const m = matcher('*.md\n!README.md\nREADME.md');
    expect(m.excludes('README.md')).toBe(true);
    const n = matcher('*.md\n!README.md');
    expect(n.excludes('README.md')).toBe(false);
    expect(n.excludes('CHANGES.md')).toBe(true);
    expect(n.hasExceptions).toBe(true);
  });

  it('an exception can re-include a file inside an excluded folder', () => {
    const m = matcher('build\n!build/keep.txt');
    expect(m.excludes('build/other.txt')).toBe(true);
    expect(m.excludes('build/keep.txt')).toBe(false);
  });

  it('leading slashes and ./ are cleaned like filepath.Clean', () => {
    const m = matcher('/tmp\n./cache/\nsub/../top.txt');
    expect(m.excludes('tmp')).toBe(true);
    expect(m.excludes('cache/x')).toBe(true);
    expect(m.excludes('top.txt')).toBe(true);
  });

  it('is case-sensitive, as on Linux', () => expect(matcher('Secret').excludes('secret')).toBe(false));

  it('never leaves out the Dockerfile or .dockerignore', () => {
    const m = matcher('*\n');
    expect(m.excludes('Dockerfile')).toBe(false);
    expect(m.excludes('.dockerignore')).toBe(false);
    expect(m.excludes('app.js')).toBe(true);
    const custom = matcher('docker\n', 'docker/build.Dockerfile');
    expect(custom.excludes('docker/build.Dockerfile')).toBe(false);
    expect(custom.excludes('docker/other')).toBe(true);
  });

  it('with no file, nothing is excluded and folders need not be walked for exceptions', () => {
    const m = matcher('');
    expect(m.excludes('anything/at/all')).toBe(false);
    expect(m.hasExceptions).toBe(false);
  });
});
