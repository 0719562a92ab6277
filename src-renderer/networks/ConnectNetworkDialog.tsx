import { useShallow } from 'zustand/react/shallow';
import type { ConnectField, ConnectForm, NetworkSummary } from '../../src-common/models/networks';
import { checkConnectForm, type ConnectTarget } from '../../src-common/network-form';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { notify } from '../ui/toast';
import { canConnectTo } from './network-palette-items';
import { attachedContainers, bareAddress } from './network-rows';
import { submitOnEnter } from './network-actions';
import { networkStrings } from './strings';
import { useCheckedForm } from './use-checked-form';

const t = networkStrings.connectDialog;

function targetOf(network: NetworkSummary | undefined, containers: Parameters<typeof attachedContainers>[1]): ConnectTarget {
  if (!network) return { name: '', predefined: false, subnets: [], taken: [] };
  return {
    name: network.name,
    predefined: network.predefined,
    subnets: network.subnets,
    taken: attachedContainers(network, containers).flatMap((c) =>
      [c.ipv4Address, c.ipv6Address].filter(Boolean).map((ip) => ({ ip: bareAddress(ip), container: c.displayName })),
    ),
  };
}

/**
 * "Connect container to network": opened from a network (its container is picked here),
 * from a container's details (its network is picked here), or from the palette.
 */
export function ConnectNetworkDialog({ networkId, containerId, onClose }: { networkId: string | null; containerId: string | null; onClose(): void }) {
  const networks = useBerthStore(useShallow((s) => Object.values(s.networks).filter(canConnectTo).sort((a, b) => a.name.localeCompare(b.name))));
  const containers = useBerthStore((s) => s.containers);
  const initial: ConnectForm = { network: networkId ?? '', container: containerId ?? '', aliases: '', ipAddress: '' };
  const networkOf = (ref: string) => networks.find((n) => n.id === ref);
  const f = useCheckedForm<ConnectForm, ConnectField | 'network'>(initial, (form) => {
    if (form.network === '') return { network: t.chooseNetwork };
    const check = checkConnectForm(form, targetOf(networkOf(form.network), containers));
    return check.ok ? {} : check.problems;
  });
  const network = networkOf(f.form.network);
  const onNetwork = new Set(network?.endpoints.map((e) => e.containerId) ?? []);
  const choices = Object.values(containers).sort((a, b) => a.name.localeCompare(b.name));
  const containerName = containers[f.form.container]?.name ?? f.form.container;

  const connect = () =>
    f.send(
      () => api.call('networks.connect', { form: f.form }),
      () => {
        onClose();
        notify({ message: t.connected(containerName, network?.name ?? f.form.network), tone: 'success' });
      },
    );

  return (
    <Dialog
      title={t.title}
      description={network && containerId === null ? network.name : undefined}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button variant="primary" loading={f.busy} onClick={() => void connect()}>
            {f.busy ? t.connecting : t.submit}
          </Button>
        </>
      }
    >
      <div ref={f.container} className="network-dialog-form" onKeyDown={(e) => submitOnEnter(e, connect)}>
        {networkId === null && (
          // With the container fixed, its problems ("already connected") belong to the network chosen here.
          <Field label={t.network} error={f.problemOf('network') ?? (containerId !== null ? f.problemOf('container') : null)}>
            {(control) => (
              <Select {...control} data-autofocus value={f.form.network} onChange={(e) => f.set('network', e.target.value)} onBlur={() => f.touch('network')}>
                <option value="">{t.chooseNetwork}</option>
                {networks.map((n) => {
                  const already = containerId !== null && n.endpoints.some((e) => e.containerId === containerId);
                  return (
                    <option key={n.id} value={n.id} disabled={already}>
                      {already ? `${n.name} — ${t.alreadyOn}` : n.name}
                    </option>
                  );
                })}
              </Select>
            )}
          </Field>
        )}
        {containerId === null && (
          <Field label={t.container} error={f.problemOf('container')}>
            {(control) => (
              <Select {...control} data-autofocus value={f.form.container} onChange={(e) => f.set('container', e.target.value)} onBlur={() => f.touch('container')}>
                <option value="">{t.chooseContainer}</option>
                {choices.map((c) => (
                  <option key={c.id} value={c.id} disabled={onNetwork.has(c.id)}>
                    {[c.name, onNetwork.has(c.id) ? t.alreadyOn : c.state !== 'running' ? t.stopped : null].filter(Boolean).join(' — ')}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        <TextField
          label={t.aliases}
          description={t.aliasesHint}
          error={f.problemOf('aliases')}
          value={f.form.aliases}
          onChange={(v) => f.set('aliases', v)}
          onBlur={() => f.touch('aliases')}
          mono
        />
        <TextField
          label={t.ipAddress}
          description={t.ipAddressHint(network?.subnets.map((s) => s.subnet).join(', ') ?? '')}
          error={f.problemOf('ipAddress')}
          value={f.form.ipAddress}
          onChange={(v) => f.set('ipAddress', v)}
          onBlur={() => f.touch('ipAddress')}
          mono
        />
      </div>
      {f.general && (
        <Banner tone="danger" role="alert">
          {f.general}
        </Banner>
      )}
    </Dialog>
  );
}
