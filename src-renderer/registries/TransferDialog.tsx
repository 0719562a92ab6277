import { useId, useState, type FormEvent } from 'react';
import { CloudDownload, Upload } from 'lucide-react';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/TextField';
import { imageRefProblem, parseImageRef } from '../../src-common/image-ref';
import { PullProgress } from './PullProgress';
import { registryStrings } from './strings';
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
  const formId = useId();
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

  const close = () => {
    cancel();
    closeTransferDialog();
  };
  const editing = !running && result?.outcome !== 'done';
  return (
    <Dialog
      title={title}
      onClose={close}
      size="lg"
      footer={
        running ? (
          <Button onClick={cancel}>{registryStrings.cancel}</Button>
        ) : result?.outcome === 'done' ? (
          <Button variant="primary" data-autofocus onClick={closeTransferDialog}>
            {registryStrings.close}
          </Button>
        ) : (
          <>
            <Button onClick={closeTransferDialog}>{registryStrings.close}</Button>
            <Button type="submit" form={formId} variant="primary" icon={kind === 'pull' ? CloudDownload : Upload}>
              {result ? registryStrings.retry : t.start}
            </Button>
          </>
        )
      }
    >
      {editing && (
        <form id={formId} onSubmit={submit} noValidate>
          <TextField
          announceError
            label={t.field}
            value={ref}
            mono
            onChange={(v) => {
              setRef(v);
              setTouched(true);
            }}
            error={problem}
            placeholder={t.placeholder}
            {...(kind === 'push' ? { description: registryStrings.pushDialog.hint } : {})}
          />
        </form>
      )}
      {running && <p role="status">{t.running(state.ref)}</p>}
      {result?.outcome === 'failed' && (
        <Banner tone="danger" role="alert" title={registryStrings.failureTitle[result.kind]}>
          <span className="ui-wrap-anywhere">{result.message}</span>
        </Banner>
      )}
      {result?.outcome === 'cancelled' && <Banner tone="info">{registryStrings.cancelled}</Banner>}
      {result?.outcome === 'done' && (
        <Banner tone="success" role="status">
          {t.done(state.phase === 'finished' ? state.ref : '')}
        </Banner>
      )}
      {state.phase !== 'idle' && result?.outcome !== 'cancelled' && <PullProgress snapshot={snapshot} />}
    </Dialog>
  );
}
