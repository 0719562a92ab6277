import { useCallback, useEffect, useRef, useState } from 'react';
import type { TransferSnapshot } from '../../src-common/models/registries';
import { startImageTransfer, type RunningTransfer, type TransferKind, type TransferResult } from './transfer-client';

export type TransferPhase =
  | { phase: 'idle' }
  | { phase: 'running'; ref: string }
  | { phase: 'finished'; ref: string; result: TransferResult };

/** One pull or push owned by a component: progress in local state (never the store), cancelled on unmount. */
export function useTransfer(kind: TransferKind) {
  const [state, setState] = useState<TransferPhase>({ phase: 'idle' });
  const [snapshot, setSnapshot] = useState<TransferSnapshot | null>(null);
  const running = useRef<RunningTransfer | null>(null);

  useEffect(() => () => running.current?.cancel(), []);

  const start = useCallback(
    (ref: string) => {
      running.current?.cancel();
      setSnapshot(null);
      setState({ phase: 'running', ref });
      const transfer = startImageTransfer(kind, ref, setSnapshot);
      running.current = transfer;
      void transfer.result.then((result) => {
        if (running.current !== transfer) return;
        running.current = null;
        setState({ phase: 'finished', ref, result });
      });
    },
    [kind],
  );
  const cancel = useCallback(() => running.current?.cancel(), []);
  const reset = useCallback(() => {
    running.current?.cancel();
    running.current = null;
    setSnapshot(null);
    setState({ phase: 'idle' });
  }, []);
  return { state, snapshot, start, cancel, reset };
}
