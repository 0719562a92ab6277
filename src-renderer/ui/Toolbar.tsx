import type { ReactNode } from 'react';
import './layout.css';

/**
 * A row of controls for a page or view. With a `label` it is an ARIA toolbar (a group of
 * actions); without, a plain layout row (e.g. filters). Wraps when space runs out.
 */
export function Toolbar({ label, children, className }: { label?: string; children: ReactNode; className?: string }) {
  return (
    <div role={label ? 'toolbar' : undefined} aria-label={label} className={`ui-toolbar${className ? ` ${className}` : ''}`}>
      {children}
    </div>
  );
}

/** Pushes what follows it to the toolbar's right end. */
export function ToolbarSpacer() {
  return <span className="ui-toolbar-spacer" />;
}
