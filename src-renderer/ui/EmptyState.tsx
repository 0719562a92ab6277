import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import './feedback.css';

/** An empty list says why it is empty and what to do next, with the button to do it. */
export function EmptyState({
  icon: Icon,
  title,
  titleAs: Title = 'p',
  titleId,
  children,
  actions,
  compact = false,
}: {
  icon?: LucideIcon;
  title: string;
  /** 'h1' when the empty state is the whole page (its heading), else a paragraph. */
  titleAs?: 'p' | 'h1' | 'h2';
  titleId?: string;
  children?: ReactNode;
  actions?: ReactNode;
  compact?: boolean;
}) {
  return (
    <div className={`ui-empty${compact ? ' ui-empty-compact' : ''}`}>
      {Icon && (
        <span className="ui-empty-icon" aria-hidden="true">
          <Icon size={compact ? 18 : 24} />
        </span>
      )}
      <Title id={titleId} className="ui-empty-title">
        {title}
      </Title>
      {children && <div className="ui-empty-text">{children}</div>}
      {actions && <div className="ui-empty-actions">{actions}</div>}
    </div>
  );
}
