import './feedback.css';

/** A native progress bar (0..100) drawn with the tokens; named by `label`. */
export function ProgressBar({ label, value, tone = 'accent', size = 'md' }: { label: string; value: number; tone?: 'accent' | 'success'; size?: 'sm' | 'md' }) {
  return <progress className={`ui-progress ui-progress-${tone} ui-progress-${size}`} aria-label={label} max={100} value={value} />;
}
