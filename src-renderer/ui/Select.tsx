import { forwardRef, type SelectHTMLAttributes } from 'react';
import { ChevronDown } from 'lucide-react';
import './form.css';

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  size?: never;
  compact?: boolean;
}

/** A native select (keyboard and screen readers know it) drawn like every other control. */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select({ className, compact, children, ...rest }, ref) {
  return (
    <span className={`ui-select${compact ? ' ui-select-compact' : ''}${className ? ` ${className}` : ''}`}>
      <select ref={ref} {...rest}>
        {children}
      </select>
      <ChevronDown className="ui-select-chevron" size={14} aria-hidden="true" />
    </span>
  );
});
