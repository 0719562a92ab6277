import { describe, expect, it } from 'vitest';
import {
  ImageRefError,
  ImageRefString,
  imageRefProblem,
  isValidImageRef,
  parseImageRef,
  registryOf,
  type ImageRef,
  type ImageRefErrorKind,
} from './image-ref';

const SHA = 'sha256:' + 'a'.repeat(64);
const SHA512 = 'sha512:' + '0123456789abcdef'.repeat(8);

function refusal(input: string): ImageRefError {
  try {
    parseImageRef(input);
  } catch (error) {
    if (error instanceof ImageRefError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

describe('parseImageRef: every output field', () => {
  const cases: [string, ImageRef][] = [
    [
      'nginx',
      {
        domain: 'docker.io',
        path: 'library/nginx',
        name: 'docker.io/library/nginx',
        tag: null,
        digest: null,
        familiar: 'nginx',
        familiarName: 'nginx',
        dockerRef: 'docker.io/library/nginx:latest',
      },
    ],
    [
      'nginx:1.27',
      {
        domain: 'docker.io',
        path: 'library/nginx',
        name: 'docker.io/library/nginx',
        tag: '1.27',
        digest: null,
        familiar: 'nginx:1.27',
        familiarName: 'nginx',
        dockerRef: 'docker.io/library/nginx:1.27',
      },
    ],
    [
      'askcompany/nginx',
      {
        domain: 'docker.io',
        path: 'askcompany/nginx',
        name: 'docker.io/askcompany/nginx',
        tag: null,
        digest: null,
        familiar: 'askcompany/nginx',
        familiarName: 'askcompany/nginx',
        dockerRef: 'docker.io/askcompany/nginx:latest',
      },
    ],
    [
      'myregistry.azurecr.io/samples/nginx:1.0',
      {
        domain: 'myregistry.azurecr.io',
        path: 'samples/nginx',
        name: 'myregistry.azurecr.io/samples/nginx',
        tag: '1.0',
        digest: null,
        familiar: 'myregistry.azurecr.io/samples/nginx:1.0',
        familiarName: 'myregistry.azurecr.io/samples/nginx',
        dockerRef: 'myregistry.azurecr.io/samples/nginx:1.0',
      },
    ],
    [
      `nginx@${SHA}`,
      {
        domain: 'docker.io',
        path: 'library/nginx',
        name: 'docker.io/library/nginx',
        tag: null,
        digest: SHA,
        familiar: `nginx@${SHA}`,
        familiarName: 'nginx',
        dockerRef: `docker.io/library/nginx@${SHA}`,
      },
    ],
    [
      `nginx:latest@${SHA}`,
      {
        domain: 'docker.io',
        path: 'library/nginx',
        name: 'docker.io/library/nginx',
        tag: 'latest',
        digest: SHA,
        familiar: `nginx:latest@${SHA}`,
        familiarName: 'nginx',
        dockerRef: `docker.io/library/nginx@${SHA}`,
      },
    ],
    [
      'localhost:5000',
      {
        domain: 'docker.io',
        path: 'library/localhost',
        name: 'docker.io/library/localhost',
        tag: '5000',
        digest: null,
        familiar: 'localhost:5000',
        familiarName: 'localhost',
        dockerRef: 'docker.io/library/localhost:5000',
      },
    ],
    [
      'localhost:5000/app',
      {
        domain: 'localhost:5000',
        path: 'app',
        name: 'localhost:5000/app',
        tag: null,
        digest: null,
        familiar: 'localhost:5000/app',
        familiarName: 'localhost:5000/app',
        dockerRef: 'localhost:5000/app:latest',
      },
    ],
    [
      '[::1]:5000/team/app:v2',
      {
        domain: '[::1]:5000',
        path: 'team/app',
        name: '[::1]:5000/team/app',
        tag: 'v2',
        digest: null,
        familiar: '[::1]:5000/team/app:v2',
        familiarName: '[::1]:5000/team/app',
        dockerRef: '[::1]:5000/team/app:v2',
      },
    ],
    [
      'index.docker.io/nginx',
      {
        domain: 'docker.io',
        path: 'library/nginx',
        name: 'docker.io/library/nginx',
        tag: null,
        digest: null,
        familiar: 'nginx',
        familiarName: 'nginx',
        dockerRef: 'docker.io/library/nginx:latest',
      },
    ],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(parseImageRef(input)).toEqual(expected);
  });
});

describe('parseImageRef: normalization to name, familiar and dockerRef', () => {
  it.each([
    // input, name, familiar, dockerRef
    ['docker.io/library/nginx', 'docker.io/library/nginx', 'nginx', 'docker.io/library/nginx:latest'],
    ['docker.io/nginx', 'docker.io/library/nginx', 'nginx', 'docker.io/library/nginx:latest'],
    ['library/nginx', 'docker.io/library/nginx', 'nginx', 'docker.io/library/nginx:latest'],
    ['docker.io/askcompany/nginx:2', 'docker.io/askcompany/nginx', 'askcompany/nginx:2', 'docker.io/askcompany/nginx:2'],
    ['index.docker.io/askcompany/nginx', 'docker.io/askcompany/nginx', 'askcompany/nginx', 'docker.io/askcompany/nginx:latest'],
    ['library/foo/bar', 'docker.io/library/foo/bar', 'library/foo/bar', 'docker.io/library/foo/bar:latest'],
    ['localhost/foo', 'localhost/foo', 'localhost/foo', 'localhost/foo:latest'],
    ['localhost', 'docker.io/library/localhost', 'localhost', 'docker.io/library/localhost:latest'],
    ['LOCALHOST/foo', 'LOCALHOST/foo', 'LOCALHOST/foo', 'LOCALHOST/foo:latest'],
    ['Foo/bar', 'Foo/bar', 'Foo/bar', 'Foo/bar:latest'],
    ['ghcr.io/org/team/app:v1.2.3', 'ghcr.io/org/team/app', 'ghcr.io/org/team/app:v1.2.3', 'ghcr.io/org/team/app:v1.2.3'],
    ['quay.io/org/app@' + SHA, 'quay.io/org/app', 'quay.io/org/app@' + SHA, 'quay.io/org/app@' + SHA],
    ['quay.io/org/app:1@' + SHA, 'quay.io/org/app', 'quay.io/org/app:1@' + SHA, 'quay.io/org/app@' + SHA],
    ['registry:5000/app', 'registry:5000/app', 'registry:5000/app', 'registry:5000/app:latest'],
    ['192.168.1.10:5000/app:dev', '192.168.1.10:5000/app', '192.168.1.10:5000/app:dev', '192.168.1.10:5000/app:dev'],
    ['[2001:db8::1]/app', '[2001:db8::1]/app', '[2001:db8::1]/app', '[2001:db8::1]/app:latest'],
    ['my-registry.example.com/app', 'my-registry.example.com/app', 'my-registry.example.com/app', 'my-registry.example.com/app:latest'],
  ])('%s → %s (%s)', (input, name, familiar, dockerRef) => {
    const ref = parseImageRef(input);
    expect(ref.name).toBe(name);
    expect(ref.familiar).toBe(familiar);
    expect(ref.dockerRef).toBe(dockerRef);
  });

  it('maps index.docker.io to docker.io and adds library/ to a one-part path', () => {
    expect(parseImageRef('index.docker.io/x/y').domain).toBe('docker.io');
    expect(parseImageRef('index.docker.io/x').name).toBe('docker.io/library/x');
  });
});

describe('parseImageRef: accepted by the grammar', () => {
  it.each([
    ['a', 'docker.io/library/a'],
    ['a__b', 'docker.io/library/a__b'],
    ['a_b.c', 'docker.io/library/a_b.c'],
    ['a-b', 'docker.io/library/a-b'],
    ['a---b', 'docker.io/library/a---b'],
    ['my.app/x', 'my.app/x'],
    ['0/1', 'docker.io/0/1'],
    ['a/b/c/d/e', 'docker.io/a/b/c/d/e'],
    ['sub-domain.example.com:443/a/b', 'sub-domain.example.com:443/a/b'],
    ['xn--bcher-kva.example/app', 'xn--bcher-kva.example/app'],
  ])('%s has name %s', (input, name) => {
    expect(parseImageRef(input).name).toBe(name);
  });

  it.each([
    ['app:Latest', 'Latest'],
    ['app:_private', '_private'],
    ['app:v1.0-rc_1', 'v1.0-rc_1'],
    ['app:' + 'x'.repeat(128), 'x'.repeat(128)],
  ])('%s has tag %s', (input, tag) => {
    expect(parseImageRef(input).tag).toBe(tag);
  });

  it.each([
    ['app@' + SHA512, SHA512],
    ['app@sha384:' + 'b'.repeat(96), 'sha384:' + 'b'.repeat(96)],
  ])('%s has digest %s', (input, digest) => {
    expect(parseImageRef(input).digest).toBe(digest);
  });

  it('accepts a name of exactly 255 characters as written, domain included and tag not', () => {
    expect(parseImageRef('a'.repeat(255)).path).toBe(`library/${'a'.repeat(255)}`);
    expect(parseImageRef(`example.com/${'b'.repeat(255 - 'example.com/'.length)}:t`).path).toHaveLength(255 - 'example.com/'.length);
  });

  it('accepts a 12-character short image ID as a name, as Docker does', () => {
    expect(parseImageRef('abcdef012345').name).toBe('docker.io/library/abcdef012345');
  });
});

describe('parseImageRef: refusals', () => {
  it.each<[string, ImageRefErrorKind]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\t\n', 'empty'],
    [' nginx', 'invalid-format'],
    ['nginx ', 'invalid-format'],
    ['my app', 'invalid-format'],
    ['MyApp', 'uppercase'],
    ['nginx/MyApp', 'uppercase'],
    ['quay.io/Org/app', 'uppercase'],
    ['localhost:5000/App:v1', 'uppercase'],
    ['Foo_bar/app', 'uppercase'],
    ['a'.repeat(64), 'hex-identifier'],
    ['0123456789abcdef'.repeat(4), 'hex-identifier'],
    ['-app', 'invalid-format'],
    ['.app', 'invalid-format'],
    ['_app', 'invalid-format'],
    ['app-', 'invalid-format'],
    ['app.', 'invalid-format'],
    ['a...b', 'invalid-format'],
    ['a___b', 'invalid-format'],
    ['a._b', 'invalid-format'],
    ['org//app', 'invalid-format'],
    ['org/app/', 'invalid-format'],
    ['/app', 'invalid-format'],
    ['org/-app', 'invalid-format'],
    ['ex*ample.com/app', 'invalid-format'],
    ['-example.com/app', 'invalid-format'],
    ['example-.com/app', 'invalid-format'],
    ['example..com/app', 'invalid-format'],
    ['example.com:port/app', 'invalid-format'],
    ['example.com:/app', 'invalid-format'],
    ['[::1/app', 'invalid-format'],
    ['[zz::1]:5000/app', 'invalid-format'],
    ['[::1]:5000', 'invalid-format'],
    ['nginx:', 'invalid-format'],
    [':latest', 'invalid-format'],
    ['nginx:-x', 'invalid-format'],
    ['nginx:.x', 'invalid-format'],
    ['nginx:a+b', 'invalid-format'],
    ['nginx:1:2', 'invalid-format'],
    ['nginx:1.0/foo', 'invalid-format'],
    ['app:' + 'x'.repeat(129), 'too-long'],
    ['a'.repeat(256), 'too-long'],
    [`example.com/${'b'.repeat(256 - 'example.com/'.length)}`, 'too-long'],
    ['@' + SHA, 'invalid-format'],
    ['nginx@', 'invalid-digest'],
    ['nginx@sha256', 'invalid-digest'],
    ['nginx@sha256:', 'invalid-digest'],
    ['nginx@sha256:' + 'a'.repeat(63), 'invalid-digest'],
    ['nginx@sha256:' + 'a'.repeat(65), 'invalid-digest'],
    ['nginx@sha256:' + 'A'.repeat(64), 'invalid-digest'],
    ['nginx@sha256:' + 'g'.repeat(64), 'invalid-digest'],
    ['nginx@sha512:' + 'a'.repeat(64), 'invalid-digest'],
    ['nginx@SHA256:' + 'a'.repeat(64), 'invalid-digest'],
    ['nginx@md5:' + 'a'.repeat(32), 'invalid-digest'],
    ['app@multihash+base58:' + 'C'.repeat(32), 'invalid-digest'],
    ['app@tarsum.v1+sha256:' + '0'.repeat(40), 'invalid-digest'],
    ['nginx@-sha:' + 'a'.repeat(32), 'invalid-digest'],
    [`nginx@${SHA}@${SHA}`, 'invalid-digest'],
    [`nginx@${SHA}:tag`, 'invalid-digest'],
  ])('%j → %s', (input, kind) => {
    const error = refusal(input);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ImageRefError');
    expect(error.kind).toBe(kind);
    expect(error.input).toBe(input);
    expect(error.message.length).toBeGreaterThan(10);
  });
});

describe('refusal messages a person can act on', () => {
  it.each([
    ['MyApp', 'Repository names must be lowercase: MyApp'],
    ['quay.io/Org/app', 'Repository names must be lowercase: Org/app'],
    ['my app', 'cannot contain spaces'],
    ['', 'Enter an image name'],
    ['a'.repeat(64), 'looks like an image ID, not a name'],
    ['nginx@sha256:abc', 'exactly 64 hex characters'],
    ['nginx@sha256:' + 'A'.repeat(64), 'lowercase hex'],
    ['app:' + 'x'.repeat(129), 'Tag is too long: 129 characters; the limit is 128'],
    ['a'.repeat(256), 'Repository name is too long: 256 characters; the limit is 255'],
    ['validname@invaliddigest:' + 'f'.repeat(64), 'Unsupported digest algorithm: invaliddigest'],
    ['example..com/app', 'Not a valid registry address: example..com'],
    ['org/-app', 'Not a valid repository name: org/-app'],
    ['nginx:-x', 'Not a valid tag: -x'],
    ['nginx:', 'Add a tag after ":"'],
  ])('%j says %j', (input, fragment) => {
    expect(refusal(input).message).toContain(fragment);
  });

  it('shortens a long pasted value instead of echoing all of it', () => {
    const message = refusal('X'.repeat(1000)).message;
    expect(message.length).toBeLessThan(200);
    expect(message).toContain('…');
  });
});

describe('helpers', () => {
  it('isValidImageRef and imageRefProblem agree with parseImageRef', () => {
    expect(isValidImageRef('nginx:1.27')).toBe(true);
    expect(imageRefProblem('nginx:1.27')).toBeNull();
    expect(isValidImageRef('MyApp')).toBe(false);
    expect(imageRefProblem('MyApp')).toBe('Repository names must be lowercase: MyApp');
  });

  it('registryOf names the registry, docker.io for Docker Hub', () => {
    expect(registryOf('nginx')).toBe('docker.io');
    expect(registryOf('index.docker.io/a/b')).toBe('docker.io');
    expect(registryOf('localhost:5000/app')).toBe('localhost:5000');
    expect(registryOf(parseImageRef('myregistry.azurecr.io/samples/nginx:1.0'))).toBe('myregistry.azurecr.io');
    expect(() => registryOf('Bad Name')).toThrow(ImageRefError);
  });

  it('ImageRefString validates a schema field with the same message', () => {
    expect(ImageRefString.safeParse('nginx').success).toBe(true);
    const result = ImageRefString.safeParse('MyApp');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Repository names must be lowercase: MyApp');
  });

  it('is reachable from main through the engine re-export', async () => {
    const fromMain = await import('../src-main/engine/images/image-ref');
    expect(fromMain.parseImageRef).toBe(parseImageRef);
  });
});

// distribution/reference's own test vectors (reference_test.go, TestReferenceParse and
// normalize_test.go), read through Docker's normalization: what Berth must agree with.
describe("distribution/reference's test vectors", () => {
  it.each<[string, { name: string; tag?: string; digest?: string }]>([
    ['test_com', { name: 'docker.io/library/test_com' }],
    ['test.com:tag', { name: 'docker.io/library/test.com', tag: 'tag' }],
    ['test.com:5000', { name: 'docker.io/library/test.com', tag: '5000' }],
    ['test.com/repo:tag', { name: 'test.com/repo', tag: 'tag' }],
    ['test:5000/repo', { name: 'test:5000/repo' }],
    ['test:5000/repo@sha256:' + 'f'.repeat(64), { name: 'test:5000/repo', digest: 'sha256:' + 'f'.repeat(64) }],
    ['test:5000/repo:tag@sha256:' + 'f'.repeat(64), { name: 'test:5000/repo', tag: 'tag', digest: 'sha256:' + 'f'.repeat(64) }],
    ['lowercase:Uppercase', { name: 'docker.io/library/lowercase', tag: 'Uppercase' }],
    // 255 characters of name, the whole string longer: the limit is the name's.
    ['a/'.repeat(127) + 'a:tag-puts-this-over-max', { name: 'docker.io/' + 'a/'.repeat(127) + 'a', tag: 'tag-puts-this-over-max' }],
    ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', { name: 'sub-dom1.foo.com/bar/baz/quux', tag: 'some-long-tag' }],
    ['b.gcr.io/test.example.com/my-app:test.example.com', { name: 'b.gcr.io/test.example.com/my-app', tag: 'test.example.com' }],
    ['xn--n3h.com/myimage:xn--n3h.com', { name: 'xn--n3h.com/myimage', tag: 'xn--n3h.com' }],
    ['xn--7o8h.com/myimage:xn--7o8h.com@sha512:' + 'f'.repeat(128), { name: 'xn--7o8h.com/myimage', tag: 'xn--7o8h.com', digest: 'sha512:' + 'f'.repeat(128) }],
    ['foo_bar.com:8080', { name: 'docker.io/library/foo_bar.com', tag: '8080' }],
    ['foo/foo_bar.com:8080', { name: 'docker.io/foo/foo_bar.com', tag: '8080' }],
    ['192.168.1.1', { name: 'docker.io/library/192.168.1.1' }],
    ['192.168.1.1:5000/repo:5050', { name: '192.168.1.1:5000/repo', tag: '5050' }],
    ['[2001:db8::1]/repo', { name: '[2001:db8::1]/repo' }],
    ['[2001:db8::1]:5000/repo:tag', { name: '[2001:db8::1]:5000/repo', tag: 'tag' }],
    ['[::1]:5000/repo', { name: '[::1]:5000/repo' }],
    // Not an ID: the repository "sha256" with a 64-character tag, as ParseNormalizedNamed reads it.
    ['sha256:' + 'a'.repeat(64), { name: 'docker.io/library/sha256', tag: 'a'.repeat(64) }],
  ])('%s parses', (input, expected) => {
    const ref = parseImageRef(input);
    expect(ref.name).toBe(expected.name);
    expect(ref.tag).toBe(expected.tag ?? null);
    expect(ref.digest).toBe(expected.digest ?? null);
  });

  it.each([
    ['', 'empty'],
    [':justtag', 'invalid-format'],
    ['@sha256:' + 'f'.repeat(64), 'invalid-format'],
    ['repo@sha256:' + 'f'.repeat(34), 'invalid-digest'],
    ['validname@invaliddigest:' + 'f'.repeat(64), 'invalid-digest'],
    ['Uppercase:tag', 'uppercase'],
    ['test:5000/Uppercase/lowercase:tag', 'uppercase'],
    ['a/'.repeat(128) + 'a:tag', 'too-long'],
    ['aa/asdf$$^/aa', 'invalid-format'],
    ['[2001:db8::1]', 'invalid-format'],
    ['[2001:db8::1]:5000', 'invalid-format'],
    ['[fe80::1%eth0]:5000/repo', 'invalid-format'],
    ['a'.repeat(64), 'hex-identifier'],
  ])('%s is refused (%s)', (input, kind) => {
    expect(refusal(input).kind).toBe(kind);
  });
});
