import { forwardRef, type InputHTMLAttributes } from 'react';
import './form.css';

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  /** Monospace, for names, addresses and commands. */
  mono?: boolean;
}

/** The styled text input. Name it with a Field's label or an aria-label. */
export const Input = forwardRef<HTMLInputElement, InputProps>(function Input({ mono, className, type = 'text', ...rest }, ref) {
  return (
    <input
      ref={ref}
      type={type}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      className={`ui-input${mono ? ' ui-mono' : ''}${className ? ` ${className}` : ''}`}
      {...rest}
    />
  );
});
