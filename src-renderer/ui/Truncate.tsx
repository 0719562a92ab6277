import type { ElementType, ReactNode } from 'react';

/**
 * Text that may be longer than its box: cut with an ellipsis, whole in the tooltip. This
 * is the only way text is shortened in Berth (e2e/layout.spec.ts allows exactly this).
 */
export function Truncate({ text, as: As = 'span', className, children }: { text: string; as?: ElementType; className?: string; children?: ReactNode }) {
  return (
    <As className={`ui-truncate${className ? ` ${className}` : ''}`} title={text}>
      {children ?? text}
    </As>
  );
}
