import { forwardRef, type ButtonHTMLAttributes } from 'react';
import type { LucideIcon } from 'lucide-react';
import './button.css';
import { iconElement } from './icon-element';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'> {
  /** The accessible name, also shown as the tooltip: required, an icon alone names nothing. */
  label: string;
  icon: LucideIcon;
  variant?: 'ghost' | 'secondary' | 'danger';
  size?: 'sm' | 'md';
  /** Shows the label as a native tooltip (default on). */
  tooltip?: boolean;
}

/** A square button with one lucide icon; its name comes from `label`. */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, icon: Icon, variant = 'ghost', size = 'md', tooltip = true, className, type = 'button', ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      aria-label={label}
      title={tooltip ? label : undefined}
      className={`ui-icon-button ui-icon-button-${variant} ui-icon-button-${size}${className ? ` ${className}` : ''}`}
      {...rest}
    >
      {iconElement(Icon, size === 'sm' ? 14 : 16)}
    </button>
  );
});
