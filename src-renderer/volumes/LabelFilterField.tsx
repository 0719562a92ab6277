import { useEffect, useRef, useState } from 'react';
import { TextField } from '../ui/TextField';
import { volumeStrings } from './strings';

const t = volumeStrings.labelFilter;
const LABEL_FILTER = /^[^\s=]+(=.*)?$/;
/** Typing pauses this long before the preview is asked again. */
const SETTLE_MS = 400;

/**
 * "Only objects with this label" for a clean-up, as `--filter label=KEY[=VALUE]` does. The
 * filter applies once typing pauses (or on Enter), so the preview is not asked for at every
 * key — and not on blur, which would change the dialog under a pointer on its way to a button.
 */
export function LabelFilterField({ onApply }: { onApply(labels: string[]): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const apply = (raw: string) => {
    clearTimeout(timer.current);
    const value = raw.trim();
    if (value !== '' && !LABEL_FILTER.test(value)) return setError(t.invalid);
    setError(null);
    onApply(value === '' ? [] : [value]);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <TextField
      label={t.label}
      description={t.hint}
      value={text}
      onChange={(value) => {
        setText(value);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => apply(value), SETTLE_MS);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          apply(text);
        }
      }}
      error={error}
      className="ui-mono"
    />
  );
}
