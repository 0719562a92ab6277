import type { InputHTMLAttributes, ReactNode } from 'react';
import './form.css';

export interface RadioProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange'> {
  label: ReactNode;
  name: string;
  checked: boolean;
  onChange(): void;
}

/** One native radio drawn with the tokens; group them in a RadioGroup (or a fieldset). */
export function Radio({ label, checked, onChange, className, ...rest }: RadioProps) {
  return (
    <label className={`ui-check ui-radio${className ? ` ${className}` : ''}`}>
      <span className="ui-check-box">
        <input type="radio" checked={checked} onChange={() => onChange()} {...rest} />
        <span className="ui-radio-dot" aria-hidden="true" />
      </span>
      <span className="ui-check-label">{label}</span>
    </label>
  );
}
