import type { ReactNode } from 'react';
import './feedback.css';

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

/** A small label in a tone; the words carry the meaning, the colour is a hint. */
export function Badge({ tone = 'neutral', dot = false, title, className, children }: { tone?: Tone; dot?: boolean; title?: string; className?: string; children: ReactNode }) {
  return (
    <span className={`ui-badge ui-tone-${tone}${className ? ` ${className}` : ''}`} title={title}>
      {dot && <span className="ui-badge-dot" aria-hidden="true" />}
      {children}
    </span>
  );
}
