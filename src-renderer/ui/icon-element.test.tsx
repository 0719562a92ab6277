import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { icons, type LucideIcon } from 'lucide-react';
import { iconElement } from './icon-element';

describe('iconElement', () => {
  it('draws every lucide icon exactly as its component does', () => {
    const all = Object.values(icons) as LucideIcon[];
    expect(all.length).toBeGreaterThan(1000);
    for (const Icon of all) {
      for (const size of [12, 14, 16]) {
        expect(renderToStaticMarkup(iconElement(Icon, size))).toBe(renderToStaticMarkup(<Icon size={size} aria-hidden="true" />));
      }
      expect(renderToStaticMarkup(iconElement(Icon, 16, 'ui-button-icon'))).toBe(
        renderToStaticMarkup(<Icon size={16} className="ui-button-icon" aria-hidden="true" />),
      );
    }
  });

  it('gives the same element for the same icon, size and class, and a different one otherwise', () => {
    const [A, B] = Object.values(icons) as LucideIcon[];
    const first = iconElement(A!, 14, 'x');
    expect(iconElement(A!, 14, 'x')).toBe(first);
    expect(iconElement(A!, 16, 'x')).not.toBe(first);
    expect(iconElement(A!, 14)).not.toBe(first);
    expect(iconElement(A!, 14, 'y')).not.toBe(first);
    expect(iconElement(B!, 14, 'x')).not.toBe(first);
  });

  it('falls back to the component for an icon it cannot read', () => {
    const Odd = (() => <svg data-odd="" />) as unknown as LucideIcon;
    expect(renderToStaticMarkup(iconElement(Odd, 14))).toBe('<svg data-odd=""></svg>');
  });
});
