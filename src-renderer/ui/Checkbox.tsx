import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import './form.css';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange' | 'checked'> {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** Some but not all: drawn as a dash, announced as "mixed". */
  indeterminate?: boolean;
  /** The label is the accessible name only (e.g. a row's select box). */
  hideLabel?: boolean;
}

/**
 * A native checkbox drawn with the tokens; label click toggles it, Space works as usual.
 * The tick is CSS (form.css), not an SVG element: lists render one per row.
 */
export function Checkbox({ label, checked, onChange, indeterminate = false, hideLabel = false, className, ...rest }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <label className={`ui-check${className ? ` ${className}` : ''}`}>
      <span className="ui-check-box">
        <input ref={ref} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} {...rest} />
      </span>
      <span className={hideLabel ? 'visually-hidden' : 'ui-check-label'}>{label}</span>
    </label>
  );
}
