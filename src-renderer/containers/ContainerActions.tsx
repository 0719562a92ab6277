import { useId } from 'react';
import { Pause, Play, RotateCw, Square, Trash2, Zap, type LucideIcon } from 'lucide-react';
import type { ContainerSummary } from '../../src-common/index';
import { useBerthStore } from '../store/store';
import type { ContainerAction } from '../store/types';
import { Button } from '../ui/Button';
import { IconButton } from '../ui/IconButton';
import { Spinner } from '../ui/Spinner';
import { useNotLiveReason } from '../shell/engine-live';
import { runContainerAction } from './actions';
import { isLive } from './rows';
import { containerStrings as t } from './strings';

interface ButtonSpec {
  action: ContainerAction;
  icon: LucideIcon;
  enabled: boolean;
}

function buttonsFor(c: Pick<ContainerSummary, 'state'>): ButtonSpec[] {
  const live = isLive(c.state);
  return [
    live ? { action: 'stop', icon: Square, enabled: true } : { action: 'start', icon: Play, enabled: c.state !== 'removing' },
    { action: 'restart', icon: RotateCw, enabled: c.state !== 'removing' },
    c.state === 'paused' ? { action: 'unpause', icon: Play, enabled: true } : { action: 'pause', icon: Pause, enabled: c.state === 'running' },
    { action: 'kill', icon: Zap, enabled: live },
    { action: 'remove', icon: Trash2, enabled: c.state !== 'removing' },
  ];
}

const isDanger = (action: ContainerAction) => action === 'remove' || action === 'kill';

/**
 * The actions of one container, named "Stop web-1" and so on: icons in a row, buttons with
 * words in the details header. While one is in flight all are disabled and a spinner says which.
 */
export function ContainerActions({ container, withText = false }: { container: ContainerSummary; withText?: boolean }) {
  const pending = useBerthStore((s) => s.pending[container.id]);
  const askRemove = useBerthStore((s) => s.askRemove);
  // While the engine does not answer, every action is off and says why (the list is history).
  const notLive = useNotLiveReason();
  const reasonId = useId();
  const run = (action: ContainerAction) => {
    if (notLive) return;
    if (action === 'remove') askRemove([container.id]);
    else void runContainerAction(container.id, action);
  };
  return (
    <div className="container-actions" aria-busy={pending ? true : undefined}>
      {notLive && !withText && (
        <span id={reasonId} className="visually-hidden">
          {notLive}
        </span>
      )}
      {buttonsFor(container).map((b) => {
        const disabled = !b.enabled || pending !== undefined;
        return withText ? (
          <Button
            key={b.action}
            size="sm"
            icon={b.icon}
            variant={b.action === 'remove' ? 'danger' : 'secondary'}
            disabled={disabled || notLive !== null}
            disabledReason={notLive}
            onClick={() => run(b.action)}
            data-action={b.action}
          >
            {t.actionVerb[b.action]}
            <span className="visually-hidden"> {container.name}</span>
          </Button>
        ) : (
          <IconButton
            key={b.action}
            size="sm"
            icon={b.icon}
            label={t.actionLabel[b.action](container.name)}
            variant={isDanger(b.action) ? 'danger' : 'ghost'}
            disabled={disabled && !notLive}
            // Focusable and explained rather than silently disabled while the engine is away.
            {...(notLive ? { 'aria-disabled': true, 'aria-describedby': reasonId, title: `${t.actionLabel[b.action](container.name)} — ${notLive}` } : {})}
            onClick={() => run(b.action)}
            data-action={b.action}
          />
        );
      })}
      {pending && (
        <span className="container-pending">
          <Spinner size={12} />
          <span className={withText ? undefined : 'visually-hidden'}>{t.inFlight[pending]}</span>
        </span>
      )}
    </div>
  );
}
