import { elementScroll, type Rect, type VirtualizerOptions, type Virtualizer } from '@tanstack/react-virtual';

/**
 * Options for a virtualized list that keep its mount free of forced layouts.
 *
 * As a list mounts, the virtualizer reads its box's size and writes its scroll position
 * (to 0, where a new box is anyway). Each of those makes the browser lay out the whole page
 * in the middle of React's commit, before the list has its rows, and the list is then
 * rendered a second time before the first paint: in a profile of the container list's
 * first open, 18–38 ms of its first render. Here the size comes from a ResizeObserver, which
 * reports once layout has happened anyway, a guess from the window's size stands in until
 * then, and the mount's write of 0 is left out.
 *
 * `besides` is the least height the rest of the page takes above and below the list's box
 * (headers, toolbars, status bar). The guess, the window's height less that, must not be
 * smaller than the box: rows missing from the first paint would show as a blank strip for a
 * frame. Rows it draws beyond the box cost a few milliseconds each and go once the box's
 * size is known.
 */
export function withoutLayoutOnMount<E extends HTMLElement>(
  besides = 0,
): Pick<VirtualizerOptions<E, Element>, 'initialRect' | 'observeElementRect' | 'scrollToFn'> {
  const initialRect = { width: window.innerWidth, height: Math.max(0, window.innerHeight - besides) };
  return { initialRect, observeElementRect: observeRectAfterLayout<E>, scrollToFn: scrollAfterMount<E> };
}

/** The virtualizer's own, less its first synchronous read; without ResizeObserver (jsdom), as before. */
function observeRectAfterLayout<E extends HTMLElement>(
  instance: Virtualizer<E, Element>,
  onRect: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  const report = () => onRect({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) });
  if (typeof ResizeObserver !== 'function') {
    report();
    return undefined;
  }
  const observer = new ResizeObserver(report);
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

/** Boxes the virtualizer has written a scroll position to. */
const written = new WeakSet<Element>();

/** The virtualizer's own scroll write, except a box's first one when it is a plain 0 (the mount's). */
function scrollAfterMount<E extends HTMLElement>(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<E, Element>,
): void {
  const element = instance.scrollElement;
  if (element && !written.has(element)) {
    written.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}
