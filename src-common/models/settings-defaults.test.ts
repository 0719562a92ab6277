import { describe, expect, it } from 'vitest';
import { Settings } from './settings';
import { defaultSettings } from './settings-defaults';

describe('defaultSettings', () => {
  it('is what the Settings schema makes of an empty file', () => {
    expect(defaultSettings()).toEqual(Settings.parse({}));
  });

  it('gives a fresh object each time (a caller may change its copy)', () => {
    const a = defaultSettings();
    a.engine = { mode: 'custom', dockerHost: 'tcp://127.0.0.1:2375' };
    expect(defaultSettings().engine).toEqual({ mode: 'auto' });
  });
});
