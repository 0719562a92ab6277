import { useEffect, useRef } from 'react';

/**
 * Makes a box reachable by Tab while — and only while — its content overflows, so a
 * keyboard user can scroll text that holds no control of its own (a long shortcuts list).
 * A box that fits stays out of the tab order: an extra stop there would be noise.
 */
export function useKeyboardScrollable<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const update = () => {
      const overflows = box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
      if (overflows) box.tabIndex = 0;
      else box.removeAttribute('tabindex');
    };
    update();
    const resize = new ResizeObserver(update);
    resize.observe(box);
    // The content can grow without the box changing size.
    const mutations = new MutationObserver(update);
    mutations.observe(box, { childList: true, subtree: true, characterData: true });
    return () => {
      resize.disconnect();
      mutations.disconnect();
    };
  }, []);
  return ref;
}
