import type { ReactNode } from 'react';
import { Field } from './Field';
import { Input, type InputProps } from './Input';

export interface TextFieldProps extends Omit<InputProps, 'value' | 'onChange' | 'id'> {
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  description?: ReactNode;
  error?: string | null | undefined;
  wide?: boolean;
  announceError?: boolean;
}

/** Label, input, description and error in one: the common case of Field + Input. */
export function TextField({ label, value, onChange, description, error, wide, announceError, ...input }: TextFieldProps) {
  return (
    <Field label={label} description={description} error={error} announceError={announceError ?? false} {...(wide ? { wide } : {})}>
      {(control) => <Input {...input} {...control} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
