import { createElement, type ReactElement } from 'react';
import type { LucideIcon } from 'lucide-react';

/** A lucide icon's drawing: its names, its grid's size and the SVG children it draws (tag, attributes). */
interface IconData {
  name: string;
  aliases?: unknown[];
  size?: number;
  node: [tag: string, attributes: Record<string, string | number>][];
}

const dataOf = new WeakMap<LucideIcon, IconData | null>();

/**
 * The drawing inside a lucide icon component, read once. lucide-react's icons are
 * forwardRef components whose render returns its generic `Icon` with the drawing as the
 * `icon` prop; null when an icon is shaped otherwise (a later lucide), and the component
 * is then used as it is.
 */
function iconData(icon: LucideIcon): IconData | null {
  let data = dataOf.get(icon);
  if (data === undefined) {
    data = null;
    try {
      const render = (icon as unknown as { render?: (props: object, ref: null) => unknown }).render;
      const drawn = (render?.({}, null) as { props?: { icon?: Partial<IconData> } } | undefined)?.props?.icon;
      if (drawn && typeof drawn.name === 'string' && Array.isArray(drawn.node)) data = drawn as IconData;
    } catch {
      data = null;
    }
    dataOf.set(icon, data);
  }
  return data;
}

/** Each icon's drawn elements by size and class: see iconElement. */
const drawnOf = new WeakMap<LucideIcon, Map<string, ReactElement>>();

/**
 * A decorative lucide icon as one plain <svg> element, the same markup lucide's component
 * draws (icon-element.test.tsx compares them for every icon). The container list draws
 * five icon buttons per row, and each lucide component is two components deep, reads a
 * context and rebuilds its attributes on every render; drawn this way they are host
 * elements only. Drawn once per icon, size and class, then the same element is given out:
 * a React element is immutable and may stand in any number of places, and on a re-render
 * React sees the very element it drew and leaves that <svg> alone.
 */
export function iconElement(icon: LucideIcon, size: number, className?: string): ReactElement {
  let drawn = drawnOf.get(icon);
  if (!drawn) drawnOf.set(icon, (drawn = new Map()));
  const key = className ? `${size} ${className}` : String(size);
  let element = drawn.get(key);
  if (!element) drawn.set(key, (element = drawIcon(icon, size, className)));
  return element;
}

function drawIcon(icon: LucideIcon, size: number, className: string | undefined): ReactElement {
  const data = iconData(icon);
  if (!data) return createElement(icon, { size, className, 'aria-hidden': 'true' });
  const names = [data.name, ...(data.aliases ?? []).filter((a): a is string => typeof a === 'string' && a.trim() !== '')];
  const grid = data.size ?? 24;
  return createElement(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: size,
      height: size,
      viewBox: `0 0 ${grid} ${grid}`,
      fill: 'none',
      stroke: 'currentColor',
      strokeWidth: 2,
      strokeLinecap: 'round',
      strokeLinejoin: 'round',
      className: ['lucide', ...names.map((n) => `lucide-${n}`), ...(className ? [className] : [])].join(' '),
      'aria-hidden': 'true',
    },
    ...data.node.map(([tag, attributes]) => createElement(tag, attributes)),
  );
}
