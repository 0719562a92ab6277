import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dismissToast, holdToast, notify, toastStore } from './toast';

describe('toasts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const t of toastStore.snapshot()) dismissToast(t.id);
    vi.useRealTimers();
  });

  it('shows a message and removes it after its duration', () => {
    const seen: number[] = [];
    const stop = toastStore.subscribe(() => seen.push(toastStore.snapshot().length));
    notify({ message: 'Tagged app:1 as app:2' });
    expect(toastStore.snapshot().map((t) => t.message)).toEqual(['Tagged app:1 as app:2']);
    vi.advanceTimersByTime(5_999);
    expect(toastStore.snapshot()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(toastStore.snapshot()).toHaveLength(0);
    expect(seen).toEqual([1, 0]);
    stop();
  });

  it('keeps a toast while it is held (hover or focus) and restarts its clock after', () => {
    const id = notify({ message: 'Built image', action: { label: 'Run', run: () => {} } });
    holdToast(id, true);
    vi.advanceTimersByTime(60_000);
    expect(toastStore.snapshot()).toHaveLength(1);
    holdToast(id, false);
    vi.advanceTimersByTime(10_000);
    expect(toastStore.snapshot()).toHaveLength(0);
  });

  it('keeps at most four, dropping the oldest', () => {
    for (let i = 1; i <= 6; i++) notify({ message: `m${i}` });
    expect(toastStore.snapshot().map((t) => t.message)).toEqual(['m3', 'm4', 'm5', 'm6']);
  });

  it('dismisses on request', () => {
    const id = notify({ message: 'x' });
    dismissToast(id);
    expect(toastStore.snapshot()).toHaveLength(0);
  });
});
