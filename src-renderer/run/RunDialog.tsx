import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../src-common/contract/api-error';
import { RunField as RunFieldSchema, type FieldProblems, type RunField, type RunForm } from '../../src-common/models/build-run';
import type { TransferSnapshot } from '../../src-common/models/registries';
import { checkRunForm, emptyRunForm } from '../../src-common/run-spec';
import { api } from '../api/client';
import { pullImage, PullProgress, type RunningTransfer } from '../registries/index';
import { hrefs } from '../router/route';
import { useBerthStore } from '../store/store';
import { CloudDownload, Play } from 'lucide-react';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { Dialog } from '../ui/Dialog';
import { Field, FormGrid } from '../ui/Field';
import { Input } from '../ui/Input';
import { Select } from '../ui/Select';
import { TextArea } from '../ui/TextArea';
import { closeRunDialog, useRunDialogRequest } from './run-dialog-state';
import { runStrings as t } from './strings';
import { useRunOptions } from './use-run-options';
import './run.css';

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
  const formRef = useRef<HTMLFormElement>(null);
  const formId = useId();
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
  const chosen = options?.networks.find((n) => n.name === form.network);
  // The chosen network's subnets, so a fixed address outside them is said at the field.
  const network = useMemo(() => (chosen ? { name: chosen.name, predefined: chosen.predefined, subnets: chosen.subnets, taken: [] } : null), [chosen]);
  const formKey = JSON.stringify(fullForm);
  // Keyed on the form's content: fullForm is a new object every render.
  const check = useMemo(() => checkRunForm(JSON.parse(formKey) as RunForm, { hostCpus, network }), [formKey, hostCpus, network]);
  const localProblems: FieldProblems = check.ok ? {} : check.problems;
  const problemOf = (field: RunField): string | null =>
    serverProblems[field] ?? (submitted > 0 || touched.has(field) ? (localProblems[field] ?? null) : null);

  // Closing the dialog cancels a pull it started.
  useEffect(() => () => transfer.current?.cancel(), []);

  // After a refused Run, focus goes to the first field that needs attention.
  useEffect(() => {
    if (submitted === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
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
    <Dialog
      title={t.title}
      onClose={closeRunDialog}
      size="lg"
      className="run-dialog"
      footer={
        <>
          {submitted > 0 && problemCount > 0 && (
            <span className="ui-dialog-footer-start" role="status">
              {t.fixFields(problemCount)}
            </span>
          )}
          <Button onClick={closeRunDialog}>{t.cancel}</Button>
          <Button type="submit" form={formId} variant="primary" icon={Play} loading={phase.kind === 'starting'} disabled={phase.kind === 'pulling'}>
            {phase.kind === 'starting' ? t.running : t.run}
          </Button>
        </>
      }
    >
      <form
        ref={formRef}
        id={formId}
        className="run-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void start();
        }}
      >
        <fieldset className="run-fieldset" disabled={busy}>
          <FormGrid>
          <Field label={t.fields.image} error={problemOf('image')} description={t.hints.image}>
            {(p) => <Input {...p} mono {...text('image')} data-autofocus={image === '' ? true : undefined} />}
          </Field>
          <Field label={t.fields.name} error={problemOf('name')} description={t.hints.name}>
            {(p) => <Input {...p} mono {...text('name')} data-autofocus={image !== '' ? true : undefined} />}
          </Field>
          <Field label={t.fields.command} error={problemOf('command')} description={t.hints.command} wide>
            {(p) => <Input {...p} mono {...text('command')} />}
          </Field>
          <Field label={t.fields.ports} error={problemOf('ports')} description={t.hints.ports}>
            {(p) => <TextArea {...p} {...text('ports')} rows={2} />}
          </Field>
          <Field label={t.fields.volumes} error={problemOf('volumes')} description={t.hints.volumes}>
            {(p) => <TextArea {...p} {...text('volumes')} rows={2} />}
          </Field>
          <Field label={t.fields.env} error={problemOf('env')} description={t.hints.env} wide>
            {(p) => <TextArea {...p} {...text('env')} rows={3} />}
          </Field>
          <Field label={t.fields.network} error={problemOf('network') ?? (optionsError ? t.optionsFailed(optionsError) : null)}>
            {(p) => (
              <Select {...p} value={form.network} onChange={(e) => set('network')(e.target.value)}>
                <option value="">{t.defaultNetwork}</option>
                {options?.networks.map((n) => (
                  <option key={n.id} value={n.name}>
                    {n.driver ? `${n.name} (${n.driver})` : n.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t.fields.aliases} error={problemOf('aliases')} description={t.hints.aliases}>
            {(p) => <Input {...p} mono {...text('aliases')} />}
          </Field>
          <Field label={t.fields.ipv4Address} error={problemOf('ipv4Address')} description={t.hints.ipv4Address}>
            {(p) => <Input {...p} mono {...text('ipv4Address')} inputMode="decimal" />}
          </Field>
          <div className="run-restart">
            <Field label={t.fields.restartPolicy} error={problemOf('restartPolicy')}>
              {(p) => (
                <Select
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
                </Select>
              )}
            </Field>
            {restartName === 'on-failure' && (
              <Field label={t.fields.maxRetries} error={null}>
                {(p) => <Input {...p} inputMode="numeric" value={retries} onChange={(e) => setRetries(e.target.value)} />}
              </Field>
            )}
          </div>
          <Field label={t.fields.cpus} error={problemOf('cpus')} description={t.hints.cpus(hostCpus)}>
            {(p) => <Input {...p} mono {...text('cpus')} inputMode="decimal" />}
          </Field>
          <Field label={t.fields.memory} error={problemOf('memory')} description={t.hints.memory}>
            {(p) => <Input {...p} mono {...text('memory')} />}
          </Field>
          <Field label={t.fields.labels} error={problemOf('labels')} description={t.hints.labels} wide>
            {(p) => <TextArea {...p} {...text('labels')} rows={2} />}
          </Field>
          <div className="run-checks ui-field-wide">
            <Checkbox label={t.fields.autoRemove} checked={form.autoRemove} onChange={(on) => set('autoRemove')(on)} />
            <Checkbox label={t.fields.interactive} checked={form.interactive} onChange={(on) => set('interactive')(on)} />
          </div>
          </FormGrid>
        </fieldset>

        {phase.kind === 'missing' && (
          <Banner
            tone="info"
            role="status"
            action={
              <Button size="sm" variant="primary" icon={CloudDownload} onClick={() => pullThenRun(phase.image)}>
                {t.pullAndRun}
              </Button>
            }
          >
            {t.missingImage(phase.image)}
          </Banner>
        )}
        {phase.kind === 'pulling' && (
          <div className="run-pull">
            <p role="status">{t.pulling(phase.image)}</p>
            <PullProgress snapshot={phase.snapshot} />
            <Button size="sm" onClick={() => transfer.current?.cancel()}>
              {t.cancelPull}
            </Button>
          </div>
        )}
        {general && (
          <Banner tone="danger" role="alert">
            {general}
          </Banner>
        )}
      </form>
    </Dialog>
  );
}
