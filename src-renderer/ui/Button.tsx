import { forwardRef, useId, type ButtonHTMLAttributes, type ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { Spinner } from './Spinner';
import './button.css';
import { iconElement } from './icon-element';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** A lucide icon before the text (decorative: the text names the button). */
  icon?: LucideIcon | undefined;
  /** Busy: a spinner replaces the icon and clicks are ignored; the text stays. */
  loading?: boolean;
  /**
   * Why the button cannot be used now. A disabled button with a reason stays focusable
   * (aria-disabled) so keyboard and screen-reader users can find out why.
   */
  disabledReason?: string | null | undefined;
  children?: ReactNode;
}

export const buttonClass = (variant: ButtonVariant = 'secondary', size: ButtonSize = 'md', extra?: string) =>
  `ui-button ui-button-${variant} ui-button-${size}${extra ? ` ${extra}` : ''}`;

/** The one button: primary / secondary / danger / ghost, in two sizes. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant, size, icon: Icon, loading = false, disabledReason, disabled, className, type = 'button', onClick, children, title, 'aria-describedby': describedBy, ...rest },
  ref,
) {
  const reasonId = useId();
  const explained = disabled && disabledReason;
  return (
    <button
      ref={ref}
      type={type}
      className={buttonClass(variant, size, className)}
      disabled={disabled && !explained ? true : undefined}
      aria-disabled={explained || loading ? true : undefined}
      aria-busy={loading || undefined}
      aria-describedby={explained ? reasonId : describedBy}
      title={explained ? disabledReason : title}
      {...rest}
      onClick={(e) => {
        if (explained || loading) {
          e.preventDefault();
          return;
        }
        onClick?.(e);
      }}
    >
      {loading ? <Spinner size={14} /> : Icon ? iconElement(Icon, size === 'sm' ? 14 : 16, 'ui-button-icon') : null}
      {children}
      {explained && (
        <span id={reasonId} className="visually-hidden">
          {disabledReason}
        </span>
      )}
    </button>
  );
});
