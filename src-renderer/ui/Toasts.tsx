import { useSyncExternalStore } from 'react';
import { CircleCheck, Info, X } from 'lucide-react';
import { Button } from './Button';
import { IconButton } from './IconButton';
import { uiStrings } from './strings';
import { dismissToast, holdToast, toastStore } from './toast';
import './feedback.css';

/** The toasts' one live region, bottom right; mounted once by the app. */
export function Toasts() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.snapshot);
  return (
    <section className="ui-toasts" aria-label={uiStrings.messages}>
      <div role="status" aria-live="polite" className="ui-toasts-list">
        {toasts.map((t) => {
          const Icon = t.tone === 'success' ? CircleCheck : Info;
          return (
            <div
              key={t.id}
              className={`ui-toast ui-tone-${t.tone}`}
              onMouseEnter={() => holdToast(t.id, true)}
              onMouseLeave={() => holdToast(t.id, false)}
              onFocus={() => holdToast(t.id, true)}
              onBlur={() => holdToast(t.id, false)}
            >
              <Icon className="ui-toast-icon" size={16} aria-hidden="true" />
              <p className="ui-toast-message">{t.message}</p>
              {t.action && (
                <Button
                  size="sm"
                  variant="ghost"
                  className="ui-toast-action"
                  onClick={() => {
                    dismissToast(t.id);
                    t.action?.run();
                  }}
                >
                  {t.action.label}
                </Button>
              )}
              <IconButton label={uiStrings.dismiss} icon={X} size="sm" onClick={() => dismissToast(t.id)} />
            </div>
          );
        })}
      </div>
    </section>
  );
}
