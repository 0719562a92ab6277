import { useEffect, useState } from 'react';
import type { LogTail, LogTarget } from '../../src-common/models/logs';
import { api } from '../api/client';
import { LogSession, type SubscribeLogs } from './log-session';
import { DEFAULT_TAIL, readPref, writePref } from './prefs';
import { useBerthStore } from '../store/store';
import { selectLogLineCap } from '../settings/settings-slice';
import { useSaveSettings } from '../settings/use-save-settings';

const subscribeLogs: SubscribeLogs = (args, onChunk, onEnd) => api.subscribe('logs.follow', args, onChunk, onEnd);

/** A log session for a target: reopened when the target or the tail changes, closed on unmount. */
export function useLogSession(target: LogTarget, targetKey: string) {
  const [tail, setTailState] = useState<LogTail>(() => {
    const saved = readPref<string>('tail', String(DEFAULT_TAIL));
    return saved === 'all' ? 'all' : Number(saved) > 0 ? Number(saved) : DEFAULT_TAIL;
  });
  // The line cap is an app setting (Settings page and this view change the same value).
  const capacity = useBerthStore(selectLogLineCap);
  const { save } = useSaveSettings();
  const [session, setSession] = useState<LogSession | null>(null);
  /** Bumped to open the stream again (see the capacity effect below). */
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const s = new LogSession(subscribeLogs, target, tail, useBerthStore.getState().settings.logLineCap);
    s.start();
    setSession(s);
    return () => s.dispose();
    // `target` is a fresh object each render; targetKey names it.
  }, [targetKey, tail, reloads]);

  const setTail = (next: LogTail) => {
    setTailState(next);
    writePref('tail', String(next));
  };

  useEffect(() => {
    if (!session) return;
    // A higher limit than the view had, with older lines left out: the engine still has
    // them, so the stream opens again and brings as many as the new limit keeps.
    if (capacity > session.buffer.capacity && session.buffer.notKept > 0) setReloads((n) => n + 1);
    else session.setCapacity(capacity);
  }, [session, capacity]);

  const setCapacity = (cap: number) => void save({ logLineCap: cap });

  return { session, tail, setTail, capacity, setCapacity };
}
