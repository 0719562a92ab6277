import { memo, type CSSProperties, type ReactNode } from 'react';
import { textStart } from './log-buffer';
import { matchRanges } from './log-query';
import { parseSgr, type Segment, type SgrStyle } from './sgr';
import { logStrings as t } from './strings';

export interface RowProps {
  line: string;
  stderr: boolean;
  /** The line continues the row above (one log line too long for a row, cut by main). */
  continued: boolean;
  /** Container name and colour slot (project views). */
  source: { name: string; slot: number } | null;
  showTimestamp: boolean;
  matcher: RegExp | null;
  current: boolean;
  index: number;
  start: number;
  measure?: ((el: HTMLElement | null) => void) | undefined;
}

/** The engine's UTC timestamp in local time, to the millisecond. */
export function formatLocalTime(ts: string): string {
  // Date.parse wants at most milliseconds.
  const m = /^(.*T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(ts);
  if (!m) return ts;
  const ms = Date.parse(`${m[1]}${(m[2] ?? '.000').slice(0, 4).padEnd(4, '0')}Z`);
  if (!Number.isFinite(ms)) return ts;
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

function styleOf(s: SgrStyle | null): CSSProperties | undefined {
  if (!s) return undefined;
  const fg = s.inverse ? (s.bg ?? 'var(--bg)') : s.fg;
  const bg = s.inverse ? (s.fg ?? 'var(--fg)') : s.bg;
  const css: CSSProperties = {};
  if (fg) css.color = fg;
  if (bg) css.backgroundColor = bg;
  if (s.bold) css.fontWeight = 'bold';
  if (s.dim) css.opacity = 0.7;
  if (s.italic) css.fontStyle = 'italic';
  if (s.underline || s.strike) css.textDecoration = [s.underline && 'underline', s.strike && 'line-through'].filter(Boolean).join(' ');
  return css;
}

/** Segments with search matches marked; a match may span several styled segments. */
function renderText(segments: Segment[], ranges: [number, number][], current: boolean): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = 0;
  let r = 0;
  let key = 0;
  for (const seg of segments) {
    const style = styleOf(seg.style);
    const end = pos + seg.text.length;
    let at = pos;
    while (at < end) {
      while (r < ranges.length && ranges[r]![1] <= at) r++;
      const range = ranges[r];
      if (!range || range[0] >= end) {
        out.push(
          <span key={key++} style={style}>
            {seg.text.slice(at - pos)}
          </span>,
        );
        at = end;
      } else if (range[0] > at) {
        out.push(
          <span key={key++} style={style}>
            {seg.text.slice(at - pos, range[0] - pos)}
          </span>,
        );
        at = range[0];
      } else {
        const stop = Math.min(range[1], end);
        out.push(
          <mark key={key++} className={current ? 'log-mark current' : 'log-mark'} style={style}>
            {seg.text.slice(at - pos, stop - pos)}
          </mark>,
        );
        at = stop;
      }
    }
    pos = end;
  }
  return out;
}

export const LogRow = memo(function LogRow(props: RowProps) {
  const { line, stderr, continued, source, showTimestamp, matcher, current, index, start, measure } = props;
  const textAt = textStart(line);
  const body = textAt === 0 ? line : line.slice(textAt);
  const segments = parseSgr(body);
  const plain = segments.length === 1 ? segments[0]!.text : segments.map((s) => s.text).join('');
  const ranges = matchRanges(matcher, plain);
  return (
    <div
      ref={measure}
      data-index={index}
      role="listitem"
      className={`log-line${stderr ? ' log-stderr' : ''}${current ? ' log-current' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
    >
      {showTimestamp && textAt > 0 && <span className="log-ts">{formatLocalTime(line.slice(0, textAt - 1))} </span>}
      {source && <span className={`log-src log-src-${source.slot}`}>{source.name} | </span>}
      {continued && (
        <span className="log-cont-mark" title={t.continuedTitle}>
          {t.continuedMark}{' '}
        </span>
      )}
      {stderr && (
        <span className="log-err-mark" title={t.stderr}>
          {t.stderrMark}{' '}
        </span>
      )}
      <span className="log-text">{ranges.length ? renderText(segments, ranges, current) : renderText(segments, [], false)}</span>
    </div>
  );
});
