import { useId, type ReactNode } from 'react';
import './form.css';

/** What a Field hands its control: the ids that tie label, description and error to it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: ReactNode;
  /** A hint under the control, read with it. */
  description?: ReactNode;
  /** The problem with the value, shown under the control in the danger colour and read with it. */
  error?: string | null | undefined;
  /** Spans both columns of a FormGrid. */
  wide?: boolean;
  /** `inline`: the label left of the control, for toolbars (no room for a description). */
  layout?: 'stacked' | 'inline';
  /** Reads the error out as it appears (role="alert"): for a dialog's one field, not for a form of many. */
  announceError?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A labelled control with its description and error tied to it (aria-describedby,
 * aria-invalid), so a screen reader reads the problem with the field. The control itself
 * comes from the render prop: Input, TextArea, Select, or a composite.
 */
export function Field({ label, description, error, wide, layout = 'stacked', announceError = false, className, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, description ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`ui-field${layout === 'inline' ? ' ui-field-inline' : ''}${wide ? ' ui-field-wide' : ''}${error ? ' ui-field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="ui-field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error && (
        <p id={errorId} className="ui-field-error" role={announceError ? 'alert' : undefined}>
          {error}
        </p>
      )}
      {description && (
        <p id={hintId} className="ui-field-hint">
          {description}
        </p>
      )}
    </div>
  );
}

/** Two columns of fields (one below 640 px); `wide` fields span both. */
export function FormGrid({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={`ui-form-grid${className ? ` ${className}` : ''}`}>{children}</div>;
}
