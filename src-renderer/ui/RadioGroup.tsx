import { useId, type ReactNode } from 'react';
import { Radio } from './Radio';
import './form.css';

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
}

/** A fieldset of radios with a legend; arrow keys move between them (native behaviour). */
export function RadioGroup<V extends string>({
  legend,
  hideLegend = false,
  value,
  options,
  onChange,
  orientation = 'vertical',
  disabled,
}: {
  legend: ReactNode;
  hideLegend?: boolean;
  value: V;
  options: readonly RadioOption<V>[];
  onChange(value: V): void;
  orientation?: 'vertical' | 'horizontal';
  disabled?: boolean;
}) {
  const name = useId();
  return (
    <fieldset className={`ui-radio-group ui-radio-group-${orientation}`} disabled={disabled}>
      <legend className={hideLegend ? 'visually-hidden' : 'ui-legend'}>{legend}</legend>
      {options.map((o) => (
        <div key={o.value} className="ui-radio-option">
          <Radio
            name={name}
            label={o.label}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            aria-describedby={o.description ? `${name}-${o.value}-d` : undefined}
          />
          {o.description && (
            <p id={`${name}-${o.value}-d`} className="ui-field-hint ui-radio-hint">
              {o.description}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}
