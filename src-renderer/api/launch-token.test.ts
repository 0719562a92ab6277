import { describe, expect, it } from 'vitest';
import { forgetToken, storedToken, takeLaunchToken, type TokenPage } from './launch-token';

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
  it('moves #token=… into sessionStorage and out of the address bar and history', () => {
    const { p, replaced } = page('#token=abc_DEF-123.~x', '/', '');
    takeLaunchToken(p);
    expect(storedToken(p)).toBe('abc_DEF-123.~x');
    expect(replaced).toEqual(['/']);
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
  });
});
