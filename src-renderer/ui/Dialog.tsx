import { useId, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { IconButton } from './IconButton';
import { uiStrings } from './strings';
import { useModalDialog } from './use-modal-dialog';
import { useKeyboardScrollable } from './use-keyboard-scrollable';
import './dialog.css';

export interface DialogProps {
  title: string;
  /** A line under the title, read as the dialog's description. */
  description?: ReactNode;
  onClose(): void;
  children: ReactNode;
  /** The actions. They stay in view whatever the body holds: the body scrolls, the footer does not. */
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** A close (×) button top-right, for dialogs whose footer has no Cancel or Close. */
  closeButton?: boolean;
  /** Marks a dialog that lets the global shortcuts through (the shortcuts help). */
  keyboardOwner?: string;
  className?: string;
}

/**
 * A titled modal <dialog> (see useModalDialog): the page goes inert, Escape cancels, focus
 * goes back to the opener on close. An optional close button comes last in the DOM (drawn
 * top-right), so opening focuses the first field or action, not it.
 */
export function Dialog({ title, description, onClose, children, footer, size = 'md', closeButton = false, keyboardOwner, className }: DialogProps) {
  const ref = useModalDialog<HTMLDialogElement>();
  const bodyRef = useKeyboardScrollable<HTMLDivElement>();
  const titleId = useId();
  const descriptionId = useId();
  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={`ui-dialog ui-dialog-${size}${className ? ` ${className}` : ''}`}
      data-keyboard-owner={keyboardOwner}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="ui-dialog-frame">
        <header className="ui-dialog-header">
          <h2 id={titleId}>{title}</h2>
          {description && (
            <p id={descriptionId} className="ui-dialog-description">
              {description}
            </p>
          )}
        </header>
        <div ref={bodyRef} className="ui-dialog-body">
          {children}
        </div>
        {footer && <footer className="ui-dialog-footer">{footer}</footer>}
        {closeButton && <IconButton label={uiStrings.close} icon={X} size="sm" className="ui-dialog-close" onClick={onClose} />}
      </div>
    </dialog>
  );
}
