import { describe, expect, it } from 'vitest';
import type { StreamEnd } from '../../src-common/contract/streams';
import { defaultSettings, type Settings } from '../../src-common/models/settings';
import type { ApiClient } from '../api/client';
import { createBerthStore } from '../store/store';
import { startSettingsSync } from './settings-sync';

/** A client answering settings.get and recording calls; the settings stream is driven by the test. */
function fakeApi(loadProblem: string | null) {
  const calls: string[] = [];
  let push: (s: Settings) => void = () => {};
  let end: (e: StreamEnd) => void = () => {};
  let cancelled = 0;
  const api = {
    call: async (method: string) => {
      calls.push(method);
      if (method === 'settings.get') return { settings: { ...defaultSettings(), theme: 'dark' }, loadProblem, hostMode: 'electron' };
      return null;
    },
    subscribe: (_stream: string, _args: unknown, onChunk: (s: Settings) => void, onEnd: (e: StreamEnd) => void) => {
      push = onChunk;
      end = onEnd;
      return () => cancelled++;
    },
  } as unknown as ApiClient;
  return { api, calls, push: (s: Settings) => push(s), end: (e: StreamEnd) => end(e), cancelled: () => cancelled };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startSettingsSync', () => {
  it('takes the settings from the stream and the host from settings.get', async () => {
    const store = createBerthStore();
    const fake = fakeApi(null);
    const stop = startSettingsSync(fake.api, store);
    fake.push({ ...defaultSettings(), logLineCap: 5_000 });
    await settle();
    // The stream came first: settings.get's copy does not overwrite it.
    expect(store.getState().settings.logLineCap).toBe(5_000);
    expect(store.getState().settings.theme).toBe('system');
    expect(store.getState().hostMode).toBe('electron');
    expect(store.getState().notices).toEqual([]);
    expect(fake.calls).toEqual(['settings.get']);
    stop();
    expect(fake.cancelled()).toBe(1);
  });

  it('uses settings.get when it answers before the stream', async () => {
    const store = createBerthStore();
    startSettingsSync(fakeApi(null).api, store);
    await settle();
    expect(store.getState().settings.theme).toBe('dark');
    expect(store.getState().settingsLoaded).toBe(true);
  });

  it('shows the load problem as a notice once and acknowledges it', async () => {
    const store = createBerthStore();
    const fake = fakeApi('settings.json could not be used');
    startSettingsSync(fake.api, store);
    await settle();
    expect(store.getState().notices.map((n) => n.message)).toEqual(['settings.json could not be used']);
    expect(fake.calls).toEqual(['settings.get', 'settings.acknowledgeLoadProblem']);
  });

  it('does nothing once stopped, even when the answer comes later', async () => {
    const store = createBerthStore();
    const fake = fakeApi('problem');
    startSettingsSync(fake.api, store)();
    await settle();
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().hostMode).toBeNull();
    expect(fake.calls).toEqual(['settings.get']);
  });
});
