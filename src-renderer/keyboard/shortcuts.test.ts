import { describe, expect, it } from 'vitest';
import { chordMatches, createShortcutMatcher, formatShortcut, parseShortcut, ShortcutSyntaxError, type KeyInput } from './shortcuts';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('parseShortcut', () => {
  it('reads Mod as Ctrl elsewhere and ⌘ on macOS', () => {
    expect(parseShortcut('Mod+K', false)).toEqual([{ key: 'k', ctrl: true, meta: false, alt: false, shift: false }]);
    expect(parseShortcut('Mod+K', true)).toEqual([{ key: 'k', ctrl: false, meta: true, alt: false, shift: false }]);
  });

  it('reads sequences, modifiers in any spelling and key aliases', () => {
    expect(parseShortcut('g c', false).map((c) => c.key)).toEqual(['g', 'c']);
    expect(parseShortcut('Ctrl+Shift+Esc', false)).toEqual([{ key: 'escape', ctrl: true, meta: false, alt: false, shift: true }]);
    expect(parseShortcut('Option+Cmd+down', true)).toEqual([{ key: 'arrowdown', ctrl: false, meta: true, alt: true, shift: false }]);
    expect(parseShortcut('Ctrl++', false)).toEqual([{ key: '+', ctrl: true, meta: false, alt: false, shift: false }]);
    expect(parseShortcut('?', false)).toEqual([{ key: '?', ctrl: false, meta: false, alt: false, shift: false }]);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseShortcut('', false)).toThrow(ShortcutSyntaxError);
    expect(() => parseShortcut('Hyper+K', false)).toThrow(/"Hyper" in "Hyper\+K" is not a modifier/);
    expect(() => parseShortcut('K+J', false)).toThrow(/not a modifier/);
    expect(() => parseShortcut('Ctrl+', false)).toThrow(/empty part/);
  });
});

describe('chordMatches', () => {
  const [modK] = parseShortcut('Mod+K', false);
  it('needs exactly the modifiers of the chord', () => {
    expect(chordMatches(modK!, key('k', { ctrlKey: true }))).toBe(true);
    expect(chordMatches(modK!, key('K', { ctrlKey: true }))).toBe(true);
    expect(chordMatches(modK!, key('k'))).toBe(false);
    expect(chordMatches(modK!, key('k', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(chordMatches(modK!, key('k', { metaKey: true }))).toBe(false);
    expect(chordMatches(modK!, key('k', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it('does not ask for Shift on symbols whose key already says it', () => {
    const [help] = parseShortcut('?', false);
    expect(chordMatches(help!, key('?', { shiftKey: true }))).toBe(true);
    expect(chordMatches(help!, key('?'))).toBe(true);
    expect(chordMatches(help!, key('/'))).toBe(false);
  });
});

describe('formatShortcut', () => {
  it('spells shortcuts the way each platform does', () => {
    expect(formatShortcut(parseShortcut('Mod+K', false), false)).toBe('Ctrl+K');
    expect(formatShortcut(parseShortcut('Mod+K', true), true)).toBe('⌘K');
    expect(formatShortcut(parseShortcut('g s', false), false)).toBe('G then S');
    expect(formatShortcut(parseShortcut('Shift+Esc', false), false)).toBe('Shift+Esc');
  });
});

describe('createShortcutMatcher', () => {
  const setup = (timeout = 1000) => {
    let t = 0;
    const bindings = [
      { id: 'palette' as const, chords: parseShortcut('Mod+K', false) },
      { id: 'containers' as const, chords: parseShortcut('g c', false) },
      { id: 'settings' as const, chords: parseShortcut('g s', false) },
      { id: 'help' as const, chords: parseShortcut('?', false) },
    ];
    const matcher = createShortcutMatcher(bindings, { sequenceTimeoutMs: timeout, now: () => t });
    return { matcher, advance: (ms: number) => (t += ms) };
  };

  it('matches single chords at once', () => {
    const { matcher } = setup();
    expect(matcher.handle(key('k', { ctrlKey: true }))).toEqual({ kind: 'matched', id: 'palette' });
    expect(matcher.handle(key('?', { shiftKey: true }))).toEqual({ kind: 'matched', id: 'help' });
    expect(matcher.handle(key('x'))).toEqual({ kind: 'none' });
  });

  it('holds the first key of a sequence and completes it with the second', () => {
    const { matcher } = setup();
    expect(matcher.handle(key('g'))).toEqual({ kind: 'pending' });
    expect(matcher.pending()).toBe(true);
    // Pressing Shift alone in between does not break it.
    expect(matcher.handle(key('Shift', { shiftKey: true }))).toEqual({ kind: 'pending' });
    expect(matcher.handle(key('s'))).toEqual({ kind: 'matched', id: 'settings' });
    expect(matcher.pending()).toBe(false);
    expect(matcher.handle(key('s'))).toEqual({ kind: 'none' });
  });

  it('forgets a sequence after the timeout', () => {
    const { matcher, advance } = setup(1000);
    matcher.handle(key('g'));
    advance(1001);
    expect(matcher.handle(key('c'))).toEqual({ kind: 'none' });
  });

  it('lets a press that breaks a sequence count on its own', () => {
    const { matcher } = setup();
    matcher.handle(key('g'));
    expect(matcher.handle(key('k', { ctrlKey: true }))).toEqual({ kind: 'matched', id: 'palette' });
    matcher.handle(key('g'));
    expect(matcher.handle(key('x'))).toEqual({ kind: 'none' });
    expect(matcher.handle(key('g'))).toEqual({ kind: 'pending' });
    expect(matcher.handle(key('g'))).toEqual({ kind: 'pending' });
    expect(matcher.handle(key('c'))).toEqual({ kind: 'matched', id: 'containers' });
  });

  it('starts over on reset', () => {
    const { matcher } = setup();
    matcher.handle(key('g'));
    matcher.reset();
    expect(matcher.handle(key('c'))).toEqual({ kind: 'none' });
  });
});
