import type { ReactNode } from 'react';
import { Dialog } from '../ui/Dialog';

/**
 * The dialog of before the design system, kept for callers that put their buttons in the
 * body (a `.dialog-buttons` row there sticks to the bottom). New code: `Dialog` from
 * `ui/` with a `footer`.
 */
export function Modal({ title, onClose, children, wide }: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  return (
    <Dialog title={title} onClose={onClose} size={wide ? 'lg' : 'md'}>
      {children}
    </Dialog>
  );
}
