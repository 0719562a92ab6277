import { useId } from 'react';

/** A labelled text field with its problem shown under it and tied to it for screen readers. */
export function TextField({
  label,
  value,
  onChange,
  problem,
  hint,
  placeholder,
  type = 'text',
  autoFocus,
  autoComplete,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
  hint?: string;
  placeholder?: string;
  type?: 'text' | 'password';
  autoFocus?: boolean;
  autoComplete?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [problem ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete={autoComplete ?? 'off'}
        autoFocus={autoFocus}
        disabled={disabled}
        aria-invalid={problem ? 'true' : 'false'}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
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
