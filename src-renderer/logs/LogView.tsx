import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { CONTINUED, STDERR } from './log-buffer';
import { createMatcher, visibleText } from './log-query';
import type { LogSession } from './log-session';
import { ViewIndex } from './log-view-index';
import { LogRow, formatLocalTime } from './LogRow';
import { LogToolbar, type ToolbarProps } from './LogToolbar';
import { readPref, writePref } from './prefs';
import { logStrings as t } from './strings';
import { textStart } from './log-buffer';
import { useFixedRows } from './use-fixed-rows';
import { ArrowDown } from 'lucide-react';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { notify } from '../ui/toast';
import './logs.css';

const ROW_HEIGHT = 18;
const OVERSCAN = 12;

/** A stable colour slot per container name. */
export function colourSlot(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
  return Math.abs(h) % 8;
}

export interface LogViewProps {
  session: LogSession;
  /** For accessible names: the container or project. */
  name: string;
  tail: ToolbarProps['tail'];
  onTailChange: ToolbarProps['onTailChange'];
  capacity: number;
  onCapacityChange: (cap: number) => void;
  /** Downloads the whole log (containers only). */
  onDownload?: (() => Promise<string | null>) | undefined;
  /** Project view: lines are prefixed with their container. */
  aggregated?: boolean;
}

export function LogView(props: LogViewProps) {
  const { session, aggregated = false } = props;
  const version = useSyncExternalStore(session.subscribe, session.getVersion);
  // The engine's name for a container outlives its entry in the store (it may be removed).
  const name = (!aggregated && session.sources[0]?.name) || props.name;
  const buffer = session.buffer;

  const [showTimestamps, setShowTimestamps] = useState(() => readPref<boolean>('timestamps', false));
  const [wrap, setWrap] = useState(() => readPref<boolean>('wrap', false));
  const [query, setQuery] = useState('');
  const [filterOnly, setFilterOnly] = useState(false);
  const [hidden, setHidden] = useState<ReadonlySet<number>>(() => new Set());
  /** Null while following; else the line count the view is frozen at. */
  const [frozenAt, setFrozenAt] = useState<number | null>(null);
  const [currentMatch, setCurrentMatch] = useState(-1);
  const [clears, setClears] = useState(0);
  /** What the view says beside its line count: a download in progress, or a copy or download that failed. */
  const [notice, setNotice] = useState<{ message: string; failed: boolean } | null>(null);

  const following = frozenAt === null;
  const end = following ? buffer.total : Math.min(frozenAt, buffer.total);
  const indexRef = useRef(new ViewIndex());
  const index = indexRef.current;
  const options = useMemo(() => ({ query, filterOnly, hidden }), [query, filterOnly, hidden]);
  index.update(buffer, options, end, clears);
  const rows = index.rowCount(buffer, end);
  const matchCount = index.matchCount;
  const matcher = useMemo(() => createMatcher(query), [query]);
  const currentSeq = currentMatch >= 0 && currentMatch < matchCount ? index.matchAt(currentMatch) : -1;

  const scrollRef = useRef<HTMLDivElement>(null);
  // Unwrapped rows all have one height: a plain window over them, nothing kept per row.
  // Wrapped rows vary, and the general virtualizer measures them.
  const fixedWindow = useFixedRows(scrollRef, rows, ROW_HEIGHT, OVERSCAN, !wrap);
  const virtualizer = useVirtualizer({
    count: wrap ? rows : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    enabled: wrap,
  });

  // Following: stay at the bottom as lines arrive. Unwrapped, the bottom is known without
  // asking the layout (the browser clamps the value), so no forced layout per frame.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!following || !el) return;
    el.scrollTop = wrap ? el.scrollHeight : rows * ROW_HEIGHT;
  }, [following, version, rows, wrap]);

  const items: { index: number; start: number }[] = [];
  if (wrap) {
    for (const item of virtualizer.getVirtualItems()) items.push({ index: item.index, start: item.start });
  } else {
    // While following, the window is the last rows whatever the last scroll event said.
    const size = fixedWindow.end - fixedWindow.start;
    const start = following ? Math.max(0, rows - Math.max(size, 60)) : fixedWindow.start;
    const end = following ? rows : fixedWindow.end;
    for (let i = start; i < end; i++) items.push({ index: i, start: i * ROW_HEIGHT });
  }
  const totalHeight = wrap ? virtualizer.getTotalSize() : rows * ROW_HEIGHT;

  const scrollToRow = (row: number) => {
    const el = scrollRef.current;
    if (wrap) virtualizer.scrollToIndex(row, { align: 'center' });
    else if (el) el.scrollTop = Math.max(0, row * ROW_HEIGHT - el.clientHeight / 2);
  };

  const pause = useCallback(() => setFrozenAt((f) => f ?? session.buffer.total), [session]);
  const resume = useCallback(() => {
    setFrozenAt(null);
    setCurrentMatch(-1);
  }, []);

  // Find as you type: a changed query lands on the nearest match once the index has it,
  // counting from the match the shorter query had, else from the top of the view.
  const jumpFrom = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (jumpFrom.current === null || query === '' || matchCount === 0) return;
    const i = index.nearestMatch(jumpFrom.current);
    jumpFrom.current = null;
    goToMatch(i);
  });
  const onQuery = (q: string) => {
    const el = scrollRef.current;
    const topRow = wrap ? (virtualizer.range?.startIndex ?? 0) : el ? Math.floor(el.scrollTop / ROW_HEIGHT) : 0;
    jumpFrom.current = q === '' ? null : currentSeq >= 0 ? currentSeq : rows > 0 ? index.seqAt(buffer, Math.min(topRow, rows - 1)) : 0;
    setQuery(q);
    setCurrentMatch(-1);
  };

  const goToMatch = (next: number) => {
    if (matchCount === 0) return;
    const i = ((next % matchCount) + matchCount) % matchCount;
    pause();
    setCurrentMatch(i);
    const row = index.rowOf(buffer, index.matchAt(i));
    if (row >= 0) scrollToRow(row);
  };

  const sourceInfo = (seq: number) => {
    if (!aggregated) return null;
    const source = session.sourceAt(buffer.sourceOf(seq));
    const sourceName = source?.name ?? '?';
    return { name: sourceName, slot: colourSlot(sourceName) };
  };

  const displayed = (seq: number) => {
    const line = buffer.line(seq);
    const start = textStart(line);
    const ts = showTimestamps && start > 0 ? `${formatLocalTime(line.slice(0, start - 1))} ` : '';
    const src = sourceInfo(seq);
    return `${ts}${src ? `${src.name} | ` : ''}${visibleText(line)}`;
  };

  const copy = async () => {
    const selection = window.getSelection();
    const list = scrollRef.current;
    let text: string;
    let message: string;
    if (selection && !selection.isCollapsed && list && list.contains(selection.anchorNode)) {
      text = selection.toString();
      message = t.copiedSelection;
    } else {
      const lines: string[] = [];
      for (let row = 0; row < rows; row++) lines.push(displayed(index.seqAt(buffer, row)));
      text = lines.join('\n');
      message = t.copied(lines.length);
    }
    try {
      await navigator.clipboard.writeText(text);
      // Done is a passing confirmation (a toast); a failure stays here, at the log it concerns.
      setNotice(null);
      notify({ message, tone: 'success' });
    } catch (err) {
      setNotice({ message: t.copyFailed(err instanceof Error ? err.message : String(err)), failed: true });
    }
  };

  const clear = () => {
    session.clear();
    setClears((c) => c + 1);
    setCurrentMatch(-1);
    setFrozenAt((f) => (f === null ? null : 0));
  };

  const download = props.onDownload
    ? async () => {
        setNotice({ message: t.downloading, failed: false });
        try {
          const saved = await props.onDownload!();
          setNotice(null);
          if (saved) notify({ message: saved, tone: 'success' });
        } catch (err) {
          setNotice({ message: t.downloadFailed(err instanceof Error ? err.message : String(err)), failed: true });
        }
      }
    : undefined;

  const newLines = following ? 0 : buffer.total - end;
  const statusLine = statusText(session, name, aggregated);

  return (
    <section className="log-view" aria-label={t.regionLabel(name)}>
      <LogToolbar
        following={following}
        onPause={pause}
        onResume={resume}
        tail={props.tail}
        onTailChange={props.onTailChange}
        capacity={props.capacity}
        onCapacityChange={props.onCapacityChange}
        showTimestamps={showTimestamps}
        onShowTimestamps={(v) => {
          setShowTimestamps(v);
          writePref('timestamps', v);
        }}
        wrap={wrap}
        onWrap={(v) => {
          setWrap(v);
          writePref('wrap', v);
        }}
        query={query}
        onQuery={onQuery}
        filterOnly={filterOnly}
        onFilterOnly={setFilterOnly}
        matchLabel={query === '' ? '' : t.matches(currentMatch >= 0 ? currentMatch + 1 : 0, matchCount)}
        onNext={() => goToMatch(currentMatch + 1)}
        onPrevious={() => goToMatch(currentMatch < 0 ? matchCount - 1 : currentMatch - 1)}
        onCopy={() => void copy()}
        onClear={clear}
        onDownload={download}
      />
      {aggregated && session.sources.length > 0 && (
        <fieldset className="log-sources">
          <legend>{t.containersLabel}</legend>
          {session.sources.map((s) => {
            const i = session.indexOf(s.id);
            return (
              <Checkbox
                key={s.id}
                className={`log-src-toggle log-src-${colourSlot(s.name)}`}
                label={
                  <>
                    {t.showContainer(s.name)}
                    {s.state !== 'running' && <span className="log-src-state"> ({s.state})</span>}
                  </>
                }
                checked={!hidden.has(i)}
                onChange={(on) => {
                  const next = new Set(hidden);
                  if (on) next.delete(i);
                  else next.add(i);
                  setHidden(next);
                }}
              />
            );
          })}
        </fieldset>
      )}
      <div className="log-status">
        <span role="status" className="log-count" data-total={buffer.received} data-dropped={buffer.notKept}>
          {t.lineCount(buffer.length)}
          {buffer.notKept > 0 && ` · ${t.dropped(buffer.notKept)}`}
        </span>
        {statusLine && <span className="log-state">{statusLine}</span>}
        {notice && (
          <span className={`log-notice${notice.failed ? ' log-notice-failed' : ''}`} role={notice.failed ? 'alert' : 'status'}>
            {notice.message}
          </span>
        )}
      </div>
      <div
        ref={scrollRef}
        className={`log-scroll${wrap ? ' log-wrap' : ''}`}
        tabIndex={0}
        onWheel={(e) => {
          if (e.deltaY < 0 && following) pause();
        }}
        onKeyDown={(e) => {
          if (following && (e.key === 'PageUp' || e.key === 'ArrowUp' || e.key === 'Home')) pause();
        }}
      >
        {rows === 0 && (
          <p className="log-empty">
            {session.phase === 'loading' ? t.loading : query && filterOnly ? t.noMatches : t.empty}
          </p>
        )}
        <div role="list" aria-label={t.linesLabel} className="log-lines" style={{ height: totalHeight }}>
          {items.map((item, slot) => {
            const seq = index.seqAt(buffer, item.index);
            return (
              <LogRow
                // Keyed by place in the window: rows are patched in place as lines scroll through.
                key={slot}
                index={item.index}
                start={item.start}
                measure={wrap ? virtualizer.measureElement : undefined}
                line={buffer.line(seq)}
                stderr={(buffer.flagsOf(seq) & STDERR) !== 0}
                continued={(buffer.flagsOf(seq) & CONTINUED) !== 0}
                source={sourceInfo(seq)}
                showTimestamp={showTimestamps}
                matcher={matcher}
                current={seq === currentSeq}
              />
            );
          })}
        </div>
      </div>
      {!following && newLines > 0 && (
        <Button variant="primary" size="sm" icon={ArrowDown} className="log-new-lines" onClick={resume}>
          {t.newLines(newLines)}
        </Button>
      )}
    </section>
  );
}

function statusText(session: LogSession, name: string, aggregated: boolean): string | null {
  if (session.phase === 'ended' && session.error) return t.failed(session.error);
  if (aggregated) {
    if (session.phase !== 'loading' && session.sources.length === 0) return t.noProjectContainers(name);
    return null;
  }
  const source = session.sources[0];
  if (source?.state === 'removed') return t.removed(source.name);
  if (source?.state === 'stopped') return t.stopped(source.name);
  return null;
}
