import { describe, expect, it } from 'vitest';
import { parsedMessage, parsedValue } from './parsed-expect';
import {
  checkRunForm,
  emptyRunForm,
  MIN_MEMORY_BYTES,
  parseContainerName,
  parseCpus,
  parseEnv,
  parseKeyValues,
  parseMemory,
  parseRestartPolicy,
  parseVolumes,
  splitCommand,
} from './run-spec';

const value = parsedValue;
const message = parsedMessage;

describe('container name', () => {
  it.each([
    ['web', 'web'],
    ['/web-1', 'web-1'],
    ['a.b_c-d', 'a.b_c-d'],
    ['9lives', '9lives'],
    ['', null],
    ['  ', null],
  ])('accepts %j', (input, expected) => expect(value(parseContainerName(input))).toBe(expected));

  it.each(['a', '-web', '_web', '.web', 'web app', 'wéb', 'web/1', 'web:1'])('refuses %j', (input) =>
    expect(message(parseContainerName(input))).toMatch(/not a valid container name/),
  );
});

describe('command splitting', () => {
  it.each([
    ['sh -c "echo hi"', ['sh', '-c', 'echo hi']],
    ["sh -c 'echo $HOME'", ['sh', '-c', 'echo $HOME']],
    ['echo a\\ b', ['echo', 'a b']],
    ['echo "a \\"quoted\\" word"', ['echo', 'a "quoted" word']],
    ['  spaced   out  ', ['spaced', 'out']],
    ['echo ""', ['echo', '']],
    ["'it'\\''s' fine", ["it's", 'fine']],
    ['echo "back\\slash"', ['echo', 'back\\slash']],
  ])('%j', (input, expected) => expect(value(splitCommand(input))).toEqual(expected));

  it('empty keeps the image command', () => expect(value(splitCommand('   '))).toBeNull());
  it('refuses unclosed quotes and a lone trailing backslash', () => {
    expect(message(splitCommand('echo "oops'))).toMatch(/unclosed double quote/);
    expect(message(splitCommand("echo 'oops"))).toMatch(/unclosed single quote/);
    expect(message(splitCommand('echo \\'))).toMatch(/backslash/);
  });
});

describe('environment', () => {
  it('KEY=VALUE lines, blanks and comments skipped, value kept as typed', () =>
    expect(value(parseEnv('A=1\n\n# note\n  B=two words \nC=\nD=x=y\r\n_E.f-g=1'))).toEqual([
      'A=1',
      'B=two words ',
      'C=',
      'D=x=y',
      '_E.f-g=1',
    ]));
  it.each([
    ['JUSTKEY', /Line 1: write KEY=VALUE/],
    ['A=1\n=value', /Line 2: write KEY=VALUE/],
    ['1A=1', /Line 1: "1A" is not a variable name/],
    ['MY VAR=1', /not a variable name/],
  ])('refuses %j', (input, pattern) => expect(message(parseEnv(input))).toMatch(pattern));
});

describe('labels and build args', () => {
  it('later lines win', () => expect(value(parseKeyValues('a=1\ncom.example.x=y z\na=2'))).toEqual({ a: '2', 'com.example.x': 'y z' }));
  it('refuses a key with a space, and a line without =', () => {
    expect(message(parseKeyValues('my key=1'))).toMatch(/not a label key/);
    expect(message(parseKeyValues('flag'))).toMatch(/KEY=VALUE/);
  });
  it('env-style keys when asked', () => expect(message(parseKeyValues('9x=1', 'env'))).toMatch(/variable name/));
});

describe('volumes', () => {
  it('named volume, host path, read-only', () =>
    expect(value(parseVolumes('data:/var/lib/data\n/srv/www:/usr/share/www:ro\ncache:/cache/:rw'))).toEqual([
      { kind: 'volume', source: 'data', target: '/var/lib/data', readOnly: false },
      { kind: 'bind', source: '/srv/www', target: '/usr/share/www', readOnly: true },
      { kind: 'volume', source: 'cache', target: '/cache', readOnly: false },
    ]));
  it.each([
    ['data', /Line 1: write volume-name/],
    ['a:b:c:d', /write volume-name/],
    [':/x', /write volume-name/],
    ['dd:/x\nx:/data', /Line 2: "x" is not a volume name/],
    ['-bad:/data', /not a volume name/],
    ['data:relative', /must be absolute/],
    ['data:/', /must be absolute and not "\/"/],
    ['data:/x:rx', /unknown option "rx"/],
    ['a1:/x\nb1:/x/', /already mounted/],
  ])('refuses %j', (input, pattern) => expect(message(parseVolumes(input))).toMatch(pattern));
});

describe('restart policy', () => {
  it.each([
    ['', { name: 'no', maximumRetryCount: 0 }],
    ['no', { name: 'no', maximumRetryCount: 0 }],
    ['always', { name: 'always', maximumRetryCount: 0 }],
    ['unless-stopped', { name: 'unless-stopped', maximumRetryCount: 0 }],
    ['on-failure', { name: 'on-failure', maximumRetryCount: 0 }],
    ['on-failure:5', { name: 'on-failure', maximumRetryCount: 5 }],
  ])('%j', (input, expected) => expect(value(parseRestartPolicy(input))).toEqual(expected));
  it.each([
    ['sometimes', /not a restart policy/],
    ['always:3', /not a restart policy/],
    ['on-failure:-1', /whole number/],
    ['on-failure:x', /whole number/],
  ])('refuses %j', (input, pattern) => expect(message(parseRestartPolicy(input))).toMatch(pattern));
});

describe('cpus', () => {
  it.each([
    ['1.5', 1_500_000_000],
    ['0.1', 100_000_000],
    ['.5', 500_000_000],
    ['2', 2_000_000_000],
    ['0.01', 10_000_000],
    ['1.000000001', 1_000_000_001],
    ['', null],
  ])('%j', (input, expected) => expect(value(parseCpus(input))).toBe(expected));
  it('refuses what the engine would', () => {
    expect(message(parseCpus('0'))).toMatch(/at least 0.01/);
    expect(message(parseCpus('0.001'))).toMatch(/at least 0.01/);
    expect(message(parseCpus('-1'))).toMatch(/not a number of CPUs/);
    expect(message(parseCpus('1,5'))).toMatch(/not a number of CPUs/);
    expect(message(parseCpus('.'))).toMatch(/not a number of CPUs/);
    expect(message(parseCpus('0.0000000001'))).toMatch(/9 decimal/);
  });
  it('is bounded by the host CPUs when known', () => {
    expect(value(parseCpus('4', 4))).toBe(4e9);
    expect(message(parseCpus('4.5', 4))).toMatch(/between 0.01 and 4 \(the host has 4\)/);
  });
});

describe('memory', () => {
  it.each([
    ['512m', 512 * 1024 ** 2],
    ['1g', 1024 ** 3],
    ['1.5g', 1.5 * 1024 ** 3],
    ['6m', MIN_MEMORY_BYTES],
    ['10000k', 10000 * 1024],
    ['7340032', 7340032],
    ['512MB', 512 * 1024 ** 2],
    ['1GiB', 1024 ** 3],
    ['512 m', 512 * 1024 ** 2],
    ['1T', 1024 ** 4],
    ['', null],
  ])('%j', (input, expected) => expect(value(parseMemory(input))).toBe(expected));
  it.each([
    ['12x', /not a memory size/],
    ['m', /not a memory size/],
    ['-1g', /not a memory size/],
    ['1.5.5g', /not a memory size/],
    ['100k', /at least 6m/],
    ['5m', /at least 6m/],
    ['1024', /at least 6m/],
  ])('refuses %j', (input, pattern) => expect(message(parseMemory(input))).toMatch(pattern));
});

describe('the whole form', () => {
  it('a full valid form becomes a spec', () => {
    const result = checkRunForm({
      ...emptyRunForm('berth-test/busybox:1'),
      name: 'web',
      command: 'sh -c "sleep 60"',
      ports: '8080:80',
      env: 'A=1',
      volumes: 'data:/data:ro',
      restartPolicy: 'on-failure:3',
      cpus: '0.5',
      memory: '64m',
      network: 'bridge',
      interactive: true,
      labels: 'team=core',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec).toMatchObject({
      image: 'berth-test/busybox:1',
      name: 'web',
      command: ['sh', '-c', 'sleep 60'],
      nanoCpus: 5e8,
      memoryBytes: 64 * 1024 ** 2,
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
      labels: { team: 'core' },
      interactive: true,
    });
  });

  it('reports every bad field at once, with the image checked by the reference parser', () => {
    const result = checkRunForm({
      ...emptyRunForm('Not/Valid'),
      name: '-x',
      ports: '99999',
      memory: '1k',
      cpus: 'lots',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.problems).sort()).toEqual(['cpus', 'image', 'memory', 'name', 'ports']);
    expect(result.problems.image).toMatch(/lowercase/);
  });

  it('cross-field rules: auto-remove with a restart policy, ports on the host network', () => {
    const a = checkRunForm({ ...emptyRunForm('busybox'), autoRemove: true, restartPolicy: 'always' });
    expect(!a.ok && a.problems.restartPolicy).toMatch(/cannot be combined/);
    const b = checkRunForm({ ...emptyRunForm('busybox'), network: 'host', ports: '80' });
    expect(!b.ok && b.problems.ports).toMatch(/"host" network/);
  });

  it('an empty image is refused', () => {
    const r = checkRunForm(emptyRunForm(''));
    expect(!r.ok && r.problems.image).toMatch(/Enter an image name/);
  });
});

describe('field lengths', () => {
  it('says at the Command field that a 100 KB command is too long, before any call', () => {
    const check = checkRunForm({ ...emptyRunForm('busybox'), command: 'x'.repeat(100 * 1024) });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.command).toBe('The command is too long: 102,400 characters, at most 16,384.');
  });

  it('checks every text field against the limit the contract enforces', () => {
    const check = checkRunForm({ ...emptyRunForm('busybox'), env: `A=${'x'.repeat(262_144)}`, memory: '1'.repeat(40) });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problems.env).toMatch(/^The environment is too long: 262,146 characters, at most 262,144\.$/);
      expect(check.problems.memory).toMatch(/^The memory limit is too long/);
    }
  });
});
