import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../src-common/contract/errors';
import { RunField as RunFieldSchema, type FieldProblems, type RunField, type RunForm } from '../../src-common/models/build-run';
import type { TransferSnapshot } from '../../src-common/models/registries';
import { checkRunForm, emptyRunForm } from '../../src-common/run-spec';
import { api } from '../api/client';
import { pullImage, PullProgress, type RunningTransfer } from '../registries/index';
import { hrefs } from '../router/route';
import { useBerthStore } from '../store/store';
import { FormField } from './FormField';
import { closeRunDialog, useRunDialogRequest } from './run-dialog-state';
import { runStrings as t } from './strings';
import { useRunOptions } from './use-run-options';
import './run.css';
import { useModalDialog } from '../shared/use-modal-dialog';

/** "form.command" (the request path of a refused field) → "command", when it is a field of the form. */
function formField(path: string | undefined): RunField | null {
  const parsed = RunFieldSchema.safeParse(path?.startsWith('form.') ? path.slice(5) : undefined);
  return parsed.success ? parsed.data : null;
}

/** The run dialog; rendered once by the app, opened with openRunDialog(). */
export function RunDialog() {
  const request = useRunDialogRequest();
  if (!request) return null;
  return <RunDialogContent key={request.key} image={request.image} />;
}

type RestartName = 'no' | 'always' | 'unless-stopped' | 'on-failure';
type Phase =
  | { kind: 'editing' }
  | { kind: 'starting' }
  | { kind: 'missing'; image: string }
  | { kind: 'pulling'; image: string; snapshot: TransferSnapshot | null };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

function RunDialogContent({ image }: { image: string }) {
  const dialogRef = useModalDialog<HTMLDialogElement>();
  const titleId = useId();
  const { options, error: optionsError } = useRunOptions();
  const [form, setForm] = useState<RunForm>(() => emptyRunForm(image));
  const [restartName, setRestartName] = useState<RestartName>('no');
  const [retries, setRetries] = useState('');
  const [touched, setTouched] = useState<Set<RunField>>(() => new Set());
  const [submitted, setSubmitted] = useState(0);
  const [serverProblems, setServerProblems] = useState<FieldProblems>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const transfer = useRef<RunningTransfer | null>(null);

  const restartPolicy = restartName === 'on-failure' && retries.trim() !== '' ? `on-failure:${retries.trim()}` : restartName;
  const fullForm: RunForm = { ...form, restartPolicy };
  const hostCpus = options?.hostCpus ?? null;
  const formKey = JSON.stringify(fullForm);
  // Keyed on the form's content: fullForm is a new object every render.
  const check = useMemo(() => checkRunForm(JSON.parse(formKey) as RunForm, { hostCpus }), [formKey, hostCpus]);
  const localProblems: FieldProblems = check.ok ? {} : check.problems;
  const problemOf = (field: RunField): string | null =>
    serverProblems[field] ?? (submitted > 0 || touched.has(field) ? (localProblems[field] ?? null) : null);

  // Closing the dialog cancels a pull it started.
  useEffect(() => () => transfer.current?.cancel(), []);

  // After a refused Run, focus goes to the first field that needs attention.
  useEffect(() => {
    if (submitted === 0) return;
    dialogRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitted]);

  const set = (field: keyof RunForm) => (value: string | boolean) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (field in serverProblems) setServerProblems(({ [field as RunField]: _gone, ...rest }) => rest);
    setGeneral(null);
  };
  const touch = (field: RunField) => () => setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
  const text = (field: RunField & keyof RunForm) => ({
    value: form[field] as string,
    onChange: (e: { target: { value: string } }) => set(field)(e.target.value),
    onBlur: touch(field),
    spellCheck: false,
    autoCapitalize: 'off',
    autoComplete: 'off',
  });

  async function start(): Promise<void> {
    setSubmitted((n) => n + 1);
    setGeneral(null);
    // Nothing reaches the engine until every field is right.
    if (!check.ok) return;
    setPhase({ kind: 'starting' });
    try {
      const outcome = await api.call('run.start', { form: fullForm });
      switch (outcome.outcome) {
        case 'started':
          // e.g. "Your kernel does not support swap limit capabilities": worth seeing, not blocking.
          for (const warning of outcome.warnings) useBerthStore.getState().pushNotice(t.warnings(warning));
          closeRunDialog();
          window.location.hash = hrefs.container(outcome.id);
          return;
        case 'invalid':
          setServerProblems(outcome.problems);
          break;
        case 'image-missing':
          setPhase({ kind: 'missing', image: outcome.image });
          return;
        case 'refused':
          if (outcome.field) setServerProblems({ [outcome.field]: outcome.message });
          else setGeneral(t.failed(outcome.message));
          break;
      }
    } catch (err) {
      // The contract refused a field the form's own check let through: show it at that field.
      const field = err instanceof ApiError && err.code === 'invalid-request' ? formField(err.field) : null;
      if (field) setServerProblems({ [field]: err instanceof Error ? err.message : String(err) });
      else setGeneral(t.failed(errorText(err)));
    }
    setPhase({ kind: 'editing' });
    setSubmitted((n) => n + 1);
  }

  function pullThenRun(ref: string): void {
    setPhase({ kind: 'pulling', image: ref, snapshot: null });
    const running = pullImage(ref, (snapshot) => setPhase({ kind: 'pulling', image: ref, snapshot }));
    transfer.current = running;
    void running.result.then((result) => {
      transfer.current = null;
      if (result.outcome === 'done') void start();
      else if (result.outcome === 'failed') {
        setPhase({ kind: 'editing' });
        setServerProblems({ image: t.pullFailed(result.message) });
      } else setPhase({ kind: 'missing', image: ref });
    });
  }

  const busy = phase.kind === 'starting' || phase.kind === 'pulling';
  const problemCount = (Object.keys(localProblems) as RunField[]).filter((f) => problemOf(f)).length;

  return (
    <dialog
      ref={dialogRef}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className="dialog run-dialog"
      onCancel={(e) => {
        e.preventDefault();
        closeRunDialog();
      }}
    >
      <h2 id={titleId}>{t.title}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void start();
        }}
      >
        <fieldset className="run-grid" disabled={busy}>
          <FormField label={t.fields.image} problem={problemOf('image')} hint={t.hints.image}>
            {(p) => <input {...p} {...text('image')} autoFocus={image === ''} />}
          </FormField>
          <FormField label={t.fields.name} problem={problemOf('name')} hint={t.hints.name}>
            {(p) => <input {...p} {...text('name')} autoFocus={image !== ''} />}
          </FormField>
          <FormField label={t.fields.command} problem={problemOf('command')} hint={t.hints.command} wide>
            {(p) => <input {...p} {...text('command')} />}
          </FormField>
          <FormField label={t.fields.ports} problem={problemOf('ports')} hint={t.hints.ports}>
            {(p) => <textarea {...p} {...text('ports')} rows={2} />}
          </FormField>
          <FormField label={t.fields.volumes} problem={problemOf('volumes')} hint={t.hints.volumes}>
            {(p) => <textarea {...p} {...text('volumes')} rows={2} />}
          </FormField>
          <FormField label={t.fields.env} problem={problemOf('env')} hint={t.hints.env} wide>
            {(p) => <textarea {...p} {...text('env')} rows={3} />}
          </FormField>
          <FormField label={t.fields.network} problem={problemOf('network') ?? (optionsError ? t.optionsFailed(optionsError) : null)}>
            {(p) => (
              <select {...p} value={form.network} onChange={(e) => set('network')(e.target.value)}>
                <option value="">{t.defaultNetwork}</option>
                {options?.networks.map((n) => (
                  <option key={n.id} value={n.name}>
                    {n.driver ? `${n.name} (${n.driver})` : n.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="run-restart">
            <FormField label={t.fields.restartPolicy} problem={problemOf('restartPolicy')}>
              {(p) => (
                <select
                  {...p}
                  value={restartName}
                  onChange={(e) => {
                    setRestartName(e.target.value as RestartName);
                    setServerProblems(({ restartPolicy: _gone, ...rest }) => rest);
                  }}
                >
                  {(Object.keys(t.restart) as RestartName[]).map((r) => (
                    <option key={r} value={r}>
                      {t.restart[r]}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {restartName === 'on-failure' && (
              <FormField label={t.fields.maxRetries} problem={null}>
                {(p) => <input {...p} inputMode="numeric" value={retries} onChange={(e) => setRetries(e.target.value)} />}
              </FormField>
            )}
          </div>
          <FormField label={t.fields.cpus} problem={problemOf('cpus')} hint={t.hints.cpus(hostCpus)}>
            {(p) => <input {...p} {...text('cpus')} inputMode="decimal" />}
          </FormField>
          <FormField label={t.fields.memory} problem={problemOf('memory')} hint={t.hints.memory}>
            {(p) => <input {...p} {...text('memory')} />}
          </FormField>
          <FormField label={t.fields.labels} problem={problemOf('labels')} hint={t.hints.labels} wide>
            {(p) => <textarea {...p} {...text('labels')} rows={2} />}
          </FormField>
          <div className="run-checks run-field-wide">
            <label className="check">
              <input type="checkbox" checked={form.autoRemove} onChange={(e) => set('autoRemove')(e.target.checked)} />
              {t.fields.autoRemove}
            </label>
            <label className="check">
              <input type="checkbox" checked={form.interactive} onChange={(e) => set('interactive')(e.target.checked)} />
              {t.fields.interactive}
            </label>
          </div>
        </fieldset>

        {phase.kind === 'missing' && (
          <div className="run-pull" role="status">
            <p>{t.missingImage(phase.image)}</p>
            <button type="button" className="button-primary" onClick={() => pullThenRun(phase.image)}>
              {t.pullAndRun}
            </button>
          </div>
        )}
        {phase.kind === 'pulling' && (
          <div className="run-pull">
            <p role="status">{t.pulling(phase.image)}</p>
            <PullProgress snapshot={phase.snapshot} />
            <button type="button" className="button" onClick={() => transfer.current?.cancel()}>
              {t.cancelPull}
            </button>
          </div>
        )}
        {general && (
          <p role="alert" className="note warning">
            {general}
          </p>
        )}
        {submitted > 0 && problemCount > 0 && (
          <p className="note warning" role="status">
            {t.fixFields(problemCount)}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={closeRunDialog}>
            {t.cancel}
          </button>
          <button type="submit" className="button-primary" disabled={busy}>
            {phase.kind === 'starting' ? t.running : t.run}
          </button>
        </div>
      </form>
    </dialog>
  );
}
