/**
 * Keyboard shortcuts as strings ("Mod+K", "g c", "?"), parsed into chords and matched
 * against key events, sequences included. Pure: no DOM, so it is unit-tested in Node.
 *
 * Grammar: a shortcut is chords separated by spaces, pressed one after another; a chord
 * is modifiers and one key joined by "+". "Mod" is ⌘ on macOS and Ctrl elsewhere.
 */
export interface Chord {
  /** Lower-case key as KeyboardEvent.key gives it ("k", "?", "escape", "arrowdown"). */
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** The parts of a KeyboardEvent the matcher reads. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const MODIFIERS = ['mod', 'ctrl', 'control', 'cmd', 'meta', 'alt', 'option', 'shift'] as const;
const KEY_ALIASES: Record<string, string> = { esc: 'escape', space: ' ', up: 'arrowup', down: 'arrowdown', left: 'arrowleft', right: 'arrowright', plus: '+' };

export class ShortcutSyntaxError extends Error {
  override readonly name = 'ShortcutSyntaxError';
}

/** Parses one shortcut; throws ShortcutSyntaxError on an empty chord, an unknown modifier or two keys. */
export function parseShortcut(shortcut: string, isMac: boolean): Chord[] {
  const chords = shortcut.trim().split(/\s+/);
  if (chords.length === 0 || chords[0] === '') throw new ShortcutSyntaxError('An empty shortcut.');
  return chords.map((text) => parseChord(text, isMac));
}

function parseChord(text: string, isMac: boolean): Chord {
  // "+" alone or at the end is the key itself ("Ctrl++").
  const parts = text === '+' ? ['+'] : text.endsWith('++') ? [...text.slice(0, -2).split('+'), '+'] : text.split('+');
  const chord: Chord = { key: '', ctrl: false, meta: false, alt: false, shift: false };
  parts.forEach((raw, i) => {
    const part = raw.toLowerCase();
    if (part === '') throw new ShortcutSyntaxError(`"${text}" has an empty part.`);
    const isLast = i === parts.length - 1;
    if (!isLast) {
      if (!(MODIFIERS as readonly string[]).includes(part)) throw new ShortcutSyntaxError(`"${raw}" in "${text}" is not a modifier.`);
      if (part === 'mod') chord[isMac ? 'meta' : 'ctrl'] = true;
      else if (part === 'ctrl' || part === 'control') chord.ctrl = true;
      else if (part === 'cmd' || part === 'meta') chord.meta = true;
      else if (part === 'alt' || part === 'option') chord.alt = true;
      else chord.shift = true;
      return;
    }
    chord.key = KEY_ALIASES[part] ?? part;
  });
  return chord;
}

/**
 * Whether a key event is this chord. Shift is only compared for letters and named keys:
 * "?" needs Shift on one keyboard and not on another, and the key already says which.
 */
export function chordMatches(chord: Chord, event: KeyInput): boolean {
  const key = event.key.toLowerCase();
  if (key !== chord.key) return false;
  if (event.ctrlKey !== chord.ctrl || event.metaKey !== chord.meta || event.altKey !== chord.alt) return false;
  const shiftMatters = /^[a-z]$/.test(chord.key) || chord.key.length > 1;
  return !shiftMatters || event.shiftKey === chord.shift;
}

/** Readable form for menus and the help dialog: "Ctrl+K" / "⌘K", "G then C". */
export function formatShortcut(chords: Chord[], isMac: boolean): string {
  return chords.map((c) => formatChord(c, isMac)).join(' then ');
}

function formatChord(c: Chord, isMac: boolean): string {
  const names: Record<string, string> = { escape: 'Esc', ' ': 'Space', arrowup: '↑', arrowdown: '↓', arrowleft: '←', arrowright: '→', enter: 'Enter' };
  const key = names[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key[0]!.toUpperCase() + c.key.slice(1));
  if (isMac) return `${c.ctrl ? '⌃' : ''}${c.alt ? '⌥' : ''}${c.shift ? '⇧' : ''}${c.meta ? '⌘' : ''}${key}`;
  return [c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', c.meta && 'Win', key].filter(Boolean).join('+');
}

export interface Binding<Id extends string> {
  id: Id;
  chords: Chord[];
}

export type MatchResult<Id extends string> = { kind: 'none' } | { kind: 'pending' } | { kind: 'matched'; id: Id };

const isModifierKey = (key: string) => ['shift', 'control', 'alt', 'meta', 'os', 'capslock'].includes(key.toLowerCase());

/**
 * Follows key presses through the bindings: a press that starts a sequence is "pending"
 * until the next press completes it, breaks it, or the gap exceeds `sequenceTimeoutMs`.
 */
export function createShortcutMatcher<Id extends string>(
  bindings: readonly Binding<Id>[],
  { sequenceTimeoutMs = 1500, now = () => Date.now() }: { sequenceTimeoutMs?: number; now?: () => number } = {},
) {
  let typed: KeyInput[] = [];
  let lastAt = 0;

  const prefixMatches = (b: Binding<Id>, presses: KeyInput[]) =>
    presses.length <= b.chords.length && presses.every((p, i) => chordMatches(b.chords[i]!, p));

  const step = (presses: KeyInput[]): MatchResult<Id> => {
    const candidates = bindings.filter((b) => prefixMatches(b, presses));
    const done = candidates.find((b) => b.chords.length === presses.length);
    if (done) return { kind: 'matched', id: done.id };
    return candidates.length > 0 ? { kind: 'pending' } : { kind: 'none' };
  };

  return {
    handle(event: KeyInput): MatchResult<Id> {
      if (isModifierKey(event.key)) return typed.length > 0 ? { kind: 'pending' } : { kind: 'none' };
      const at = now();
      if (typed.length > 0 && at - lastAt > sequenceTimeoutMs) typed = [];
      lastAt = at;
      let presses = [...typed, event];
      let result = step(presses);
      if (result.kind === 'none' && typed.length > 0) {
        // A broken sequence: this press may still start (or be) a shortcut of its own.
        presses = [event];
        result = step(presses);
      }
      typed = result.kind === 'pending' ? presses : [];
      return result;
    },
    reset() {
      typed = [];
    },
    /** True while a sequence is half typed. */
    pending: () => typed.length > 0,
  };
}
