import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NetworkField, NetworkCreateForm } from '../../src-common/models/networks';
import { checkNetworkForm, emptyNetworkForm, type KnownNetwork } from '../../src-common/network-form';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { TextArea } from '../ui/TextArea';
import { TextField } from '../ui/TextField';
import { notify } from '../ui/toast';
import { submitOnEnter } from './network-actions';
import { networkStrings } from './strings';
import { useCheckedForm } from './use-checked-form';

const t = networkStrings.createDialog;

/** Name, subnet, gateway, range, internal, attachable, labels; every field checked before the engine is called. */
export function CreateNetworkDialog({ onClose }: { onClose(): void }) {
  const networks = useBerthStore(useShallow((s) => Object.values(s.networks)));
  const known: KnownNetwork[] = useMemo(() => networks.map((n) => ({ id: n.id, name: n.name, subnets: n.subnets.map((s) => s.subnet) })), [networks]);
  const f = useCheckedForm<NetworkCreateForm, NetworkField>(emptyNetworkForm(), (form) => {
    const check = checkNetworkForm(form, known);
    return check.ok ? {} : check.problems;
  });
  const create = () =>
    f.send(
      () => api.call('networks.create', { form: f.form }),
      (outcome) => {
        if (outcome.outcome !== 'created') return;
        onClose();
        notify({ message: [t.created(outcome.name), outcome.warning && t.warning(outcome.warning)].filter(Boolean).join(' '), tone: 'success' });
      },
    );

  const text = (field: NetworkField & keyof NetworkCreateForm, label: string, description: string | undefined, mono = true) => (
    <TextField
      label={label}
      description={description}
      error={f.problemOf(field)}
      value={f.form[field] as string}
      onChange={(v) => f.set(field, v)}
      onBlur={() => f.touch(field)}
      mono={mono}
      {...(field === 'name' ? { 'data-autofocus': true } : {})}
    />
  );

  return (
    <Dialog
      title={t.title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button variant="primary" loading={f.busy} onClick={() => void create()}>
            {f.busy ? t.creating : t.submit}
          </Button>
        </>
      }
    >
      {/* Enter in a one-line field creates, as a form would. */}
      <div ref={f.container} className="network-dialog-form" onKeyDown={(e) => submitOnEnter(e, create)}>
        {text('name', t.name, undefined)}
        {text('subnet', t.subnet, t.subnetHint)}
        {text('gateway', t.gateway, t.gatewayHint)}
        {text('ipRange', t.ipRange, t.ipRangeHint)}
        <div className="network-dialog-checks">
          <Checkbox label={t.internal} checked={f.form.internal} onChange={(v) => f.set('internal', v)} />
          <p className="network-muted">{t.internalHint}</p>
          <Checkbox label={t.attachable} checked={f.form.attachable} onChange={(v) => f.set('attachable', v)} />
        </div>
        <Field label={t.labels} description={t.labelsHint} error={f.problemOf('labels')}>
          {(control) => <TextArea {...control} rows={3} value={f.form.labels} onChange={(e) => f.set('labels', e.target.value)} onBlur={() => f.touch('labels')} />}
        </Field>
      </div>
      {f.general && (
        <Banner tone="danger" role="alert">
          {f.general}
        </Banner>
      )}
    </Dialog>
  );
}
