import type { LogTail } from '../../src-common/models/logs';
import { LINE_CAP_CHOICES, TAIL_CHOICES } from './prefs';
import { logStrings as t } from './strings';

/** The usual choices, plus whatever the Settings page set if it is none of them. */
const capChoices = (current: number): number[] =>
  [...new Set<number>([...LINE_CAP_CHOICES, current])].sort((a, b) => a - b);

export interface ToolbarProps {
  following: boolean;
  onPause: () => void;
  onResume: () => void;
  tail: LogTail;
  onTailChange: (tail: LogTail) => void;
  capacity: number;
  onCapacityChange: (cap: number) => void;
  showTimestamps: boolean;
  onShowTimestamps: (v: boolean) => void;
  wrap: boolean;
  onWrap: (v: boolean) => void;
  query: string;
  onQuery: (q: string) => void;
  filterOnly: boolean;
  onFilterOnly: (v: boolean) => void;
  matchLabel: string;
  onNext: () => void;
  onPrevious: () => void;
  onCopy: () => void;
  onClear: () => void;
  onDownload?: (() => void) | undefined;
}

export function LogToolbar(p: ToolbarProps) {
  return (
    <div role="toolbar" aria-label={t.toolbar} className="log-toolbar">
      {p.following ? (
        <button type="button" onClick={p.onPause}>
          {t.pause}
        </button>
      ) : (
        <button type="button" className="button-primary" onClick={p.onResume}>
          {t.resume}
        </button>
      )}
      <label className="log-field">
        {t.tailLabel}
        <select
          value={String(p.tail)}
          onChange={(e) => p.onTailChange(e.target.value === 'all' ? 'all' : Number(e.target.value))}
        >
          {TAIL_CHOICES.map((c) => (
            <option key={c} value={String(c)}>
              {t.tailOptions[String(c)]}
            </option>
          ))}
        </select>
      </label>
      <label className="log-field">
        {t.capLabel}
        <select value={String(p.capacity)} onChange={(e) => p.onCapacityChange(Number(e.target.value))}>
          {capChoices(p.capacity).map((c) => (
            <option key={c} value={String(c)}>
              {c.toLocaleString('en-US')}
            </option>
          ))}
        </select>
      </label>
      <label className="log-check">
        <input type="checkbox" checked={p.showTimestamps} onChange={(e) => p.onShowTimestamps(e.target.checked)} />
        {t.timestamps}
      </label>
      <label className="log-check">
        <input type="checkbox" checked={p.wrap} onChange={(e) => p.onWrap(e.target.checked)} />
        {t.wrap}
      </label>
      <span className="log-search">
        <input
          type="search"
          aria-label={t.search}
          placeholder={t.searchPlaceholder}
          value={p.query}
          onChange={(e) => p.onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (e.shiftKey) p.onPrevious();
              else p.onNext();
            }
          }}
        />
        <button type="button" aria-label={t.previousMatch} disabled={p.query === ''} onClick={p.onPrevious}>
          ↑
        </button>
        <button type="button" aria-label={t.nextMatch} disabled={p.query === ''} onClick={p.onNext}>
          ↓
        </button>
        {p.matchLabel && (
          <span className="log-matches" aria-live="polite">
            {p.matchLabel}
          </span>
        )}
      </span>
      <label className="log-check">
        <input type="checkbox" checked={p.filterOnly} onChange={(e) => p.onFilterOnly(e.target.checked)} />
        {t.filterOnly}
      </label>
      <button type="button" onClick={p.onCopy}>
        {t.copy}
      </button>
      <button type="button" onClick={p.onClear}>
        {t.clear}
      </button>
      {p.onDownload && (
        <button type="button" onClick={p.onDownload}>
          {t.download}
        </button>
      )}
    </div>
  );
}
