import { useEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** First and one-past-last row to render. */
  start: number;
  end: number;
}

/**
 * Which rows of a list of equal-height rows are in view, from the scroll element's
 * scrollTop and height. Unlike a general virtualizer it keeps no per-row state, so a
 * list that grows by hundreds of rows every frame costs nothing to grow.
 */
export function useFixedRows(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
  enabled: boolean,
): RowWindow {
  const [viewport, setViewport] = useState({ top: 0, height: 600 });

  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setViewport((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref, enabled]);

  const first = Math.floor(viewport.top / rowHeight);
  const visible = Math.ceil(viewport.height / rowHeight) + 1;
  return {
    start: Math.max(0, Math.min(count, first - overscan)),
    end: Math.max(0, Math.min(count, first + visible + overscan)),
  };
}
