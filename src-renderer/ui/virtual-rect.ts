import type { Rect, Virtualizer } from '@tanstack/react-virtual';

/**
 * The size a virtualized list assumes before its box has been laid out: the window's.
 * Never smaller than the box (the list sits inside the window), so the first render draws
 * every row the first paint shows; the few extra rows go once the real size is known.
 */
export const windowRect = (): Rect => ({ width: window.innerWidth, height: window.innerHeight });

/**
 * The virtualizer's `observeElementRect` without its synchronous first read. The default
 * reads the box's size as the list mounts, which forces a layout of the whole page in the
 * middle of React's commit (a profile of the container list's first open: ~18 ms of its
 * first render) and then renders the list a second time before the first paint. Here the
 * size comes from a ResizeObserver, which reports once layout has happened anyway; until
 * then `initialRect` (windowRect) stands in. Without ResizeObserver (tests in jsdom), the
 * size is read at once as before.
 */
export function observeRectAfterLayout<E extends Element>(instance: Virtualizer<E, Element>, onRect: (rect: Rect) => void): (() => void) | undefined {
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
