import { useCallback, useEffect, useRef, useState } from 'react';
import type { TransferSnapshot } from '../../src-common/models/registries';
import { startImageTransfer, type RunningTransfer, type TransferKind, type TransferResult } from './transfer-client';
import { notify } from '../ui/toast';
import { registryStrings } from './strings';

/** A short notice that outlives the dialog: pulled, up to date (and how many layers were there), pushed. */
function announceDone(kind: TransferKind, ref: string, last: TransferSnapshot | null): void {
  const message =
    kind === 'push'
      ? registryStrings.pushDialog.done(ref)
      : last?.upToDate
        ? registryStrings.pullDialog.upToDateNotice(ref, last.presentLayers)
        : registryStrings.pullDialog.done(ref);
  notify({ tone: 'success', message });
}

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
      let last: TransferSnapshot | null = null;
      const transfer = startImageTransfer(kind, ref, (s) => {
        last = s;
        setSnapshot(s);
      });
      running.current = transfer;
      void transfer.result.then((result) => {
        if (running.current !== transfer) return;
        running.current = null;
        setState({ phase: 'finished', ref, result });
        if (result.outcome === 'done') announceDone(kind, ref, last);
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
