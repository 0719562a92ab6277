/** The platform's copy and paste keys in a terminal: Cmd+C/V on macOS, Ctrl+Shift+C/V elsewhere (Ctrl+C is SIGINT). */
type Key = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'shiftKey' | 'metaKey' | 'altKey'>;

const letter = (e: Key) => (e.code.startsWith('Key') ? e.code.slice(3) : e.key.toUpperCase());

export function isCopyKey(e: Key, mac: boolean): boolean {
  if (e.altKey) return false;
  return mac ? e.metaKey && !e.ctrlKey && letter(e) === 'C' : e.ctrlKey && e.shiftKey && !e.metaKey && letter(e) === 'C';
}

export function isPasteKey(e: Key, mac: boolean): boolean {
  if (e.altKey) return false;
  return mac ? e.metaKey && !e.ctrlKey && letter(e) === 'V' : e.ctrlKey && e.shiftKey && !e.metaKey && letter(e) === 'V';
}
