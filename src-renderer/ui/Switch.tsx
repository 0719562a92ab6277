import type { InputHTMLAttributes, ReactNode } from 'react';
import './form.css';

export interface SwitchProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange' | 'checked' | 'role'> {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** An on/off setting that applies at once: a native checkbox with role="switch". */
export function Switch({ label, checked, onChange, className, ...rest }: SwitchProps) {
  return (
    <label className={`ui-switch${className ? ` ${className}` : ''}`}>
      <input type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.target.checked)} {...rest} />
      <span className="ui-switch-track" aria-hidden="true">
        <span className="ui-switch-thumb" />
      </span>
      <span className="ui-check-label">{label}</span>
    </label>
  );
}
