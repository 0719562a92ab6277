import { describe, expect, it } from 'vitest';
import { createSessionRegistry, type RegisteredSession } from './session-registry';
import { isCopyKey, isPasteKey } from './terminal-keys';

function fake(containerId: string) {
  const disposed: string[] = [];
  const make = (key: number, label: string): RegisteredSession => ({
    key,
    label,
    containerId,
    dispose: () => disposed.push(label),
  });
  return { make, disposed };
}

describe('terminal session registry', () => {
  it('numbers sessions per container, selects the newest, and keeps them until closed', () => {
    const r = createSessionRegistry((n) => `Session ${n}`);
    const a = fake('a');
    const b = fake('b');
    const s1 = r.create('a', a.make);
    const s2 = r.create('a', a.make);
    const t1 = r.create('b', b.make);
    expect(r.list('a').map((s) => s.label)).toEqual(['Session 1', 'Session 2']);
    expect(t1.label).toBe('Session 1');
    expect(r.selected('a')).toBe(s2.key);
    r.select('a', s1.key);
    expect(r.selected('a')).toBe(s1.key);
    expect(r.get(s2.key)).toBe(s2);
    expect(a.disposed).toEqual([]);
  });

  it('closing disposes exactly that session, moves the selection, and never reuses a number', () => {
    const r = createSessionRegistry((n) => `Session ${n}`);
    const a = fake('a');
    const s1 = r.create('a', a.make);
    const s2 = r.create('a', a.make);
    r.close(s2.key);
    expect(a.disposed).toEqual(['Session 2']);
    expect(r.selected('a')).toBe(s1.key);
    r.close(s1.key);
    expect(r.list('a')).toEqual([]);
    expect(r.selected('a')).toBeUndefined();
    expect(r.create('a', a.make).label).toBe('Session 3');
    r.close(12345); // unknown: nothing happens
    expect(a.disposed).toEqual(['Session 2', 'Session 1']);
  });

  it('tells subscribers about every change and bumps its version', () => {
    const r = createSessionRegistry((n) => `Session ${n}`);
    let calls = 0;
    const off = r.subscribe(() => calls++);
    const v0 = r.version();
    const s = r.create('a', fake('a').make);
    r.select('a', s.key); // already selected: no change
    r.notify();
    r.close(s.key);
    expect(calls).toBe(3);
    expect(r.version()).toBe(v0 + 3);
    off();
    r.create('a', fake('a').make);
    expect(calls).toBe(3);
  });
});

describe('terminal copy and paste keys', () => {
  const key = (k: Partial<KeyboardEvent>) =>
    ({ key: '', code: '', ctrlKey: false, shiftKey: false, metaKey: false, altKey: false, ...k }) as KeyboardEvent;
  it('are Ctrl+Shift+C/V on Linux and Windows, leaving Ctrl+C to the process', () => {
    expect(isCopyKey(key({ code: 'KeyC', key: 'C', ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(isCopyKey(key({ code: 'KeyC', key: 'c', ctrlKey: true }), false)).toBe(false);
    expect(isPasteKey(key({ code: 'KeyV', key: 'V', ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(isPasteKey(key({ code: 'KeyV', key: 'v', metaKey: true }), false)).toBe(false);
  });
  it('are Cmd+C/V on macOS, leaving Ctrl+C to the process', () => {
    expect(isCopyKey(key({ code: 'KeyC', key: 'c', metaKey: true }), true)).toBe(true);
    expect(isCopyKey(key({ code: 'KeyC', key: 'c', ctrlKey: true }), true)).toBe(false);
    expect(isPasteKey(key({ code: 'KeyV', key: 'v', metaKey: true }), true)).toBe(true);
  });
});
