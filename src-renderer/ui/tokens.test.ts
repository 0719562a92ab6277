import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The light and dark halves of every colour token in tokens.css (hex values only). */
function readTokens(): Map<string, { light: string; dark: string }> {
  const css = readFileSync(path.join(import.meta.dirname, 'tokens.css'), 'utf8');
  const out = new Map<string, { light: string; dark: string }>();
  for (const m of css.matchAll(/(--color-[\w-]+):\s*(?:light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)|(#[0-9a-f]{6}));/gi)) {
    const [, name, light, dark, both] = m;
    out.set(name!, { light: (light ?? both)!, dark: (dark ?? both)! });
  }
  return out;
}

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

// Text role → the surfaces it is drawn on. WCAG AA for body text: 4.5:1.
const surfaces = ['canvas', 'surface', 'surface-sunken', 'surface-raised', 'surface-hover', 'surface-selected', 'sidebar'];
const pairs: [string, string[]][] = [
  ['fg', surfaces],
  ['fg-muted', surfaces],
  ['fg-subtle', ['canvas', 'surface', 'surface-raised', 'surface-sunken']],
  ['accent', ['canvas', 'surface', 'surface-raised', 'surface-hover', 'accent-subtle', 'sidebar']],
  ['fg-on-accent', ['accent-bg', 'accent-bg-hover', 'danger-solid', 'danger-solid-hover']],
  ['fg', ['accent-subtle', 'sidebar-hover']],
  ...Array.from({ length: 8 }, (_, i): [string, string[]] => [`series-${i}`, ['surface', 'surface-sunken', 'canvas']]),
  ...['success', 'warning', 'danger', 'info', 'neutral'].map((tone): [string, string[]] => [`${tone}-fg`, [`${tone}-bg`, 'surface', 'canvas', 'surface-hover']]),
];

describe('design tokens', () => {
  const tokens = readTokens();
  for (const theme of ['light', 'dark'] as const) {
    for (const [fg, backgrounds] of pairs) {
      for (const bg of backgrounds) {
        it(`${theme}: --color-${fg} on --color-${bg} reaches 4.5:1`, () => {
          const f = tokens.get(`--color-${fg}`);
          const b = tokens.get(`--color-${bg}`);
          expect(f, fg).toBeDefined();
          expect(b, bg).toBeDefined();
          expect(contrast(f![theme], b![theme])).toBeGreaterThanOrEqual(4.5);
        });
      }
    }
  }
});
