import type { ContainerSummary } from '../../src-common/index';
import { useBerthStore } from '../store/store';
import type { ContainerAction } from '../store/types';
import { runContainerAction } from './actions';
import { Icon, type IconName } from './Icon';
import { isLive } from './rows';
import { containerStrings as t } from './strings';

interface ButtonSpec {
  action: ContainerAction;
  icon: IconName;
  enabled: boolean;
}

function buttonsFor(c: Pick<ContainerSummary, 'state'>): ButtonSpec[] {
  const live = isLive(c.state);
  return [
    live ? { action: 'stop', icon: 'stop', enabled: true } : { action: 'start', icon: 'start', enabled: c.state !== 'removing' },
    { action: 'restart', icon: 'restart', enabled: c.state !== 'removing' },
    c.state === 'paused'
      ? { action: 'unpause', icon: 'start', enabled: true }
      : { action: 'pause', icon: 'pause', enabled: c.state === 'running' },
    { action: 'kill', icon: 'kill', enabled: live },
    { action: 'remove', icon: 'remove', enabled: c.state !== 'removing' },
  ];
}

/**
 * The actions of one container, named "Stop web-1" and so on. While one is in
 * flight all are disabled and a spinner says which.
 */
export function ContainerActions({ container, withText = false }: { container: ContainerSummary; withText?: boolean }) {
  const pending = useBerthStore((s) => s.pending[container.id]);
  const askRemove = useBerthStore((s) => s.askRemove);
  const run = (action: ContainerAction) => {
    if (action === 'remove') askRemove([container.id]);
    else void runContainerAction(container.id, action);
  };
  return (
    <div className="actions" aria-busy={pending ? true : undefined}>
      {buttonsFor(container).map((b) => {
        const label = t.actionLabel[b.action](container.name);
        return (
          <button
            key={b.action}
            type="button"
            className={withText ? 'button' : 'icon-button'}
            aria-label={withText ? undefined : label}
            title={withText ? undefined : label}
            disabled={!b.enabled || pending !== undefined}
            onClick={() => run(b.action)}
            data-action={b.action}
          >
            <Icon name={b.icon} />
            {withText && (
              <>
                {' '}
                {t.actionVerb[b.action]}
                <span className="visually-hidden"> {container.name}</span>
              </>
            )}
          </button>
        );
      })}
      {pending && (
        <span className="pending">
          <span className="spinner" aria-hidden="true" />
          <span className="pending-text">{t.inFlight[pending]}</span>
        </span>
      )}
    </div>
  );
}
