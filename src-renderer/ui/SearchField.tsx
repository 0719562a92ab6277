import { Search } from 'lucide-react';
import type { InputHTMLAttributes } from 'react';
import './form.css';

export interface SearchFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  /** The accessible name (a search box has no visible label). */
  label: string;
  value: string;
  onChange(value: string): void;
}

/** A filter or search box: a magnifier, the browser's clear button, Escape clears. */
export function SearchField({ label, value, onChange, className, onKeyDown, ...rest }: SearchFieldProps) {
  return (
    <span className={`ui-search${className ? ` ${className}` : ''}`}>
      <Search className="ui-search-icon" size={14} aria-hidden="true" />
      <input
        type="search"
        className="ui-input"
        aria-label={label}
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value !== '') {
            e.stopPropagation();
            e.preventDefault();
            onChange('');
          }
          onKeyDown?.(e);
        }}
        {...rest}
      />
    </span>
  );
}
