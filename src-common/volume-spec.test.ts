import { describe, expect, it } from 'vitest';
import { apiAtLeast, checkVolumeForm, isAnonymousVolume, volumeNameProblem } from './volume-spec';

describe('volume names', () => {
  it.each(['pgdata', 'a1', 'my_vol.2-x', 'a'.repeat(255)])('accepts %s', (name) => expect(volumeNameProblem(name)).toBeNull());
  it.each(['a', 'a/b', '../x', '-x', '.x', 'has space', 'a'.repeat(256), ''])('refuses %j', (name) =>
    expect(volumeNameProblem(name)).not.toBeNull(),
  );
});

describe('checkVolumeForm', () => {
  it('gives the spec for a valid form, an empty name meaning anonymous', () => {
    expect(checkVolumeForm({ name: '  data ', driver: '', labels: 'a=1\n# note\nb=two words', options: 'type=tmpfs\ndevice=tmpfs' })).toEqual({
      ok: true,
      spec: { name: 'data', driver: 'local', labels: { a: '1', b: 'two words' }, options: { type: 'tmpfs', device: 'tmpfs' } },
    });
    expect(checkVolumeForm({ name: '', driver: 'local', labels: '', options: '' })).toMatchObject({ ok: true, spec: { name: null } });
  });

  it('reports every field at once', () => {
    const result = checkVolumeForm({ name: 'a/b', driver: 'bad driver', labels: 'no equals', options: 'x y=1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.problems).sort()).toEqual(['driver', 'labels', 'name', 'options']);
    expect(result.problems.options).toBe('Line 1: "x y" is not an option name: no spaces.');
  });

  it("knows the local driver's options and lets plugins take any", () => {
    expect(checkVolumeForm({ name: 'v1', driver: 'local', labels: '', options: 'sizee=1' })).toMatchObject({
      ok: false,
      problems: { options: 'The local driver has no option "sizee": use type, device, o, size.' },
    });
    expect(checkVolumeForm({ name: 'v1', driver: 'vieux/sshfs:latest', labels: '', options: 'sshcmd=me@host:/p' }).ok).toBe(true);
  });
});

describe('isAnonymousVolume', () => {
  const hex = 'ab'.repeat(32);
  it('goes by the label on API 1.42+, by the 64-hex name before', () => {
    expect(isAnonymousVolume(hex, {}, false)).toBe(true);
    expect(isAnonymousVolume(hex, {}, true)).toBe(false);
    expect(isAnonymousVolume('named', { 'com.docker.volume.anonymous': '' }, true)).toBe(true);
    expect(isAnonymousVolume('named', {}, false)).toBe(false);
  });
});

describe('apiAtLeast', () => {
  it.each([
    ['1.41', '1.42', false],
    ['1.42', '1.42', true],
    ['1.43', '1.42', true],
    ['1.9', '1.42', false],
    ['2.0', '1.42', true],
    [null, '1.42', false],
    ['unknown', '1.42', false],
  ])('%s ≥ %s: %s', (v, w, expected) => expect(apiAtLeast(v, w)).toBe(expected));
});
