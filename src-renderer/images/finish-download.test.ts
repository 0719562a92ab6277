import { afterEach, describe, expect, it } from 'vitest';
import { useBerthStore } from '../store/store';
import { dismissToast, toastStore } from '../ui/toast';
import { finishDownload } from './image-actions';

describe('finishDownload', () => {
  afterEach(() => {
    for (const t of toastStore.snapshot()) dismissToast(t.id);
  });

  it('says a saved image in a success toast, not in the error notices', () => {
    finishDownload({ kind: 'saved', path: '/home/me/app.tar' });
    expect(toastStore.snapshot()).toEqual([expect.objectContaining({ message: 'Saved to /home/me/app.tar', tone: 'success' })]);
    expect(useBerthStore.getState().notices).toEqual([]);
  });

  it('says nothing when the user cancelled the save', () => {
    finishDownload({ kind: 'cancelled' });
    expect(toastStore.snapshot()).toEqual([]);
  });
});
