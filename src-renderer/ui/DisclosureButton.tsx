import type { ReactNode } from 'react';
import { ChevronDown } from 'lucide-react';
import './button.css';

/** Shows or hides a section below it: a chevron and a title; aria-expanded says which. */
export function DisclosureButton({
  expanded,
  onToggle,
  label,
  children,
  className,
}: {
  expanded: boolean;
  onToggle(): void;
  /** The accessible name when it should say more than the visible text ("Collapse project x"). */
  label?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <button type="button" className={`ui-disclosure${className ? ` ${className}` : ''}`} aria-expanded={expanded} aria-label={label} onClick={onToggle}>
      <ChevronDown className="ui-disclosure-chevron" size={14} aria-hidden="true" />
      {children}
    </button>
  );
}
