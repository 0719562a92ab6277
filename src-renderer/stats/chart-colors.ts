import { useEffect, useState } from 'react';

/**
 * A token's colour as the canvas needs it. Tokens are `light-dark(…)` values, which a
 * canvas cannot take: the browser resolves them on an element, and we read the result.
 */
export function resolveColor(token: string, within: Element = document.body): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${token})`;
  probe.hidden = true;
  within.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/** Bumps when the theme changes (data-theme on <html>, or the system's scheme under "system"), so charts redraw in its colours. */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      scheme.removeEventListener('change', bump);
    };
  }, []);
  return version;
}
