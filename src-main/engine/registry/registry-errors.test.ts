import { describe, expect, it } from 'vitest';
import { classifyRegistryFailure } from './registry-errors';

describe('classifyRegistryFailure', () => {
  const cases: [string, 'pull' | 'push' | 'login', string][] = [
    ['manifest for 127.0.0.1:5000/app:9 not found: manifest unknown: manifest unknown', 'pull', 'not-found'],
    // A registry port that starts with 401 is not an HTTP 401 (a flake seen in CI).
    ['manifest for 127.0.0.1:40185/app:1 not found: manifest unknown: manifest unknown', 'pull', 'not-found'],
    ["pull access denied for nosuch, repository does not exist or may require 'docker login'", 'pull', 'not-found'],
    ['Head "http://127.0.0.1:5000/v2/app/manifests/1": no basic auth credentials', 'pull', 'unauthorized'],
    ['unauthorized: authentication required', 'push', 'unauthorized'],
    ['login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized', 'login', 'unauthorized'],
    ['Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.1:53: no such host', 'pull', 'network'],
    ['Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused', 'login', 'network'],
    ['Get "https://x.io/v2/": net/http: request canceled (Client.Timeout exceeded) i/o timeout', 'pull', 'network'],
    ['An image does not exist locally with the tag: 127.0.0.1:5000/app', 'push', 'other'],
  ];
  it.each(cases)('%s (%s) → %s', (reason, action, kind) => {
    const failure = classifyRegistryFailure(reason, '127.0.0.1:5000', '127.0.0.1:5000/app:1', action);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toContain(reason);
  });

  it('names the registry in plain words', () => {
    expect(classifyRegistryFailure('dial tcp: lookup ghcr.io: no such host', 'ghcr.io', 'ghcr.io/a/b:1', 'pull').message).toBe(
      'The engine could not reach ghcr.io: dial tcp: lookup ghcr.io: no such host',
    );
    expect(classifyRegistryFailure('failed with status: 401 Unauthorized', 'ghcr.io', '', 'login').message).toMatch(
      /^ghcr\.io refused the username or password/,
    );
  });
});
