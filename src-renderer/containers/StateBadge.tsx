import type { ContainerSummary } from '../../src-common/index';
import { containerStrings as t } from './strings';

/** State as coloured text (colour is a hint; the word carries the meaning). */
export function StateBadge({ container }: { container: Pick<ContainerSummary, 'state' | 'health'> }) {
  const { state, health } = container;
  const tone = health === 'unhealthy' ? 'dead' : state;
  return (
    <span className={`badge badge-${tone}`}>
      {t.states[state]}
      {health && <span className="badge-health"> ({t.health[health]})</span>}
    </span>
  );
}
