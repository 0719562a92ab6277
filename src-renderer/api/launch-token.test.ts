import { describe, expect, it } from 'vitest';
import { forgetToken, saveLaunchToken, storedToken, takeLaunchToken, type TokenPage } from './launch-token';

function page(hash: string, pathname = '/', search = '') {
  const store = new Map<string, string>();
  const replaced: string[] = [];
  const p: TokenPage = {
    location: { hash, pathname, search },
    history: { replaceState: (_d, _u, url) => void replaced.push(url) },
    storage: {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    },
  };
  return { p, store, replaced };
}

describe('the launch token on the page', () => {
  it('moves #token=… out of the address bar and history, and into sessionStorage when saved', () => {
    const { p, replaced, store } = page('#token=abc_DEF-123.~x', '/', '');
    takeLaunchToken(p);
    expect(replaced).toEqual(['/']);
    expect(storedToken(p)).toBe('abc_DEF-123.~x');
    // Not written yet: a fresh tab's first use of sessionStorage waits on the browser.
    expect(store.size).toBe(0);
    saveLaunchToken(p);
    expect(store.get('berth.token')).toBe('abc_DEF-123.~x');
    expect(storedToken(p)).toBe('abc_DEF-123.~x');
  });

  it('saves nothing when the address had no token', () => {
    const { p, store } = page('');
    takeLaunchToken(p);
    saveLaunchToken(p);
    expect(store.size).toBe(0);
    expect(storedToken(p)).toBeNull();
  });

  it('leaves other fragments (routes) and an existing token alone', () => {
    const { p, replaced, store } = page('#/containers/abc');
    store.set('berth.token', 'earlier');
    takeLaunchToken(p);
    expect(storedToken(p)).toBe('earlier');
    expect(replaced).toEqual([]);
  });

  it('forgets a token the server refused', () => {
    const { p } = page('#token=abcdefghijklmnopqrstuvwxyz');
    takeLaunchToken(p);
    forgetToken(p);
    expect(storedToken(p)).toBeNull();
    saveLaunchToken(p);
    expect(storedToken(p)).toBeNull();
  });
});
