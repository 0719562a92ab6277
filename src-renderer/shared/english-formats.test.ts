import { describe, expect, it } from 'vitest';
import { compareAsciiNaturally, formatEnglishRelativeTime, isPlainAscii } from './english-formats';

describe('formatEnglishRelativeTime', () => {
  const units = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const;
  it.each(['en', 'en-US', 'en-GB'])('says what Intl.RelativeTimeFormat(%s) says', (locale) => {
    const intl = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    for (const unit of units) {
      for (let value = -1500; value <= 1500; value++) expect(formatEnglishRelativeTime(value, unit)).toBe(intl.format(value, unit));
      for (const value of [-0, 12_345, -1_234_567, 1_000_000]) expect(formatEnglishRelativeTime(value, unit)).toBe(intl.format(value, unit));
    }
  });
});

describe('compareAsciiNaturally', () => {
  const intl = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const sign = (n: number) => Math.sign(n);
  const notAscii = (a: string, b: string): number => {
    throw new Error(`${a} or ${b} is not plain ASCII`);
  };

  // A seeded generator: the same corpus on every run, so a failure can be replayed.
  function random(seed: number) {
    let s = seed;
    return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  }
  function corpus(size: number, alphabet: string, maxLength: number): string[] {
    const next = random(42);
    return Array.from({ length: size }, () => {
      const length = Math.floor(next() * maxLength);
      let s = '';
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    });
  }

  it('orders pairs of names as Intl.Collator does (container-name characters, many digits)', () => {
    const names = corpus(400, 'aAbBzZ0019_.-', 8);
    for (const a of names) for (const b of names) expect(sign(compareAsciiNaturally(a, b, notAscii)), `${a} vs ${b}`).toBe(sign(intl.compare(a, b)));
  });

  it('orders every printable ASCII character, alone and inside names, as Intl.Collator does', () => {
    const all = Array.from({ length: 0x7e - 0x20 }, (_, i) => String.fromCharCode(0x21 + i));
    for (const a of all) for (const b of all) {
      expect(sign(compareAsciiNaturally(a, b, notAscii)), `${a} vs ${b}`).toBe(sign(intl.compare(a, b)));
      expect(sign(compareAsciiNaturally(`x${a}1`, `x${b}10`, notAscii)), `x${a}1 vs x${b}10`).toBe(sign(intl.compare(`x${a}1`, `x${b}10`)));
    }
    const images = corpus(300, 'ab09:/@._-Z', 10);
    for (const a of images) for (const b of images) expect(sign(compareAsciiNaturally(a, b, notAscii)), `${a} vs ${b}`).toBe(sign(intl.compare(a, b)));
  });

  it('reads digit runs as numbers: web-2 before web-10, leading zeros aside', () => {
    expect(compareAsciiNaturally('web-2', 'web-10', notAscii)).toBe(-1);
    expect(compareAsciiNaturally('web-010', 'web-9', notAscii)).toBe(1);
    expect(compareAsciiNaturally('web-01', 'web-1', notAscii)).toBe(intl.compare('web-01', 'web-1'));
    expect(compareAsciiNaturally('Web', 'web', notAscii)).toBe(0);
    expect(compareAsciiNaturally('a99999999999999999999', 'a100000000000000000000', notAscii)).toBe(-1);
  });

  it('takes printable ASCII only', () => {
    expect(isPlainAscii('berth-probe_01.x:1/a@b')).toBe(true);
    expect(isPlainAscii('with space')).toBe(false);
    expect(isPlainAscii('café')).toBe(false);
  });
});

describe('compareAsciiNaturally beyond ASCII', () => {
  it('hands names that are not plain ASCII to the fallback', () => {
    const seen: string[] = [];
    const fallback = (a: string, b: string) => (seen.push(`${a}|${b}`), 7);
    expect(compareAsciiNaturally('café', 'cafe', fallback)).toBe(7);
    expect(compareAsciiNaturally('web-2', 'web-10', fallback)).toBe(-1);
    expect(seen).toEqual(['café|cafe']);
  });
});
