import type { HTMLAttributes, ReactNode } from 'react';
import { useKeyboardScrollable } from './use-keyboard-scrollable';

/**
 * A list in a box of limited height (what a dialog will remove, the containers that hold
 * something): when it overflows it is reachable by Tab, so it scrolls from the keyboard too.
 * Its own component so the box is watched from the moment it appears (lists often show up
 * only once a preview has loaded).
 */
export function ScrollList({ children, ...rest }: HTMLAttributes<HTMLUListElement> & { children: ReactNode }) {
  const ref = useKeyboardScrollable<HTMLUListElement>();
  return (
    <ul ref={ref} {...rest}>
      {children}
    </ul>
  );
}
