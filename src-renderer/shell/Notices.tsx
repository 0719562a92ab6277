import { Banner } from '../ui/Banner';
import { useBerthStore } from '../store/store';
import { shellStrings } from './strings';

/** Errors from actions: one banner each at the top of the content, an alert until dismissed. */
export function Notices() {
  const notices = useBerthStore((s) => s.notices);
  const dismiss = useBerthStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-label={shellStrings.notices.region} role="region">
      {notices.map((n) => (
        <Banner key={n.id} tone="danger" role="alert" onDismiss={() => dismiss(n.id)}>
          {n.message}
        </Banner>
      ))}
    </div>
  );
}
