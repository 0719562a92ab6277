import { describe, expect, it } from 'vitest';
import { checkRunForm, emptyRunForm } from '../../../src-common/run-spec';
import { runCreateBody } from './run-create-body';

describe('runCreateBody', () => {
  it('maps a checked form to the create request like docker run -d', () => {
    const checked = checkRunForm({
      ...emptyRunForm('berth-test/busybox:1'),
      command: 'sh -c "sleep 1"',
      ports: '8080:80\n127.0.0.1::80\n53/udp',
      env: 'A=1',
      volumes: 'data:/data:ro\n/srv:/srv',
      restartPolicy: 'on-failure:2',
      cpus: '0.5',
      memory: '64m',
      network: 'bridge',
      interactive: true,
      labels: 'x=y',
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const body = runCreateBody(checked.spec);
    expect(body).toMatchObject({
      Image: 'berth-test/busybox:1',
      Cmd: ['sh', '-c', 'sleep 1'],
      Env: ['A=1'],
      Labels: { x: 'y' },
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      Tty: true,
      OpenStdin: true,
      HostConfig: {
        PortBindings: {
          '80/tcp': [
            { HostIp: '', HostPort: '8080' },
            { HostIp: '127.0.0.1', HostPort: '' },
          ],
          '53/udp': [{ HostIp: '', HostPort: '' }],
        },
        Binds: ['data:/data:ro', '/srv:/srv'],
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 },
        NanoCpus: 5e8,
        Memory: 64 * 1024 * 1024,
        AutoRemove: false,
        NetworkMode: 'bridge',
      },
    });
  });

  it('leaves the image command and limits alone when not given', () => {
    const checked = checkRunForm(emptyRunForm('busybox'));
    if (!checked.ok) throw new Error('invalid');
    const body = runCreateBody(checked.spec);
    expect(body.Cmd).toBeUndefined();
    expect(body.HostConfig).toMatchObject({ NanoCpus: 0, Memory: 0, Binds: [], PortBindings: {} });
    expect(body.HostConfig.NetworkMode).toBeUndefined();
  });

  it('puts aliases and a fixed IPv4 address in the endpoint of the chosen network', () => {
    const facts = { name: 'app', predefined: false, subnets: [{ subnet: '10.231.0.0/24', gateway: '10.231.0.1' }], taken: [] };
    const checked = checkRunForm({ ...emptyRunForm('busybox'), network: 'app', aliases: 'db, cache db', ipv4Address: '10.231.0.50' }, { network: facts });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(runCreateBody(checked.spec).NetworkingConfig).toEqual({
      EndpointsConfig: { app: { Aliases: ['db', 'cache'], IPAMConfig: { IPv4Address: '10.231.0.50' } } },
    });
  });

  it('sends no networking config without aliases or an address', () => {
    const checked = checkRunForm({ ...emptyRunForm('busybox'), network: 'app' });
    if (!checked.ok) throw new Error('invalid');
    expect(runCreateBody(checked.spec).NetworkingConfig).toBeUndefined();
  });
});
