import { useEffect, useRef } from 'react';

/**
 * Opens a <dialog> as modal while mounted (the rest of the page goes inert, Escape
 * becomes "cancel", and showModal focuses the first control inside, or the one marked
 * `data-autofocus` — e.g. Cancel in a destructive confirmation) and, on unmount, gives
 * focus back to what had it before. No React autoFocus inside: it would move focus
 * before the opener is noted.
 */
export function useModalDialog<T extends HTMLDialogElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return ref;
}
