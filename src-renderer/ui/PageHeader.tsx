import type { ReactNode } from 'react';
import { ArrowLeft } from 'lucide-react';
import './layout.css';

/**
 * The top of a page: an optional way back, the title (the page's h1, named by `titleId`
 * for the section's aria-labelledby), a count or state beside it, and the page's actions.
 */
export function PageHeader({
  title,
  titleId,
  back,
  meta,
  actions,
  children,
}: {
  title: ReactNode;
  titleId: string;
  back?: { href: string; label: string };
  /** Beside the title: a count, a state badge. */
  meta?: ReactNode;
  /** The page's primary actions, right-aligned. */
  actions?: ReactNode;
  /** A line under the title (status text, a description). */
  children?: ReactNode;
}) {
  return (
    <header className="ui-page-header">
      {back && (
        <a className="ui-back-link" href={back.href}>
          <ArrowLeft size={14} aria-hidden="true" />
          {back.label}
        </a>
      )}
      <div className="ui-page-header-row">
        <div className="ui-page-title">
          <h1 id={titleId} className="ui-truncate" title={typeof title === 'string' ? title : undefined}>
            {title}
          </h1>
          {meta && <div className="ui-page-meta">{meta}</div>}
        </div>
        {actions && <div className="ui-page-actions">{actions}</div>}
      </div>
      {children && <div className="ui-page-subtitle">{children}</div>}
    </header>
  );
}
