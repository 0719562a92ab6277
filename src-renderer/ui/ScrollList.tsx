import type { HTMLAttributes } from 'react';
import { useKeyboardScrollable } from './use-keyboard-scrollable';

/**
 * A list in a box of limited height (what a prune or remove dialog will delete): when it
 * scrolls, it joins the tab order so the keyboard can scroll it too.
 */
export function ScrollList(props: HTMLAttributes<HTMLUListElement>) {
  const ref = useKeyboardScrollable<HTMLUListElement>();
  return <ul ref={ref} {...props} />;
}
