import { useEffect, useRef } from 'react';

const CONTROLS = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

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
      // Chromium counts a scrolling box as focusable: a dialog whose body scrolls would
      // focus the body, not its first control.
      const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? (document.activeElement?.matches(CONTROLS) ? null : dialog.querySelector<HTMLElement>(CONTROLS));
      first?.focus();
    }
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return ref;
}
