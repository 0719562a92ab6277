import { useId, type ReactNode } from 'react';
import './layout.css';

/** A titled block of a page (h2), on a card surface unless `plain`. */
export function Section({ title, actions, children, plain = false, className }: { title: ReactNode; actions?: ReactNode; children: ReactNode; plain?: boolean; className?: string }) {
  const id = useId();
  return (
    <section className={`ui-section${plain ? ' ui-section-plain' : ''}${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="ui-section-head">
        <h2 id={id}>{title}</h2>
        {actions && <div className="ui-section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
