import { forwardRef, type TextareaHTMLAttributes } from 'react';
import './form.css';

/** The styled multi-line input (monospace: Berth's text areas hold KEY=VALUE lines and specs). */
export const TextArea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextArea(
  { className, rows = 3, ...rest },
  ref,
) {
  return <textarea ref={ref} rows={rows} spellCheck={false} autoCapitalize="off" className={`ui-input ui-textarea ui-mono${className ? ` ${className}` : ''}`} {...rest} />;
});
