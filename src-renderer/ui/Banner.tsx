import type { ReactNode } from 'react';
import { CircleCheck, CircleX, Info, TriangleAlert, X, type LucideIcon } from 'lucide-react';
import { IconButton } from './IconButton';
import { uiStrings } from './strings';
import './feedback.css';

type BannerTone = 'info' | 'success' | 'warning' | 'danger';
const icons: Record<BannerTone, LucideIcon> = { info: Info, success: CircleCheck, warning: TriangleAlert, danger: CircleX };

/**
 * A message about a whole page or section ("engine unreachable", a failed load), with an
 * optional action. `role` alert interrupts (errors that just happened), status is polite.
 */
export function Banner({
  tone = 'info',
  title,
  children,
  action,
  role,
  onDismiss,
  className,
}: {
  tone?: BannerTone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  role?: 'alert' | 'status';
  onDismiss?: () => void;
  className?: string;
}) {
  const Icon = icons[tone];
  return (
    <div role={role} className={`ui-banner ui-tone-${tone}${className ? ` ${className}` : ''}`}>
      <Icon className="ui-banner-icon" size={16} aria-hidden="true" />
      <div className="ui-banner-body">
        {title && <p className="ui-banner-title">{title}</p>}
        {children && <div className="ui-banner-text">{children}</div>}
      </div>
      {action && <div className="ui-banner-action">{action}</div>}
      {onDismiss && (
        <IconButton label={uiStrings.dismiss} icon={X} size="sm" className="ui-banner-close" onClick={onDismiss} />
      )}
    </div>
  );
}
