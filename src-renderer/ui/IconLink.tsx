import type { AnchorHTMLAttributes } from 'react';
import type { LucideIcon } from 'lucide-react';
import './button.css';
import { iconElement } from './icon-element';

/** A link drawn as an icon button (e.g. "Logs of project x"); `label` names it and is its tooltip. */
export function IconLink({
  href,
  label,
  icon: Icon,
  size = 'md',
  className,
  ...rest
}: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'aria-label' | 'children'> & { href: string; label: string; icon: LucideIcon; size?: 'sm' | 'md' }) {
  return (
    <a
      href={href}
      aria-label={label}
      title={label}
      className={`ui-icon-button ui-icon-button-ghost ui-icon-button-${size}${className ? ` ${className}` : ''}`}
      {...rest}
    >
      {iconElement(Icon, size === 'sm' ? 14 : 16)}
    </a>
  );
}
