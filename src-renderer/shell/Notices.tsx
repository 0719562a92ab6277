import { useBerthStore } from '../store/store';
import { shellStrings } from './strings';

/** Errors from actions; each is an alert until dismissed. */
export function Notices() {
  const notices = useBerthStore((s) => s.notices);
  const dismiss = useBerthStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-label={shellStrings.notices.region}>
      {notices.map((n) => (
        <div key={n.id} role="alert" className="notice">
          <span className="notice-message">{n.message}</span>
          <button type="button" className="button-quiet" onClick={() => dismiss(n.id)}>
            {shellStrings.notices.dismiss}
          </button>
        </div>
      ))}
    </div>
  );
}
