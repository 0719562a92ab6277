import { Badge } from '../ui/Badge';
import { imageStrings as t } from './strings';

/** The registry a name pulls from, taken from the parsed reference. */
export function RegistryBadge({ registry }: { registry: string | null }) {
  if (!registry) return null;
  return (
    <Badge tone="neutral" title={t.registryLabel(registry)}>
      {registry}
    </Badge>
  );
}
