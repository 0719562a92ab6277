import { useEffect, useState } from 'react';
import type { LogTail, LogTarget } from '../../src-common/models/logs';
import { api } from '../api/client';
import { LogSession, type SubscribeLogs } from './log-session';
import { DEFAULT_LINE_CAP, DEFAULT_TAIL, readPref, writePref } from './prefs';

const subscribeLogs: SubscribeLogs = (args, onChunk, onEnd) => api.subscribe('logs.follow', args, onChunk, onEnd);

/** A log session for a target: reopened when the target or the tail changes, closed on unmount. */
export function useLogSession(target: LogTarget, targetKey: string) {
  const [tail, setTailState] = useState<LogTail>(() => {
    const saved = readPref<string>('tail', String(DEFAULT_TAIL));
    return saved === 'all' ? 'all' : Number(saved) > 0 ? Number(saved) : DEFAULT_TAIL;
  });
  const [capacity, setCapacityState] = useState(() => readPref<number>('maxLines', DEFAULT_LINE_CAP));
  const [session, setSession] = useState<LogSession | null>(null);

  useEffect(() => {
    const s = new LogSession(subscribeLogs, target, tail, readPref('maxLines', DEFAULT_LINE_CAP));
    s.start();
    setSession(s);
    return () => s.dispose();
    // `target` is a fresh object each render; targetKey names it.
  }, [targetKey, tail]);

  const setTail = (next: LogTail) => {
    setTailState(next);
    writePref('tail', String(next));
  };

  const setCapacity = (cap: number) => {
    setCapacityState(cap);
    writePref('maxLines', cap);
    session?.setCapacity(cap);
  };

  return { session, tail, setTail, capacity, setCapacity };
}
