import { useId, useState, type FormEvent } from 'react';
import { useModalDialog } from '../shared/use-modal-dialog';
import { imageRefProblem, parseImageRef } from '../../src-common/image-ref';
import { PullProgress } from './PullProgress';
import { registryStrings } from './strings';
import { TextField } from './TextField';
import { closeTransferDialog, useTransferDialogs } from './transfer-dialogs';
import type { TransferKind } from './transfer-client';
import { useTransfer } from './use-transfer';

/** The Pull and Push dialogs; rendered once by the app, opened with openPullDialog / openPushDialog. */
export function TransferDialogs() {
  const open = useTransferDialogs((s) => s.open);
  if (!open) return null;
  return <TransferDialog key={open.seq} kind={open.kind} initialRef={open.ref} />;
}

function TransferDialog({ kind, initialRef }: { kind: TransferKind; initialRef: string }) {
  const t = kind === 'pull' ? registryStrings.pullDialog : registryStrings.pushDialog;
  const [ref, setRef] = useState(initialRef);
  const [touched, setTouched] = useState(initialRef !== '');
  const { state, snapshot, start, cancel } = useTransfer(kind);
  const dialogRef = useModalDialog<HTMLDialogElement>();
  const titleId = useId();
  const problem = touched ? imageRefProblem(ref) : null;
  const running = state.phase === 'running';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    // Validated here with the same grammar main uses: nothing reaches the engine with a bad name.
    if (imageRefProblem(ref) !== null) return;
    start(parseImageRef(ref).familiar);
  };

  const result = state.phase === 'finished' ? state.result : null;
  const shownRef = state.phase === 'idle' ? null : state.ref;
  const title = shownRef ? t.titleRef(shownRef) : t.title;

  return (
    <dialog
      ref={dialogRef}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className="dialog transfer-dialog"
      onCancel={(e) => {
        e.preventDefault();
        cancel();
        closeTransferDialog();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {!running && result?.outcome !== 'done' && (
        <form onSubmit={submit} noValidate>
          <TextField
            label={t.field}
            value={ref}
            onChange={(v) => {
              setRef(v);
              setTouched(true);
            }}
            problem={problem}
            placeholder={t.placeholder}
            autoFocus
            {...(kind === 'push' ? { hint: registryStrings.pushDialog.hint } : {})}
          />
          <div className="dialog-buttons">
            <button type="button" className="button" onClick={closeTransferDialog}>
              {registryStrings.close}
            </button>
            <button type="submit" className="button-primary">
              {result ? registryStrings.retry : t.start}
            </button>
          </div>
        </form>
      )}
      {running && <p role="status">{t.running(state.ref)}</p>}
      {result?.outcome === 'failed' && (
        <div role="alert" className="transfer-failure">
          <strong>{registryStrings.failureTitle[result.kind]}</strong>
          {result.message}
        </div>
      )}
      {result?.outcome === 'cancelled' && <p className="note">{registryStrings.cancelled}</p>}
      {result?.outcome === 'done' && <p role="status">{t.done(state.phase === 'finished' ? state.ref : '')}</p>}
      {state.phase !== 'idle' && result?.outcome !== 'cancelled' && <PullProgress snapshot={snapshot} />}
      {running && (
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={cancel}>
            {registryStrings.cancel}
          </button>
        </div>
      )}
      {result?.outcome === 'done' && (
        <div className="dialog-buttons">
          <button type="button" className="button-primary" autoFocus onClick={closeTransferDialog}>
            {registryStrings.close}
          </button>
        </div>
      )}
    </dialog>
  );
}
