import { useEffect, useRef, useState } from 'react';
import { checkVolumeForm, emptyVolumeForm, type VolumeField, type VolumeForm } from '../../src-common/volume-spec';
import { api } from '../api/client';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Field, FormGrid } from '../ui/Field';
import { TextArea } from '../ui/TextArea';
import { TextField } from '../ui/TextField';
import { notify } from '../ui/toast';
import { errorText } from './volume-actions';
import { volumeStrings } from './strings';

const t = volumeStrings.createDialog;

/**
 * Name, driver, labels and driver options, each checked as it is edited and again on Create
 * with the rules main applies; nothing is sent while a field is wrong. Problems the engine
 * raises (a name taken, an unknown driver) come back to their field.
 */
export function CreateVolumeDialog({ onClose }: { onClose(): void }) {
  const [form, setForm] = useState<VolumeForm>(emptyVolumeForm);
  const [touched, setTouched] = useState<ReadonlySet<VolumeField>>(new Set());
  const [serverProblems, setServerProblems] = useState<Partial<Record<VolumeField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const check = checkVolumeForm(form);
  const problemOf = (field: VolumeField) => serverProblems[field] ?? (touched.has(field) && !check.ok ? (check.problems[field] ?? null) : null);

  // A field says what is wrong as soon as it is edited, not when it is left: a message
  // appearing on blur moves the dialog's buttons under a pointer on its way to Create.
  const edit = (field: VolumeField) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
    setServerProblems(({ [field]: _gone, ...rest }) => rest);
  };
  // Bumped when Create finds problems: once they are rendered, focus goes to the first.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);
  const focusFirstProblem = () => setFocusRequest((n) => n + 1);

  const create = async () => {
    setTouched(new Set(['name', 'driver', 'labels', 'options']));
    if (!check.ok) return focusFirstProblem();
    setBusy(true);
    setError(null);
    try {
      const outcome = await api.call('volumes.create', form);
      if (outcome.kind === 'created') {
        notify({ tone: 'success', message: t.created(outcome.name) });
        onClose();
        return;
      }
      setServerProblems(outcome.problems);
      focusFirstProblem();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const lines = (field: 'labels' | 'options', label: string, hint: string) => (
    <Field label={label} description={hint} error={problemOf(field)} wide>
      {(control) => <TextArea {...control} rows={3} value={form[field]} onChange={(e) => edit(field)(e.target.value)} />}
    </Field>
  );

  return (
    <Dialog
      title={t.title}
      onClose={onClose}
      size="md"
      footer={
        <>
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button variant="primary" loading={busy} onClick={() => void create()}>
            {t.confirm}
          </Button>
        </>
      }
    >
      <div ref={body}>
        <FormGrid>
          <TextField label={t.name} description={t.nameHint} value={form.name} onChange={edit('name')} error={problemOf('name')} className="ui-mono" data-autofocus wide />
          <TextField label={t.driver} description={t.driverHint} value={form.driver} onChange={edit('driver')} error={problemOf('driver')} wide />
          {lines('labels', t.labels, t.labelsHint)}
          {lines('options', t.options, t.optionsHint)}
        </FormGrid>
        {error && (
          <Banner tone="danger" role="alert">
            {error}
          </Banner>
        )}
      </div>
    </Dialog>
  );
}
