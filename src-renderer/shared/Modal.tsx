import { useId, type ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

/**
 * A titled modal <dialog> (see useModalDialog): the page goes inert, Escape cancels,
 * focus goes back to the opener on close.
 */
export function Modal({ title, onClose, children, wide }: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const ref = useModalDialog<HTMLDialogElement>();
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className={`dialog${wide ? ' dialog-wide' : ''}`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
