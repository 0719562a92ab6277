import './feedback.css';

/** A small busy indicator; decorative — whatever is busy says so in words. */
export function Spinner({ size = 14 }: { size?: 12 | 14 | 16 | 20 }) {
  return <span className={`ui-spinner ui-spinner-${size}`} aria-hidden="true" />;
}
