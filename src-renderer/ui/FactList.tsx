import type { ReactNode } from 'react';
import './layout.css';

export type Fact = [label: string, value: ReactNode];

/** Label → value pairs (a <dl>): labels in a column, values wrap only where words allow. */
export function FactList({ facts, className }: { facts: readonly Fact[]; className?: string }) {
  return (
    <dl className={`ui-facts${className ? ` ${className}` : ''}`}>
      {facts.map(([label, value]) => (
        <div key={label} className="ui-fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
