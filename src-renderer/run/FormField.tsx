import { useId, type ReactNode } from 'react';
import './run.css';

export interface ControlProps {
  id: string;
  'aria-invalid': 'true' | 'false';
  'aria-describedby': string | undefined;
}

/**
 * A labelled control with its problem under it, tied to it with aria-describedby and
 * aria-invalid so a screen reader reads the problem with the field.
 */
export function FormField({
  label,
  problem,
  hint,
  children,
  wide,
}: {
  label: string;
  problem: string | null | undefined;
  hint?: string;
  children: (props: ControlProps) => ReactNode;
  wide?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [problem ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`run-field${wide ? ' run-field-wide' : ''}${problem ? ' run-field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problem ? 'true' : 'false', 'aria-describedby': describedBy })}
      {problem && (
        <p id={errorId} className="field-error">
          {problem}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
