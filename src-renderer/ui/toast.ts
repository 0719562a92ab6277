/**
 * Short-lived confirmations ("Tagged app:1 as app:2", "Built image … — Run"): `notify()`
 * from anywhere in the renderer; `<Toasts />` (mounted once by the app) shows them in one
 * polite live region. Errors are not toasts: they stay until read (ui-slice `pushNotice`).
 */
export interface ToastAction {
  label: string;
  run(): void;
}

export interface Toast {
  id: number;
  message: string;
  action?: ToastAction | undefined;
  tone: 'info' | 'success';
}

export interface NotifyOptions {
  message: string;
  /** One follow-up, e.g. "Run" after a build; running it dismisses the toast. */
  action?: ToastAction;
  tone?: Toast['tone'];
  /** How long it stays, in ms (default 6 s, 10 s with an action); paused while hovered or focused. */
  duration?: number;
}

const MAX_TOASTS = 4;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, { handle: ReturnType<typeof setTimeout> | null; duration: number }>();

const emit = () => {
  for (const l of listeners) l();
};

function arm(id: number) {
  const timer = timers.get(id);
  if (!timer) return;
  if (timer.handle) clearTimeout(timer.handle);
  timer.handle = setTimeout(() => dismissToast(id), timer.duration);
}

export function notify({ message, action, tone = 'info', duration }: NotifyOptions): number {
  const id = nextId++;
  const next = [...toasts, { id, message, action, tone }];
  for (const gone of next.slice(0, Math.max(0, next.length - MAX_TOASTS))) clearTimer(gone.id);
  toasts = next.slice(-MAX_TOASTS);
  timers.set(id, { handle: null, duration: duration ?? (action ? 10_000 : 6_000) });
  arm(id);
  emit();
  return id;
}

function clearTimer(id: number) {
  const timer = timers.get(id);
  if (timer?.handle) clearTimeout(timer.handle);
  timers.delete(id);
}

export function dismissToast(id: number): void {
  clearTimer(id);
  const next = toasts.filter((t) => t.id !== id);
  if (next.length === toasts.length) return;
  toasts = next;
  emit();
}

/** Stops a toast's clock while the pointer or focus is on it; `false` starts it again. */
export function holdToast(id: number, held: boolean): void {
  const timer = timers.get(id);
  if (!timer) return;
  if (held) {
    if (timer.handle) clearTimeout(timer.handle);
    timer.handle = null;
  } else arm(id);
}

export const toastStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: (): readonly Toast[] => toasts,
};
