import type { AnchorHTMLAttributes, ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { buttonClass, type ButtonSize, type ButtonVariant } from './Button';
import './button.css';
import { iconElement } from './icon-element';

/** A link that looks like a button: navigation (href) with a button's weight in a toolbar. */
export function ButtonLink({
  variant,
  size,
  icon: Icon,
  className,
  children,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; variant?: ButtonVariant; size?: ButtonSize; icon?: LucideIcon; children: ReactNode }) {
  return (
    <a className={buttonClass(variant, size, className)} {...rest}>
      {Icon && iconElement(Icon, size === 'sm' ? 14 : 16, 'ui-button-icon')}
      {children}
    </a>
  );
}
