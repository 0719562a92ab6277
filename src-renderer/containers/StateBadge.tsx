import type { ContainerSummary } from '../../src-common/index';
import { Badge, type Tone } from '../ui/Badge';
import { containerStrings as t } from './strings';

const tones: Record<ContainerSummary['state'], Tone> = {
  running: 'success',
  paused: 'warning',
  restarting: 'info',
  created: 'neutral',
  exited: 'neutral',
  removing: 'neutral',
  dead: 'danger',
};

/** State as a coloured pill with the word (colour is a hint; the word carries the meaning). */
export function StateBadge({ container }: { container: Pick<ContainerSummary, 'state' | 'health'> }) {
  const { state, health } = container;
  const tone = health === 'unhealthy' ? 'danger' : health === 'starting' && state === 'running' ? 'warning' : tones[state];
  const text = health ? `${t.states[state]} (${t.health[health]})` : t.states[state];
  return (
    <Badge tone={tone} dot title={text}>
      {text}
    </Badge>
  );
}
